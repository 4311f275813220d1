//! Asking before doing: the inline confirmation, and a list row's edit / delete buttons with the
//! delete that follows it.

use super::form::Text;
use crate::api::ApiError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// `.inline-confirm` (`role=alertdialog`): the question `text`, what `children` add (a choice
/// that goes with it), `button.confirm-{action}` (worded by `label`, "Saving…" while `pending`)
/// and `button.cancel-{action}`. `class` adds classes to the wrapper.
#[component]
pub fn InlineConfirm(
    action: &'static str,
    #[prop(into)] text: Signal<String>,
    #[prop(into)] pending: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    #[prop(default = |t| t.common().confirm)] label: Text,
    #[prop(optional, into)] class: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if class.is_empty() { "inline-confirm".to_owned() } else { format!("inline-confirm {class}") };
    view! {
        <div class=class role="alertdialog">
            <span class="confirm-text">{move || text.get()}</span>
            {children.map(|c| c())}
            <div class="confirm-buttons">
                <button type="button" class=format!("btn btn-small btn-danger confirm-{action}")
                    disabled=move || pending.get() on:click=move |_| on_confirm.run(())>
                    {move || if pending.get() { i18n.t().common().saving } else { label(i18n.t()) }}
                </button>
                <button type="button" class=format!("btn btn-small btn-ghost cancel-{action}")
                    on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().common().cancel}
                </button>
            </div>
        </div>
    }
}

/// `.{kind}-actions`: `button.edit-{kind}` and `button.delete-{kind}`, shown to editors while the
/// delete is not being confirmed (`confirming`). `kind` names the row ("goal", "stage").
#[component]
pub fn RowActions(
    kind: &'static str,
    #[prop(into)] can_edit: Signal<bool>,
    confirming: RwSignal<bool>,
    on_edit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || can_edit.get() && !confirming.get()>
            <div class=format!("row-buttons {kind}-actions")>
                <button type="button" class=format!("btn btn-small btn-ghost edit-{kind}")
                    on:click=move |_| on_edit.run(())>
                    {move || i18n.t().common().edit}
                </button>
                <button type="button" class=format!("btn btn-small btn-danger-ghost delete-{kind}")
                    on:click=move |_| confirming.set(true)>
                    {move || i18n.t().common().delete}
                </button>
            </div>
        </Show>
    }
}

/// `.{kind}-confirm`: asks `text` with `button.confirm-delete` and `button.cancel-delete` while
/// `confirming` (the [`RowActions`] delete button turns it on).
#[component]
pub fn DeleteConfirm(
    kind: &'static str,
    #[prop(into)] text: Signal<String>,
    confirming: RwSignal<bool>,
    pending: RwSignal<bool>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || confirming.get()>
            <InlineConfirm action="delete" class=format!("inline-confirm-left {kind}-confirm") text=text
                pending=pending label=|t| t.common().delete on_confirm=on_confirm
                on_cancel=Callback::new(move |_| confirming.set(false)) />
        </Show>
    }
}

/// A row's delete: `pending` while `call` runs, `error` when it fails, `done` once it went.
pub fn delete_action<F, Fut>(
    pending: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    call: F,
    done: Callback<()>,
) -> Callback<()>
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    Callback::new(move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let request = call();
        spawn_local(async move {
            match request.await {
                Ok(()) => done.run(()),
                Err(e) => {
                    error.set(Some(e));
                    pending.set(false);
                }
            }
        });
    })
}

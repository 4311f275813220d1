//! Sending a form: the `on:submit` handler, the request with its pending and saved states,
//! and `.form-actions` (the submit button, closing an edit, the "saved" notice).

use super::form::Text;
use crate::api::ApiError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A form's `on:submit`: does nothing while `pending`; otherwise clears `saved` and hands what
/// `read` makes of the fields to `send`, or shows why it could not in `problem`.
pub fn submit_handler<I, P>(
    pending: RwSignal<bool>,
    saved: RwSignal<bool>,
    problem: RwSignal<Option<P>>,
    read: impl Fn() -> Result<I, P> + 'static,
    send: impl Fn(I) + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static
where
    P: Send + Sync + 'static,
{
    move |ev| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        match read() {
            Ok(input) => send(input),
            Err(p) => problem.set(Some(p)),
        }
    }
}

/// Sends a form: `pending` while `request` runs; then hands the answer to `stored` and turns
/// `saved` on, or puts why it failed in `problem`.
pub fn send_form<T, P, Fut>(
    pending: RwSignal<bool>,
    saved: RwSignal<bool>,
    problem: RwSignal<Option<P>>,
    request: Fut,
    stored: impl FnOnce(T) + 'static,
) where
    P: From<ApiError> + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    pending.set(true);
    problem.set(None);
    spawn_local(async move {
        match request.await {
            Ok(fresh) => {
                stored(fresh);
                saved.set(true);
            }
            Err(e) => problem.set(Some(P::from(e))),
        }
        pending.set(false);
    });
}

/// What an edit form's buttons and notice say: the submit button for a new entry and while
/// editing one, and the notice once created or saved.
#[derive(Clone, Copy)]
pub struct FormWords {
    pub add: Text,
    pub save: Text,
    pub created: Text,
    pub saved: Text,
}

/// `.form-actions`: the submit button (`submit_id` and `submit_class` name it; "Saving…" while
/// `pending`, else `words.save` while `editing` and `words.add` otherwise), the button that
/// closes the edit (while `editing`; `close_id`, `close_class`), and the notice once `saved`.
#[component]
pub fn FormActions(
    words: FormWords,
    editing: bool,
    pending: RwSignal<bool>,
    saved: RwSignal<bool>,
    on_close: Callback<()>,
    #[prop(optional)] submit_id: Option<&'static str>,
    #[prop(optional)] submit_class: &'static str,
    #[prop(optional)] close_id: Option<&'static str>,
    #[prop(optional)] close_class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit_class =
        if submit_class.is_empty() { "btn btn-primary".to_owned() } else { format!("btn btn-primary {submit_class}") };
    let close_class =
        if close_class.is_empty() { "btn btn-ghost".to_owned() } else { format!("btn btn-ghost {close_class}") };
    view! {
        <div class="form-actions form-actions-start">
            <button type="submit" id=submit_id class=submit_class disabled=move || pending.get()>
                {move || match (pending.get(), editing) {
                    (true, _) => i18n.t().common().saving,
                    (false, true) => (words.save)(i18n.t()),
                    (false, false) => (words.add)(i18n.t()),
                }}
            </button>
            {editing.then(|| view! {
                <button type="button" id=close_id class=close_class.clone() on:click=move |_| on_close.run(())>
                    {move || i18n.t().common().close_edit}
                </button>
            })}
            <Show when=move || saved.get()>
                <super::Notice text=Signal::derive(move || {
                    if editing { (words.saved)(i18n.t()) } else { (words.created)(i18n.t()) }.to_owned()
                }) />
            </Show>
        </div>
    }
}

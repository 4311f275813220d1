//! The conversation on a portal item: the client-visible comments, oldest first, and the form
//! to ask a question.

use super::item::MAX_TEXT;
use crate::api::{self, ApiError};
use crate::components::Notice;
use crate::i18n::{error_text, use_i18n};
use crate::pages::backlog_parts::{CommentItem, Reader};
use accord_api::backlog::CommentView;
use accord_api::BacklogItemId;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The client-visible conversation, oldest first, and the ask-a-question form.
#[component]
pub fn Conversation(id: BacklogItemId, comments: RwSignal<Vec<CommentView>>) -> impl IntoView {
    let i18n = use_i18n();
    let body = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiError>);
    let empty_body = RwSignal::new(false);
    let sent = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        sent.set(false);
        let text = body.get_untracked().trim().to_owned();
        if text.is_empty() {
            empty_body.set(true);
            return;
        }
        empty_body.set(false);
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::portal::comment(id, text).await {
                Ok(comment) => {
                    comments.update(|list| list.push(comment));
                    body.set(String::new());
                    sent.set(true);
                }
                Err(e) => problem.set(Some(e)),
            }
            pending.set(false);
        });
    };

    let list = move || {
        let all = comments.get();
        if all.is_empty() {
            return view! {
                <div class="portal-empty comments-empty">
                    <p class="empty-title">{move || i18n.t().portal_backlog().no_comments}</p>
                    <p class="empty-hint">{move || i18n.t().portal_backlog().no_comments_hint}</p>
                </div>
            }
            .into_any();
        }
        view! {
            <ul class="comments">
                {all.into_iter().map(|c| view! { <CommentItem comment=c reader=Reader::Client /> }).collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="card conversation-card">
            <h2 class="card-title">{move || i18n.t().portal_backlog().conversation}</h2>
            {list}
            <form class="form comment-form" on:submit=on_submit>
                <div class="field">
                    <label for="comment-body">{move || i18n.t().portal_backlog().ask}</label>
                    <textarea id="comment-body" name="body" rows="3" maxlength=MAX_TEXT.to_string()
                        placeholder=move || i18n.t().portal_backlog().ask_placeholder
                        aria-invalid=move || empty_body.get().to_string()
                        bind:value=body></textarea>
                    <p class="field-hint">{move || i18n.t().portal_backlog().ask_hint}</p>
                </div>
                <Show when=move || empty_body.get()>
                    <p class="field-error" role="alert">{move || i18n.t().portal_backlog().comment_empty}</p>
                </Show>
                {move || problem.get().map(|e| view! {
                    <p class="form-error comment-error" role="alert">{move || error_text(i18n.t(), &e)}</p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" class="btn btn-primary send-comment" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().portal_backlog().sending } else { i18n.t().portal_backlog().send }}
                    </button>
                </div>
                <Show when=move || sent.get()>
                    <Notice text=Signal::derive(move || i18n.t().portal_backlog().comment_sent.to_owned()) />
                </Show>
            </form>
        </section>
    }
}

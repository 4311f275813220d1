//! `#publish-card`: the published revision, the "unpublished changes" hint, `#publish-minutes`,
//! the decisions as the client reads them (with "changed" markers), and the client's responses.

use super::MeetingCtx;
use crate::api::meetings as api;
use crate::api::ApiError;
use crate::i18n::{error_text, fill, use_i18n};
use crate::pages::meeting_parts::{DecisionList, ResponseList};
use accord_api::meetings::MeetingStatus;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PublishCard(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id;
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let revision = move || ctx.meeting.with(|m| m.revision);
    let unpublished = move || ctx.meeting.with(|m| m.unpublished_changes);
    let held = move || ctx.meeting.with(|m| m.summary.status == MeetingStatus::Held);
    // Nothing new to publish once the latest draft is out (the server would refuse it).
    let can_publish = move || ctx.meeting.with(|m| m.can_edit) && held() && (revision() == 0 || unpublished());
    let publish = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::publish(id).await {
                Ok(fresh) => ctx.meeting.set(fresh),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="card" id="publish-card" data-revision=move || revision().to_string()
            data-unpublished=move || unpublished().to_string()>
            <h2 class="card-title">{move || i18n.t().meetings_staff().publish}</h2>
            <p id="publish-state" class="card-hint">
                {move || match revision() {
                    0 => i18n.t().meetings_staff().never_published.to_owned(),
                    n => fill(i18n.t().meetings_staff().published, &[&n]),
                }}
            </p>
            <Show when=move || { revision() > 0 && unpublished() }>
                <p id="unpublished-changes" class="warning-banner">{move || i18n.t().meetings_staff().unpublished_changes}</p>
            </Show>
            <Show when=can_publish>
                <button type="button" id="publish-minutes" class="btn btn-primary" disabled=move || pending.get() on:click=publish>
                    {move || if pending.get() { i18n.t().meetings_staff().publishing } else { i18n.t().meetings_staff().publish }}
                </button>
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error publish-error" role="alert">{move || error_text(i18n.t(), &e)}</p> })}
            <Show when=move || { revision() > 0 }>
                <h3 class="roadmap-form-title">{move || i18n.t().meetings().decisions_title}</h3>
                <div id="published-decisions">
                    {move || view! { <DecisionList decisions=ctx.meeting.with(|m| m.decisions.clone()) /> }}
                </div>
                <h3 class="roadmap-form-title">{move || i18n.t().meetings().responses_title}</h3>
                <div id="minutes-responses">
                    {move || view! { <ResponseList responses=ctx.meeting.with(|m| m.responses.clone()) /> }}
                </div>
            </Show>
        </div>
    }
}

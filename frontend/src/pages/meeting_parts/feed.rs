//! `#calendar-feed`: the signed-in person's secret calendar feed — issue, re-issue (after a
//! confirmation), revoke (after a confirmation); the URL is shown once, right after issuing.

use crate::api::meetings::{self as api, FeedOwner};
use crate::api::ApiError;
use crate::components::{ErrorBanner, InlineConfirm, Loading, Notice};
use crate::i18n::{error_text, fill, format_date_time, use_i18n};
use accord_api::meetings::CalendarFeed;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the confirmation under the buttons asks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asking {
    Nothing,
    Reissue,
    Revoke,
}

#[component]
pub fn CalendarFeedCard(
    owner: FeedOwner,
    #[prop(optional)] hint: Option<crate::components::form::Text>,
) -> impl IntoView {
    let i18n = use_i18n();
    let feed = LocalResource::new(move || api::feed(owner));
    // The answer to the last issue or revoke, which replaces the loaded state.
    let latest = RwSignal::new(None::<CalendarFeed>);
    let asking = RwSignal::new(Asking::Nothing);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let revoked = RwSignal::new(false);

    let issue = move || {
        pending.set(true);
        error.set(None);
        revoked.set(false);
        spawn_local(async move {
            match api::issue_feed(owner).await {
                Ok(fresh) => latest.set(Some(fresh)),
                Err(e) => error.set(Some(e)),
            }
            asking.set(Asking::Nothing);
            pending.set(false);
        });
    };
    let revoke = move || {
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::revoke_feed(owner).await {
                Ok(()) => {
                    latest.set(Some(CalendarFeed { url: None, active: false, issued_at: None }));
                    revoked.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            asking.set(Asking::Nothing);
            pending.set(false);
        });
    };

    let body = move || {
        let current = match (latest.get(), feed.get()) {
            (Some(fresh), _) => fresh,
            (None, Some(Ok(loaded))) => loaded,
            (None, Some(Err(e))) => {
                return view! { <ErrorBanner error=e on_retry=Callback::new(move |_| feed.refetch()) /> }.into_any()
            }
            (None, None) => return view! { <Loading /> }.into_any(),
        };
        let state = match (current.active, current.issued_at) {
            (true, Some(at)) => view! {
                <p class="feed-state" data-active="true">
                    {move || fill(i18n.t().meetings().feed_active, &[&format_date_time(i18n.locale(), &at)])}
                </p>
            }
            .into_any(),
            _ => view! {
                <p class="feed-state muted" data-active=current.active.to_string()>{move || i18n.t().meetings().feed_none}</p>
            }
            .into_any(),
        };
        let url = current.url.clone().map(|url| {
            view! {
                <div class="field feed-url-field">
                    <input id="feed-url" type="text" readonly=true value=url.clone()
                        on:focus=move |ev| {
                            if let Some(input) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(
                                &event_target::<web_sys::EventTarget>(&ev),
                            ) {
                                input.select();
                            }
                        } />
                    <p class="field-hint feed-copy-hint">{move || i18n.t().meetings().feed_copy}</p>
                </div>
            }
        });
        let active = current.active;
        view! {
            {state}
            {url}
            <Show when=move || asking.get() == Asking::Nothing>
                <div class="form-actions form-actions-start feed-buttons">
                    {if active {
                        view! {
                            <button type="button" id="feed-reissue" class="btn btn-ghost" disabled=move || pending.get()
                                on:click=move |_| asking.set(Asking::Reissue)>
                                {move || i18n.t().meetings().feed_reissue}
                            </button>
                            <button type="button" id="feed-revoke" class="btn btn-danger-ghost" disabled=move || pending.get()
                                on:click=move |_| asking.set(Asking::Revoke)>
                                {move || i18n.t().meetings().feed_revoke}
                            </button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button type="button" id="feed-issue" class="btn btn-primary" disabled=move || pending.get()
                                on:click=move |_| issue()>
                                {move || i18n.t().meetings().feed_issue}
                            </button>
                        }
                        .into_any()
                    }}
                </div>
            </Show>
        }
        .into_any()
    };

    view! {
        <div class="card" id="calendar-feed">
            <h2 class="card-title">{move || i18n.t().meetings().feed_title}</h2>
            <p class="card-hint">{move || i18n.t().meetings().feed_hint}</p>
            {hint.map(|h| view! { <p class="card-hint">{move || h(i18n.t())}</p> })}
            {body}
            <Show when=move || asking.get() == Asking::Reissue>
                <InlineConfirm action="reissue" text=Signal::derive(move || i18n.t().meetings().feed_reissue_confirm.to_owned())
                    pending=pending label=|t| t.meetings().feed_reissue
                    on_confirm=Callback::new(move |_| issue()) on_cancel=Callback::new(move |_| asking.set(Asking::Nothing)) />
            </Show>
            <Show when=move || asking.get() == Asking::Revoke>
                <InlineConfirm action="revoke" text=Signal::derive(move || i18n.t().meetings().feed_revoke_confirm.to_owned())
                    pending=pending label=|t| t.meetings().feed_revoke
                    on_confirm=Callback::new(move |_| revoke()) on_cancel=Callback::new(move |_| asking.set(Asking::Nothing)) />
            </Show>
            <Show when=move || revoked.get()>
                <Notice text=Signal::derive(move || i18n.t().meetings().feed_revoked.to_owned()) />
            </Show>
            {move || error.get().map(|e| view! { <p class="form-error feed-error" role="alert">{move || error_text(i18n.t(), &e)}</p> })}
        </div>
    }
}

//! The client's Meetings tab (`/app/clients/:id/meetings`): regular series with their create and
//! change-from-a-date forms, a one-off meeting form, the next meetings, and past ones by page.
//! The Promises tab lives in `promises.rs`.

mod invitees;
mod one_off;
mod promises;
mod series_form;

pub use promises::PromisesTab;

use super::frame::use_client;
use crate::api::meetings as api;
use crate::api::ApiError;
use crate::components::{async_view, EmptyState, Pagination};
use crate::i18n::{error_text, use_i18n};
use crate::pages::meeting_parts::{ack_badge, status_badge, MeetingWhen};
use crate::routes::{ClientTab, Route};
use accord_api::meetings::{ClientMeetings, MeetingSummary, SeriesView};
use accord_api::{ClientId, Page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use one_off::OneOffForm;
use series_form::{series_rule, SeriesForm};

#[component]
pub fn MeetingsTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let can_edit = ctx.can_edit();
    let page = RwSignal::new(1u64);
    let meetings = LocalResource::new(move || api::client_meetings(client, page.get()));
    let reload = Callback::new(move |_| meetings.refetch());
    view! {
        <div class="tab-grid tab-grid-wide-side meetings-tab">
            <div class="tab-main">
                <p class="tab-links">
                    <A href=Route::StaffClientTab(client, ClientTab::Promises).path() attr:class="muted-link to-client-promises">
                        {move || i18n.t().meetings_staff().to_promises}
                    </A>
                </p>
                {async_view(meetings, move |data| view! {
                    <MeetingsBody client=client data=data can_edit=can_edit on_reload=reload
                        on_page=Callback::new(move |p| page.set(p)) />
                })}
            </div>
            <aside class="tab-side">
                <Show when=move || can_edit.get()>
                    <SeriesForm client=client changing=None on_saved=reload />
                    <OneOffForm client=client on_saved=reload />
                </Show>
            </aside>
        </div>
    }
    .into_any()
}

#[component]
fn MeetingsBody(
    client: ClientId,
    data: ClientMeetings,
    can_edit: Memo<bool>,
    on_reload: Callback<()>,
    on_page: Callback<u64>,
) -> impl IntoView {
    view! {
        <UpcomingCard upcoming=data.upcoming />
        <SeriesCard client=client series=data.series can_edit=can_edit on_saved=on_reload />
        <PastCard past=data.past on_page=on_page />
    }
}

#[component]
fn SeriesCard(
    client: ClientId,
    series: Vec<SeriesView>,
    can_edit: Memo<bool>,
    on_saved: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let changing = RwSignal::new(None::<SeriesView>);
    let body = if series.is_empty() {
        view! { <EmptyState title=|t| t.meetings_staff().no_series hint=|t| t.meetings_staff().no_series_hint /> }
            .into_any()
    } else {
        view! {
            <ul class="series-list" id="series-list">
                {series.into_iter().map(|s| {
                    let rule = s.clone();
                    let ended = s.ended;
                    let for_change = s.clone();
                    view! {
                        <li class="series-item" data-id=s.id.to_string() data-ended=ended.to_string()>
                            <div class="series-main">
                                <span class="series-title">{s.title.clone()}</span>
                                {ended.then(|| view! { <span class="badge badge-grey series-ended">{move || i18n.t().meetings_staff().series_ended}</span> })}
                                <p class="series-rule muted">{move || series_rule(i18n.t(), i18n.locale(), &rule)}</p>
                            </div>
                            <Show when=move || can_edit.get() && !ended>
                                <button type="button" class="btn btn-small btn-ghost change-series" on:click={
                                    let s = for_change.clone();
                                    move |_| changing.set(Some(s.clone()))
                                }>
                                    {move || i18n.t().meetings_staff().change_series}
                                </button>
                            </Show>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let after_change = Callback::new(move |_| {
        changing.set(None);
        on_saved.run(());
    });
    view! {
        <div class="card" id="series-card">
            <h2 class="card-title">{move || i18n.t().meetings_staff().series_title}</h2>
            {body}
        </div>
        {move || changing.get().map(|s| view! {
            <div class="series-change-wrap">
                <SeriesForm client=client changing=Some(s) on_saved=after_change />
                <button type="button" class="btn btn-ghost close-series-change" on:click=move |_| changing.set(None)>
                    {move || i18n.t().common().close_edit}
                </button>
            </div>
        })}
    }
}

#[component]
fn UpcomingCard(upcoming: Vec<MeetingSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if upcoming.is_empty() {
        view! { <EmptyState title=|t| t.meetings_staff().no_upcoming hint=|t| t.meetings_staff().no_upcoming_hint /> }
            .into_any()
    } else {
        view! {
            <ul class="upcoming-meetings" id="upcoming-meetings">
                {upcoming.into_iter().map(|m| view! { <UpcomingEntry meeting=m /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="card" id="upcoming-card">
            <h2 class="card-title">{move || i18n.t().meetings_staff().upcoming_title}</h2>
            {body}
        </div>
    }
}

/// `li.upcoming-meeting[data-id][data-series][data-on]` with `button.open-meeting`: a stored
/// meeting opens at once; a computed occurrence is stored first, then opened.
#[component]
fn UpcomingEntry(meeting: MeetingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let (id, series, on) = (meeting.id, meeting.series_id, meeting.occurrence_on);
    let open = move |_| {
        if pending.get_untracked() {
            return;
        }
        let navigate = navigate.clone();
        match (id, series, on) {
            (Some(id), _, _) => navigate(&Route::StaffMeeting(id).path(), Default::default()),
            (None, Some(series), Some(on)) => {
                pending.set(true);
                error.set(None);
                spawn_local(async move {
                    match api::store_occurrence(series, on).await {
                        Ok(stored) => match stored.summary.id {
                            Some(id) => navigate(&Route::StaffMeeting(id).path(), Default::default()),
                            None => error.set(Some(ApiError::local(crate::api::ErrorCode::BadResponse, String::new()))),
                        },
                        Err(e) => error.set(Some(e)),
                    }
                    pending.set(false);
                });
            }
            _ => {}
        }
    };
    let agenda = meeting.agenda_count;
    let status = meeting.status;
    view! {
        <li class="upcoming-meeting" data-id=id.map(|i| i.to_string()) data-series=series.map(|s| s.to_string())
            data-on=on.map(|d| crate::i18n::iso_day(&d)) data-status=status.as_str()>
            <div class="upcoming-main">
                <span class="upcoming-title">{meeting.title.clone()}</span>
                <p class="upcoming-when muted"><MeetingWhen summary=meeting.clone() /></p>
            </div>
            <div class="upcoming-side">
                {(status != accord_api::meetings::MeetingStatus::Scheduled).then(|| status_badge(status))}
                {(agenda > 0).then(|| view! {
                    <span class="count-badge agenda-count">{move || i18n.t().meetings_staff().agenda_count.count(agenda.into())}</span>
                })}
                <button type="button" class="btn btn-small btn-ghost open-meeting" disabled=move || pending.get() on:click=open>
                    {move || if pending.get() { i18n.t().common().loading } else { i18n.t().meetings_staff().open_meeting }}
                </button>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{move || error_text(i18n.t(), &e)}</p> })}
        </li>
    }
}

#[component]
fn PastCard(past: Page<MeetingSummary>, on_page: Callback<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if past.items.is_empty() && past.page <= 1 {
        view! { <EmptyState title=|t| t.meetings_staff().no_past hint=|t| t.meetings_staff().no_past_hint /> }
            .into_any()
    } else {
        let (total, page, per_page) = (past.total, past.page, past.per_page);
        view! {
            <div class="table-wrap">
                <table class="table" id="past-meetings">
                    <tbody>
                        {past.items.into_iter().map(|m| {
                            let link = m.id.map(|id| Route::StaffMeeting(id).path());
                            let title = m.title.clone();
                            view! {
                                <tr class="past-meeting" data-id=m.id.map(|i| i.to_string()) data-status=m.status.as_str()
                                    data-ack=m.ack.as_str() class:ack-overdue=m.ack_overdue>
                                    <td class="cell-main">
                                        {match link {
                                            Some(href) => view! { <A href=href attr:class="row-link past-meeting-link">{title}</A> }.into_any(),
                                            None => view! { <span>{title}</span> }.into_any(),
                                        }}
                                        <div class="cell-sub"><MeetingWhen summary=m.clone() /></div>
                                    </td>
                                    <td>{status_badge(m.status)}</td>
                                    <td>{ack_badge(m.ack, m.ack_overdue)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pagination total=total page=page per_page=per_page on_change=on_page />
        }
        .into_any()
    };
    view! {
        <div class="card card-flush" id="past-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().meetings_staff().past_title}</h2></div>
            {body}
        </div>
    }
}

//! `/app/minutes/unacknowledged`: published minutes clients have not acknowledged for longer than
//! the agency allows (`#unacknowledged-table`, `tr.unack-row[data-id]`).

use crate::api::meetings as api;
use crate::components::{async_view, EmptyState};
use crate::i18n::{format_date, format_date_time, use_i18n};
use crate::pages::meeting_parts::ack_badge;
use crate::routes::Route;
use accord_api::meetings::UnacknowledgedMinutes;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn UnacknowledgedPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::unacknowledged);
    view! {
        <section class="page unacknowledged-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().meetings_staff().unack_title}</h1>
                    <p class="subtitle">{move || i18n.t().meetings_staff().unack_subtitle}</p>
                </div>
            </div>
            <div class="card card-flush">
                {async_view(list, move |rows| view! { <UnackTable rows=rows /> })}
            </div>
        </section>
    }
}

#[component]
fn UnackTable(rows: Vec<UnacknowledgedMinutes>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! {
            <EmptyState title=|t| t.meetings_staff().unack_empty hint=|t| t.meetings_staff().unack_empty_hint />
        }
        .into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table" id="unacknowledged-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().meetings_staff().col_client}</th>
                        <th>{move || i18n.t().meetings_staff().col_meeting}</th>
                        <th class="hide-sm">{move || i18n.t().meetings_staff().col_published}</th>
                        <th class="num">{move || i18n.t().meetings_staff().col_waiting}</th>
                        <th>{move || i18n.t().common().status}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let (starts, published, days) = (r.starts_at, r.published_at, r.days_waiting);
                        view! {
                            <tr class="unack-row" data-id=r.meeting_id.to_string() data-days=days>
                                <td class="cell-main">
                                    <A href=Route::StaffClient(r.client_id).path() attr:class="row-link">{r.client_name.clone()}</A>
                                </td>
                                <td>
                                    <A href=Route::StaffMeeting(r.meeting_id).path() attr:class="unack-meeting">{r.title.clone()}</A>
                                    <div class="cell-sub">{move || format_date_time(i18n.locale(), &starts)}</div>
                                </td>
                                <td class="hide-sm">{move || format_date(i18n.locale(), &published)}</td>
                                <td class="num unack-days">{move || i18n.t().meetings_staff().days_waiting.count(days.into())}</td>
                                <td>{ack_badge(r.ack, true)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

//! `#reads-card`: who of the client's people opened the published report (`table#reads-table`:
//! first and last time, how often) and who with portal access has not (`#not-read-by`).

use super::ReportCtx;
use crate::i18n::{fill, format_date_time, use_i18n};
use accord_api::projects::ContactRef;
use accord_api::reports::ReadReceipt;
use leptos::prelude::*;

#[component]
pub fn ReadsCard(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let data = Memo::new(move |_| ctx.report.with(|r| (r.summary.revision, r.reads.clone(), r.not_read_by.clone())));
    view! {
        <div class="card" id="reads-card">
            <h2 class="card-title">{move || i18n.t().reports_staff().reads_title}</h2>
            {move || {
                let (revision, reads, not_read_by) = data.get();
                if revision == 0 {
                    view! { <p class="muted" id="reads-unpublished">{move || i18n.t().reports_staff().reads_unpublished}</p> }
                        .into_any()
                } else {
                    view! { <Reads reads=reads not_read_by=not_read_by /> }.into_any()
                }
            }}
        </div>
    }
}

#[component]
fn Reads(reads: Vec<ReadReceipt>, not_read_by: Vec<ContactRef>) -> impl IntoView {
    let i18n = use_i18n();
    let any_read = !reads.is_empty();
    let table = if reads.is_empty() {
        view! { <p class="muted" id="no-reads">{move || i18n.t().reports_staff().no_reads}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table reads-table" id="reads-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().reports_staff().col_contact}</th>
                            <th>{move || i18n.t().reports_staff().col_first_opened}</th>
                            <th class="hide-sm">{move || i18n.t().reports_staff().col_last_opened}</th>
                            <th class="num">{move || i18n.t().reports_staff().col_opens}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {reads.into_iter().map(|r| {
                            let (first, last) = (r.first_at, r.last_at);
                            view! {
                                <tr class="read-row" data-contact=r.contact.id.to_string()>
                                    <td class="cell-main">{r.contact.name.clone()}</td>
                                    <td class="date">{move || format_date_time(i18n.locale(), &first)}</td>
                                    <td class="date hide-sm">{move || format_date_time(i18n.locale(), &last)}</td>
                                    <td class="num read-opens">{r.opens}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let names = not_read_by.into_iter().map(|c| c.name).collect::<Vec<_>>().join(", ");
    let rest = if names.is_empty() && !any_read {
        ().into_any()
    } else if names.is_empty() {
        view! { <p class="card-hint" id="read-by-all">{move || i18n.t().reports_staff().everyone_read}</p> }.into_any()
    } else {
        view! {
            <p class="card-hint not-read-by" id="not-read-by">
                {move || fill(i18n.t().reports_staff().not_read_by, &[&names])}
            </p>
        }
        .into_any()
    };
    view! { {table} {rest} }
}

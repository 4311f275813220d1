//! `/app/standard`: every active project (of the clients this person sees) that keeps fewer
//! than two items agreed with the client and not yet started, with a link to its backlog.

use crate::api;
use crate::components::{async_view, EmptyState};
use crate::i18n::use_i18n;
use crate::pages::clients::STANDARD;
use crate::routes::Route;
use accord_api::backlog::BelowStandard;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StandardPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::backlog::below_standard);
    view! {
        <section class="page standard-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().backlog().standard_title}</h1>
                    <p class="subtitle">{move || i18n.t().backlog().standard_subtitle.count(STANDARD.into())}</p>
                </div>
            </div>
            <div class="card card-flush">
                {async_view(list, move |rows| view! { <StandardTable rows=rows /> })}
            </div>
        </section>
    }
}

#[component]
fn StandardTable(rows: Vec<BelowStandard>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! {
            <div class="standard-empty">
                <EmptyState title=|t| t.backlog().standard_all_good hint=|t| t.backlog().standard_all_good_hint />
            </div>
        }
        .into_any();
    }
    let total = rows.len();
    view! {
        <p class="table-caption" id="standard-total">{move || i18n.t().backlog().standard_total.count(total as u64)}</p>
        <div class="table-wrap">
            <table class="table" id="standard-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().portal().portal_client}</th>
                        <th>{move || i18n.t().projects().project_name}</th>
                        <th class="hide-sm">{move || i18n.t().clients().account_manager}</th>
                        <th class="num">{move || i18n.t().backlog().agreed_not_started}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let manager = r.account_manager.clone().map(|m| m.name);
                        let has_manager = manager.is_some();
                        let count = r.agreed_not_started;
                        view! {
                            <tr class="standard-row" data-project=r.project_id.to_string() data-count=count>
                                <td class="cell-main">
                                    <A href=Route::StaffClient(r.client_id).path() attr:class="row-link standard-client">
                                        {r.client_name.clone()}
                                    </A>
                                </td>
                                <td>
                                    <A href=Route::StaffBacklog(r.client_id, r.project_id).path()
                                        attr:class="standard-project">
                                        {r.project_name.clone()} " →"
                                    </A>
                                </td>
                                <td class="hide-sm standard-manager" class:muted=!has_manager>
                                    {move || manager.clone().unwrap_or_else(|| i18n.t().clients().no_manager.to_owned())}
                                </td>
                                <td class="num">
                                    <span class="standard-cell agreed-count" class:zero=count == 0>
                                        {count} " / " {STANDARD}
                                    </span>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

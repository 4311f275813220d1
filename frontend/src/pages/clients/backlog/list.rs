//! `/app/clients/:id/projects/:pid/backlog`: the project's items by rank with filters (kept in
//! the URL), pages of 50, moving up and down, CSV export and import, and the "new item" form.

use super::csv::ImportCsv;
use super::filters::BacklogFilters;
use super::form::ItemForm;
use super::{priority_mark, source_label, STANDARD};
use crate::api::backlog::BacklogQuery;
use crate::api::{self, ApiError};
use crate::components::form::Text;
use crate::components::{async_view, EmptyState, ErrorBanner, Pagination};
use crate::i18n::{fill, format_money, use_i18n};
use crate::pages::backlog_parts::{format_hours, CrBadge, Reader, StatusBadge};
use crate::pages::clients::frame::use_client;
use crate::routes::{ClientTab, Route};
use accord_api::backlog::{BacklogItemView, MoveItem};
use accord_api::error::Code;
use accord_api::projects::ProjectView;
use accord_api::{ClientId, Page, ProjectId, ProjectStatus};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

const PER_PAGE: u64 = 50;

#[component]
pub fn BacklogPage() -> impl IntoView {
    let params = use_params_map();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let project_id = Memo::new(move |_| params.read().get("pid").and_then(|s| s.parse::<ProjectId>().ok()));
    view! {
        {move || match project_id.get() {
            Some(project) => view! { <ProjectBacklog client=client project=project /> }.into_any(),
            None => view! { <ErrorBanner error=ApiError::local(Code::NotFound, String::new()) /> }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn ProjectBacklog(client: ClientId, project: ProjectId) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = use_client().map(|c| c.can_edit()).unwrap_or_else(|| Memo::new(|_| false));
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|m| BacklogQuery::from_params(|key| m.get(key))));
    let page =
        Memo::new(move |_| params.with(|m| m.get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(1).max(1)));
    let items = LocalResource::new(move || {
        let (query, page) = (query.get(), page.get());
        async move { api::backlog::list(client, project, &query, page, PER_PAGE).await }
    });
    let projects = LocalResource::new(move || api::projects::list(client));
    let this_project = Memo::new(move |_| {
        projects.get().and_then(Result::ok).and_then(|list| list.into_iter().find(|p| p.id == project))
    });

    let navigate = use_navigate();
    let show = Callback::new(move |(next, page): (BacklogQuery, u64)| {
        let mut search = api::backlog::query_string(&next);
        if page > 1 {
            let sep = if search.is_empty() { "" } else { "&" };
            search = format!("{search}{sep}page={page}");
        }
        let options = NavigateOptions { replace: true, scroll: false, ..NavigateOptions::default() };
        navigate(&Route::StaffBacklogQuery(client, project, search).path(), options);
    });
    let on_filter = Callback::new(move |next: BacklogQuery| show.run((next, 1)));
    let on_page = Callback::new(move |p: u64| show.run((query.get_untracked(), p)));
    let on_changed = Callback::new(move |_| {
        items.refetch();
        projects.refetch();
    });

    let project_name = move || this_project.get().map(|p| p.name).unwrap_or_else(|| "…".to_owned());
    view! {
        <div class="backlog-page" data-project=project.to_string()>
            <nav class="breadcrumb" aria-label=move || i18n.t().backlog().breadcrumb>
                <A href=Route::StaffClientTab(client, ClientTab::Projects).path() attr:class="crumb crumb-projects">
                    {move || i18n.t().clients().tab_projects}
                </A>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <span class="crumb">{project_name}</span>
                <span class="crumb-sep" aria-hidden="true">"›"</span>
                <span class="crumb crumb-current">{move || i18n.t().backlog().title}</span>
            </nav>
            <div class="backlog-head">
                <div class="backlog-heading">
                    <h2 class="backlog-title" id="backlog-title">
                        {move || i18n.t().backlog().title} " · " {project_name}
                    </h2>
                    <p class="subtitle">{move || i18n.t().backlog().subtitle}</p>
                </div>
                <div class="header-actions">
                    <a class="btn btn-small export-csv" href=api::backlog::export_url(client, project)
                        download="backlog.csv">
                        <span aria-hidden="true">"⤓"</span> {move || i18n.t().backlog().export_csv}
                    </a>
                    <Show when=move || can_edit.get()>
                        <a class="btn btn-small btn-primary new-item-link" href="#new-item">
                            "+ " {move || i18n.t().backlog().new_item}
                        </a>
                    </Show>
                </div>
            </div>
            {move || this_project.get().map(|p| view! { <StandardFigure project=p /> })}
            {move || match projects.get() {
                Some(Err(e)) => Some(view! {
                    <ErrorBanner error=e on_retry=Callback::new(move |_| projects.refetch()) />
                }),
                _ => None,
            }}
            <div class="card card-flush backlog-card">
                <BacklogFilters query=query on_change=on_filter />
                {async_view(items, move |data| view! {
                    <BacklogTable client=client project=project data=data
                        narrowed=query.get_untracked().narrows() manage=can_edit.get_untracked()
                        on_page=on_page on_changed=on_changed />
                })}
            </div>
            <Show when=move || can_edit.get()>
                <div class="backlog-tools">
                    <div class="card item-form-card" id="new-item">
                        <h2 class="card-title">{move || i18n.t().backlog().new_item}</h2>
                        <ItemForm client=client project=project editing=None on_saved=Callback::new(move |_| {
                            on_changed.run(());
                        }) />
                    </div>
                    <ImportCsv client=client project=project on_imported=on_changed />
                </div>
            </Show>
        </div>
    }
    .into_any()
}

/// "Agreed, not started: N" with the standard (at least two) and a red flag when an active
/// project is below it.
#[component]
fn StandardFigure(project: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let count = project.agreed_not_started;
    let below = project.below_standard;
    let active = project.status == ProjectStatus::Active;
    view! {
        <div class="standard-figure" class:below=below id="agreed-not-started">
            <span class="standard-count agreed-count">{count}</span>
            <span class="standard-text">
                <span class="standard-caption">{move || i18n.t().backlog().agreed_not_started}</span>
                <span class="standard-rule">
                    {move || fill(i18n.t().backlog().standard_rule, &[&STANDARD])}
                    {(!active).then(|| view! { " · " {move || i18n.t().backlog().standard_inactive} })}
                </span>
            </span>
            {below.then(|| view! {
                <span class="badge badge-red below-standard" title=move || i18n.t().backlog().below_standard_hint>
                    {move || i18n.t().backlog().below_standard}
                </span>
            })}
        </div>
    }
}

#[component]
fn BacklogTable(
    client: ClientId,
    project: ProjectId,
    data: Page<BacklogItemView>,
    narrowed: bool,
    manage: bool,
    on_page: Callback<u64>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = data.total;
    if data.items.is_empty() && data.page <= 1 {
        let (title, hint): (Text, Text) = if narrowed {
            (|t| t.common().no_matches, |t| t.backlog().no_matches_hint)
        } else {
            (|t| t.backlog().empty, |t| t.backlog().empty_hint)
        };
        return view! {
            <div class="backlog-empty">
                <EmptyState title=title hint=hint />
            </div>
        }
        .into_any();
    }
    // Moving down past the last item makes no sense; only known without filters.
    let last_rank = (!narrowed).then_some(total as i64);
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let on_move = Callback::new(move |(item, position): (BacklogItemView, i64)| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let to = MoveItem { position, version: item.version };
            match api::backlog::move_to(client, project, item.id, &to).await {
                Ok(_) => on_changed.run(()),
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    });
    let rows = data
        .items
        .into_iter()
        .map(|item| {
            view! {
                <ItemRow client=client project=project item=item manage=manage last_rank=last_rank
                    busy=busy on_move=on_move />
            }
        })
        .collect_view();
    view! {
        <p class="table-caption" id="backlog-total">{move || i18n.t().backlog().total.count(total)}</p>
        {move || error.get().map(|e| view! {
            <ErrorBanner error=e on_retry=Callback::new(move |_| { error.set(None); on_changed.run(()) }) />
        })}
        <div class="table-wrap">
            <table class="table backlog-table" id="backlog-table">
                <thead>
                    <tr>
                        <th class="num rank-col">"#"</th>
                        <th>{move || i18n.t().backlog().item_title}</th>
                        <th>{move || i18n.t().common().status}</th>
                        <th class="hide-sm">{move || i18n.t().backlog().priority}</th>
                        <th class="hide-sm">{move || i18n.t().backlog().source}</th>
                        <th class="num">{move || i18n.t().backlog().estimate}</th>
                        <th class="num">{move || i18n.t().backlog().price}</th>
                        <th class="num hide-sm comments-col" title=move || i18n.t().backlog().comments
                            aria-label=move || i18n.t().backlog().comments>
                            <svg viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor"
                                stroke-width="2" aria-hidden="true">
                                <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.4A8 8 0 1 1 21 12z" />
                            </svg>
                        </th>
                        {manage.then(|| view! { <th class="actions">{move || i18n.t().backlog().order}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pagination total=total page=data.page per_page=data.per_page on_change=on_page />
    }
    .into_any()
}

#[component]
fn ItemRow(
    client: ClientId,
    project: ProjectId,
    item: BacklogItemView,
    manage: bool,
    last_rank: Option<i64>,
    busy: RwSignal<bool>,
    on_move: Callback<(BacklogItemView, i64)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let it = item.clone();
    let rank = it.rank;
    let estimate = it.estimate_minutes;
    let price = it.price.clone();
    let source = it.source;
    let stage = it.stage.clone().map(|s| s.title);
    let href = Route::StaffBacklogItem(client, project, it.id).path();
    let (up_item, down_item) = (item.clone(), item);
    let at_bottom = last_rank.is_some_and(|last| rank >= last);
    view! {
        <tr class="backlog-item" data-id=it.id.to_string() data-status=it.status.as_str() data-rank=rank
            class:is-cr=it.change_request>
            <td class="num rank">{rank}</td>
            <td class="cell-main item-cell">
                <div class="item-line">
                    <A href=href attr:class="row-link item-title">{it.title.clone()}</A>
                    {it.change_request.then(|| view! { <CrBadge reader=Reader::Staff /> })}
                </div>
                {stage.map(|s| view! { <div class="cell-sub item-stage">"◷ " {s}</div> })}
            </td>
            <td><StatusBadge status=it.status reader=Reader::Staff /></td>
            <td class="hide-sm">{priority_mark(it.priority)}</td>
            <td class="hide-sm item-source">{move || source_label(i18n.t(), source)}</td>
            <td class="num item-estimate">
                {move || estimate.map(|m| format_hours(i18n.locale(), m)).unwrap_or_else(|| "—".to_owned())}
            </td>
            <td class="num item-price">
                {match price {
                    Some(money) => view! { <span class="money">{move || format_money(i18n.locale(), &money)}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td class="num hide-sm item-comments" class:muted=it.comment_count == 0>{it.comment_count}</td>
            {manage.then(|| view! {
                <td class="actions move-cell">
                    <button type="button" class="btn btn-small btn-ghost move-up" disabled=move || busy.get() || rank <= 1
                        title=move || i18n.t().backlog().move_up aria-label=move || i18n.t().backlog().move_up
                        on:click=move |_| on_move.run((up_item.clone(), rank - 1))>
                        "↑"
                    </button>
                    <button type="button" class="btn btn-small btn-ghost move-down" disabled=move || busy.get() || at_bottom
                        title=move || i18n.t().backlog().move_down aria-label=move || i18n.t().backlog().move_down
                        on:click=move |_| on_move.run((down_item.clone(), rank + 1))>
                        "↓"
                    </button>
                </td>
            })}
        </tr>
    }
}

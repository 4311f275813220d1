//! `/app/scorecard` (owners and admins): the profitability ranking — `table#scorecard-table`, a
//! `tr.scorecard-row[data-client][data-rank][data-total]` per client with its monthly fee beside
//! it and a `select.mark-select[data-criterion]` (−2..+2, or none) per criterion that saves at
//! once — and the criteria editor (`#criteria-card`).

use super::criteria::CriteriaCard;
use super::{criterion_name, SectionTabs};
use crate::api::growth as api;
use crate::api::ApiError;
use crate::components::{async_view, EmptyState, ErrorBanner};
use crate::i18n::{format_money, use_i18n};
use crate::routes::{ClientTab, Route};
use accord_api::growth::{Criterion, MarkInput, MarksInput, Scorecard, ScorecardRow, MARK_MAX, MARK_MIN};
use accord_api::ClientId;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(api::scorecard);
    let on_criteria = Callback::new(move |_| data.refetch());
    view! {
        <section class="page growth-page" id="scorecard-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().growth_catalogue().scorecard_title}</h1>
                    <p class="subtitle">{move || i18n.t().growth_catalogue().scorecard_subtitle}</p>
                </div>
            </div>
            <SectionTabs />
            {async_view(data, move |s| view! {
                <RankingCard scorecard=s.clone() />
                <CriteriaCard criteria=s.criteria on_saved=on_criteria />
            })}
        </section>
    }
}

/// Ranks as the server does: best total first, ties by name; equal totals share a rank.
fn rerank(rows: &mut [ScorecardRow]) {
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.client.name.cmp(&b.client.name)));
    let totals: Vec<i32> = rows.iter().map(|r| r.total).collect();
    for row in rows.iter_mut() {
        row.rank = 1 + totals.iter().filter(|t| **t > row.total).count() as u32;
    }
}

#[component]
fn RankingCard(scorecard: Scorecard) -> impl IntoView {
    let i18n = use_i18n();
    let Scorecard { criteria, rows, .. } = scorecard;
    if rows.is_empty() {
        return view! {
            <div class="card">
                <EmptyState title=|t| t.growth_catalogue().scorecard_empty hint=|t| t.growth_catalogue().scorecard_empty_hint />
            </div>
        }
        .into_any();
    }
    let criteria = StoredValue::new(criteria);
    let rows = RwSignal::new(rows);
    let error = RwSignal::new(None::<ApiError>);
    let saved_row = Callback::new(move |row: ScorecardRow| {
        rows.update(|list| {
            if let Some(slot) = list.iter_mut().find(|r| r.client.id == row.client.id) {
                *slot = row;
            }
            rerank(list);
        });
    });
    let heads = move || {
        criteria.with_value(|cs| {
            cs.iter()
                .map(|c| {
                    let (c, key) = (c.clone(), c.key.clone());
                    view! { <th class="num mark-head" data-criterion=key>{move || criterion_name(i18n.t(), &c)}</th> }
                })
                .collect_view()
        })
    };
    let body = move || {
        rows.get()
            .into_iter()
            .map(|row| view! { <RankRow row=row criteria=criteria.get_value() error=error on_saved=saved_row /> })
            .collect_view()
    };
    view! {
        <div class="card card-flush" id="scorecard-card">
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            <div class="table-wrap">
                <table class="table scorecard-table" id="scorecard-table">
                    <thead>
                        <tr>
                            <th class="num">{move || i18n.t().growth_catalogue().col_rank}</th>
                            <th>{move || i18n.t().growth_catalogue().col_client}</th>
                            <th class="num">{move || i18n.t().growth_catalogue().col_fee}</th>
                            {heads}
                            <th class="num">{move || i18n.t().growth_catalogue().col_total}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn RankRow(
    row: ScorecardRow,
    criteria: Vec<Criterion>,
    error: RwSignal<Option<ApiError>>,
    on_saved: Callback<ScorecardRow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = row.client.id;
    let fee = row.monthly_fee.clone();
    let partial = row.fee_partial;
    let fee_text = move || match &fee {
        Some(m) => format!("{}{}", format_money(i18n.locale(), m), if partial { " *" } else { "" }),
        None => i18n.t().growth_catalogue().no_fee.to_owned(),
    };
    let cells = criteria
        .into_iter()
        .map(|c| {
            let mark = row.marks.iter().find(|m| m.criterion == c.key).map(|m| m.score);
            view! { <MarkCell client=client criterion=c mark=mark error=error on_saved=on_saved /> }
        })
        .collect_view();
    let total = row.total;
    let tone = if total > 0 {
        "positive"
    } else if total < 0 {
        "negative"
    } else {
        "zero"
    };
    view! {
        <tr class="scorecard-row" data-client=client.to_string() data-rank=row.rank data-total=total>
            <td class="num rank-cell">{row.rank}</td>
            <td class="cell-main">
                <A href=Route::StaffClientTab(client, ClientTab::Growth).path() attr:class="row-link">{row.client.name.clone()}</A>
                {row.manager.as_ref().map(|m| view! { <div class="cell-sub">{m.name.clone()}</div> })}
            </td>
            <td class="num fee-cell" class:muted=row.monthly_fee.is_none()>{fee_text}</td>
            {cells}
            <td class=format!("num total-cell total-{tone}")>{if total > 0 { format!("+{total}") } else { total.to_string() }}</td>
        </tr>
    }
}

/// `select.mark-select`: saves the mark as soon as it is picked (an empty choice clears it).
#[component]
fn MarkCell(
    client: ClientId,
    criterion: Criterion,
    mark: Option<i8>,
    error: RwSignal<Option<ApiError>>,
    on_saved: Callback<ScorecardRow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = criterion.key.clone();
    let pending = RwSignal::new(false);
    let on_change = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let score = event_target_value(&ev).parse::<i8>().ok();
            let input = MarksInput { marks: vec![MarkInput { criterion: key.clone(), score }] };
            pending.set(true);
            error.set(None);
            spawn_local(async move {
                match api::mark_client(client, &input).await {
                    Ok(card) => on_saved.run(card.row),
                    Err(e) => error.set(Some(e)),
                }
                pending.set(false);
            });
        }
    };
    let tone = match mark {
        Some(m) if m > 0 => "positive",
        Some(m) if m < 0 => "negative",
        Some(_) => "zero",
        None => "none",
    };
    let name = StoredValue::new(criterion);
    view! {
        <td class="num mark-cell">
            <select class=format!("mark-select mark-{tone}") data-criterion=key disabled=move || pending.get()
                aria-label=move || name.with_value(|c| criterion_name(i18n.t(), c))
                on:change=on_change>
                <option value="" selected=mark.is_none()>"·"</option>
                {(MARK_MIN..=MARK_MAX).map(|n| {
                    let text = if n > 0 { format!("+{n}") } else { n.to_string() };
                    view! { <option value=n.to_string() selected=mark == Some(n)>{text}</option> }
                }).collect_view()}
            </select>
        </td>
    }
}

#[cfg(test)]
mod tests {
    use super::rerank;
    use accord_api::auth::ClientRef;
    use accord_api::growth::ScorecardRow;
    use accord_api::{ClientId, ClientStatus};

    fn row(name: &str, total: i32) -> ScorecardRow {
        ScorecardRow {
            client: ClientRef { id: ClientId::new(), name: name.into(), status: ClientStatus::Active },
            manager: None,
            monthly_fee: None,
            fee_partial: false,
            marks: Vec::new(),
            total,
            rank: 0,
        }
    }

    #[test]
    fn equal_totals_share_a_rank_and_sort_by_name() {
        let mut rows = vec![row("Б", 1), row("А", 3), row("В", 3), row("Г", -2)];
        rerank(&mut rows);
        let got: Vec<(&str, u32)> = rows.iter().map(|r| (r.client.name.as_str(), r.rank)).collect();
        assert_eq!(got, [("А", 1), ("В", 1), ("Б", 3), ("Г", 4)]);
    }
}

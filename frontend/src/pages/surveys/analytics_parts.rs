//! The lower parts of the analytics page: the importance–performance grid of the CSI criteria,
//! the tables per manager, client and segment, and the wave comparison per campaign.

use super::analytics::NpsSplit;
use super::labels::{decimal, group_label, quadrant_label, score_or_none, share_percent, GroupKind};
use crate::components::charts::{fixed, QuadrantScatter, ScatterPoint};
use crate::components::form::Text;
use crate::i18n::{fill, format_date, use_i18n, Texts};
use crate::routes::Route;
use accord_api::surveys::{CsiFigure, FormCriterion, GroupFigure, Quadrant, WaveComparison, WaveFigure};
use accord_api::{ClientId, Locale};
use leptos::prelude::*;
use leptos_router::components::A;

/// An axis of the grid around `values` (1–10 ratings): whole numbers, at least 2 wide.
fn axis_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !low.is_finite() || !high.is_finite() {
        return (1.0, 10.0);
    }
    let (mut low, mut high) = ((low - 0.5).floor().max(1.0), (high + 0.5).ceil().min(10.0));
    while high - low < 2.0 {
        if low > 1.0 {
            low -= 1.0;
        } else if high < 10.0 {
            high += 1.0;
        } else {
            break;
        }
    }
    (low, high)
}

fn criterion_name(criteria: &[FormCriterion], key: &str) -> String {
    criteria.iter().find(|c| c.key == key).map_or_else(|| key.to_owned(), |c| c.name.clone())
}

/// `#ipa-card`: `svg#ipa-scatter` (satisfaction across, importance up; split at the criteria's
/// means; a `g.ipa-point[data-key][data-quadrant]` per criterion) and `table#criteria-table`;
/// `#ipa-empty` when nothing was rated.
#[component]
pub fn IpaCard(csi: Option<CsiFigure>, criteria: Vec<FormCriterion>) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || i18n.t().surveys_staff().ipa_title;
    let Some(csi) = csi.filter(|c| !c.criteria.is_empty()) else {
        return view! {
            <div class="card" id="ipa-card">
                <h2 class="card-title">{title}</h2>
                <p class="muted" id="ipa-empty">{move || i18n.t().surveys_staff().ipa_empty}</p>
            </div>
        }
        .into_any();
    };
    let (csi, names) = (StoredValue::new(csi), StoredValue::new(criteria));
    let chart = move || {
        let (t, locale) = (i18n.t(), i18n.locale());
        let (csi, names) = (csi.get_value(), names.get_value());
        let points = csi
            .criteria
            .iter()
            .map(|c| {
                let name = criterion_name(&names, &c.key);
                let (importance, satisfaction) = (decimal(locale, c.importance, 2), decimal(locale, c.satisfaction, 2));
                ScatterPoint {
                    key: c.key.clone(),
                    title: fill(t.surveys_staff().ipa_point, &[&name, &importance, &satisfaction]),
                    label: name,
                    x: c.satisfaction,
                    y: c.importance,
                    quadrant: c.quadrant.as_str(),
                }
            })
            .collect();
        let x_range = axis_range(csi.criteria.iter().map(|c| c.satisfaction).chain([csi.satisfaction_mean]));
        let y_range = axis_range(csi.criteria.iter().map(|c| c.importance).chain([csi.importance_mean]));
        let corner = |q: Quadrant| (q.as_str(), quadrant_label(t, q).to_owned());
        let corners = [
            corner(Quadrant::ConcentrateHere),
            corner(Quadrant::KeepUp),
            corner(Quadrant::LowPriority),
            corner(Quadrant::PossibleOverkill),
        ];
        view! {
            <QuadrantScatter points=points x_range=x_range y_range=y_range split_x=csi.satisfaction_mean
                split_y=csi.importance_mean corners=corners x_label=t.surveys_staff().satisfaction.to_owned()
                y_label=t.surveys_staff().importance.to_owned() point_class="ipa-point" id="ipa-scatter"
                label=t.surveys_staff().ipa_title />
        }
    };
    let rows = move || {
        let (t, locale) = (i18n.t(), i18n.locale());
        let names = names.get_value();
        csi.get_value()
            .criteria
            .into_iter()
            .map(|c| {
                view! {
                    <tr class="criterion-figure" data-key=c.key.clone() data-quadrant=c.quadrant.as_str()>
                        <td class="cell-main">{criterion_name(&names, &c.key)}</td>
                        <td class="num">{decimal(locale, c.importance, 2)}</td>
                        <td class="num">{decimal(locale, c.satisfaction, 2)}</td>
                        <td class="num hide-sm">{share_percent(locale, c.weight)}</td>
                        <td class="num hide-sm">{c.n}</td>
                        <td><span class=format!("quadrant-tag quadrant-{}", c.quadrant.as_str())>{quadrant_label(t, c.quadrant)}</span></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="card" id="ipa-card">
            <h2 class="card-title">{title}</h2>
            <p class="card-hint">{move || i18n.t().surveys_staff().ipa_hint}</p>
            <div class="ipa-chart">{chart}</div>
            <div class="table-wrap">
                <table class="table" id="criteria-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().surveys_staff().col_criterion}</th>
                            <th class="num">{move || i18n.t().surveys_staff().importance}</th>
                            <th class="num">{move || i18n.t().surveys_staff().satisfaction}</th>
                            <th class="num hide-sm">{move || i18n.t().surveys_staff().col_weight}</th>
                            <th class="num hide-sm">{move || i18n.t().surveys_staff().col_ratings}</th>
                            <th>{move || i18n.t().surveys_staff().col_quadrant}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

/// `.card#{id}-card` around [`group_rows`].
#[component]
pub fn GroupTable(
    id: &'static str,
    kind: GroupKind,
    title: Text,
    head: Text,
    groups: Vec<GroupFigure>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card card-flush" id=format!("{id}-card")>
            <div class="card-head"><h2 class="card-title">{move || title(i18n.t())}</h2></div>
            {group_rows(id, kind, head, groups)}
        </div>
    }
}

/// `#by-segment-card`: the tables per temperament, activity and value tier.
#[component]
pub fn SegmentTables(
    temperament: Vec<GroupFigure>,
    activity: Vec<GroupFigure>,
    tier: Vec<GroupFigure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let part = move |id: &'static str, kind: GroupKind, head: Text, groups: Vec<GroupFigure>| {
        view! {
            <h3 class="card-subtitle segment-title">{move || head(i18n.t())}</h3>
            {group_rows(id, kind, head, groups)}
        }
    };
    view! {
        <div class="card card-flush" id="by-segment-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().surveys_staff().by_segment_title}</h2></div>
            {part("by-temperament", GroupKind::Temperament, |t| t.segmentation().temperament, temperament)}
            {part("by-activity", GroupKind::Activity, |t| t.segmentation().activity, activity)}
            {part("by-tier", GroupKind::Tier, |t| t.segmentation().value_tier, tier)}
        </div>
    }
}

/// `table.group-table#{id}`: a `tr.group-row[data-key]` per group with its NPS
/// (`.group-nps[data-score]`), answers, split, CSI (`.group-csi[data-score]`) and ratings.
fn group_rows(id: &'static str, kind: GroupKind, head: Text, groups: Vec<GroupFigure>) -> impl IntoView {
    let i18n = use_i18n();
    if groups.is_empty() {
        return view! { <p class="muted card-empty-line group-empty" id=id>{move || i18n.t().surveys_staff().table_empty}</p> }
            .into_any();
    }
    let rows = groups.into_iter().map(|g| view! { <GroupRow kind=kind group=g /> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="table group-table" id=id>
                <thead>
                    <tr>
                        <th>{move || head(i18n.t())}</th>
                        <th class="num">{move || i18n.t().surveys_staff().col_nps}</th>
                        <th class="num">{move || i18n.t().surveys_staff().col_answers}</th>
                        <th class="hide-sm">{move || i18n.t().surveys_staff().col_split}</th>
                        <th class="num">{move || i18n.t().surveys_staff().col_csi}</th>
                        <th class="num hide-sm">{move || i18n.t().surveys_staff().col_ratings}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn GroupRow(kind: GroupKind, group: GroupFigure) -> impl IntoView {
    let i18n = use_i18n();
    let GroupFigure { key, label, nps, csi, csi_n } = group;
    let name = {
        let (key, label) = (key.clone(), label.clone());
        move || group_label(i18n.t(), kind, &key, &label)
    };
    let client = (kind == GroupKind::Client).then(|| key.parse::<ClientId>().ok()).flatten();
    let name_cell = match client {
        Some(id) => view! { <A href=Route::StaffClient(id).path() attr:class="row-link">{name}</A> }.into_any(),
        None => name.into_any(),
    };
    let score = nps.as_ref().map(|f| f.score);
    let n = nps.as_ref().map_or(0, |f| f.n);
    view! {
        <tr class="group-row" data-key=key>
            <td class="cell-main">{name_cell}</td>
            <td class="num group-nps" data-score=score.map(|s| fixed(s, 1)) class:muted=score.is_none()>
                {move || score_or_none(i18n.t(), i18n.locale(), score)}
            </td>
            <td class="num group-n">{n}</td>
            <td class="hide-sm group-split">{nps.map(|f| view! { <NpsSplit figure=f compact=true /> })}</td>
            <td class="num group-csi" data-score=csi.map(|s| fixed(s, 1)) class:muted=csi.is_none()>
                {move || score_or_none(i18n.t(), i18n.locale(), csi)}
            </td>
            <td class="num hide-sm group-csi-n">{csi_n}</td>
        </tr>
    }
}

/// `#wave-comparison-card`: `tr.wave-compare[data-campaign]` per campaign, its latest wave's NPS,
/// CSI and response rate beside the previous wave's.
#[component]
pub fn WaveComparisonCard(waves: Vec<WaveComparison>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if waves.is_empty() {
        view! { <p class="muted card-empty-line" id="wave-comparison">{move || i18n.t().surveys_staff().no_waves_compared}</p> }
            .into_any()
    } else {
        let rows = waves.into_iter().map(|w| view! { <WaveCompareRow wave=w /> }).collect_view();
        view! {
            <div class="table-wrap">
                <table class="table" id="wave-comparison">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().surveys_staff().col_campaign}</th>
                            <th class="num">{move || i18n.t().surveys_staff().col_nps}</th>
                            <th class="num">{move || i18n.t().surveys_staff().col_csi}</th>
                            <th class="num">{move || i18n.t().surveys_staff().col_response}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="card card-flush" id="wave-comparison-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().surveys_staff().waves_compared_title}</h2></div>
            <p class="card-hint table-caption">{move || i18n.t().surveys_staff().waves_compared_hint}</p>
            {body}
        </div>
    }
}

/// What a wave figure reads as: its NPS, CSI or response rate.
type WaveValue = fn(&'static Texts, Locale, &WaveFigure) -> String;

#[component]
fn WaveCompareRow(wave: WaveComparison) -> impl IntoView {
    let i18n = use_i18n();
    let WaveComparison { campaign_id, campaign_name, latest, previous } = wave;
    let (number, opened) = (latest.number, latest.opened_at);
    let (latest, previous) = (StoredValue::new(latest), StoredValue::new(previous));
    let cell = move |class: &'static str, value: WaveValue| {
        view! {
            <td class=format!("num {class}")>
                <span class="wave-latest">{move || latest.with_value(|w| value(i18n.t(), i18n.locale(), w))}</span>
                <div class="cell-sub wave-previous">
                    {move || {
                        let (t, locale) = (i18n.t(), i18n.locale());
                        previous.with_value(|p| match p {
                            Some(p) => fill(t.surveys_staff().previous_was, &[&value(t, locale, p)]),
                            None => t.surveys_staff().first_wave.to_owned(),
                        })
                    }}
                </div>
            </td>
        }
    };
    let nps: WaveValue = |t, locale, w| score_or_none(t, locale, w.nps.as_ref().map(|f| f.score));
    let csi: WaveValue = |t, locale, w| score_or_none(t, locale, w.csi.as_ref().map(|f| f.score));
    let rate: WaveValue = |t, locale, w| {
        w.response_rate.map_or_else(|| t.surveys_staff().no_data.to_owned(), |r| share_percent(locale, r))
    };
    view! {
        <tr class="wave-compare" data-campaign=campaign_id.to_string()>
            <td class="cell-main">
                <A href=Route::StaffCampaign(campaign_id).path() attr:class="row-link">{campaign_name}</A>
                <div class="cell-sub">
                    {move || fill(i18n.t().surveys_staff().wave_opened, &[&number, &format_date(i18n.locale(), &opened)])}
                </div>
            </td>
            {cell("wave-nps", nps)}
            {cell("wave-csi", csi)}
            {cell("wave-rate", rate)}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::axis_range;

    #[test]
    fn axes_stay_within_the_rating_scale() {
        assert_eq!(axis_range([7.2, 8.9, 8.0].into_iter()), (6.0, 10.0));
        assert_eq!(axis_range([1.0, 1.2].into_iter()), (1.0, 3.0));
        assert_eq!(axis_range([9.8].into_iter()), (8.0, 10.0));
        assert_eq!(axis_range([5.0].into_iter()), (4.0, 6.0));
        assert_eq!(axis_range(std::iter::empty()), (1.0, 10.0));
    }
}

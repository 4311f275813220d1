//! A campaign's settings read back (`dl#campaign-facts`, once it is no draft or for account
//! managers) and its waves (`table#waves`, a `tr.wave-row[data-number]` per wave, newest first).

use super::labels::{recipients_label, schedule_label, score_or_none, share_percent, target_label};
use crate::components::charts::fixed;
use crate::i18n::{fill, format_date, format_day, use_i18n, Texts};
use accord_api::surveys::{CampaignDetail, CampaignStatus, CampaignTarget, ExtraKind, WaveFigure};
use accord_api::Locale;
use leptos::prelude::*;

/// What the campaign asks, in words: "NPS, CSI", and the extra questions' texts.
fn questions_text(t: &Texts, locale: Locale, detail: &CampaignDetail) -> String {
    let input = &detail.input;
    let mut parts: Vec<String> = Vec::new();
    if input.nps {
        parts.push("NPS".to_owned());
    }
    if input.csi {
        parts.push("CSI".to_owned());
    }
    for extra in &input.extras {
        let text = match locale {
            Locale::Ru => &extra.text_ru,
            Locale::En => &extra.text_en,
        };
        let kind = match extra.kind {
            ExtraKind::Text => t.surveys_staff().extra_kind_text,
            ExtraKind::Choice => t.surveys_staff().extra_kind_choice,
        };
        parts.push(format!("{} ({kind})", fill(t.surveys_staff().quoted, &[text])));
    }
    parts.join(", ")
}

/// The target in words: "All active clients", "Chosen clients: 3", or the segment's values.
fn target_text(t: &Texts, detail: &CampaignDetail) -> String {
    let input = &detail.input;
    let label = target_label(t, input.target);
    match input.target {
        CampaignTarget::All => label.to_owned(),
        CampaignTarget::Clients => {
            format!("{label}: {}", t.surveys_staff().chosen_clients.count(input.clients.len() as u64))
        }
        CampaignTarget::Segment => {
            let s = &input.segment;
            let values: Vec<String> = [
                s.temperament.map(|v| t.temperament(v).to_owned()),
                s.activity.map(|v| t.activity(v).to_owned()),
                s.tier.map(|v| t.value_tier(v).to_owned()),
                s.manager.map(|_| t.surveys_staff().segment_one_manager.to_owned()),
            ]
            .into_iter()
            .flatten()
            .collect();
            if values.is_empty() {
                label.to_owned()
            } else {
                format!("{label}: {}", values.join(", "))
            }
        }
    }
}

#[component]
pub fn CampaignFacts(detail: RwSignal<CampaignDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let fact = move |label: fn(&'static Texts) -> &'static str,
                     class: &'static str,
                     value: fn(&'static Texts, Locale, &CampaignDetail) -> String| {
        view! {
            <dt>{move || label(i18n.t())}</dt>
            <dd class=class>{move || detail.with(|d| value(i18n.t(), i18n.locale(), d))}</dd>
        }
    };
    let locked = move || detail.with(|d| d.summary.status != CampaignStatus::Draft);
    view! {
        <div class="card" id="campaign-facts-card">
            <h2 class="card-title">{move || i18n.t().surveys_staff().campaign_settings_title}</h2>
            <dl class="facts" id="campaign-facts">
                {fact(|t| t.surveys_staff().questions_legend, "fact-questions", questions_text)}
                {fact(|t| t.surveys_staff().target_legend, "fact-target", |t, _, d| target_text(t, d))}
                {fact(|t| t.surveys_staff().recipients_legend, "fact-recipients",
                    |t, _, d| recipients_label(t, d.input.recipients).to_owned())}
                {fact(|t| t.surveys_staff().schedule_legend, "fact-schedule", |t, _, d| schedule_label(t, d.input.repeat_months))}
                {fact(|t| t.surveys_staff().reminders_legend, "fact-reminders", |t, _, d| {
                    let i = &d.input;
                    fill(t.surveys_staff().reminders_summary, &[&i.remind_after_days, &i.remind_max, &i.close_after_days])
                })}
                {fact(|t| t.surveys_staff().col_next_wave, "fact-next-wave", |t, locale, d| {
                    d.summary.next_wave_on.map_or_else(|| t.surveys_staff().no_next_wave.to_owned(), |day| format_day(locale, &day))
                })}
            </dl>
            <p class="field-hint">
                {move || if locked() { i18n.t().surveys_staff().settings_locked } else { i18n.t().surveys_staff().campaigns_read_only }}
            </p>
        </div>
    }
}

#[component]
pub fn WavesTable(detail: RwSignal<CampaignDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let waves = detail.with(|d| d.waves.clone());
        if waves.is_empty() {
            return view! {
                <tr class="waves-empty"><td colspan="9" class="muted">{move || i18n.t().surveys_staff().no_waves}</td></tr>
            }
            .into_any();
        }
        waves.into_iter().map(|w| view! { <WaveRow wave=w /> }).collect_view().into_any()
    };
    let head = move |text: fn(&'static Texts) -> &'static str, class: &'static str| {
        view! { <th class=class>{move || text(i18n.t())}</th> }
    };
    view! {
        <div class="card card-flush" id="waves-card">
            <div class="card-head"><h2 class="card-title">{move || i18n.t().surveys_staff().waves_title}</h2></div>
            <div class="table-wrap">
                <table class="table" id="waves">
                    <thead>
                        <tr>
                            {head(|t| t.surveys_staff().col_number, "num")}
                            {head(|t| t.surveys_staff().col_opened, "")}
                            {head(|t| t.surveys_staff().col_closes, "")}
                            {head(|t| t.surveys_staff().col_invited, "num")}
                            {head(|t| t.surveys_staff().col_answered, "num")}
                            <th class="num" title=move || i18n.t().surveys_staff().skipped_hint>
                                {move || i18n.t().surveys_staff().col_skipped}
                            </th>
                            {head(|t| t.surveys_staff().col_response, "num")}
                            {head(|t| t.surveys_staff().col_nps, "num")}
                            {head(|t| t.surveys_staff().col_csi, "num")}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
fn WaveRow(wave: WaveFigure) -> impl IntoView {
    let i18n = use_i18n();
    let w = wave;
    let (opened, closes, closed) = (w.opened_at, w.closes_at, w.closed);
    let rate = w.response_rate;
    let nps = w.nps.as_ref().map(|f| f.score);
    let nps_n = w.nps.as_ref().map(|f| f.n);
    let csi = w.csi.as_ref().map(|f| f.score);
    view! {
        <tr class="wave-row" data-number=w.number.to_string() data-closed=closed.to_string()>
            <td class="num wave-number">{w.number}</td>
            <td class="date">{move || format_date(i18n.locale(), &opened)}</td>
            <td class="date">
                {move || format_date(i18n.locale(), &closes)}
                {closed.then(|| view! { " " <span class="badge badge-grey wave-closed">{move || i18n.t().surveys_staff().wave_closed}</span> })}
            </td>
            <td class="num wave-invited">{w.invited}</td>
            <td class="num wave-answered">{w.answered}</td>
            <td class="num wave-skipped">{w.skipped}</td>
            <td class="num wave-rate" data-rate=rate.map(|r| fixed(r, 4))>
                {move || rate.map_or_else(|| "—".to_owned(), |r| share_percent(i18n.locale(), r))}
            </td>
            <td class="num wave-nps" data-score=nps.map(|s| fixed(s, 1))>
                {move || score_or_none(i18n.t(), i18n.locale(), nps)}
                {nps_n.map(|n| view! { <div class="cell-sub">{move || i18n.t().surveys_staff().answers_n.count(n.into())}</div> })}
            </td>
            <td class="num wave-csi" data-score=csi.map(|s| fixed(s, 1))>{move || score_or_none(i18n.t(), i18n.locale(), csi)}</td>
        </tr>
    }
}

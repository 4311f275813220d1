//! `#health-settings` (owners and admins): the weight of each signal (`input#weight-{key}`,
//! 0–100, with its share of the score), `#health-corridor`, `#health-at-risk-below`,
//! `#health-drop-points`, `#health-drop-days` and `#health-incident-days`. `button#health-preview`
//! shows what the change would do (`#health-preview-result`: the counts now and proposed and
//! `tr.preview-row[data-client]` per changed client) before anything is saved;
//! `button#health-save` asks (`button.confirm-save-health`) and saves. Problems show at their
//! field (`p.field-error[data-field]`).

use super::labels::{short_decimal, signal_name};
use super::ScorePill;
use crate::api::health as api;
use crate::api::ApiError;
use crate::components::charts::format_percent;
use crate::components::form::Text;
use crate::components::{async_view, InlineConfirm, Notice};
use crate::i18n::{error_text, fill, use_i18n, Texts};
use crate::routes::{ClientTab, Route};
use accord_api::error::Code;
use accord_api::health::{HealthPreview, HealthSettings, PreviewRow, SignalKey, Weight};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The thresholds: wire field, input id, label, hint, range.
const THRESHOLDS: [(&str, &str, Text, u32, u32); 5] = [
    ("corridor", "health-corridor", |t| t.health().field_corridor, 1, 50),
    ("at_risk_below", "health-at-risk-below", |t| t.health().field_at_risk, 1, 100),
    ("drop_points", "health-drop-points", |t| t.health().field_drop_points, 1, 100),
    ("drop_days", "health-drop-days", |t| t.health().field_drop_days, 1, 90),
    ("incident_days", "health-incident-days", |t| t.health().field_incident_days, 1, 90),
];

/// Why the settings were not sent or not accepted.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    /// A value outside its range (or no whole number), at its field.
    Range {
        field: String,
        min: u32,
        max: u32,
    },
    /// Every weight is 0.
    AllZero,
    Api(ApiError),
}

impl Problem {
    /// The field the problem is shown at: a threshold's wire name, `weights.{key}`, `weights`.
    fn field(&self) -> Option<String> {
        match self {
            Problem::Range { field, .. } => Some(field.clone()),
            Problem::AllZero => Some("weights".to_owned()),
            Problem::Api(e) => e.field.as_deref().map(known_field),
        }
    }

    fn text(&self, t: &'static Texts) -> String {
        match self {
            Problem::Range { min, max, .. } => fill(t.health().range_error, &[min, max]),
            Problem::AllZero => t.health().weights_all_zero.to_owned(),
            Problem::Api(e) if e.is(Code::ValidationFailed) => match e.field.as_deref().map(known_field) {
                Some(field) if field.starts_with("weights") => t.health().weights_rule.to_owned(),
                Some(field) => match THRESHOLDS.iter().find(|(name, ..)| *name == field) {
                    Some((_, _, _, min, max)) => fill(t.health().range_error, &[min, max]),
                    None => error_text(t, e),
                },
                None => error_text(t, e),
            },
            Problem::Api(e) => error_text(t, e),
        }
    }
}

/// A server's field name as this form knows it: `weights[2].weight` or `weights.contact`
/// becomes `weights.{key}` when a signal is named, else `weights`.
fn known_field(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("weights") {
        let key = SignalKey::ALL.iter().find(|k| rest.contains(k.as_str()));
        return match key {
            Some(key) => format!("weights.{}", key.as_str()),
            None => "weights".to_owned(),
        };
    }
    field.to_owned()
}

/// A whole number in `min..=max` out of an input's text.
fn parse_in(text: &str, min: u32, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| (min..=max).contains(n))
}

#[component]
pub fn SettingsCard(on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let page = LocalResource::new(api::settings);
    view! {
        <div class="card health-settings" id="health-settings">
            <h2 class="card-title">{move || i18n.t().health().settings_title}</h2>
            <p class="card-hint">{move || i18n.t().health().settings_hint}</p>
            {async_view(page, move |s| view! { <SettingsForm settings=s on_saved=on_saved /> })}
        </div>
    }
}

#[component]
fn SettingsForm(settings: HealthSettings, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let weight_of = |key: SignalKey| settings.weights.iter().find(|w| w.key == key).map_or(0, |w| w.weight);
    let weights: Vec<(SignalKey, RwSignal<String>)> =
        SignalKey::ALL.iter().map(|key| (*key, RwSignal::new(weight_of(*key).to_string()))).collect();
    let weights = StoredValue::new(weights);
    let values =
        [settings.corridor, settings.at_risk_below, settings.drop_points, settings.drop_days, settings.incident_days];
    let thresholds: [RwSignal<String>; 5] = values.map(|v| RwSignal::new(v.to_string()));

    let problem = RwSignal::new(None::<Problem>);
    let preview = RwSignal::new(None::<HealthPreview>);
    let previewed = StoredValue::new(None::<HealthSettings>);
    let pending = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || -> Result<HealthSettings, Problem> {
        let mut list = Vec::new();
        for (key, value) in weights.get_value() {
            let field = format!("weights.{}", key.as_str());
            let weight = parse_in(&value.get(), 0, 100).ok_or(Problem::Range { field, min: 0, max: 100 })?;
            list.push(Weight { key, weight });
        }
        if list.iter().all(|w| w.weight == 0) {
            return Err(Problem::AllZero);
        }
        let mut numbers = [0u32; 5];
        for (i, (field, _, _, min, max)) in THRESHOLDS.iter().enumerate() {
            numbers[i] = parse_in(&thresholds[i].get(), *min, *max).ok_or_else(|| Problem::Range {
                field: (*field).to_owned(),
                min: *min,
                max: *max,
            })?;
        }
        let [corridor, at_risk_below, drop_points, drop_days, incident_days] = numbers;
        Ok(HealthSettings { weights: list, corridor, at_risk_below, drop_points, drop_days, incident_days })
    };
    // The preview shown no longer matches the inputs.
    let stale = Memo::new(move |_| preview.with(Option::is_some) && read().ok() != previewed.get_value());

    let on_preview = move |_| {
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let input = match read() {
            Ok(input) => input,
            Err(p) => return problem.set(Some(p)),
        };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match api::preview(&input).await {
                Ok(result) => {
                    previewed.set_value(Some(input));
                    preview.set(Some(result));
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };
    let on_save = move |_| {
        saved.set(false);
        match read() {
            Ok(_) => {
                problem.set(None);
                confirming.set(true);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let save = Callback::new(move |_| {
        let Ok(input) = read() else { return };
        pending.set(true);
        spawn_local(async move {
            match api::save_settings(&input).await {
                Ok(fresh) => {
                    for (key, value) in weights.get_value() {
                        let weight = fresh.weights.iter().find(|w| w.key == key).map_or(0, |w| w.weight);
                        value.set(weight.to_string());
                    }
                    let values =
                        [fresh.corridor, fresh.at_risk_below, fresh.drop_points, fresh.drop_days, fresh.incident_days];
                    for (signal, value) in thresholds.iter().zip(values) {
                        signal.set(value.to_string());
                    }
                    preview.set(None);
                    previewed.set_value(None);
                    saved.set(true);
                    on_saved.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            confirming.set(false);
            pending.set(false);
        });
    });

    let total_weight =
        move || weights.get_value().iter().map(|(_, v)| parse_in(&v.get(), 0, 100).unwrap_or(0)).sum::<u32>();
    let weight_rows = weights
        .get_value()
        .into_iter()
        .map(|(key, value)| {
            let field = format!("weights.{}", key.as_str());
            let id = format!("weight-{}", key.as_str());
            let share = move || {
                let total = total_weight();
                let weight = parse_in(&value.get(), 0, 100).unwrap_or(0);
                let pct = if total == 0 { 0 } else { (f64::from(weight) * 100.0 / f64::from(total)).round() as u8 };
                fill(i18n.t().health().weight_share, &[&format_percent(i18n.locale(), pct)])
            };
            let field_for_invalid = field.clone();
            let invalid = move || {
                problem.with(|p| p.as_ref().and_then(Problem::field).as_deref() == Some(field_for_invalid.as_str()))
            };
            view! {
                <div class="weight-row" data-key=key.as_str()>
                    <label class="weight-name" for=id.clone()>{move || signal_name(i18n.t(), key)}</label>
                    <input type="range" class="weight-slider" min="0" max="100" step="5" tabindex="-1"
                        aria-hidden="true" prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev)) />
                    <input type="number" class="input-short weight-input" id=id min="0" max="100" step="1"
                        inputmode="numeric" aria-invalid=move || invalid().to_string() bind:value=value />
                    <span class="weight-share muted">{share}</span>
                    <FieldProblem field=field problem=problem />
                </div>
            }
        })
        .collect_view();
    let threshold_fields = THRESHOLDS
        .iter()
        .enumerate()
        .map(|(i, (field, id, label, min, max))| {
            let (field, id, label, min, max) = (*field, *id, *label, *min, *max);
            let value = thresholds[i];
            let invalid = move || problem.with(|p| p.as_ref().and_then(Problem::field).as_deref() == Some(field));
            let hint = (field == "corridor").then(|| {
                view! { <p class="field-hint">{move || i18n.t().health().field_corridor_hint}</p> }
            });
            view! {
                <div class="field threshold-field">
                    <label for=id>{move || label(i18n.t())}</label>
                    <input type="number" class="input-short" id=id name=id min=min.to_string() max=max.to_string()
                        step="1" inputmode="numeric" aria-invalid=move || invalid().to_string() bind:value=value />
                    {hint}
                    <FieldProblem field=field.to_owned() problem=problem />
                </div>
            }
        })
        .collect_view();
    // A problem no field shows (a failed call, an unknown field).
    let general = move || {
        problem.get().filter(|p| p.field().is_none_or(|f| !is_form_field(&f))).map(|p| {
            view! { <p class="form-error" id="health-settings-error" role="alert">{move || p.text(i18n.t())}</p> }
        })
    };
    view! {
        <form class="form health-settings-form" id="health-settings-form" novalidate=true
            on:submit=move |ev| ev.prevent_default() on:input=move |_| saved.set(false)>
            <fieldset class="form-section weights-section">
                <legend>{move || i18n.t().health().weights_legend}</legend>
                <div class="weight-rows">{weight_rows}</div>
                <FieldProblem field="weights".to_owned() problem=problem />
            </fieldset>
            <fieldset class="form-section thresholds-section">
                <legend>{move || i18n.t().health().thresholds_legend}</legend>
                <div class="threshold-grid">{threshold_fields}</div>
            </fieldset>
            {general}
            <div class="form-actions form-actions-start health-actions">
                <button type="button" class="btn" id="health-preview" disabled=move || pending.get()
                    on:click=on_preview>
                    {move || if pending.get() && !confirming.get() { i18n.t().health().previewing } else { i18n.t().health().preview }}
                </button>
                <button type="button" class="btn btn-primary" id="health-save"
                    disabled=move || pending.get() || confirming.get() on:click=on_save>
                    {move || i18n.t().health().save}
                </button>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().health().saved.to_owned()) />
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <InlineConfirm action="save-health" class="inline-confirm-left health-confirm"
                    text=Signal::derive(move || i18n.t().health().save_confirm.to_owned()) pending=pending
                    label=|t| t.health().save on_confirm=save on_cancel=Callback::new(move |_| confirming.set(false)) />
            </Show>
        </form>
        {move || preview.get().map(|p| view! { <PreviewResult preview=p stale=stale /> })}
    }
}

/// Whether the form shows `field` at an input of its own.
fn is_form_field(field: &str) -> bool {
    field.starts_with("weights") || THRESHOLDS.iter().any(|(name, ..)| *name == field)
}

/// `p.field-error[data-field]` under one field while the problem names it.
#[component]
fn FieldProblem(field: String, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    let field = StoredValue::new(field);
    move || {
        problem.get().filter(|p| p.field().as_deref() == Some(field.get_value().as_str())).map(|p| {
            view! {
                <p class="field-error" role="alert" data-field=field.get_value()>{move || p.text(i18n.t())}</p>
            }
        })
    }
}

/// `#health-preview-result[data-changed]`: the counts now → proposed and the changed clients.
#[component]
fn PreviewResult(preview: HealthPreview, stale: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let HealthPreview { rows, clients, changed, at_risk_now, at_risk_proposed, mean_now, mean_proposed } = preview;
    let mean = move |m: Option<f64>| {
        m.map_or_else(|| i18n.t().health().no_data.to_owned(), |m| short_decimal(i18n.locale(), m))
    };
    let figure = move |id: &'static str, label: Text, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div class="preview-figure" id=id>
                <span class="preview-label">{move || label(i18n.t())}</span>
                <span class="preview-value">{value}</span>
            </div>
        }
    };
    let body = if rows.is_empty() {
        view! { <p class="muted" id="preview-none">{move || i18n.t().health().preview_none}</p> }.into_any()
    } else {
        let rows = rows.into_iter().map(|r| view! { <PreviewLine row=r /> }).collect_view();
        view! {
            <div class="table-wrap">
                <table class="table health-table" id="preview-table">
                    <thead>
                        <tr>
                            <th>{move || i18n.t().health().col_client}</th>
                            <th class="center">{move || i18n.t().health().col_now}</th>
                            <th class="center" aria-hidden="true"></th>
                            <th class="center">{move || i18n.t().health().col_proposed}</th>
                            <th>{move || i18n.t().health().col_risk}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="health-preview" id="health-preview-result" data-changed=changed.to_string()
            data-at-risk-now=at_risk_now.to_string() data-at-risk-proposed=at_risk_proposed.to_string()>
            <h3 class="card-subtitle">{move || i18n.t().health().preview_title}</h3>
            <Show when=move || stale.get()>
                <p class="notice notice-muted preview-stale" id="preview-stale">{move || i18n.t().health().preview_stale}</p>
            </Show>
            <div class="preview-figures">
                {figure("preview-clients", |t| t.health().preview_clients, Box::new(move || clients.to_string()))}
                {figure("preview-changed", |t| t.health().preview_changed, Box::new(move || changed.to_string()))}
                {figure("preview-at-risk", |t| t.health().preview_at_risk,
                    Box::new(move || format!("{at_risk_now} → {at_risk_proposed}")))}
                {figure("preview-mean", |t| t.health().preview_mean,
                    Box::new(move || format!("{} → {}", mean(mean_now), mean(mean_proposed))))}
            </div>
            {body}
        </div>
    }
}

#[component]
fn PreviewLine(row: PreviewRow) -> impl IntoView {
    let i18n = use_i18n();
    let PreviewRow { client, current, proposed, at_risk_now, at_risk_proposed } = row;
    let risk = move || {
        let h = i18n.t().health();
        match (at_risk_now, at_risk_proposed) {
            (false, true) => Some(("risk-enters", h.risk_enters)),
            (true, false) => Some(("risk-leaves", h.risk_leaves)),
            (true, true) => Some(("risk-stays", h.risk_stays)),
            (false, false) => None,
        }
        .map(|(class, text)| view! { <span class=format!("risk-change {class}")>{text}</span> })
    };
    let href = Route::StaffClientTab(client.id, ClientTab::Health).path();
    view! {
        <tr class="preview-row" data-client=client.id.to_string() data-now=current.map(|s| s.to_string())
            data-proposed=proposed.map(|s| s.to_string())>
            <td class="cell-main"><A href=href attr:class="row-link">{client.name}</A></td>
            <td class="center"><ScorePill score=current /></td>
            <td class="center muted" aria-hidden="true">"→"</td>
            <td class="center"><ScorePill score=proposed /></td>
            <td>{risk}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::{known_field, parse_in};

    #[test]
    fn server_fields_land_at_the_inputs() {
        assert_eq!(known_field("weights[2].weight"), "weights");
        assert_eq!(known_field("weights.contact"), "weights.contact");
        assert_eq!(known_field("weights"), "weights");
        assert_eq!(known_field("corridor"), "corridor");
    }

    #[test]
    fn numbers_stay_in_their_range() {
        assert_eq!(parse_in(" 10 ", 1, 50), Some(10));
        assert_eq!(parse_in("0", 1, 50), None);
        assert_eq!(parse_in("51", 1, 50), None);
        assert_eq!(parse_in("7.5", 0, 100), None);
        assert_eq!(parse_in("", 0, 100), None);
    }
}

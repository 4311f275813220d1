//! `#finance-settings`: the base currency (`#base-currency`) and how many days a closing
//! document may stay unsigned (`#act-days`); owners and admins save them (`#finance-save`),
//! everyone else reads them.

use super::{names, FieldProblem};
use crate::api::money as api;
use crate::components::{async_view, FormError, Notice, Problem};
use crate::i18n::use_i18n;
use accord_api::finance::{FinanceSettingsInput, FinanceSettingsView, ACT_UNSIGNED_DAYS_MAX};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn SettingsCard(on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(api::settings);
    view! {
        <div class="card money-settings" id="finance-settings">
            <h2 class="card-title">{move || i18n.t().money().settings_title}</h2>
            <p class="card-hint">{move || i18n.t().money().settings_hint}</p>
            {async_view(data, move |s| view! { <SettingsForm settings=s on_saved=on_saved /> })}
        </div>
    }
}

#[component]
fn SettingsForm(settings: FinanceSettingsView, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = settings.can_edit;
    let saved_before = RwSignal::new(settings.saved);
    let currency = RwSignal::new(settings.base_currency.clone());
    let days = RwSignal::new(settings.act_unsigned_days.to_string());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() || !can_edit {
            return;
        }
        saved.set(false);
        let Some(base_currency) = accord_api::money::parse_currency(&currency.get_untracked()) else {
            return problem.set(Some(Problem::Unreadable("currency")));
        };
        let Some(act_unsigned_days) =
            days.get_untracked().trim().parse::<u32>().ok().filter(|d| (1..=ACT_UNSIGNED_DAYS_MAX).contains(d))
        else {
            return problem.set(Some(Problem::Unreadable("act_unsigned_days")));
        };
        pending.set(true);
        problem.set(None);
        let input = FinanceSettingsInput { base_currency, act_unsigned_days };
        spawn_local(async move {
            match api::save_settings(&input).await {
                Ok(fresh) => {
                    currency.set(fresh.base_currency);
                    days.set(fresh.act_unsigned_days.to_string());
                    saved_before.set(fresh.saved);
                    saved.set(true);
                    on_saved.run(());
                }
                Err(e) => {
                    let e = match e.field.as_deref() {
                        Some("base_currency") => Problem::Unreadable("currency"),
                        Some("act_unsigned_days") => Problem::Unreadable("act_unsigned_days"),
                        _ => Problem::Api(e),
                    };
                    problem.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    let days_problem = move || {
        names(problem, "act_unsigned_days").then(|| {
            view! { <p class="field-error" role="alert" data-field="act_unsigned_days">{move || i18n.t().money().act_days_error}</p> }
        })
    };
    let general = move || {
        problem
            .get()
            .filter(|p| matches!(p, Problem::Api(_)))
            .map(|_| view! { <FormError id="finance-settings-error" problem=problem /> })
    };
    view! {
        <form class="form money-settings-form" id="finance-settings-form" on:submit=on_submit novalidate=true>
            <Show when=move || !saved_before.get()>
                <p class="muted settings-built-in">{move || i18n.t().money().built_in}</p>
            </Show>
            <div class="money-settings-grid">
                <div class="field-wrap">
                    <div class="field">
                        <label for="base-currency">{move || i18n.t().money().field_base_currency}</label>
                        <input id="base-currency" name="base_currency" type="text" maxlength="3" autocomplete="off"
                            class="input-short currency-input" readonly=!can_edit
                            aria-invalid=move || names(problem, "currency").to_string() bind:value=currency />
                    </div>
                    <FieldProblem field="currency" label=|t| t.money().field_base_currency problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="act-days">{move || i18n.t().money().field_act_days}</label>
                        <input id="act-days" name="act_unsigned_days" type="number" min="1" max="365" step="1"
                            inputmode="numeric" class="input-short" readonly=!can_edit
                            aria-invalid=move || names(problem, "act_unsigned_days").to_string() bind:value=days />
                    </div>
                    {days_problem}
                </div>
            </div>
            {general}
            {if can_edit {
                view! {
                    <div class="form-actions form-actions-start">
                        <button type="submit" class="btn btn-primary" id="finance-save" disabled=move || pending.get()>
                            {move || if pending.get() { i18n.t().common().saving } else { i18n.t().money().save_settings }}
                        </button>
                        <Show when=move || saved.get()>
                            <Notice text=Signal::derive(move || i18n.t().money().settings_saved.to_owned()) />
                        </Show>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="card-hint" id="finance-read-only">{move || i18n.t().money().settings_read_only}</p> }.into_any()
            }}
        </form>
    }
}

//! `#services-had`: the services the client has had or has (`li.service-had[data-service]`,
//! with their dates) and, for those who may, `form#service-had-form` to record one.

use super::upsell_form::ServiceSelect;
use super::FieldProblem;
use crate::api::growth as api;
use crate::components::{send_form, submit_handler, EmptyState, FormErrorExcept, Problem};
use crate::i18n::{fill, format_day, iso_day, parse_day_input, use_i18n};
use accord_api::growth::{ClientServiceInput, ClientServices};
use accord_api::ClientId;
use leptos::prelude::*;

const INLINE: &[&str] = &["service_id", "started_on", "ended_on"];

#[component]
pub fn ServicesHadCard(client: ClientId, data: ClientServices, on_recorded: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let list = if data.items.is_empty() {
        view! { <EmptyState title=|t| t.growth().had_empty hint=|t| t.growth().had_empty_hint /> }.into_any()
    } else {
        let items = data
            .items
            .into_iter()
            .map(|s| {
                let (start, end) = (s.started_on, s.ended_on);
                let when = move || {
                    let (g, locale) = (i18n.t().growth(), i18n.locale());
                    match end {
                        Some(end) => fill(g.had_period, &[&format_day(locale, &start), &format_day(locale, &end)]),
                        None => format!("{} · {}", fill(g.had_since, &[&format_day(locale, &start)]), g.had_now),
                    }
                };
                let origin = s.project_name.clone().or(s.contract_title.clone());
                view! {
                    <li class="service-had" data-service=s.service.id.to_string() class:ongoing=end.is_none()>
                        <span class="service-had-name">{s.service.name.clone()}</span>
                        <span class="service-had-when">{when}</span>
                        {origin.map(|o| view! { <span class="service-had-origin">{o}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="services-had">{items}</ul> }.into_any()
    };
    view! {
        <div class="card growth-card" id="services-had">
            <h2 class="card-title">{move || i18n.t().growth().had_title}</h2>
            <p class="card-hint">{move || i18n.t().growth().had_hint}</p>
            {list}
            {data.can_edit.then(|| view! { <RecordService client=client on_recorded=on_recorded /> })}
        </div>
    }
}

/// `form#service-had-form`: a service of the catalogue, its start (today by default) and end.
#[component]
fn RecordService(client: ClientId, on_recorded: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let service = RwSignal::new(None);
    let started = RwSignal::new(iso_day(&crate::components::charts::today()));
    let ended = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<ClientServiceInput, Problem> {
        let service_id = service.get_untracked().ok_or(Problem::Unreadable("service_id"))?;
        let started_on =
            parse_day_input(&started.get_untracked()).ok().flatten().ok_or(Problem::Unreadable("started_on"))?;
        let ended_on = parse_day_input(&ended.get_untracked()).map_err(|_| Problem::Unreadable("ended_on"))?;
        Ok(ClientServiceInput { service_id, started_on, ended_on, project_id: None, contract_id: None })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: ClientServiceInput| {
        send_form(pending, saved, problem, async move { api::record_service(client, &input).await }, move |_| {
            service.set(None);
            ended.set(String::new());
            on_recorded.run(());
        });
    });
    view! {
        <form id="service-had-form" class="form service-had-form" on:submit=on_submit>
            <h3 class="form-section-title">{move || i18n.t().growth().add_had}</h3>
            <div class="form-grid">
                <div class="field-wrap">
                    <ServiceSelect id="service-had-service" value=service required=true />
                    <FieldProblem field="service_id" label=|t| t.growth().field_service problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="service-had-started">{move || i18n.t().growth().field_started}</label>
                        <input id="service-had-started" name="started_on" type="date" required=true bind:value=started />
                    </div>
                    <FieldProblem field="started_on" label=|t| t.growth().field_started problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="service-had-ended">{move || i18n.t().growth().field_ended}</label>
                        <input id="service-had-ended" name="ended_on" type="date" bind:value=ended />
                        <p class="field-hint">{move || i18n.t().growth().ended_hint}</p>
                    </div>
                    <FieldProblem field="ended_on" label=|t| t.growth().field_ended problem=problem />
                </div>
            </div>
            <FormErrorExcept id="service-had-error" problem=problem inline=INLINE />
            <div class="form-actions form-actions-start">
                <button type="submit" id="service-had-submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().growth().add_had }}
                </button>
                <Show when=move || saved.get()>
                    <crate::components::Notice text=Signal::derive(move || i18n.t().growth().had_added.to_owned()) />
                </Show>
            </div>
        </form>
    }
}

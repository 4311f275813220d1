//! `form#upsell-form` (in `#upsell-form-card`): a new opportunity, or the one chosen in the
//! list (`data-mode="edit"`): what is offered, the catalogue's service, the expected value and
//! its currency, the probability, the status — with the reason when lost, and when won the
//! backlog item or contract it became and the day.

use super::{is_named, status_label, FieldProblem};
use crate::api::growth as api;
use crate::components::{send_form, submit_handler, FormActions, FormErrorExcept, FormWords, Problem};
use crate::i18n::{day_input_value, fill, parse_day_input, use_i18n, DEFAULT_CURRENCY};
use accord_api::growth::{ServiceRef, UpsellInput, UpsellStatus, UpsellView};
use accord_api::{BacklogItemId, ClientId, ContractId, Money, ServiceId};
use leptos::prelude::*;

const INLINE: &[&str] = &[
    "title",
    "service_id",
    "expected",
    "probability",
    "status",
    "lost_reason",
    "backlog_item_id",
    "contract_id",
    "closed_on",
];

const WORDS: FormWords = FormWords {
    add: |t| t.growth().add_upsell,
    save: |t| t.common().save,
    created: |t| t.growth().upsell_created,
    saved: |t| t.growth().upsell_saved,
};

#[component]
pub fn UpsellForm(
    client: ClientId,
    editing: Option<UpsellView>,
    /// A suggested service to start a new opportunity with.
    service: Option<ServiceRef>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = editing.as_ref();
    let upsell_id = start.map(|u| u.id);
    let owner = start.and_then(|u| u.owner.as_ref().map(|o| o.id));
    let title = RwSignal::new(
        start.map(|u| u.title.clone()).or_else(|| service.as_ref().map(|s| s.name.clone())).unwrap_or_default(),
    );
    let service_id =
        RwSignal::new(start.map_or_else(|| service.as_ref().map(|s| s.id), |u| u.service.as_ref().map(|s| s.id)));
    let amount = RwSignal::new(start.map(|u| u.expected.major_text()).unwrap_or_default());
    let currency = RwSignal::new(start.map_or_else(|| DEFAULT_CURRENCY.to_owned(), |u| u.expected.currency.clone()));
    let probability = RwSignal::new(start.map_or_else(|| "50".to_owned(), |u| u.probability.to_string()));
    let status = RwSignal::new(start.map_or(UpsellStatus::Idea, |u| u.status));
    let reason = RwSignal::new(start.map(|u| u.lost_reason.clone()).unwrap_or_default());
    let item = RwSignal::new(start.and_then(|u| u.backlog_item.as_ref().map(|i| i.id)));
    let contract = RwSignal::new(start.and_then(|u| u.contract_id));
    let closed = RwSignal::new(day_input_value(start.and_then(|u| u.closed_on)));
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || -> Result<UpsellInput, Problem> {
        let code = currency.get_untracked().trim().to_ascii_uppercase();
        let expected = Money::parse_major(&amount.get_untracked(), &code).ok_or(Problem::Amount("expected"))?;
        let probability = probability
            .get_untracked()
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|p| *p <= 100)
            .ok_or(Problem::Unreadable("probability"))?;
        let status = status.get_untracked();
        let won = status == UpsellStatus::Won;
        let closed_on = match status {
            UpsellStatus::Won | UpsellStatus::Lost => {
                parse_day_input(&closed.get_untracked()).map_err(|_| Problem::Unreadable("closed_on"))?
            }
            _ => None,
        };
        Ok(UpsellInput {
            title: title.get_untracked().trim().to_owned(),
            service_id: service_id.get_untracked(),
            expected,
            probability,
            status,
            lost_reason: if status == UpsellStatus::Lost {
                reason.get_untracked().trim().to_owned()
            } else {
                String::new()
            },
            owner_id: owner,
            backlog_item_id: if won { item.get_untracked() } else { None },
            contract_id: if won { contract.get_untracked() } else { None },
            closed_on,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: UpsellInput| {
        let request = async move {
            match upsell_id {
                Some(id) => api::update_upsell(id, &input).await,
                None => api::create_upsell(client, &input).await,
            }
        };
        send_form(pending, saved, problem, request, move |_| {
            if upsell_id.is_none() {
                for field in [title, amount, reason, closed] {
                    field.set(String::new());
                }
                service_id.set(None);
                status.set(UpsellStatus::Idea);
            }
            on_saved.run(());
        });
    });

    let heading = {
        let name = start.map(|u| u.title.clone());
        move || match &name {
            Some(n) => fill(i18n.t().growth().edit_upsell, &[n]),
            None => i18n.t().growth().new_upsell.to_owned(),
        }
    };
    let closing = move || matches!(status.get(), UpsellStatus::Won | UpsellStatus::Lost);
    view! {
        <div class="card" id="upsell-form-card" class:editing=upsell_id.is_some()>
            <h2 class="card-title">{heading}</h2>
            <form id="upsell-form" class="form" on:submit=on_submit data-mode=if upsell_id.is_some() { "edit" } else { "new" }>
                <div class="form-grid upsell-form-grid">
                    <div class="field-wrap upsell-title-field">
                        <div class="field">
                            <label for="upsell-title">{move || i18n.t().growth().field_title}</label>
                            <input id="upsell-title" name="title" type="text" required=true maxlength="200" autocomplete="off"
                                placeholder=move || i18n.t().growth().title_placeholder
                                aria-invalid=move || is_named(problem, "title").to_string() bind:value=title />
                        </div>
                        <FieldProblem field="title" label=|t| t.growth().field_title problem=problem />
                    </div>
                    <div class="field-wrap">
                        <ServiceSelect id="upsell-service" value=service_id />
                        <FieldProblem field="service_id" label=|t| t.growth().field_service problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field money-field">
                            <label for="upsell-expected">{move || i18n.t().growth().field_expected}</label>
                            <div class="money-input">
                                <input id="upsell-expected" name="expected" type="text" inputmode="decimal" required=true
                                    autocomplete="off" aria-invalid=move || is_named(problem, "expected").to_string()
                                    bind:value=amount />
                                <input id="upsell-currency" name="currency" type="text" maxlength="3" class="currency-input"
                                    aria-label=move || i18n.t().growth().field_currency bind:value=currency />
                            </div>
                        </div>
                        <FieldProblem field="expected" label=|t| t.growth().field_expected problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="upsell-probability">{move || i18n.t().growth().field_probability}</label>
                            <input id="upsell-probability" name="probability" type="number" min="0" max="100" step="5"
                                aria-invalid=move || is_named(problem, "probability").to_string() bind:value=probability />
                        </div>
                        <FieldProblem field="probability" label=|t| t.growth().field_probability problem=problem />
                    </div>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="upsell-status">{move || i18n.t().growth().field_status}</label>
                            <select id="upsell-status" name="status" prop:value=move || status.get().as_str()
                                on:change=move |ev| { if let Some(s) = UpsellStatus::parse(&event_target_value(&ev)) { status.set(s) } }>
                                {UpsellStatus::ALL.iter().map(|&s| view! {
                                    <option value=s.as_str() selected=move || status.get() == s>{move || status_label(i18n.t(), s)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <FieldProblem field="status" label=|t| t.growth().field_status problem=problem />
                    </div>
                    <Show when=closing>
                        <div class="field-wrap">
                            <div class="field">
                                <label for="upsell-closed">{move || i18n.t().growth().field_closed}</label>
                                <input id="upsell-closed" name="closed_on" type="date" bind:value=closed />
                            </div>
                            <FieldProblem field="closed_on" label=|t| t.growth().field_closed problem=problem />
                        </div>
                    </Show>
                </div>
                <Show when=move || status.get() == UpsellStatus::Lost>
                    <div class="field-wrap">
                        <div class="field">
                            <label for="upsell-reason">{move || i18n.t().growth().field_lost_reason}</label>
                            <input id="upsell-reason" name="lost_reason" type="text" maxlength="2000" autocomplete="off"
                                placeholder=move || i18n.t().growth().lost_reason_placeholder
                                aria-invalid=move || is_named(problem, "lost_reason").to_string() bind:value=reason />
                        </div>
                        <FieldProblem field="lost_reason" label=|t| t.growth().field_lost_reason problem=problem />
                    </div>
                </Show>
                <Show when=move || status.get() == UpsellStatus::Won>
                    <p class="field-hint">{move || i18n.t().growth().won_links_hint}</p>
                    <div class="form-grid upsell-links">
                        <div class="field-wrap">
                            <ItemSelect client=client value=item />
                            <FieldProblem field="backlog_item_id" label=|t| t.growth().field_item problem=problem />
                        </div>
                        <div class="field-wrap">
                            <ContractSelect client=client value=contract />
                            <FieldProblem field="contract_id" label=|t| t.growth().field_contract problem=problem />
                        </div>
                    </div>
                </Show>
                <FormErrorExcept id="upsell-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=upsell_id.is_some() pending=pending saved=saved on_close=on_cancel
                    submit_id="upsell-submit" close_id="upsell-cancel" />
            </form>
        </div>
    }
}

/// `select#{id}`: "not from the catalogue" and the catalogue's services, in playbook order.
#[component]
pub fn ServiceSelect(
    id: &'static str,
    value: RwSignal<Option<ServiceId>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalogue = LocalResource::new(api::catalogue);
    let options = move || {
        let services = catalogue.get().and_then(Result::ok).map(|c| c.services).unwrap_or_default();
        services
            .into_iter()
            .map(|s| {
                let sid = s.id;
                view! { <option value=sid.to_string() selected=move || value.get() == Some(sid)>{s.name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id>{move || i18n.t().growth().field_service}</label>
            <select id=id name="service_id" required=required
                prop:value=move || value.get().map(|s| s.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>
                    {move || if required { i18n.t().growth().choose_service } else { i18n.t().growth().no_service }}
                </option>
                {options}
            </select>
        </div>
    }
}

/// `select#upsell-item`: the client's backlog items, "not linked" first.
#[component]
fn ItemSelect(client: ClientId, value: RwSignal<Option<BacklogItemId>>) -> impl IntoView {
    let i18n = use_i18n();
    let items = LocalResource::new(move || api::client_items(client));
    let options = move || {
        items
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{name}</option> })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="upsell-item">{move || i18n.t().growth().field_item}</label>
            <select id="upsell-item" name="backlog_item_id"
                prop:value=move || value.get().map(|s| s.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().growth().none_linked}</option>
                {options}
            </select>
        </div>
    }
}

/// `select#upsell-contract`: the client's contracts, "not linked" first.
#[component]
fn ContractSelect(client: ClientId, value: RwSignal<Option<ContractId>>) -> impl IntoView {
    let i18n = use_i18n();
    let contracts = LocalResource::new(move || api::client_contracts(client));
    let options = move || {
        contracts
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|c| {
                let id = c.id;
                view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{c.title}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="upsell-contract">{move || i18n.t().growth().field_contract}</label>
            <select id="upsell-contract" name="contract_id"
                prop:value=move || value.get().map(|s| s.to_string()).unwrap_or_default()
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{move || i18n.t().growth().none_linked}</option>
                {options}
            </select>
        </div>
    }
}

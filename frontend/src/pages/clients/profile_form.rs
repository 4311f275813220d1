//! `form#client-profile-form`: the whole editable profile of a client (Overview tab, for those
//! who may change it). It sends every field; the server answers with the saved profile.

use super::frame::ClientCtx;
use super::points::{PointList, PointsState};
use super::profile_fields::{ManagerField, ReportCadenceSelect, StatusSelect};
use super::unchanged;
use crate::api;
use crate::components::{
    names_field, send_form, submit_handler, FieldError, FormErrorExcept, Notice, Problem, TextArea, TextField,
};
use crate::i18n::{day_input_value, parse_day_input, use_i18n};
use crate::session::use_session;
use accord_api::clients::{ClientProfile, UpdateClientRequest};
use accord_api::{ClientStatus, ReportCadence, UserId};
use leptos::prelude::*;

/// Fields that show their own error line; anything else goes under the form.
const INLINE: &[&str] = &[
    "name",
    "status",
    "account_manager_id",
    "started_on",
    "ended_on",
    "business_model",
    "audience",
    "market",
    "product_role",
    "included",
    "excluded",
    "contact_cadence_days",
    "report_cadence",
];

/// What the form edits, as signals seeded from the profile.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    status: RwSignal<ClientStatus>,
    manager: RwSignal<Option<UserId>>,
    started: RwSignal<String>,
    ended: RwSignal<String>,
    business_model: RwSignal<String>,
    audience: RwSignal<String>,
    market: RwSignal<String>,
    product_role: RwSignal<String>,
    included: PointsState,
    excluded: PointsState,
    cadence: RwSignal<String>,
    report: RwSignal<Option<ReportCadence>>,
}

impl Fields {
    fn new(p: &ClientProfile) -> Self {
        let text = |v: &Option<String>| RwSignal::new(v.clone().unwrap_or_default());
        Fields {
            name: RwSignal::new(p.summary.name.clone()),
            status: RwSignal::new(p.summary.status),
            manager: RwSignal::new(p.summary.account_manager.as_ref().map(|m| m.id)),
            started: RwSignal::new(day_input_value(p.started_on)),
            ended: RwSignal::new(day_input_value(p.ended_on)),
            business_model: text(&p.business_model),
            audience: text(&p.audience),
            market: text(&p.market),
            product_role: text(&p.product_role),
            included: PointsState::new(&p.included),
            excluded: PointsState::new(&p.excluded),
            cadence: RwSignal::new(p.summary.contact_cadence_days.map(|d| d.to_string()).unwrap_or_default()),
            report: RwSignal::new(p.report_cadence),
        }
    }

    /// The update to send, or the field this side could not read.
    fn request(&self, base: &ClientProfile, may_reassign: bool) -> Result<UpdateClientRequest, Problem> {
        let optional = |s: RwSignal<String>| Some(s.get_untracked().trim().to_owned()).filter(|v| !v.is_empty());
        let mut r = unchanged(base);
        r.name = self.name.get_untracked().trim().to_owned();
        r.status = self.status.get_untracked();
        if may_reassign {
            r.account_manager_id = self.manager.get_untracked();
        }
        r.started_on = parse_day_input(&self.started.get_untracked()).map_err(|_| Problem::Unreadable("started_on"))?;
        r.ended_on = parse_day_input(&self.ended.get_untracked()).map_err(|_| Problem::Unreadable("ended_on"))?;
        r.business_model = optional(self.business_model);
        r.audience = optional(self.audience);
        r.market = optional(self.market);
        r.product_role = optional(self.product_role);
        r.included = self.included.values();
        r.excluded = self.excluded.values();
        r.contact_cadence_days = match self.cadence.get_untracked().trim() {
            "" => None,
            days => Some(days.parse::<u32>().map_err(|_| Problem::Unreadable("contact_cadence_days"))?),
        };
        r.report_cadence = self.report.get_untracked();
        Ok(r)
    }

    /// Follows what the server saved (it trims, and may set the end date of a churned client).
    fn accept(&self, p: &ClientProfile) {
        self.ended.set(day_input_value(p.ended_on));
        self.included.reset(&p.included);
        self.excluded.reset(&p.excluded);
    }
}

#[component]
pub fn ProfileForm(ctx: ClientCtx) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let f = Fields::new(&ctx.profile.get_untracked());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);

    let read = move || f.request(&ctx.profile.get_untracked(), session.is_agency_admin());
    let on_submit = submit_handler(pending, saved, problem, read, move |request| {
        let id = ctx.id();
        let call = async move { api::clients::update(id, &request).await };
        send_form(pending, saved, problem, call, move |profile| {
            f.accept(&profile);
            ctx.profile.set(profile);
        });
    });

    view! {
        <form id="client-profile-form" class="card form profile-form" on:submit=on_submit>
            <h2 class="card-title">{move || i18n.t().overview().client_profile_title}</h2>
            <fieldset class="form-section">
                <legend>{move || i18n.t().overview().section_account}</legend>
                <div class="form-grid">
                    <div class="field-wrap">
                        <TextField id="client-edit-name" label=|t| t.clients().client_name value=f.name required=true maxlength=200
                            invalid=names_field(problem, "name") />
                        <FieldError field="name" problem=problem />
                    </div>
                    <StatusSelect status=f.status />
                    <ManagerField manager=f.manager problem=problem />
                    <div class="field-wrap">
                        <TextField id="client-started-on" label=|t| t.overview().started_on value=f.started kind="date"
                            invalid=names_field(problem, "started_on") />
                        <FieldError field="started_on" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <TextField id="client-ended-on" label=|t| t.overview().ended_on value=f.ended kind="date"
                            invalid=names_field(problem, "ended_on") />
                        <FieldError field="ended_on" problem=problem />
                    </div>
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().overview().section_business}</legend>
                <div class="form-grid form-grid-wide">
                    <div class="field-wrap">
                        <TextArea id="client-business-model" label=|t| t.overview().business_model value=f.business_model
                            placeholder=|t| t.overview().business_model_placeholder maxlength=2000 invalid=names_field(problem, "business_model") />
                        <FieldError field="business_model" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <TextArea id="client-audience" label=|t| t.overview().audience value=f.audience
                            placeholder=|t| t.overview().audience_placeholder maxlength=2000 invalid=names_field(problem, "audience") />
                        <FieldError field="audience" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <TextArea id="client-market" label=|t| t.overview().market value=f.market
                            placeholder=|t| t.overview().market_placeholder maxlength=2000 invalid=names_field(problem, "market") />
                        <FieldError field="market" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <TextArea id="client-product-role" label=|t| t.overview().product_role value=f.product_role
                            placeholder=|t| t.overview().product_role_placeholder maxlength=2000 invalid=names_field(problem, "product_role") />
                        <FieldError field="product_role" problem=problem />
                    </div>
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().overview().section_expectations}</legend>
                <div class="form-grid form-grid-wide">
                    <div class="field-wrap">
                        <PointList id="client-included" label=|t| t.overview().included hint=|t| t.overview().included_hint state=f.included
                            invalid=names_field(problem, "included") />
                        <FieldError field="included" problem=problem />
                    </div>
                    <div class="field-wrap">
                        <PointList id="client-excluded" label=|t| t.overview().excluded hint=|t| t.overview().excluded_hint state=f.excluded
                            invalid=names_field(problem, "excluded") />
                        <FieldError field="excluded" problem=problem />
                    </div>
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().overview().section_cadence}</legend>
                <div class="form-grid">
                    <div class="field-wrap">
                        <div class="field">
                            <label for="client-cadence">{move || i18n.t().overview().contact_cadence}</label>
                            <input id="client-cadence" type="number" step="1" inputmode="numeric"
                                placeholder="14"
                                aria-invalid=move || names_field(problem, "contact_cadence_days").get().to_string()
                                bind:value=f.cadence />
                            <p class="field-hint">{move || i18n.t().overview().contact_cadence_hint}</p>
                        </div>
                        <FieldError field="contact_cadence_days" problem=problem />
                    </div>
                    <ReportCadenceSelect report=f.report />
                </div>
            </fieldset>
            <FormErrorExcept id="profile-form-error" problem=problem inline=INLINE />
            <div class="form-actions form-actions-start">
                <button id="profile-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().common().save }}
                </button>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().overview().profile_saved.to_owned()) />
                </Show>
            </div>
        </form>
    }
}

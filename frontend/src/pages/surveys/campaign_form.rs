//! `form#campaign-form` (owners and admins; a new campaign or a draft): `#campaign-name`,
//! `#campaign-nps`, `#campaign-csi`, the extra questions, the target
//! (`input[name=campaign-target]#target-{all|clients|segment}` with the client checklist or
//! the segment selects `#segment-temperament`, `#segment-activity`, `#segment-tier`,
//! `#segment-manager`), the recipients (`#recipients-{approvers|all_contacts}`), the schedule
//! (`#schedule-once`, `#schedule-repeat`, `#campaign-repeat-months`), reminders
//! (`#campaign-remind-after`, `#campaign-remind-max`), `#campaign-close-after` and
//! `#campaign-save`.

use super::client_choice::ClientChecklist;
use super::extras::{Extras, ExtrasEditor};
use super::filters::ManagerFilter;
use super::labels::{recipients_label, target_label};
use crate::api::surveys as api;
use crate::api::ApiError;
use crate::components::form::Text;
use crate::components::{ChoiceFilter, Notice};
use crate::i18n::{error_text, use_i18n, Texts};
use accord_api::error::Code;
use accord_api::surveys::{CampaignDetail, CampaignInput, CampaignRecipients, CampaignTarget, SegmentFilter};
use accord_api::{Activity, ClientId, SurveyCampaignId, Temperament, UserId, ValueTier};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Why the form was not accepted.
#[derive(Clone)]
enum FormProblem {
    Local(Text),
    Api(ApiError),
}

impl FormProblem {
    fn text(&self, t: &'static Texts) -> String {
        match self {
            FormProblem::Local(text) => text(t).to_owned(),
            FormProblem::Api(e) => campaign_error(t, e),
        }
    }
}

/// The server's `validation_failed` said in this form's words where the field is known.
fn campaign_error(t: &'static Texts, e: &ApiError) -> String {
    if !e.is(Code::ValidationFailed) {
        return error_text(t, e);
    }
    let words = t.surveys_staff();
    let text = match e.field.as_deref().unwrap_or_default() {
        "name" => words.need_name,
        "nps" | "csi" => words.need_question,
        f if f.starts_with("extras") => words.extras_incomplete,
        f if f.starts_with("clients") => words.need_clients,
        f if f.starts_with("segment") => words.segment_invalid,
        "repeat_months" | "remind_after_days" | "remind_max" | "close_after_days" => words.numbers_range,
        _ => return error_text(t, e),
    };
    text.to_owned()
}

/// A new campaign's starting settings.
fn blank() -> CampaignInput {
    CampaignInput {
        name: String::new(),
        nps: true,
        csi: true,
        extras: Vec::new(),
        target: CampaignTarget::All,
        clients: Vec::new(),
        segment: SegmentFilter::default(),
        recipients: CampaignRecipients::Approvers,
        repeat_months: None,
        remind_after_days: 3,
        remind_max: 2,
        close_after_days: 14,
    }
}

#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    nps: RwSignal<bool>,
    csi: RwSignal<bool>,
    extras: Extras,
    target: RwSignal<CampaignTarget>,
    clients: RwSignal<Vec<(ClientId, String)>>,
    temperament: RwSignal<Option<Temperament>>,
    activity: RwSignal<Option<Activity>>,
    tier: RwSignal<Option<ValueTier>>,
    manager: RwSignal<Option<UserId>>,
    recipients: RwSignal<CampaignRecipients>,
    repeat: RwSignal<bool>,
    repeat_months: RwSignal<String>,
    remind_after: RwSignal<String>,
    remind_max: RwSignal<String>,
    close_after: RwSignal<String>,
}

impl Fields {
    fn new(input: CampaignInput) -> Self {
        Fields {
            name: RwSignal::new(input.name),
            nps: RwSignal::new(input.nps),
            csi: RwSignal::new(input.csi),
            extras: Extras::new(input.extras),
            target: RwSignal::new(input.target),
            clients: RwSignal::new(input.clients.into_iter().map(|c| (c, String::new())).collect()),
            temperament: RwSignal::new(input.segment.temperament),
            activity: RwSignal::new(input.segment.activity),
            tier: RwSignal::new(input.segment.tier),
            manager: RwSignal::new(input.segment.manager),
            recipients: RwSignal::new(input.recipients),
            repeat: RwSignal::new(input.repeat_months.is_some()),
            repeat_months: RwSignal::new(input.repeat_months.unwrap_or(6).to_string()),
            remind_after: RwSignal::new(input.remind_after_days.to_string()),
            remind_max: RwSignal::new(input.remind_max.to_string()),
            close_after: RwSignal::new(input.close_after_days.to_string()),
        }
    }

    fn read(&self) -> Result<CampaignInput, FormProblem> {
        let name = self.name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return Err(FormProblem::Local(|t| t.surveys_staff().need_name));
        }
        let extras = self.extras.read().ok_or(FormProblem::Local(|t| t.surveys_staff().extras_incomplete))?;
        let (nps, csi) = (self.nps.get_untracked(), self.csi.get_untracked());
        if !nps && !csi && extras.is_empty() {
            return Err(FormProblem::Local(|t| t.surveys_staff().need_question));
        }
        let target = self.target.get_untracked();
        let clients: Vec<ClientId> = self.clients.with_untracked(|l| l.iter().map(|(id, _)| *id).collect());
        if target == CampaignTarget::Clients && clients.is_empty() {
            return Err(FormProblem::Local(|t| t.surveys_staff().need_clients));
        }
        let number = |s: RwSignal<String>, low: u8, high: u8| {
            s.get_untracked().trim().parse::<u8>().ok().filter(|n| (low..=high).contains(n))
        };
        let out_of_range = FormProblem::Local(|t| t.surveys_staff().numbers_range);
        let repeat_months = match self.repeat.get_untracked() {
            true => Some(number(self.repeat_months, 1, 24).ok_or(out_of_range.clone())?),
            false => None,
        };
        let (Some(remind_after_days), Some(remind_max), Some(close_after_days)) =
            (number(self.remind_after, 1, 30), number(self.remind_max, 0, 5), number(self.close_after, 1, 90))
        else {
            return Err(out_of_range);
        };
        let segment = match target {
            CampaignTarget::Segment => SegmentFilter {
                temperament: self.temperament.get_untracked(),
                activity: self.activity.get_untracked(),
                tier: self.tier.get_untracked(),
                manager: self.manager.get_untracked(),
            },
            _ => SegmentFilter::default(),
        };
        Ok(CampaignInput {
            name,
            nps,
            csi,
            extras,
            target,
            clients: if target == CampaignTarget::Clients { clients } else { Vec::new() },
            segment,
            recipients: self.recipients.get_untracked(),
            repeat_months,
            remind_after_days,
            remind_max,
            close_after_days,
        })
    }
}

/// The form; `campaign` is the draft being edited (`None`: creates one). `on_saved` gets the
/// saved campaign.
#[component]
pub fn CampaignForm(
    campaign: Option<SurveyCampaignId>,
    initial: Option<CampaignInput>,
    on_saved: Callback<CampaignDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields = Fields::new(initial.unwrap_or_else(blank));
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<FormProblem>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let input = match fields.read() {
            Ok(input) => input,
            Err(p) => return problem.set(Some(p)),
        };
        problem.set(None);
        pending.set(true);
        spawn_local(async move {
            let result = match campaign {
                Some(id) => api::save_campaign(id, &input).await,
                None => api::create_campaign(&input).await,
            };
            pending.set(false);
            match result {
                Ok(detail) => {
                    saved.set(true);
                    on_saved.run(detail);
                }
                Err(e) => problem.set(Some(FormProblem::Api(e))),
            }
        });
    };
    let number = move |id: &'static str, label: Text, value: RwSignal<String>, min: &'static str, max: &'static str| {
        view! {
            <div class="field field-number">
                <label for=id>{move || label(i18n.t())}</label>
                <input type="number" id=id name=id min=min max=max class="input" bind:value=value />
            </div>
        }
    };
    view! {
        <div class="card" id="campaign-form-card">
            <h2 class="card-title">{move || i18n.t().surveys_staff().campaign_settings_title}</h2>
            <form id="campaign-form" class="form campaign-form" novalidate=true on:submit=on_submit
                on:input=move |_| saved.set(false)>
                <div class="field">
                    <label for="campaign-name">{move || i18n.t().surveys_staff().field_name}</label>
                    <input id="campaign-name" name="campaign-name" type="text" class="input" maxlength="200"
                        autocomplete="off" required=true bind:value=fields.name />
                </div>
                <fieldset class="form-section campaign-questions">
                    <legend>{move || i18n.t().surveys_staff().questions_legend}</legend>
                    <label class="check">
                        <input type="checkbox" id="campaign-nps" bind:checked=fields.nps />
                        <span>{move || i18n.t().surveys_staff().ask_nps}</span>
                    </label>
                    <label class="check">
                        <input type="checkbox" id="campaign-csi" bind:checked=fields.csi />
                        <span>{move || i18n.t().surveys_staff().ask_csi}</span>
                    </label>
                    <p class="field-hint">{move || i18n.t().surveys_staff().extras_hint}</p>
                    <ExtrasEditor extras=fields.extras />
                </fieldset>
                <TargetSection fields=fields />
                <fieldset class="form-section campaign-recipients">
                    <legend>{move || i18n.t().surveys_staff().recipients_legend}</legend>
                    {CampaignRecipients::ALL.iter().map(|&r| radio("campaign-recipients", format!("recipients-{}", r.as_str()),
                        r.as_str(), fields.recipients, r, move |t| recipients_label(t, r))).collect_view()}
                </fieldset>
                <fieldset class="form-section campaign-schedule">
                    <legend>{move || i18n.t().surveys_staff().schedule_legend}</legend>
                    {radio("campaign-schedule", "schedule-once".into(), "once", fields.repeat, false,
                        |t| t.surveys_staff().schedule_once)}
                    <div class="schedule-repeat">
                        {radio("campaign-schedule", "schedule-repeat".into(), "repeat", fields.repeat, true,
                            |t| t.surveys_staff().schedule_repeat)}
                        <input type="number" id="campaign-repeat-months" class="input input-short" min="1" max="24"
                            aria-label=move || i18n.t().surveys_staff().repeat_months_label
                            disabled=move || !fields.repeat.get() bind:value=fields.repeat_months />
                        <span class="muted">{move || i18n.t().surveys_staff().months_unit}</span>
                    </div>
                </fieldset>
                <fieldset class="form-section campaign-timing">
                    <legend>{move || i18n.t().surveys_staff().reminders_legend}</legend>
                    <div class="form-grid timing-grid">
                        {number("campaign-remind-after", |t| t.surveys_staff().remind_after, fields.remind_after, "1", "30")}
                        {number("campaign-remind-max", |t| t.surveys_staff().remind_max, fields.remind_max, "0", "5")}
                        {number("campaign-close-after", |t| t.surveys_staff().close_after, fields.close_after, "1", "90")}
                    </div>
                </fieldset>
                {move || problem.get().map(|p| view! {
                    <p class="form-error" id="campaign-error" role="alert">{move || p.text(i18n.t())}</p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" id="campaign-save" class="btn btn-primary" disabled=move || pending.get()>
                        {move || match (pending.get(), campaign.is_some()) {
                            (true, _) => i18n.t().common().saving,
                            (false, true) => i18n.t().surveys_staff().save_campaign,
                            (false, false) => i18n.t().surveys_staff().create_campaign,
                        }}
                    </button>
                    <Show when=move || saved.get()>
                        <Notice text=Signal::derive(move || i18n.t().surveys_staff().campaign_saved.to_owned()) />
                    </Show>
                </div>
            </form>
        </div>
    }
}

/// Whom the campaign asks: every active client, the chosen ones, or a segment.
#[component]
fn TargetSection(fields: Fields) -> impl IntoView {
    let i18n = use_i18n();
    let target = fields.target;
    view! {
        <fieldset class="form-section campaign-target">
            <legend>{move || i18n.t().surveys_staff().target_legend}</legend>
            <div class="choice-line">
                {CampaignTarget::ALL.iter().map(|&v| radio("campaign-target", format!("target-{}", v.as_str()), v.as_str(),
                    target, v, move |t| target_label(t, v))).collect_view()}
            </div>
            <Show when=move || target.get() == CampaignTarget::Clients>
                <ClientChecklist chosen=fields.clients />
            </Show>
            <Show when=move || target.get() == CampaignTarget::Segment>
                <div class="filters-grid segment-grid" id="target-segment-fields">
                    <ChoiceFilter id="segment-temperament" label=|t| t.segmentation().temperament
                        current=move || fields.temperament.get() text=Texts::temperament
                        on_pick=move |v| fields.temperament.set(v) />
                    <ChoiceFilter id="segment-activity" label=|t| t.segmentation().activity
                        current=move || fields.activity.get() text=Texts::activity on_pick=move |v| fields.activity.set(v) />
                    <ChoiceFilter id="segment-tier" label=|t| t.segmentation().value_tier
                        current=move || fields.tier.get() text=Texts::value_tier on_pick=move |v| fields.tier.set(v) />
                    <ManagerFilter id="segment-manager" value=fields.manager />
                </div>
                <p class="field-hint">{move || i18n.t().surveys_staff().segment_hint}</p>
            </Show>
        </fieldset>
    }
}

/// `label.check` around `input[type=radio][name][value]#{id}`, checked while `value` holds `this`.
fn radio<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    id: String,
    wire: &'static str,
    value: RwSignal<T>,
    this: T,
    label: impl Fn(&'static Texts) -> &'static str + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="check">
            <input type="radio" name=name id=id value=wire prop:checked=move || value.get() == this
                on:change=move |_| value.set(this) />
            <span>{move || label(i18n.t())}</span>
        </label>
    }
}

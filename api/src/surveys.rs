//! Satisfaction figures (NPS and CSI) as the staff analytics send them. The formulas are in
//! `server/src/surveys/score.rs` and follow `shared/PRODUCT.md` exactly; a group without answers
//! has no figure at all (`None`), never 0.

use crate::types::wire_enum;
use serde::{Deserialize, Serialize};

wire_enum!(
    /// Where an NPS answer falls: 0–6 detractor, 7–8 passive, 9–10 promoter.
    NpsClass { Detractor = "detractor", Passive = "passive", Promoter = "promoter" }
);

impl NpsClass {
    /// The class of a 0–10 score (`None` above 10).
    pub fn of(score: u8) -> Option<Self> {
        match score {
            0..=6 => Some(Self::Detractor),
            7..=8 => Some(Self::Passive),
            9..=10 => Some(Self::Promoter),
            _ => None,
        }
    }
}

wire_enum!(
    /// A CSI criterion's place in the importance–performance grid, split at the means of the
    /// criteria's mean importance and mean satisfaction (a value at a mean counts as high):
    /// important and below-average satisfaction — concentrate here; important and satisfied —
    /// keep up; neither — low priority; satisfying beyond its importance — possible overkill.
    Quadrant {
        ConcentrateHere = "concentrate_here",
        KeepUp = "keep_up",
        LowPriority = "low_priority",
        PossibleOverkill = "possible_overkill",
    }
);

/// NPS of a set of answers: % promoters − % detractors over all of them (passives count in the
/// denominator), −100..100, rounded to one decimal; `n` beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsFigure {
    pub score: f64,
    pub n: u32,
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
}

/// One criterion over a set of answers: its mean importance and mean satisfaction (1–10, two
/// decimals), how many answers rated it, its weight in the CSI and its quadrant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionFigure {
    /// The criterion's key within the agency (e.g. `price`).
    pub key: String,
    pub importance: f64,
    pub satisfaction: f64,
    pub n: u32,
    /// Mean importance over the sum of the criteria's mean importances (four decimals).
    pub weight: f64,
    pub quadrant: Quadrant,
}

/// CSI of a set of answers: 10 × Σ wᵢ·Sᵢ with wᵢ = Iᵢ / ΣI over the criteria's mean importance and
/// satisfaction, on 10..100, rounded to one decimal; `n` answers rated at least one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CsiFigure {
    pub score: f64,
    pub n: u32,
    /// The importance and satisfaction means the quadrants are split at.
    pub importance_mean: f64,
    pub satisfaction_mean: f64,
    pub criteria: Vec<CriterionFigure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_score() {
        let classes: Vec<_> = (0..=11).map(NpsClass::of).collect();
        assert_eq!(&classes[..7], &[Some(NpsClass::Detractor); 7]);
        assert_eq!(&classes[7..9], &[Some(NpsClass::Passive); 2]);
        assert_eq!(&classes[9..11], &[Some(NpsClass::Promoter); 2]);
        assert_eq!(classes[11], None);
    }
}

/// The NPS question and its "why?" follow-up for each class, in one language. `{agency}` in
/// the question is replaced by the agency's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsTexts {
    pub question: String,
    pub why_detractor: String,
    pub why_passive: String,
    pub why_promoter: String,
}

/// A CSI criterion: rated for importance and for satisfaction, 1–10 each. `key` is stable
/// within the agency (past answers refer to it); a new criterion is sent without one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyCriterion {
    #[serde(default)]
    pub key: Option<String>,
    pub name_ru: String,
    pub name_en: String,
}

/// An agency's survey settings (the built-in ones until an owner or admin saves them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySettings {
    pub nps_ru: NpsTexts,
    pub nps_en: NpsTexts,
    /// 1–10 CSI criteria, in the order they are asked.
    pub criteria: Vec<SurveyCriterion>,
    /// A contact is asked at most this many times in six months across campaigns (1–12).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub recontact_max: u8,
    /// Working days (Monday–Friday) a detractor's follow-up is due in (0–10).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10))]
    pub followup_days: u8,
    /// Nothing saved yet: these are Accord's defaults (ignored on save).
    #[serde(default)]
    pub built_in: bool,
}

/// A ready-made set of CSI criteria the settings form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriteriaPreset {
    /// `default` (price, timeline, service) or `five_p` (product, price, place, promotion, people).
    pub key: String,
    pub criteria: Vec<SurveyCriterion>,
}

/// The settings page: the agency's settings and the presets to start criteria from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySettingsPage {
    pub settings: SurveySettings,
    pub presets: Vec<CriteriaPreset>,
    /// Whether the caller may change them (owners and admins).
    pub can_edit: bool,
}

/// At most this many CSI criteria per agency.
pub const MAX_CRITERIA: usize = 10;

/// The criteria sets every agency may start from, in their order.
pub fn presets() -> Vec<CriteriaPreset> {
    let c = |key: &str, ru: &str, en: &str| SurveyCriterion {
        key: Some(key.to_string()),
        name_ru: ru.to_string(),
        name_en: en.to_string(),
    };
    vec![
        CriteriaPreset {
            key: "default".into(),
            criteria: vec![
                c("price", "Цена", "Price"),
                c("timeline", "Сроки", "Timeline"),
                c("service", "Сервис", "Service"),
            ],
        },
        CriteriaPreset {
            key: "five_p".into(),
            criteria: vec![
                c("product", "Продукт", "Product"),
                c("price", "Цена", "Price"),
                c("place", "Доступность", "Place"),
                c("promotion", "Продвижение", "Promotion"),
                c("people", "Люди", "People"),
            ],
        },
    ]
}

// ---- Campaigns ----

use crate::{
    Activity, ClientId, ContactId, Locale, StaffRef, SurveyAnswerId, SurveyCampaignId, SurveyFollowupId,
    SurveyInvitationId, SurveyWaveId, Temperament, UserId, ValueTier,
};
use chrono::{DateTime, NaiveDate, Utc};

wire_enum!(
    /// Which clients a campaign asks: every active client, the ones chosen, or a segment.
    CampaignTarget { All = "all", Clients = "clients", Segment = "segment" }
);

wire_enum!(
    /// Which of a client's contacts (with portal access) are asked.
    CampaignRecipients { Approvers = "approvers", AllContacts = "all_contacts" }
);

wire_enum!(
    /// A draft is being set up; a running campaign opens its waves; a stopped one opens no more.
    CampaignStatus { Draft = "draft", Running = "running", Stopped = "stopped" }
);

wire_enum!(
    /// How an answer came in.
    AnswerSource { Portal = "portal", Link = "link", Phone = "phone", Import = "import" }
);

wire_enum!(
    /// What was done about a detractor's answer.
    FollowupOutcome { Called = "called", Fixed = "fixed", Escalated = "escalated", NoAction = "no_action" }
);

wire_enum!(
    /// A promoter marked for a request.
    PromoterMark { Testimonial = "testimonial", Referral = "referral" }
);

wire_enum!(
    /// An extra question: free text, or one choice of a list.
    ExtraKind { Text = "text", Choice = "choice" }
);

wire_enum!(
    /// Where an e-mailed survey link stands.
    LinkState { Open = "open", Answered = "answered", Expired = "expired", Closed = "closed" }
);

/// A segment of clients; every field given must match (none given: every active client).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SegmentFilter {
    #[serde(default)]
    pub temperament: Option<Temperament>,
    #[serde(default)]
    pub activity: Option<Activity>,
    #[serde(default)]
    pub tier: Option<ValueTier>,
    /// The account manager.
    #[serde(default)]
    pub manager: Option<UserId>,
}

/// An optional question after NPS and CSI. A choice question has 2–10 options, the same number
/// in both languages. `key` is given by the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExtraQuestion {
    #[serde(default)]
    pub key: Option<String>,
    pub kind: ExtraKind,
    pub text_ru: String,
    pub text_en: String,
    #[serde(default)]
    pub options_ru: Vec<String>,
    #[serde(default)]
    pub options_en: Vec<String>,
}

/// What an owner or admin sets up: what is asked, of whom, how often, reminders and closing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignInput {
    pub name: String,
    /// Ask the NPS question (with its "why?").
    pub nps: bool,
    /// Ask the agency's CSI criteria (importance and satisfaction).
    pub csi: bool,
    #[serde(default)]
    pub extras: Vec<ExtraQuestion>,
    pub target: CampaignTarget,
    /// The chosen clients (`target = clients`).
    #[serde(default)]
    pub clients: Vec<ClientId>,
    /// The segment (`target = segment`).
    #[serde(default)]
    pub segment: SegmentFilter,
    pub recipients: CampaignRecipients,
    /// `None`: once; otherwise a new wave every 1–24 months.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 24))]
    pub repeat_months: Option<u8>,
    /// A reminder after this many days without an answer (1–30).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 30))]
    pub remind_after_days: u8,
    /// At most this many reminders (0–5).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 5))]
    pub remind_max: u8,
    /// A wave closes this many days after it opened (1–90).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 90))]
    pub close_after_days: u8,
}

/// One wave's figures: who was asked, who answered, and what they said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaveFigure {
    pub id: SurveyWaveId,
    pub number: u32,
    pub opened_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub closed: bool,
    pub invited: u32,
    pub answered: u32,
    /// Contacts left out by the recontact guard.
    pub skipped: u32,
    /// answered / invited, 0..1 (`None` when nobody was invited).
    pub response_rate: Option<f64>,
    pub nps: Option<NpsFigure>,
    pub csi: Option<CsiFigure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignSummary {
    pub id: SurveyCampaignId,
    pub name: String,
    pub nps: bool,
    pub csi: bool,
    pub target: CampaignTarget,
    pub recipients: CampaignRecipients,
    pub repeat_months: Option<u8>,
    pub status: CampaignStatus,
    pub waves: u32,
    pub latest_wave: Option<WaveFigure>,
    /// When the next wave opens (running campaigns that repeat).
    pub next_wave_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

/// A campaign with its settings (to edit) and all its waves, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignDetail {
    pub summary: CampaignSummary,
    pub input: CampaignInput,
    pub waves: Vec<WaveFigure>,
    /// How many clients the target matches today.
    pub target_clients: u32,
}

// ---- Answering ----

/// A criterion as the form asks it, named in the respondent's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormCriterion {
    pub key: String,
    pub name: String,
}

/// An extra question as the form asks it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormExtra {
    pub key: String,
    pub kind: ExtraKind,
    pub text: String,
    pub options: Vec<String>,
}

/// One criterion's two ratings (1–10 each; unset while a draft).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingInput {
    pub key: String,
    #[serde(default)]
    pub importance: Option<u8>,
    #[serde(default)]
    pub satisfaction: Option<u8>,
}

/// An extra question's answer: the text, or the chosen option's index as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExtraAnswer {
    pub key: String,
    pub value: String,
}

/// An answer being given: saved as a draft (anything may be missing) or submitted (NPS when
/// asked, and both ratings of every criterion when CSI is asked).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerInput {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10))]
    pub nps: Option<u8>,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub ratings: Vec<RatingInput>,
    #[serde(default)]
    pub extras: Vec<ExtraAnswer>,
}

/// The survey as a respondent sees it: the questions in their language, and what they saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyForm {
    pub invitation_id: SurveyInvitationId,
    pub agency_name: String,
    pub campaign_name: String,
    pub locale: Locale,
    /// The NPS question and its follow-ups (`{agency}` filled in); `None` when not asked.
    pub nps: Option<NpsTexts>,
    /// The criteria to rate; empty when CSI is not asked.
    pub criteria: Vec<FormCriterion>,
    pub extras: Vec<FormExtra>,
    /// What was saved so far (empty at first).
    pub draft: AnswerInput,
    pub closes_at: DateTime<Utc>,
}

/// An e-mailed survey link: its state, and the form while it is open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkSurvey {
    pub state: LinkState,
    pub agency_name: String,
    pub locale: Locale,
    pub form: Option<SurveyForm>,
}

/// An open survey in the portal banner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenSurvey {
    pub invitation_id: SurveyInvitationId,
    pub campaign_name: String,
    pub closes_at: DateTime<Utc>,
    /// A draft was saved (the banner says "continue").
    pub started: bool,
}

/// One criterion as answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingView {
    pub key: String,
    pub name: String,
    pub importance: u8,
    pub satisfaction: u8,
}

/// A contact's own answer in the portal (never a colleague's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnAnswer {
    pub id: SurveyAnswerId,
    pub campaign_name: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub nps: Option<u8>,
    pub why: String,
    pub ratings: Vec<RatingView>,
}

/// The portal's surveys: open ones (the banner) and the contact's own past answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalSurveys {
    pub open: Vec<OpenSurvey>,
    pub answered: Vec<OwnAnswer>,
}

/// An answer a manager took by phone on a contact's behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhoneAnswer {
    /// The contact who answered (`None`: the client, no one person).
    #[serde(default)]
    pub contact_id: Option<ContactId>,
    /// The day of the call (not in the future).
    pub taken_on: NaiveDate,
    /// The campaign it answers (its open wave for this contact is then answered).
    #[serde(default)]
    pub campaign_id: Option<SurveyCampaignId>,
    pub answer: AnswerInput,
}

/// An answer as staff see it, with the manager and segment recorded when it was submitted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerView {
    pub id: SurveyAnswerId,
    pub client_id: ClientId,
    pub client_name: String,
    pub contact_id: Option<ContactId>,
    pub contact_name: Option<String>,
    pub campaign_name: Option<String>,
    pub source: AnswerSource,
    pub submitted_at: DateTime<Utc>,
    /// The day it was given (the call's day for a phone answer, the row's date for an import).
    pub answered_on: NaiveDate,
    /// Who took a phone answer.
    pub taken_by: Option<StaffRef>,
    pub nps: Option<u8>,
    pub class: Option<NpsClass>,
    pub why: String,
    pub ratings: Vec<RatingView>,
    /// This answer's own CSI (10..100), when it rated criteria.
    pub csi: Option<f64>,
    /// The account manager at the time (`None` with `manager_known`: the client had none).
    pub manager: Option<StaffRef>,
    /// `false` for imported answers whose manager was not given.
    pub manager_known: bool,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    /// `false` for imported answers whose segment was not given.
    pub segment_known: bool,
    pub mark: Option<PromoterMark>,
    pub extras: Vec<ExtraAnswer>,
}

/// Marks (or unmarks) a promoter for a testimonial or referral request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkRequest {
    #[serde(default)]
    pub mark: Option<PromoterMark>,
}

// ---- Analytics ----

/// A figure for one group (a manager, client, segment value or period). `key` is the group's
/// id or value (`unknown` for imported answers without it, `none` for "no manager").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupFigure {
    pub key: String,
    pub label: String,
    pub nps: Option<NpsFigure>,
    /// The group's CSI (10..100) from its criteria means.
    pub csi: Option<f64>,
    pub csi_n: u32,
}

/// A campaign's latest wave beside the one before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaveComparison {
    pub campaign_id: SurveyCampaignId,
    pub campaign_name: String,
    pub latest: WaveFigure,
    pub previous: Option<WaveFigure>,
}

/// The staff analytics of the answers in a period (and optionally one manager's portfolio or
/// one client). Account managers see only the clients they manage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyAnalytics {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub nps: Option<NpsFigure>,
    pub csi: Option<CsiFigure>,
    /// The criteria's names (the caller's language) for the keys in `csi`.
    pub criteria: Vec<FormCriterion>,
    /// One point per month of the period, oldest first (a month without answers: no figure).
    pub by_month: Vec<GroupFigure>,
    pub by_quarter: Vec<GroupFigure>,
    pub by_manager: Vec<GroupFigure>,
    pub by_client: Vec<GroupFigure>,
    pub by_temperament: Vec<GroupFigure>,
    pub by_activity: Vec<GroupFigure>,
    pub by_tier: Vec<GroupFigure>,
    pub waves: Vec<WaveComparison>,
}

// ---- Follow-ups ----

wire_enum!(
    /// Which follow-ups a list shows.
    FollowupFilter { Open = "open", Overdue = "overdue", Closed = "closed", All = "all" }
);

/// A detractor's follow-up: due in the agency's working days, closed with an outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowupView {
    pub id: SurveyFollowupId,
    pub answer: AnswerView,
    /// Who must act (the client's account manager when the answer came in).
    pub assignee: Option<StaffRef>,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub outcome: Option<FollowupOutcome>,
    pub note: String,
    pub closed_by: Option<StaffRef>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// Follow-ups, with how many are open and overdue in the caller's view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowupList {
    pub items: Vec<FollowupView>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub open: u64,
    pub overdue: u64,
}

/// Closes a follow-up with what was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CloseFollowup {
    pub outcome: FollowupOutcome,
    #[serde(default)]
    pub note: String,
}

/// A history import's result: how many answers were stored (imported history opens no
/// follow-ups and sends no mail).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyImportResult {
    pub imported: u32,
}

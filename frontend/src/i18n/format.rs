//! Locale-aware rendering of values: error codes, enumerations and dates.

use super::{fill, Texts};
use crate::api::{ApiError, ErrorCode};
use accord_api::error::Code;
use accord_api::invitations::InvitationState;
use accord_api::{
    Activity, AgencyStatus, ClientStatus, Locale, PortalRole, ProjectKind, ProjectStatus, ReportCadence, StaffRole,
    Temperament, TouchpointKind, UserStatus, ValueTier,
};
use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

/// The person-facing text for a failed call: translated by code, the server's message for a
/// code this build does not know.
pub fn error_text(t: &Texts, error: &ApiError) -> String {
    match &error.code {
        ErrorCode::Api(code) => code_text(t, *code, error),
        ErrorCode::Network => t.errors().network.to_owned(),
        ErrorCode::BadResponse => t.errors().bad_response.to_owned(),
        ErrorCode::Unknown(_) if !error.message.is_empty() => error.message.clone(),
        ErrorCode::Unknown(_) => t.errors().internal.to_owned(),
    }
}

/// One text per API code, in both languages: a code added to [`Code`] without one does not build.
fn code_text(t: &Texts, code: Code, error: &ApiError) -> String {
    let text = match code {
        Code::Unauthenticated => t.errors().unauthenticated,
        Code::InvalidCredentials => t.errors().invalid_credentials,
        Code::AgencyChoiceRequired => t.errors().agency_choice_required,
        Code::AgencySuspended => t.errors().agency_suspended,
        Code::AccountDisabled => t.errors().account_disabled,
        Code::Forbidden => t.errors().forbidden,
        Code::CsrfRejected => t.errors().csrf_rejected,
        Code::NotFound => t.errors().not_found,
        Code::Conflict => t.errors().conflict,
        Code::AlreadyExists => t.errors().already_exists,
        Code::ValidationFailed => {
            return match &error.field {
                Some(field) => fill(t.errors().validation_field, &[&t.field_label(field)]),
                None => t.errors().validation.to_owned(),
            }
        }
        Code::MalformedJson => t.errors().malformed_json,
        Code::TooLarge => t.errors().too_large,
        Code::RateLimited => {
            return match error.retry_after {
                Some(seconds) => t.errors().rate_limited_in.count(seconds.into()),
                None => t.errors().rate_limited.to_owned(),
            }
        }
        Code::PasswordTooShort => t.errors().password_too_short,
        Code::PasswordTooLong => t.errors().password_too_long,
        Code::PasswordTooCommon => t.errors().password_too_common,
        Code::WrongPassword => t.errors().wrong_password,
        Code::SignupClosed => t.errors().signup_closed,
        Code::LastOwner => t.errors().last_owner,
        Code::CannotChangeSelf => t.errors().cannot_change_self,
        Code::AlreadyHasAccess => t.errors().already_has_access,
        Code::LinkExpired => t.errors().link_expired,
        Code::LinkUsed => t.errors().link_used,
        Code::LinkRevoked => t.errors().link_revoked,
        Code::LinkInvalid => t.errors().link_invalid,
        // Backlog and roadmap codes
        Code::StaleVersion => t.errors().stale_version,
        Code::InvalidTransition => t.errors().invalid_transition,
        Code::ChangeRequestNotApproved => t.errors().change_request_not_approved,
        Code::EstimateLocked => t.errors().estimate_locked,
        Code::NotAwaitingDecision => t.errors().not_awaiting_decision,
        Code::ReasonRequired => t.errors().reason_required,
        Code::PriceRequired => t.errors().price_required,
        Code::TooLate => t.errors().too_late,
        // Incident codes
        Code::WrongStep => t.errors().wrong_step,
        Code::NoPlan => t.errors().no_plan,
        Code::AlreadyAcknowledged => t.errors().already_acknowledged,
        Code::ImportRejected => t.errors().import_rejected,
        Code::InternalError => t.errors().internal,
        Code::Unavailable => t.errors().unavailable,
    };
    text.to_owned()
}

/// Like [`error_text`], for sending and managing invitations: there `already_exists` means an
/// invitation to that email is already waiting.
pub fn invitation_error_text(t: &Texts, error: &ApiError) -> String {
    if error.is(Code::AlreadyExists) {
        return t.errors().invitation_exists.to_owned();
    }
    error_text(t, error)
}

impl Texts {
    pub fn staff_role(&self, role: StaffRole) -> &'static str {
        match role {
            StaffRole::Owner => self.team().role_owner,
            StaffRole::Admin => self.team().role_admin,
            StaffRole::AccountManager => self.team().role_account_manager,
            StaffRole::Specialist => self.team().role_specialist,
        }
    }

    pub fn portal_role_label(&self, role: PortalRole) -> &'static str {
        match role {
            PortalRole::Approver => self.contacts().portal_approver,
            PortalRole::Viewer => self.contacts().portal_viewer,
        }
    }

    pub fn agency_status(&self, status: AgencyStatus) -> &'static str {
        match status {
            AgencyStatus::Active => self.platform().agency_active,
            AgencyStatus::Suspended => self.platform().agency_suspended,
        }
    }

    pub fn client_status(&self, status: ClientStatus) -> &'static str {
        match status {
            ClientStatus::Onboarding => self.clients().client_onboarding,
            ClientStatus::Active => self.clients().client_active,
            ClientStatus::Paused => self.clients().client_paused,
            ClientStatus::Churned => self.clients().client_churned,
        }
    }

    pub fn user_status(&self, status: UserStatus) -> &'static str {
        match status {
            UserStatus::Active => self.contacts().user_active,
            UserStatus::Disabled => self.contacts().user_disabled,
        }
    }

    pub fn invitation_state(&self, state: InvitationState) -> &'static str {
        match state {
            InvitationState::Pending => self.invitations().invitation_pending,
            InvitationState::Expired => self.invitations().invitation_expired,
            InvitationState::Accepted => self.invitations().invitation_accepted,
            InvitationState::Revoked => self.invitations().invitation_withdrawn,
        }
    }

    pub fn temperament(&self, t: Temperament) -> &'static str {
        match t {
            Temperament::Choleric => self.segmentation().temperament_choleric,
            Temperament::Sanguine => self.segmentation().temperament_sanguine,
            Temperament::Melancholic => self.segmentation().temperament_melancholic,
            Temperament::Phlegmatic => self.segmentation().temperament_phlegmatic,
        }
    }

    /// What the type is like, and how to work with them (seed 003).
    pub fn temperament_guide(&self, t: Temperament) -> (&'static str, &'static str) {
        match t {
            Temperament::Choleric => (self.segmentation().choleric_traits, self.segmentation().choleric_hint),
            Temperament::Sanguine => (self.segmentation().sanguine_traits, self.segmentation().sanguine_hint),
            Temperament::Melancholic => (self.segmentation().melancholic_traits, self.segmentation().melancholic_hint),
            Temperament::Phlegmatic => (self.segmentation().phlegmatic_traits, self.segmentation().phlegmatic_hint),
        }
    }

    pub fn activity(&self, a: Activity) -> &'static str {
        match a {
            Activity::Active => self.segmentation().activity_active,
            Activity::Waiting => self.segmentation().activity_waiting,
            Activity::Passive => self.segmentation().activity_passive,
        }
    }

    pub fn activity_hint(&self, a: Activity) -> &'static str {
        match a {
            Activity::Active => self.segmentation().activity_active_hint,
            Activity::Waiting => self.segmentation().activity_waiting_hint,
            Activity::Passive => self.segmentation().activity_passive_hint,
        }
    }

    pub fn value_tier(&self, tier: ValueTier) -> &'static str {
        match tier {
            ValueTier::A => self.segmentation().tier_a,
            ValueTier::B => self.segmentation().tier_b,
            ValueTier::C => self.segmentation().tier_c,
        }
    }

    pub fn value_tier_hint(&self, tier: ValueTier) -> &'static str {
        match tier {
            ValueTier::A => self.segmentation().tier_a_hint,
            ValueTier::B => self.segmentation().tier_b_hint,
            ValueTier::C => self.segmentation().tier_c_hint,
        }
    }

    pub fn report_cadence(&self, cadence: ReportCadence) -> &'static str {
        match cadence {
            ReportCadence::Weekly => self.overview().report_weekly,
            ReportCadence::Monthly => self.overview().report_monthly,
        }
    }

    pub fn project_kind(&self, kind: ProjectKind) -> &'static str {
        match kind {
            ProjectKind::Website => self.projects().project_website,
            ProjectKind::Seo => self.projects().project_seo,
            ProjectKind::Ads => self.projects().project_ads,
            ProjectKind::App => self.projects().project_app,
            ProjectKind::Other => self.projects().project_other,
        }
    }

    pub fn project_status(&self, status: ProjectStatus) -> &'static str {
        match status {
            ProjectStatus::Planned => self.projects().project_planned,
            ProjectStatus::Active => self.projects().project_active,
            ProjectStatus::Paused => self.projects().project_paused,
            ProjectStatus::Done => self.projects().project_done,
        }
    }

    pub fn touchpoint_kind(&self, kind: TouchpointKind) -> &'static str {
        match kind {
            TouchpointKind::Call => self.touchpoints().touch_call,
            TouchpointKind::Meeting => self.touchpoints().touch_meeting,
            TouchpointKind::Email => self.touchpoints().touch_email,
            TouchpointKind::Chat => self.touchpoints().touch_chat,
            TouchpointKind::Gift => self.touchpoints().touch_gift,
            TouchpointKind::Newsletter => self.touchpoints().touch_newsletter,
        }
    }

    /// A contact-history entry's kind (`added`, `updated`, `left`, `replaced`).
    pub fn contact_event(&self, kind: &str) -> &'static str {
        match kind {
            "added" => self.contacts().event_added,
            "updated" => self.contacts().event_updated,
            "left" => self.contacts().event_left,
            "replaced" => self.contacts().event_replaced,
            _ => self.contacts().event_other,
        }
    }

    pub fn locale_name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ru => self.common().lang_ru,
            Locale::En => self.common().lang_en,
        }
    }

    /// A form field the server named in `validation_failed`.
    pub fn field_label(&self, field: &str) -> String {
        match field {
            "name" | "owner_name" | "agency_name" => self.common().name.to_owned(),
            "email" | "owner_email" => self.errors().field_email.to_owned(),
            "password" | "owner_password" | "new_password" => self.errors().field_password.to_owned(),
            "slug" | "agency_slug" => self.errors().field_slug.to_owned(),
            "time_zone" => self.errors().field_time_zone.to_owned(),
            "status" => self.common().status.to_owned(),
            "role" | "portal_role" => self.common().role.to_owned(),
            "account_manager_id" | "manager" => self.clients().account_manager.to_owned(),
            "started_on" => self.overview().started_on.to_owned(),
            "ended_on" => self.overview().ended_on.to_owned(),
            "starts_on" => self.projects().starts_on.to_owned(),
            "ends_on" => self.projects().ends_on.to_owned(),
            "business_model" => self.overview().business_model.to_owned(),
            "audience" => self.overview().audience.to_owned(),
            "market" => self.overview().market.to_owned(),
            "product_role" => self.overview().product_role.to_owned(),
            "included" => self.overview().included.to_owned(),
            "excluded" => self.overview().excluded.to_owned(),
            "contact_cadence_days" => self.overview().contact_cadence.to_owned(),
            "report_cadence" => self.overview().report_cadence_label.to_owned(),
            "position" => self.contacts().position.to_owned(),
            "phone" => self.contacts().phone.to_owned(),
            "replaced_by" => self.contacts().successor.to_owned(),
            "kind" => self.projects().kind.to_owned(),
            "budget" => self.projects().budget.to_owned(),
            "team" => self.projects().team.to_owned(),
            "occurred_at" => self.touchpoints().touch_when.to_owned(),
            "contact_id" => self.touchpoints().touch_contact.to_owned(),
            "summary" => self.touchpoints().touch_summary.to_owned(),
            "sort" => self.clients().sort_label.to_owned(),
            "title" => self.meetings().field_title.to_owned(),
            "interval" => self.meetings().field_interval.to_owned(),
            "weekday" => self.meetings().field_weekday.to_owned(),
            "month_day" => self.meetings().field_month_day.to_owned(),
            "week_of_month" => self.meetings().field_week_of_month.to_owned(),
            "time" => self.meetings().field_time.to_owned(),
            "duration_minutes" => self.meetings().field_duration_minutes.to_owned(),
            "until" => self.meetings().field_until.to_owned(),
            "count" => self.meetings().field_count.to_owned(),
            "from" => self.meetings().field_from.to_owned(),
            "local_start" => self.meetings().field_local_start.to_owned(),
            "place" => self.meetings().field_place.to_owned(),
            "reason" => self.meetings().field_reason.to_owned(),
            "due_on" => self.meetings().field_due_on.to_owned(),
            "comment" => self.meetings().field_comment.to_owned(),
            "decision" => self.meetings().field_decision.to_owned(),
            other => other.to_owned(),
        }
    }
}

/// "22 нояб. 2026 г." / "Nov 22, 2026", in the browser's time zone, via `Intl.DateTimeFormat`.
pub fn format_date(locale: Locale, at: &DateTime<Utc>) -> String {
    let tag = match locale {
        Locale::Ru => "ru-RU",
        Locale::En => "en-US",
    };
    let options = js_sys::Intl::DateTimeFormatOptions::new();
    options.set_date_style(js_sys::Intl::DateTimeStyle::Medium);
    let locales = js_sys::Array::of1(&JsValue::from_str(tag));
    let formatter = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    formatter
        .format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| super::iso_day(&at.date_naive()))
}

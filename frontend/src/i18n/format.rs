//! Locale-aware rendering of values: error codes, enumerations and dates.

use super::{fill, Texts};
use crate::api::{ApiError, CODE_BAD_RESPONSE, CODE_NETWORK};
use accord_api::error::codes;
use accord_api::invitations::InvitationState;
use accord_api::{
    Activity, AgencyStatus, ClientStatus, Locale, PortalRole, ProjectKind, ProjectStatus, ReportCadence, StaffRole,
    Temperament, TouchpointKind, UserStatus, ValueTier,
};
use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

/// The person-facing text for a failed call: translated by code, the server's message otherwise.
pub fn error_text(t: &Texts, error: &ApiError) -> String {
    let known = match error.code.as_str() {
        codes::UNAUTHENTICATED => t.err_unauthenticated,
        codes::INVALID_CREDENTIALS => t.err_invalid_credentials,
        codes::AGENCY_CHOICE_REQUIRED => t.err_agency_choice_required,
        codes::AGENCY_SUSPENDED => t.err_agency_suspended,
        codes::FORBIDDEN => t.err_forbidden,
        codes::CSRF_REJECTED => t.err_csrf_rejected,
        codes::NOT_FOUND => t.err_not_found,
        codes::CONFLICT => t.err_conflict,
        codes::ALREADY_EXISTS => t.err_already_exists,
        codes::VALIDATION => {
            return match &error.field {
                Some(field) => fill(t.err_validation_field, &[&t.field_label(field)]),
                None => t.err_validation.to_owned(),
            }
        }
        codes::MALFORMED_JSON => t.err_malformed_json,
        codes::TOO_LARGE => t.err_too_large,
        codes::RATE_LIMITED => {
            return match error.retry_after {
                Some(seconds) => fill(t.err_rate_limited_in, &[&seconds]),
                None => t.err_rate_limited.to_owned(),
            }
        }
        codes::PASSWORD_TOO_SHORT => t.err_password_too_short,
        codes::PASSWORD_TOO_LONG => t.err_password_too_long,
        codes::PASSWORD_TOO_COMMON => t.err_password_too_common,
        codes::WRONG_PASSWORD => t.err_wrong_password,
        codes::SIGNUP_CLOSED => t.err_signup_closed,
        codes::LAST_OWNER => t.err_last_owner,
        codes::ALREADY_HAS_ACCESS => t.err_already_has_access,
        codes::LINK_EXPIRED => t.err_link_expired,
        codes::LINK_USED => t.err_link_used,
        codes::LINK_REVOKED => t.err_link_revoked,
        codes::LINK_INVALID => t.err_link_invalid,
        // Backlog and roadmap codes
        codes::STALE_VERSION => t.err_stale_version,
        codes::INVALID_TRANSITION => t.err_invalid_transition,
        codes::CHANGE_REQUEST_NOT_APPROVED => t.err_change_request_not_approved,
        codes::ESTIMATE_LOCKED => t.err_estimate_locked,
        codes::NOT_AWAITING_DECISION => t.err_not_awaiting_decision,
        codes::REASON_REQUIRED => t.err_reason_required,
        codes::PRICE_REQUIRED => t.err_price_required,
        codes::IMPORT_REJECTED => t.err_import_rejected,
        codes::INTERNAL => t.err_internal,
        codes::UNAVAILABLE => t.err_unavailable,
        CODE_NETWORK => t.err_network,
        CODE_BAD_RESPONSE => t.err_bad_response,
        _ if !error.message.is_empty() => return error.message.clone(),
        _ => t.err_internal,
    };
    known.to_owned()
}

/// Like [`error_text`], for sending and managing invitations: there `already_exists` means an
/// invitation to that email is already waiting.
pub fn invitation_error_text(t: &Texts, error: &ApiError) -> String {
    if error.is(codes::ALREADY_EXISTS) {
        return t.err_invitation_exists.to_owned();
    }
    error_text(t, error)
}

impl Texts {
    pub fn staff_role(&self, role: StaffRole) -> &'static str {
        match role {
            StaffRole::Owner => self.role_owner,
            StaffRole::Admin => self.role_admin,
            StaffRole::AccountManager => self.role_account_manager,
            StaffRole::Specialist => self.role_specialist,
        }
    }

    pub fn portal_role_label(&self, role: PortalRole) -> &'static str {
        match role {
            PortalRole::Approver => self.portal_approver,
            PortalRole::Viewer => self.portal_viewer,
        }
    }

    pub fn agency_status(&self, status: AgencyStatus) -> &'static str {
        match status {
            AgencyStatus::Active => self.agency_active,
            AgencyStatus::Suspended => self.agency_suspended,
        }
    }

    pub fn client_status(&self, status: ClientStatus) -> &'static str {
        match status {
            ClientStatus::Onboarding => self.client_onboarding,
            ClientStatus::Active => self.client_active,
            ClientStatus::Paused => self.client_paused,
            ClientStatus::Churned => self.client_churned,
        }
    }

    pub fn user_status(&self, status: UserStatus) -> &'static str {
        match status {
            UserStatus::Active => self.user_active,
            UserStatus::Disabled => self.user_disabled,
        }
    }

    pub fn invitation_state(&self, state: InvitationState) -> &'static str {
        match state {
            InvitationState::Pending => self.invitation_pending,
            InvitationState::Expired => self.invitation_expired,
            InvitationState::Accepted => self.invitation_accepted,
            InvitationState::Revoked => self.invitation_withdrawn,
        }
    }

    pub fn temperament(&self, t: Temperament) -> &'static str {
        match t {
            Temperament::Choleric => self.temperament_choleric,
            Temperament::Sanguine => self.temperament_sanguine,
            Temperament::Melancholic => self.temperament_melancholic,
            Temperament::Phlegmatic => self.temperament_phlegmatic,
        }
    }

    /// What the type is like, and how to work with them (seed 003).
    pub fn temperament_guide(&self, t: Temperament) -> (&'static str, &'static str) {
        match t {
            Temperament::Choleric => (self.choleric_traits, self.choleric_hint),
            Temperament::Sanguine => (self.sanguine_traits, self.sanguine_hint),
            Temperament::Melancholic => (self.melancholic_traits, self.melancholic_hint),
            Temperament::Phlegmatic => (self.phlegmatic_traits, self.phlegmatic_hint),
        }
    }

    pub fn activity(&self, a: Activity) -> &'static str {
        match a {
            Activity::Active => self.activity_active,
            Activity::Waiting => self.activity_waiting,
            Activity::Passive => self.activity_passive,
        }
    }

    pub fn activity_hint(&self, a: Activity) -> &'static str {
        match a {
            Activity::Active => self.activity_active_hint,
            Activity::Waiting => self.activity_waiting_hint,
            Activity::Passive => self.activity_passive_hint,
        }
    }

    pub fn value_tier(&self, tier: ValueTier) -> &'static str {
        match tier {
            ValueTier::A => self.tier_a,
            ValueTier::B => self.tier_b,
            ValueTier::C => self.tier_c,
        }
    }

    pub fn value_tier_hint(&self, tier: ValueTier) -> &'static str {
        match tier {
            ValueTier::A => self.tier_a_hint,
            ValueTier::B => self.tier_b_hint,
            ValueTier::C => self.tier_c_hint,
        }
    }

    pub fn report_cadence(&self, cadence: ReportCadence) -> &'static str {
        match cadence {
            ReportCadence::Weekly => self.report_weekly,
            ReportCadence::Monthly => self.report_monthly,
        }
    }

    pub fn project_kind(&self, kind: ProjectKind) -> &'static str {
        match kind {
            ProjectKind::Website => self.project_website,
            ProjectKind::Seo => self.project_seo,
            ProjectKind::Ads => self.project_ads,
            ProjectKind::App => self.project_app,
            ProjectKind::Other => self.project_other,
        }
    }

    pub fn project_status(&self, status: ProjectStatus) -> &'static str {
        match status {
            ProjectStatus::Planned => self.project_planned,
            ProjectStatus::Active => self.project_active,
            ProjectStatus::Paused => self.project_paused,
            ProjectStatus::Done => self.project_done,
        }
    }

    pub fn touchpoint_kind(&self, kind: TouchpointKind) -> &'static str {
        match kind {
            TouchpointKind::Call => self.touch_call,
            TouchpointKind::Meeting => self.touch_meeting,
            TouchpointKind::Email => self.touch_email,
            TouchpointKind::Chat => self.touch_chat,
            TouchpointKind::Gift => self.touch_gift,
            TouchpointKind::Newsletter => self.touch_newsletter,
        }
    }

    /// A contact-history entry's kind (`added`, `updated`, `left`, `replaced`).
    pub fn contact_event(&self, kind: &str) -> &'static str {
        match kind {
            "added" => self.event_added,
            "updated" => self.event_updated,
            "left" => self.event_left,
            "replaced" => self.event_replaced,
            _ => self.event_other,
        }
    }

    pub fn locale_name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ru => self.lang_ru,
            Locale::En => self.lang_en,
        }
    }

    /// A form field the server named in `validation_failed`.
    pub fn field_label(&self, field: &str) -> String {
        match field {
            "name" | "owner_name" | "agency_name" => self.name.to_owned(),
            "email" | "owner_email" => self.field_email.to_owned(),
            "password" | "owner_password" | "new_password" => self.field_password.to_owned(),
            "slug" | "agency_slug" => self.field_slug.to_owned(),
            "time_zone" => self.field_time_zone.to_owned(),
            "status" => self.status.to_owned(),
            "role" | "portal_role" => self.role.to_owned(),
            "account_manager_id" | "manager" => self.account_manager.to_owned(),
            "started_on" => self.started_on.to_owned(),
            "ended_on" => self.ended_on.to_owned(),
            "starts_on" => self.starts_on.to_owned(),
            "ends_on" => self.ends_on.to_owned(),
            "business_model" => self.business_model.to_owned(),
            "audience" => self.audience.to_owned(),
            "market" => self.market.to_owned(),
            "product_role" => self.product_role.to_owned(),
            "included" => self.included.to_owned(),
            "excluded" => self.excluded.to_owned(),
            "contact_cadence_days" => self.contact_cadence.to_owned(),
            "report_cadence" => self.report_cadence_label.to_owned(),
            "position" => self.position.to_owned(),
            "phone" => self.phone.to_owned(),
            "replaced_by" => self.successor.to_owned(),
            "kind" => self.kind.to_owned(),
            "budget" => self.budget.to_owned(),
            "team" => self.team.to_owned(),
            "occurred_at" => self.touch_when.to_owned(),
            "contact_id" => self.touch_contact.to_owned(),
            "summary" => self.touch_summary.to_owned(),
            "sort" => self.sort_label.to_owned(),
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
        .unwrap_or_else(|| at.format("%Y-%m-%d").to_string())
}

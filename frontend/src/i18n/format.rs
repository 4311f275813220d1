//! Locale-aware rendering of values: error codes, enumerations and dates.

use super::{fill, Texts};
use crate::api::{ApiError, CODE_BAD_RESPONSE, CODE_NETWORK};
use accord_api::error::codes;
use accord_api::invitations::InvitationState;
use accord_api::{AgencyStatus, ClientStatus, Locale, PortalRole, StaffRole, UserStatus};
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

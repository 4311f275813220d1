//! The audit trail: who did what security-relevant thing, when, from where. Written in the
//! same transaction as the change it records; never holds secrets.

use crate::error::ApiError;
use accord_api::{AgencyId, UserId};
use accord_entity::audit_log;
use sea_orm::ActiveValue::Set;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SignIn,
    SignInFailed,
    SignOut,
    PasswordChanged,
    RoleChanged,
    UserDisabled,
    UserEnabled,
    AgencyCreated,
    AgencySuspended,
    AgencyReactivated,
    SignUp,
    InvitationSent,
    InvitationRevoked,
    InvitationAccepted,
    PasswordResetRequested,
    PasswordReset,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::SignIn => "sign_in",
            Action::SignInFailed => "sign_in_failed",
            Action::SignOut => "sign_out",
            Action::PasswordChanged => "password_changed",
            Action::RoleChanged => "role_changed",
            Action::UserDisabled => "user_disabled",
            Action::UserEnabled => "user_enabled",
            Action::AgencyCreated => "agency_created",
            Action::AgencySuspended => "agency_suspended",
            Action::AgencyReactivated => "agency_reactivated",
            Action::SignUp => "sign_up",
            Action::InvitationSent => "invitation_sent",
            Action::InvitationRevoked => "invitation_revoked",
            Action::InvitationAccepted => "invitation_accepted",
            Action::PasswordResetRequested => "password_reset_requested",
            Action::PasswordReset => "password_reset",
        }
    }
}

pub struct Entry<'a> {
    pub action: Action,
    pub agency: Option<AgencyId>,
    pub actor: Option<UserId>,
    pub subject: Option<String>,
    pub detail: Option<String>,
    pub ip: Option<&'a str>,
}

impl<'a> Entry<'a> {
    pub fn new(action: Action) -> Self {
        Self { action, agency: None, actor: None, subject: None, detail: None, ip: None }
    }
    pub fn agency(mut self, agency: Option<AgencyId>) -> Self {
        self.agency = agency;
        self
    }
    pub fn actor(mut self, actor: UserId) -> Self {
        self.actor = Some(actor);
        self
    }
    pub fn subject(mut self, subject: impl ToString) -> Self {
        self.subject = Some(subject.to_string());
        self
    }
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
    pub fn ip(mut self, ip: Option<&'a str>) -> Self {
        self.ip = ip;
        self
    }

    pub async fn write(self, tx: &impl crate::db::Writes) -> Result<(), ApiError> {
        tracing::info!(action = self.action.as_str(), subject = ?self.subject, "audit");
        let row = audit_log::ActiveModel {
            id: Set(uuid::Uuid::new_v4()),
            agency_id: Set(self.agency),
            actor_user_id: Set(self.actor),
            action: Set(self.action.as_str().to_string()),
            subject: Set(self.subject),
            detail: Set(self.detail),
            ip: Set(self.ip.map(str::to_string)),
            created_at: Set(tx.now()),
        };
        tx.write_row(row).await?;
        Ok(())
    }
}

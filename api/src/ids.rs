//! Typed identifiers: a `ClientId` cannot be passed where a `UserId` is wanted. With the
//! `sea-orm` feature (server side only) each is also a column type, so entities hold them too.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveValueType))]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        /// Primary keys must say how to come from an auto-increment number: ids are UUIDs
        /// made by the server, never numbers.
        #[cfg(feature = "sea-orm")]
        impl sea_orm::TryFromU64 for $name {
            fn try_from_u64(_: u64) -> Result<Self, sea_orm::DbErr> {
                Err(sea_orm::DbErr::ConvertFromU64(stringify!($name)))
            }
        }

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }
    };
}

typed_id!(
    /// An agency: the tenant.
    AgencyId
);
typed_id!(
    /// Any person who signs in: platform operator, staff member or client contact.
    UserId
);
typed_id!(
    /// A client account of an agency.
    ClientId
);
typed_id!(
    /// A person at a client.
    ContactId
);
typed_id!(
    /// An invitation to join as staff or as a client contact.
    InvitationId
);
typed_id!(
    /// A client's project.
    ProjectId
);
typed_id!(
    /// A logged contact with a client.
    TouchpointId
);
typed_id!(
    /// A roadmap goal (a KPI with a baseline and a target).
    GoalId
);
typed_id!(
    /// A roadmap stage.
    StageId
);
typed_id!(
    /// A backlog item of a project.
    BacklogItemId
);
typed_id!(
    /// A comment on a backlog item.
    CommentId
);
typed_id!(
    /// A meeting series (a recurrence rule agreed with the client).
    SeriesId
);
typed_id!(
    /// A stored meeting: a one-off, or an occurrence of a series that was edited, prepared or held.
    MeetingId
);
typed_id!(
    /// A question or topic on a meeting's agenda.
    AgendaItemId
);
typed_id!(
    /// An action item from minutes, or a promise recorded outside a meeting.
    ActionItemId
);
typed_id!(
    /// A client report (weekly or monthly, for the client or one of its projects).
    ReportId
);
typed_id!(
    /// A message on a report: a client's question, a staff answer, or a staff-only note.
    ReportMessageId
);
typed_id!(
    /// A survey campaign (NPS and/or CSI, once or every N months).
    SurveyCampaignId
);
typed_id!(
    /// One round of a campaign: the contacts asked at one time.
    SurveyWaveId
);
typed_id!(
    /// One contact asked in one wave (the e-mailed link is bound to it).
    SurveyInvitationId
);
typed_id!(
    /// A submitted survey answer (portal, e-mailed link, phone or import).
    SurveyAnswerId
);
typed_id!(
    /// The follow-up a detractor's answer opens for the client's account manager.
    SurveyFollowupId
);
typed_id!(
    /// A risk in a client's register.
    RiskId
);
typed_id!(
    /// An incident (a mistake handled in five steps).
    IncidentId
);
typed_id!(
    /// A contract with a client (retainer or project).
    ContractId
);
typed_id!(
    /// An invoice (счёт) issued to a client.
    InvoiceId
);
typed_id!(
    /// A payment received against an invoice.
    PaymentId
);
typed_id!(
    /// A backlog change request billed on an invoice.
    BilledItemId
);
typed_id!(
    /// A closing document (акт, УПД) given to a client.
    ClosingDocumentId
);
typed_id!(
    /// A profitability criterion of an agency's scorecard.
    CriterionId
);
typed_id!(
    /// One client's mark on one scorecard criterion.
    ScorecardScoreId
);
typed_id!(
    /// A service in an agency's catalogue.
    ServiceId
);
typed_id!(
    /// "This service needs that one first" in the catalogue.
    PrerequisiteId
);
typed_id!(
    /// A service a client has had (or has).
    ClientServiceId
);
typed_id!(
    /// An upsell opportunity for an existing client.
    UpsellId
);
typed_id!(
    /// A service explainer of the knowledge base.
    ArticleId
);

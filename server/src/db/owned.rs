//! Which tables belong to a tenant, and which also to one client; and the scope a transaction
//! is opened for. A scope comes only from a signed-in session (staff, contact), never from an
//! id in a request.

use crate::tenancy::{PortalContact, Principal, Staff, Standing};
use accord_api::{AgencyId, ClientId};
use accord_entity as e;
use sea_orm::EntityTrait;

/// Whose data a transaction may touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TenantScope {
    agency: AgencyId,
    client: Option<ClientId>,
}

impl TenantScope {
    /// One agency's scope, for the database layer's own tests (feature code takes it from a
    /// session).
    #[cfg(test)]
    pub(crate) fn of_agency(agency: AgencyId) -> Self {
        Self { agency, client: None }
    }

    pub fn agency(&self) -> AgencyId {
        self.agency
    }

    /// The portal contact's client (row-level security narrows to it on PostgreSQL).
    pub fn client(&self) -> Option<ClientId> {
        self.client
    }

    /// A background job acting for one agency (no person is signed in): the agency comes from
    /// the database row the job works on, never from a request. Used only through
    /// `clients::access::open_for_job`.
    pub(crate) fn for_job(agency: AgencyId) -> Self {
        Self { agency, client: None }
    }

    /// The scope of a signed-in principal (none for platform operators).
    pub fn of_principal(p: &Principal) -> Option<Self> {
        match p.standing {
            Standing::Platform => None,
            Standing::Staff { agency, .. } => Some(Self { agency, client: None }),
            Standing::Contact { agency, client, .. } => Some(Self { agency, client: Some(client) }),
        }
    }
}

impl From<&Staff> for TenantScope {
    fn from(s: &Staff) -> Self {
        Self { agency: s.agency(), client: None }
    }
}

impl From<&PortalContact> for TenantScope {
    fn from(c: &PortalContact) -> Self {
        Self { agency: c.agency(), client: Some(c.client()) }
    }
}

/// A table whose rows belong to one agency.
pub trait TenantOwned: EntityTrait {
    fn tenant_column() -> Self::Column;
}

/// A table of the agency as a whole (people, settings, sessions): an agency-wide transaction
/// reads it freely.
pub trait AgencyOwned: TenantOwned {}

/// A table whose rows belong to one client of one agency: read through that client's
/// transaction, or across clients only within the clients the caller sees.
pub trait ClientOwned: TenantOwned {
    fn client_column() -> Self::Column;
    /// Rows may have no client (a staff invitation among contact ones); such rows are not
    /// any client's and stay visible to agency-wide lists.
    const MAY_HAVE_NO_CLIENT: bool = false;
}

macro_rules! tenant_column {
    ($($module:ident),+) => {
        $(impl TenantOwned for e::$module::Entity {
            fn tenant_column() -> Self::Column {
                e::$module::Column::AgencyId
            }
        })+
    };
}

macro_rules! agency_owned {
    ($($module:ident),+) => {
        tenant_column!($($module),+);
        $(impl AgencyOwned for e::$module::Entity {})+
    };
}

macro_rules! client_owned {
    ($($module:ident),+) => {
        tenant_column!($($module),+);
        $(impl ClientOwned for e::$module::Entity {
            fn client_column() -> Self::Column {
                e::$module::Column::ClientId
            }
        })+
    };
}

agency_owned!(
    users,
    sessions,
    audit_log,
    outbox,
    password_resets,
    project_members,
    calendar_feeds,
    report_templates,
    survey_settings,
    survey_criteria,
    survey_campaigns,
    survey_waves,
    survey_day_tallies,
    survey_day_ratings,
    survey_segment_tallies,
    survey_segment_ratings,
    health_settings,
    finance_settings,
    scorecard_criteria,
    services,
    service_prereqs,
    kb_articles
);
client_owned!(
    contacts,
    client_status_changes,
    contact_events,
    projects,
    touchpoints,
    roadmaps,
    roadmap_goals,
    goal_values,
    roadmap_stages,
    backlog_items,
    backlog_tallies,
    client_revisions,
    backlog_comments,
    backlog_events,
    meeting_series,
    meetings,
    meeting_events,
    agenda_items,
    meeting_decisions,
    minutes_revisions,
    minutes_responses,
    action_items,
    promise_changes,
    reports,
    report_revisions,
    report_reads,
    report_messages,
    survey_invitations,
    survey_links,
    survey_answers,
    survey_ratings,
    survey_client_tallies,
    survey_followups,
    health_scores,
    client_health,
    risks,
    incidents,
    contracts,
    invoices,
    payments,
    billed_items,
    closing_documents,
    scorecard_scores,
    client_services,
    upsells
);

tenant_column!(invitations);
impl ClientOwned for e::invitations::Entity {
    fn client_column() -> Self::Column {
        e::invitations::Column::ClientId
    }
    const MAY_HAVE_NO_CLIENT: bool = true;
}

impl TenantOwned for e::agencies::Entity {
    fn tenant_column() -> Self::Column {
        e::agencies::Column::Id
    }
}
impl AgencyOwned for e::agencies::Entity {}

impl TenantOwned for e::clients::Entity {
    fn tenant_column() -> Self::Column {
        e::clients::Column::AgencyId
    }
}

/// A client's own row is the client.
impl ClientOwned for e::clients::Entity {
    fn client_column() -> Self::Column {
        e::clients::Column::Id
    }
}

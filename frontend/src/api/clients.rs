//! Client accounts: the filtered list, the profile, archiving, status history, contacts and
//! their history, and the CSV exports.

use super::{encode, get_json, send_json, ApiError};
use accord_api::clients::{
    ClientProfile, ClientView, ContactEvent, ContactLeftRequest, ContactView, CreateClientRequest,
    CreateContactRequest, StatusChange, UpdateClientRequest,
};
use accord_api::{Activity, ClientId, ClientStatus, ContactId, Page, Temperament, UserId, ValueTier};

pub const EXPORT_CLIENTS_CSV: &str = "/api/staff/exports/clients.csv";
pub const EXPORT_CONTACTS_CSV: &str = "/api/staff/exports/contacts.csv";

/// Whose clients to list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ManagerFilter {
    #[default]
    Anyone,
    /// Clients nobody manages.
    Nobody,
    Person(UserId),
}

/// The orders the list endpoint knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClientSort {
    #[default]
    Name,
    NameDesc,
    CreatedDesc,
    Created,
    /// Longest silence first (never-touched clients too).
    LastTouch,
    LastTouchDesc,
}

impl ClientSort {
    pub const ALL: [ClientSort; 6] = [
        ClientSort::Name,
        ClientSort::NameDesc,
        ClientSort::CreatedDesc,
        ClientSort::Created,
        ClientSort::LastTouch,
        ClientSort::LastTouchDesc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClientSort::Name => "name",
            ClientSort::NameDesc => "-name",
            ClientSort::Created => "created",
            ClientSort::CreatedDesc => "-created",
            ClientSort::LastTouch => "last_touch",
            ClientSort::LastTouchDesc => "-last_touch",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.as_str() == s)
    }
}

/// Search, filters and order of the client list; also what the list page keeps in its URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientQuery {
    pub q: String,
    pub status: Option<ClientStatus>,
    pub manager: ManagerFilter,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    pub archived: bool,
    pub sort: ClientSort,
}

impl ClientQuery {
    /// The non-default parts as `key=value` pairs (values percent-encoded).
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |key: &str, value: &str| parts.push(format!("{key}={}", encode(value)));
        if !self.q.trim().is_empty() {
            push("q", self.q.trim());
        }
        if let Some(s) = self.status {
            push("status", s.as_str());
        }
        match self.manager {
            ManagerFilter::Anyone => {}
            ManagerFilter::Nobody => push("manager", "none"),
            ManagerFilter::Person(id) => push("manager", &id.to_string()),
        }
        if let Some(t) = self.temperament {
            push("temperament", t.as_str());
        }
        if let Some(a) = self.activity {
            push("activity", a.as_str());
        }
        if let Some(t) = self.tier {
            push("tier", t.as_str());
        }
        if self.archived {
            push("archived", "true");
        }
        if self.sort != ClientSort::default() {
            push("sort", self.sort.as_str());
        }
        parts.join("&")
    }

    /// Reads the query back from URL parameters; unknown values fall back to "any".
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let manager = match get("manager").as_deref() {
            Some("none") => ManagerFilter::Nobody,
            Some(id) => id.parse().map(ManagerFilter::Person).unwrap_or_default(),
            None => ManagerFilter::Anyone,
        };
        ClientQuery {
            q: get("q").unwrap_or_default(),
            status: get("status").and_then(|s| ClientStatus::parse(&s)),
            manager,
            temperament: get("temperament").and_then(|s| Temperament::parse(&s)),
            activity: get("activity").and_then(|s| Activity::parse(&s)),
            tier: get("tier").and_then(|s| ValueTier::parse(&s)),
            archived: get("archived").as_deref() == Some("true"),
            sort: get("sort").and_then(|s| ClientSort::parse(&s)).unwrap_or_default(),
        }
    }

    /// Whether anything narrows the list (for "nothing found" versus "no clients yet").
    pub fn narrows(&self) -> bool {
        let plain = ClientQuery { sort: self.sort, ..ClientQuery::default() };
        *self != plain
    }
}

pub async fn list(query: &ClientQuery, page: u64, per_page: u64) -> Result<Page<ClientView>, ApiError> {
    let mut url = format!("/api/staff/clients?page={page}&per_page={per_page}");
    let rest = query.to_query_string();
    if !rest.is_empty() {
        url.push('&');
        url.push_str(&rest);
    }
    get_json(&url).await
}

pub async fn create(request: &CreateClientRequest) -> Result<ClientView, ApiError> {
    send_json("POST", "/api/staff/clients", request).await
}

pub async fn profile(id: ClientId) -> Result<ClientProfile, ApiError> {
    get_json(&format!("/api/staff/clients/{id}")).await
}

/// Replaces the whole editable profile.
pub async fn update(id: ClientId, request: &UpdateClientRequest) -> Result<ClientProfile, ApiError> {
    send_json("PUT", &format!("/api/staff/clients/{id}"), request).await
}

pub async fn set_archived(id: ClientId, archived: bool) -> Result<ClientProfile, ApiError> {
    let action = if archived { "archive" } else { "unarchive" };
    send_json("POST", &format!("/api/staff/clients/{id}/{action}"), &serde_json::json!({})).await
}

pub async fn status_history(id: ClientId) -> Result<Vec<StatusChange>, ApiError> {
    get_json(&format!("/api/staff/clients/{id}/status-history")).await
}

/// Current contacts first, then those who left.
pub async fn contacts(client: ClientId) -> Result<Vec<ContactView>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/contacts")).await
}

pub async fn create_contact(client: ClientId, request: &CreateContactRequest) -> Result<ContactView, ApiError> {
    send_json("POST", &format!("/api/staff/clients/{client}/contacts"), request).await
}

pub async fn update_contact(
    client: ClientId,
    contact: ContactId,
    request: &CreateContactRequest,
) -> Result<ContactView, ApiError> {
    send_json("PUT", &format!("/api/staff/clients/{client}/contacts/{contact}"), request).await
}

/// The person left the client (their portal access ends); `replaced_by` took over.
pub async fn contact_left(
    client: ClientId,
    contact: ContactId,
    replaced_by: Option<ContactId>,
) -> Result<ContactView, ApiError> {
    let url = format!("/api/staff/clients/{client}/contacts/{contact}/leave");
    send_json("POST", &url, &ContactLeftRequest { replaced_by }).await
}

pub async fn contact_history(client: ClientId) -> Result<Vec<ContactEvent>, ApiError> {
    get_json(&format!("/api/staff/clients/{client}/contacts/history")).await
}

//! The clients list's query string: filters, search and sort, shared by the server (which
//! parses it) and the SPA (which keeps it in its URL).

use crate::{Activity, ClientStatus, Temperament, UserId, ValueTier};
use serde::Deserialize;

/// Filters and sort of the clients list: `?q=&status=&manager=&temperament=&activity=&tier=&archived=&sort=`,
/// the query string of `GET /api/staff/clients`. The SPA keeps them in its URL too
/// ([`ClientQuery::filter_pairs`], [`ClientQuery::from_params`]). `manager` and `sort` travel as
/// text so the server can name a bad one in its 422; [`ClientQuery::manager_filter`] and
/// [`ClientQuery::order`] read them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ClientQuery {
    /// 1-based page number (default 1).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 1_000_000))]
    pub page: Option<u64>,
    /// Items per page, 1–100 (default 25).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub per_page: Option<u64>,
    /// Search in the client's name.
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub q: Option<String>,
    pub status: Option<ClientStatus>,
    /// A staff user id, or `none` for clients without a manager.
    pub manager: Option<String>,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    /// `true` lists archived clients instead of current ones.
    #[serde(default)]
    pub archived: bool,
    /// `name` (default), `-name`, `created`, `-created`, `last_touch`, `-last_touch`.
    pub sort: Option<String>,
}

impl ClientQuery {
    /// Whose clients: `None` when `manager` is neither blank, `none` nor a user id.
    pub fn manager_filter(&self) -> Option<ManagerFilter> {
        self.manager.as_deref().map_or(Some(ManagerFilter::Anyone), ManagerFilter::parse)
    }

    pub fn set_manager(&mut self, manager: ManagerFilter) {
        self.manager = manager.to_param();
    }

    /// The order: `None` when `sort` names none the list knows.
    pub fn order(&self) -> Option<ClientSort> {
        self.sort.as_deref().map_or(Some(ClientSort::default()), ClientSort::parse)
    }

    /// Sets the order (the default one leaves `sort` out of the URL).
    pub fn set_order(&mut self, sort: ClientSort) {
        self.sort = (sort != ClientSort::default()).then(|| sort.as_str().to_string());
    }

    /// The search, filters and order that are set, as `(key, value)` pairs not yet URL-encoded
    /// (paging aside).
    pub fn filter_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            pairs.push(("q", q.to_string()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.as_str().to_string()));
        }
        if let Some(m) = self.manager_filter().and_then(ManagerFilter::to_param) {
            pairs.push(("manager", m));
        }
        if let Some(t) = self.temperament {
            pairs.push(("temperament", t.as_str().to_string()));
        }
        if let Some(a) = self.activity {
            pairs.push(("activity", a.as_str().to_string()));
        }
        if let Some(t) = self.tier {
            pairs.push(("tier", t.as_str().to_string()));
        }
        if self.archived {
            pairs.push(("archived", "true".to_string()));
        }
        if let Some(sort) = self.order().filter(|s| *s != ClientSort::default()) {
            pairs.push(("sort", sort.as_str().to_string()));
        }
        pairs
    }

    /// Reads the query back from URL parameters (paging aside); unknown values fall back to
    /// "any" (and the default order), where the server would refuse them.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let mut query = ClientQuery {
            q: get("q").filter(|q| !q.trim().is_empty()),
            status: get("status").and_then(|s| ClientStatus::parse(&s)),
            temperament: get("temperament").and_then(|s| Temperament::parse(&s)),
            activity: get("activity").and_then(|s| Activity::parse(&s)),
            tier: get("tier").and_then(|s| ValueTier::parse(&s)),
            archived: get("archived").as_deref() == Some("true"),
            ..ClientQuery::default()
        };
        query.set_manager(get("manager").and_then(|m| ManagerFilter::parse(&m)).unwrap_or_default());
        query.set_order(get("sort").and_then(|s| ClientSort::parse(&s)).unwrap_or_default());
        query
    }

    /// Whether anything narrows the list (for "nothing found" versus "no clients yet"); the
    /// order does not.
    pub fn narrows(&self) -> bool {
        self.filter_pairs().iter().any(|(key, _)| *key != "sort")
    }
}

/// Whose clients to list (the `manager` parameter).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ManagerFilter {
    #[default]
    Anyone,
    /// Clients nobody manages.
    Nobody,
    Person(UserId),
}

impl ManagerFilter {
    /// Blank: anyone; `none`: nobody; a user id: that person. `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "" => Some(ManagerFilter::Anyone),
            "none" => Some(ManagerFilter::Nobody),
            id => id.parse().ok().map(ManagerFilter::Person),
        }
    }

    /// The parameter's value; `None` for anyone (no filter).
    pub fn to_param(self) -> Option<String> {
        match self {
            ManagerFilter::Anyone => None,
            ManagerFilter::Nobody => Some("none".to_string()),
            ManagerFilter::Person(id) => Some(id.to_string()),
        }
    }
}

/// The orders the list knows (the `sort` parameter).
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&'static str, String)]) -> ClientQuery {
        let map: HashMap<&str, String> = pairs.iter().cloned().collect();
        ClientQuery::from_params(|key| map.get(key).cloned())
    }

    /// What the SPA writes into its URL it reads back the same; the order alone narrows nothing.
    #[test]
    fn query_round_trips_through_the_url() {
        let mut query = ClientQuery {
            q: Some("  Acme ".into()),
            status: Some(ClientStatus::Active),
            tier: Some(ValueTier::A),
            archived: true,
            ..ClientQuery::default()
        };
        query.set_manager(ManagerFilter::Nobody);
        query.set_order(ClientSort::LastTouchDesc);
        let pairs = query.filter_pairs();
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["q", "status", "manager", "tier", "archived", "sort"]);
        let back = read(&pairs);
        assert_eq!(back.filter_pairs(), pairs);
        assert_eq!(
            (back.manager_filter(), back.order()),
            (Some(ManagerFilter::Nobody), Some(ClientSort::LastTouchDesc))
        );
        assert!(back.narrows());

        let mut sorted = ClientQuery::default();
        sorted.set_order(ClientSort::Created);
        assert!(!sorted.narrows());
        sorted.set_order(ClientSort::Name);
        assert_eq!(sorted, ClientQuery::default());
    }

    #[test]
    fn manager_and_sort_parse_or_refuse() {
        let id = UserId::new();
        assert_eq!(ManagerFilter::parse(&format!(" {id} ")), Some(ManagerFilter::Person(id)));
        assert_eq!(ManagerFilter::parse(" "), Some(ManagerFilter::Anyone));
        assert_eq!(ManagerFilter::parse("nobody"), None);
        let odd = ClientQuery { manager: Some("x".into()), sort: Some("size".into()), ..ClientQuery::default() };
        assert_eq!((odd.manager_filter(), odd.order()), (None, None));
        assert_eq!(read(&[("manager", "x".into()), ("sort", "size".into())]), ClientQuery::default());
    }
}

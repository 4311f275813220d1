//! Enumerations that appear on the wire; their snake_case names are the stored and sent values.

use serde::{Deserialize, Serialize};

/// Makes an enum whose variants travel (JSON) and are stored (text columns, with the `sea-orm`
/// feature) as the given snake_case names; `as_str`, `parse`, `Display` and `FromStr` agree.
macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        // Stored as `Display` writes it and read back with `FromStr`: the same names as on the wire.
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::types::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s).ok_or_else(|| $crate::types::UnknownValue { of: stringify!($name), value: s.to_string() })
            }
        }
    };
}

pub(crate) use wire_enum;

/// A name that is none of an enumeration's values (`FromStr` of the wire enums).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    /// The enumeration, e.g. `BacklogStatus`.
    pub of: &'static str,
    pub value: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not a {}", self.value, self.of)
    }
}

impl std::error::Error for UnknownValue {}

wire_enum!(
    /// The language a person reads Accord in.
    Locale { Ru = "ru", En = "en" }
);

// Russian-speaking agencies first. (A manual impl: the enum comes from `wire_enum!`.)
#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Locale::Ru
    }
}

wire_enum!(
    /// A staff member's role inside their agency.
    StaffRole { Owner = "owner", Admin = "admin", AccountManager = "account_manager", Specialist = "specialist" }
);

impl StaffRole {
    /// Owners and admins run the agency: staff, settings, every client.
    pub fn is_admin(self) -> bool {
        matches!(self, StaffRole::Owner | StaffRole::Admin)
    }
}

wire_enum!(
    /// What a client contact may do in the portal.
    PortalRole { Approver = "approver", Viewer = "viewer" }
);

wire_enum!(
    /// An agency's standing on the platform.
    AgencyStatus { Active = "active", Suspended = "suspended" }
);

wire_enum!(
    /// Where a client account is in its life.
    ClientStatus { Onboarding = "onboarding", Active = "active", Paused = "paused", Churned = "churned" }
);

wire_enum!(
    /// Who a signed-in person is to Accord.
    PrincipalKind { Platform = "platform", Staff = "staff", Contact = "contact" }
);

wire_enum!(
    /// Whether a user may sign in.
    UserStatus { Active = "active", Disabled = "disabled" }
);

wire_enum!(
    /// Client temperament (seed 003), each with a "how to work with them" hint in the UI.
    Temperament { Choleric = "choleric", Sanguine = "sanguine", Melancholic = "melancholic", Phlegmatic = "phlegmatic" }
);

wire_enum!(
    /// How engaged the client is.
    Activity { Active = "active", Waiting = "waiting", Passive = "passive" }
);

wire_enum!(
    /// Value tier (Pareto 80/20); stored now, computed from revenue later.
    ValueTier { A = "a", B = "b", C = "c" }
);

wire_enum!(
    /// How often the client gets reports.
    ReportCadence { Weekly = "weekly", Monthly = "monthly" }
);

wire_enum!(
    /// What a project is about.
    ProjectKind { Website = "website", Seo = "seo", Ads = "ads", App = "app", Other = "other" }
);

wire_enum!(
    /// Where a project is.
    ProjectStatus { Planned = "planned", Active = "active", Paused = "paused", Done = "done" }
);

wire_enum!(
    /// A kind of contact with the client.
    TouchpointKind { Call = "call", Meeting = "meeting", Email = "email", Chat = "chat", Gift = "gift", Newsletter = "newsletter" }
);

/// An amount of money in minor units (kopecks for RUB) with its ISO 4217 code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Amount::schema))]
    pub amount_minor: i64,
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 3, pattern = "^[A-Za-z]{3}$"))]
    pub currency: String,
}

/// A staff member referred to by another record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRef {
    pub id: crate::UserId,
    pub name: String,
}

wire_enum!(
    /// Where a roadmap stage is.
    StageStatus { Planned = "planned", Active = "active", Done = "done" }
);

wire_enum!(
    /// A backlog item's place in its life. The server enforces the transitions:
    /// idea → proposed → agreed → scheduled → in_progress → done; proposed → declined (the
    /// client's decision); proposed → idea (withdrawn); declined → proposed (offered again).
    BacklogStatus {
        Idea = "idea",
        Proposed = "proposed",
        Agreed = "agreed",
        Scheduled = "scheduled",
        InProgress = "in_progress",
        Done = "done",
        Declined = "declined",
    }
);

impl BacklogStatus {
    /// Agreed with the client and not yet started: what the two-agreed-items standard counts.
    pub fn is_agreed_not_started(self) -> bool {
        matches!(self, BacklogStatus::Agreed | BacklogStatus::Scheduled)
    }
}

wire_enum!(
    /// Where a backlog item came from.
    BacklogSource { Analytics = "analytics", ClientRequest = "client_request", AgencyIdea = "agency_idea" }
);

wire_enum!(
    /// How urgent a backlog item is (the rank orders items inside the project).
    Priority { High = "high", Normal = "normal", Low = "low" }
);

wire_enum!(
    /// A client approver's answer to a proposed item.
    DecisionKind { Approved = "approved", Declined = "declined" }
);

wire_enum!(
    /// Which side of the partnership wrote or did something.
    Side { Agency = "agency", Client = "client" }
);

wire_enum!(
    /// What happened to a backlog item, in its history.
    ItemEventKind {
        Created = "created",
        Updated = "updated",
        StatusChanged = "status_changed",
        Approved = "approved",
        Declined = "declined",
        Reproposed = "reproposed",
        Moved = "moved",
        Imported = "imported",
    }
);

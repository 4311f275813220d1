//! Enumerations that appear on the wire; their snake_case names are the stored and sent values.

use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    };
}

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

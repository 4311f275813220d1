//! Invitations (staff and client contacts) and password resets. Tokens travel in request
//! bodies and URL fragments, never in paths, so they stay out of server logs.

use crate::{AgencyId, ClientId, ContactId, InvitationId, Locale, StaffRole};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

// Who an invitation brings in (also the stored `kind`). A plain comment: a doc comment would
// become the schema's description in the OpenAPI document.
crate::types::wire_enum!(InvitationKind { Staff = "staff", Contact = "contact" });

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvitationState {
    Pending,
    Expired,
    Accepted,
    Revoked,
}

/// What staff see of an invitation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationView {
    pub id: InvitationId,
    pub kind: InvitationKind,
    pub email: String,
    pub name: String,
    pub staff_role: Option<StaffRole>,
    pub contact_id: Option<ContactId>,
    pub client_id: Option<ClientId>,
    pub state: InvitationState,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteStaffRequest {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::input::Name::schema))]
    pub name: String,
    pub role: StaffRole,
    /// The invitee's language; the agency's default when absent.
    #[serde(default)]
    pub locale: Option<Locale>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteContactRequest {
    #[serde(default)]
    pub locale: Option<Locale>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenRequest {
    pub token: String,
}

/// What the person following a link sees before accepting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationPreview {
    pub kind: InvitationKind,
    pub state: InvitationState,
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub client_name: Option<String>,
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptInvitationRequest {
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 128))]
    pub password: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestPasswordReset {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompletePasswordReset {
    pub token: String,
    pub password: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetTokenState {
    /// `pending`, `expired` or `accepted` (already used).
    pub state: InvitationState,
}

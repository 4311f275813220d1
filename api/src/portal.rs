//! What a client contact sees on the portal home.

use crate::auth::ClientRef;
use crate::PortalRole;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortalHome {
    pub agency_name: String,
    pub client: ClientRef,
    pub contact_name: String,
    pub portal_role: PortalRole,
}

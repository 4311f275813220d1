//! Typed extractors. A handler that takes none of these is public, visibly.
//! Missing session → 401; a session of the wrong kind → 403.

use super::principal::{Principal, Standing};
use crate::error::ApiError;
use accord_api::{AgencyId, ClientId, ContactId, PortalRole, StaffRole, UserId};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use std::future::{ready, Ready};

fn principal(req: &HttpRequest) -> Result<Principal, ApiError> {
    req.extensions().get::<Principal>().cloned().ok_or_else(ApiError::unauthenticated)
}

/// Anyone signed in.
#[derive(Clone, Debug)]
pub struct SignedIn(pub Principal);

impl FromRequest for SignedIn {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(principal(req).map(SignedIn))
    }
}

/// A member of an agency's staff; carries the agency they belong to. Made only from a resolved
/// session ([`Principal::as_staff`]): feature code reads it, never builds one.
#[derive(Clone, Debug)]
pub struct Staff {
    user: UserId,
    agency: AgencyId,
    role: StaffRole,
}

impl Staff {
    pub fn user(&self) -> UserId {
        self.user
    }

    pub fn agency(&self) -> AgencyId {
        self.agency
    }

    pub fn role(&self) -> StaffRole {
        self.role
    }

    /// Owners and admins only.
    pub fn require_admin(&self) -> Result<(), ApiError> {
        if self.role.is_admin() {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }

    /// Roles that manage client accounts.
    pub fn require_client_manager(&self) -> Result<(), ApiError> {
        match self.role {
            StaffRole::Owner | StaffRole::Admin | StaffRole::AccountManager => Ok(()),
            StaffRole::Specialist => Err(ApiError::forbidden()),
        }
    }
}

impl FromRequest for Staff {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(principal(req).and_then(|p| p.as_staff().ok_or_else(ApiError::forbidden)))
    }
}

/// A client contact signed in to the portal; carries their agency and client. Made only from a
/// resolved session ([`Principal::as_portal_contact`]): feature code reads it, never builds one.
#[derive(Clone, Debug)]
pub struct PortalContact {
    user: UserId,
    agency: AgencyId,
    client: ClientId,
    contact: ContactId,
    portal_role: PortalRole,
}

impl PortalContact {
    pub fn user(&self) -> UserId {
        self.user
    }

    pub fn agency(&self) -> AgencyId {
        self.agency
    }

    pub fn client(&self) -> ClientId {
        self.client
    }

    pub fn contact(&self) -> ContactId {
        self.contact
    }

    pub fn portal_role(&self) -> PortalRole {
        self.portal_role
    }
}

impl FromRequest for PortalContact {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(principal(req).and_then(|p| p.as_portal_contact().ok_or_else(ApiError::forbidden)))
    }
}

impl Principal {
    /// The staff member this session is, if it is one.
    pub fn as_staff(&self) -> Option<Staff> {
        match self.standing {
            Standing::Staff { agency, role } => Some(Staff { user: self.user_id, agency, role }),
            _ => None,
        }
    }

    /// The portal contact this session is, if it is one.
    pub fn as_portal_contact(&self) -> Option<PortalContact> {
        match self.standing {
            Standing::Contact { agency, client, contact, portal_role } => {
                Some(PortalContact { user: self.user_id, agency, client, contact, portal_role })
            }
            _ => None,
        }
    }
}

/// The platform operator. Made only from a resolved session (the extractor below): feature code
/// reads it, never builds one.
#[derive(Clone, Debug)]
pub struct PlatformOperator {
    user: UserId,
}

impl PlatformOperator {
    pub fn user(&self) -> UserId {
        self.user
    }
}

impl FromRequest for PlatformOperator {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(principal(req).and_then(|p| match p.standing {
            Standing::Platform => Ok(PlatformOperator { user: p.user_id }),
            _ => Err(ApiError::forbidden()),
        }))
    }
}

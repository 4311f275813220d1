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

/// A member of an agency's staff; carries the agency they belong to.
#[derive(Clone, Debug)]
pub struct Staff {
    pub user: UserId,
    pub agency: AgencyId,
    pub role: StaffRole,
}

impl Staff {
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
        ready(principal(req).and_then(|p| match p.standing {
            Standing::Staff { agency, role } => Ok(Staff { user: p.user_id, agency, role }),
            _ => Err(ApiError::forbidden()),
        }))
    }
}

/// A client contact signed in to the portal; carries their agency and client.
#[derive(Clone, Debug)]
pub struct PortalContact {
    pub user: UserId,
    pub agency: AgencyId,
    pub client: ClientId,
    pub contact: ContactId,
    pub portal_role: PortalRole,
}

impl FromRequest for PortalContact {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(principal(req).and_then(|p| match p.standing {
            Standing::Contact { agency, client, contact, portal_role } => {
                Ok(PortalContact { user: p.user_id, agency, client, contact, portal_role })
            }
            _ => Err(ApiError::forbidden()),
        }))
    }
}

/// The platform operator.
#[derive(Clone, Debug)]
pub struct PlatformOperator {
    pub user: UserId,
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

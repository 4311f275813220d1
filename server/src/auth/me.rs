//! Building the `Me` answer for the signed-in person.

use crate::db::{TenantScope, TenantTx};
use crate::error::ApiError;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Principal, Standing};
use accord_api::auth::{AgencySummary, ClientRef, Me, Membership};
use accord_api::{AgencyId, AgencyStatus, ClientId, ClientStatus, Locale};
use accord_entity::{agencies, clients};

pub fn agency_summary(a: &agencies::Model) -> Result<AgencySummary, ApiError> {
    Ok(AgencySummary {
        id: AgencyId(a.id),
        name: a.name.clone(),
        slug: a.slug.clone(),
        status: AgencyStatus::parse(&a.status).ok_or_else(|| ApiError::internal("bad agency status"))?,
        default_locale: Locale::parse(&a.default_locale).unwrap_or_default(),
        time_zone: a.time_zone.clone(),
    })
}

pub fn client_ref(c: &clients::Model) -> Result<ClientRef, ApiError> {
    Ok(ClientRef {
        id: ClientId(c.id),
        name: c.name.clone(),
        status: ClientStatus::parse(&c.status).ok_or_else(|| ApiError::internal("bad client status"))?,
    })
}

/// The tenant's own agency row (the tenant filter on `agencies` is its id).
async fn agency_of(tx: &TenantTx) -> Result<AgencySummary, ApiError> {
    let a = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::unauthenticated)?;
    agency_summary(&a)
}

/// Reads what `Me` needs inside the person's own tenant scope.
pub async fn load(state: &AppState, p: &Principal) -> Result<Me, ApiError> {
    let scope = TenantScope::of_principal(p);
    let membership = match (&p.standing, scope) {
        (Standing::Platform, _) | (_, None) => Membership::Platform,
        (Standing::Staff { role, .. }, Some(scope)) => {
            let tx = state.db.tenant_read(scope).await?;
            let agency = agency_of(&tx).await?;
            tx.commit().await?;
            Membership::Staff { agency, role: *role }
        }
        (Standing::Contact { agency, client, contact, portal_role }, Some(_)) => {
            let me = PortalContact {
                user: p.user_id,
                agency: *agency,
                client: *client,
                contact: *contact,
                portal_role: *portal_role,
            };
            let tx = crate::clients::access::open_portal_read(state, &me).await?;
            let agency = agency_of(tx.agency()).await?;
            let c = tx.client().clone();
            tx.commit().await?;
            Membership::Contact { agency, client: client_ref(&c)?, portal_role: *portal_role }
        }
    };
    Ok(Me { user_id: p.user_id, name: p.name.clone(), email: p.email.clone(), locale: p.locale, membership })
}

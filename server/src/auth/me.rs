//! Building the `Me` answer for the signed-in person.

use super::AuthError;
use crate::db::{TenantScope, TenantTx};
use crate::error::ApiError;
use crate::state::AppState;
use crate::tenancy::{Principal, Standing};
use accord_api::auth::{AgencySummary, ClientRef, Me, Membership};
use accord_entity::{agencies, clients};

pub fn agency_summary(a: &agencies::Model) -> AgencySummary {
    AgencySummary {
        id: a.id,
        name: a.name.clone(),
        slug: a.slug.clone(),
        status: a.status,
        default_locale: a.default_locale,
        time_zone: a.time_zone.clone(),
    }
}

pub fn client_ref(c: &clients::Model) -> ClientRef {
    ClientRef { id: c.id, name: c.name.clone(), status: c.status }
}

/// The tenant's own agency row (the tenant filter on `agencies` is its id).
async fn agency_of(tx: &TenantTx) -> Result<AgencySummary, ApiError> {
    let a = tx.find::<agencies::Entity>().one().await?.ok_or(AuthError::NotSignedIn)?;
    Ok(agency_summary(&a))
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
        (Standing::Contact { .. }, Some(_)) => {
            let me = p.as_portal_contact().ok_or_else(ApiError::forbidden)?;
            let tx = crate::clients::access::open_portal_read(state, &me).await?;
            let agency = agency_of(tx.agency()).await?;
            let c = tx.client().clone();
            tx.commit().await?;
            Membership::Contact { agency, client: client_ref(&c), portal_role: me.portal_role() }
        }
    };
    Ok(Me { user_id: p.user_id, name: p.name.clone(), email: p.email.clone(), locale: p.locale, membership })
}

//! Building the `Me` answer for the signed-in person.

use crate::error::ApiError;
use crate::state::AppState;
use crate::tenancy::{Principal, Standing};
use accord_api::auth::{AgencySummary, ClientRef, Me, Membership};
use accord_api::{AgencyId, AgencyStatus, ClientId, ClientStatus, Locale};
use accord_entity::{agencies, clients};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

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

async fn agency(conn: &impl ConnectionTrait, id: AgencyId) -> Result<AgencySummary, ApiError> {
    let a = agencies::Entity::find_by_id(id.0).one(conn).await?.ok_or_else(ApiError::unauthenticated)?;
    agency_summary(&a)
}

/// Reads what `Me` needs inside the person's own tenant scope.
pub async fn load(state: &AppState, p: &Principal) -> Result<Me, ApiError> {
    let membership = match &p.standing {
        Standing::Platform => Membership::Platform,
        Standing::Staff { agency, role } => {
            let tx = state.db.tenant(*agency).await?;
            let agency = super::me::agency(tx.conn(), *agency).await?;
            tx.commit().await?;
            Membership::Staff { agency, role: *role }
        }
        Standing::Contact { agency, client, portal_role, .. } => {
            let tx = state.db.tenant(crate::db::TenantScope { agency: *agency, client: Some(*client) }).await?;
            let agency = super::me::agency(tx.conn(), *agency).await?;
            let c = tx
                .find::<clients::Entity>()
                .filter(clients::Column::Id.eq(client.0))
                .one(tx.conn())
                .await?
                .ok_or_else(ApiError::unauthenticated)?;
            tx.commit().await?;
            Membership::Contact { agency, client: client_ref(&c)?, portal_role: *portal_role }
        }
    };
    Ok(Me { user_id: p.user_id, name: p.name.clone(), email: p.email.clone(), locale: p.locale, membership })
}

//! Who on the staff sees and changes which client. Owners and admins: every client. Account
//! managers: the clients they manage (and read-only the rest when the agency allows it).
//! Specialists: read-only, the clients of projects they are on. Everything here runs inside
//! the tenant transaction, so "not visible" and "another agency's" look alike: 404.

use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::tenancy::Staff;
use accord_api::{ClientId, StaffRole};
use accord_entity::{agencies, clients, project_members, projects};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Read,
    /// Change the account: profile, contacts, projects.
    Manage,
    /// Log touchpoints: anyone who works with the client.
    Log,
}

/// The clients a staff member may read, as a condition on `clients` (`None` = all).
pub async fn visible(tx: &TenantTx, staff: &Staff) -> ApiResult<Option<Condition>> {
    match staff.role {
        StaffRole::Owner | StaffRole::Admin => Ok(None),
        StaffRole::AccountManager => {
            if managers_see_all(tx).await? {
                Ok(None)
            } else {
                Ok(Some(Condition::all().add(clients::Column::AccountManagerId.eq(staff.user.0))))
            }
        }
        StaffRole::Specialist => {
            let ids = specialist_clients(tx, staff).await?;
            Ok(Some(Condition::all().add(clients::Column::Id.is_in(ids))))
        }
    }
}

/// The clients a staff member may read, resolved to ids: the scope of every list that spans
/// clients but is not a list of clients (invitations today; meetings, reports … next).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VisibleClients {
    All,
    Only(Vec<uuid::Uuid>),
}

impl VisibleClients {
    pub async fn of(tx: &TenantTx, staff: &Staff) -> ApiResult<Self> {
        match visible(tx, staff).await? {
            None => Ok(VisibleClients::All),
            Some(cond) => Ok(VisibleClients::Only(
                tx.find::<clients::Entity>()
                    .select_only()
                    .column(clients::Column::Id)
                    .filter(cond)
                    .into_tuple()
                    .all(tx.conn())
                    .await?,
            )),
        }
    }

    /// A condition keeping rows whose `column` names a visible client.
    pub fn condition(&self, column: impl ColumnTrait) -> Condition {
        match self {
            VisibleClients::All => Condition::all(),
            VisibleClients::Only(ids) => Condition::all().add(column.is_in(ids.iter().copied())),
        }
    }
}

async fn managers_see_all(tx: &TenantTx) -> ApiResult<bool> {
    Ok(tx.find::<agencies::Entity>().one(tx.conn()).await?.is_some_and(|a| a.managers_see_all))
}

async fn specialist_clients(tx: &TenantTx, staff: &Staff) -> ApiResult<Vec<uuid::Uuid>> {
    let project_ids: Vec<uuid::Uuid> = tx
        .find::<project_members::Entity>()
        .select_only()
        .column(project_members::Column::ProjectId)
        .filter(project_members::Column::UserId.eq(staff.user.0))
        .into_tuple()
        .all(tx.conn())
        .await?;
    if project_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(tx
        .find::<projects::Entity>()
        .select_only()
        .column(projects::Column::ClientId)
        .filter(projects::Column::Id.is_in(project_ids))
        .distinct()
        .into_tuple()
        .all(tx.conn())
        .await?)
}

/// Whether this staff member may change the account (not just read it).
pub fn may_manage(staff: &Staff, client: &clients::Model) -> bool {
    match staff.role {
        StaffRole::Owner | StaffRole::Admin => true,
        StaffRole::AccountManager => client.account_manager_id == Some(staff.user.0),
        StaffRole::Specialist => false,
    }
}

/// Loads a client the caller may see (404 otherwise), then checks `need` (403 if not met).
pub async fn client(tx: &TenantTx, staff: &Staff, id: ClientId, need: Need) -> ApiResult<clients::Model> {
    let mut q = tx.find::<clients::Entity>().filter(clients::Column::Id.eq(id.0));
    if let Some(cond) = visible(tx, staff).await? {
        q = q.filter(cond);
    }
    let client = q.one(tx.conn()).await?.ok_or_else(ApiError::not_found)?;
    require(staff, &client, need)?;
    Ok(client)
}

/// Checks `need` on a client already loaded as visible (403 if not met).
pub fn require(staff: &Staff, client: &clients::Model, need: Need) -> ApiResult<()> {
    let allowed = match need {
        Need::Read | Need::Log => true,
        Need::Manage => may_manage(staff, client),
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

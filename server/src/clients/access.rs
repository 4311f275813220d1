//! Who on the staff sees and changes which client — and the one way into a client's data.
//! Owners and admins: every client. Account managers: the clients they manage (and read-only
//! the rest when the agency allows it). Specialists: read-only, the clients of projects they
//! are on. Contacts: their own client. [`open`] checks this once and hands back a [`ClientTx`]
//! filtered and filled by agency and client; lists across clients go through
//! [`VisibleClients`]. "Not visible" and "another agency's" look alike: 404.

use super::ClientError;
use crate::db::{ClientOwned, ClientTx, ClientView, GatedView, Scoped, TenantScope, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::{AgencyId, ClientId, ProjectId, StaffRole};
use accord_entity::{agencies, clients, project_members, projects};
use sea_orm::sea_query::{Condition, SimpleExpr};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect, Select, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Read,
    /// Change the account: profile, contacts, projects.
    Manage,
    /// Log touchpoints: anyone who works with the client.
    Log,
}

/// Proof that the caller's access to a client was checked; only this module makes one, and
/// [`ClientTx::open`] takes nothing else.
pub struct Grant {
    client: clients::Model,
}

impl Grant {
    pub fn into_client(self) -> clients::Model {
        self.client
    }
}

/// Proof that a [`ClientView`] is of the portal contact's own client (fixed by the session);
/// only this module makes one.
pub struct OwnClient(ClientId);

impl OwnClient {
    pub fn client(&self) -> ClientId {
        self.0
    }
}

/// Opens a write transaction on one client after checking `need` (404 if the caller cannot
/// see it, 403 if they may see but not do this).
pub async fn open(state: &AppState, staff: &Staff, id: ClientId, need: Need) -> ApiResult<ClientTx> {
    let tx = state.db.tenant(staff).await?;
    let client = load(&tx, staff, id, need).await?;
    Ok(ClientTx::open(tx, Grant { client }))
}

/// Like [`open`], for work that only reads (on SQLite it runs on a read connection).
pub async fn open_read(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<ClientTx> {
    let tx = state.db.tenant_read(staff).await?;
    let client = load(&tx, staff, id, Need::Read).await?;
    Ok(ClientTx::open(tx, Grant { client }))
}

/// A staff member's read of one client in one statement (`Db::tenant_read_single`), the access
/// check inside that statement: see [`GatedView`]. A page read this way that finds no rows asks
/// [`open_read`] what to answer (404, or an empty page).
pub async fn open_read_single(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<GatedView> {
    let tx = state.db.tenant_read_single(staff).await?;
    let gate = gate(&tx, staff, id);
    Ok(GatedView::open(tx, gate))
}

/// Proof that a [`GatedView`]'s statements carry the caller's access check: an EXISTS on the
/// client's row with [`visible`]'s rules as sub-selects (made only here, by [`gate`]).
pub struct StaffGate {
    client: ClientId,
    exists: SimpleExpr,
    /// Which of the three shapes the condition has (the role's), for kept statements.
    shape: usize,
    /// The request's values in it beside the agency and client: the staff member.
    varying: Vec<Value>,
}

impl StaffGate {
    pub fn into_parts(self) -> (ClientId, SimpleExpr, usize, Vec<Value>) {
        (self.client, self.exists, self.shape, self.varying)
    }
}

/// [`load`]'s check (`visible` and then `require` for reading, which every visible client
/// passes) as one condition of another statement.
fn gate(tx: &TenantTx, staff: &Staff, id: ClientId) -> StaffGate {
    let row = tx.find_in::<clients::Entity>(&EVERY_CLIENT).select_only().column(clients::Column::Id);
    let row = row.filter(clients::Column::Id.eq(id));
    let (row, shape, varying) = match staff.role() {
        StaffRole::Owner | StaffRole::Admin => (row, 0, Vec::new()),
        StaffRole::AccountManager => {
            let see_all = tx
                .find::<agencies::Entity>()
                .select_only()
                .column(agencies::Column::Id)
                .filter(agencies::Column::ManagersSeeAll.eq(true))
                .exists();
            let mine = Condition::any().add(clients::Column::AccountManagerId.eq(staff.user())).add(see_all);
            (row.filter(mine), 1, vec![staff.user().into()])
        }
        StaffRole::Specialist => {
            let on = tx
                .find::<project_members::Entity>()
                .select_only()
                .column(project_members::Column::ProjectId)
                .filter(project_members::Column::UserId.eq(staff.user()))
                .in_list();
            let theirs = tx
                .find_in::<projects::Entity>(&EVERY_CLIENT)
                .select_only()
                .column(projects::Column::ClientId)
                .filter(projects::Column::Id.in_subquery(on))
                .in_list();
            (row.filter(clients::Column::Id.in_subquery(theirs)), 2, vec![staff.user().into()])
        }
    };
    StaffGate { client: id, exists: row.exists(), shape, varying }
}

/// A portal contact's own client (write transaction).
pub async fn open_portal(state: &AppState, contact: &PortalContact) -> ApiResult<ClientTx> {
    let tx = state.db.tenant(contact).await?;
    let client = own_client(&tx, contact).await?;
    Ok(ClientTx::open(tx, Grant { client }))
}

/// A portal contact's own client, for reading.
pub async fn open_portal_read(state: &AppState, contact: &PortalContact) -> ApiResult<ClientTx> {
    let tx = state.db.tenant_read(contact).await?;
    let client = own_client(&tx, contact).await?;
    Ok(ClientTx::open(tx, Grant { client }))
}

/// A portal contact's own client for a page read in one statement (`Db::tenant_read_single`):
/// the page reads the client's row in that statement too, starting from [`own_client_row`], and
/// answers 404 when it finds none — as [`open_portal_read`] does when the client is gone.
pub async fn open_portal_single(state: &AppState, contact: &PortalContact) -> ApiResult<ClientView> {
    let tx = state.db.tenant_read_single(contact).await?;
    Ok(ClientView::open(tx, OwnClient(contact.client())))
}

/// The view's client row, as the base of a page's one statement (figures and joins added).
pub fn own_client_row(view: &ClientView) -> Scoped<'_, Select<clients::Entity>> {
    view.agency().find_in::<clients::Entity>(&EVERY_CLIENT).filter(clients::Column::Id.eq(view.client_id()))
}

/// A background job's way into one client's data (write transaction), acting for the agency
/// with no person signed in — e.g. the report drafted on its due date. `agency` and `client`
/// come from rows the job read, never from a request; a client that is not the agency's is a
/// 404 as anywhere else, and row-level security holds on PostgreSQL.
pub(crate) async fn open_for_job(state: &AppState, agency: AgencyId, id: ClientId) -> ApiResult<ClientTx> {
    let tx = state.db.tenant(TenantScope::for_job(agency)).await?;
    let found = tx.find_in::<clients::Entity>(&EVERY_CLIENT).filter(clients::Column::Id.eq(id)).one().await?;
    let client = found.ok_or(ClientError::NotFound)?;
    Ok(ClientTx::open(tx, Grant { client }))
}

/// Opens the client that a per-client row belongs to (a meeting, an agenda item, a promise by
/// its id), checking `need` as [`open`] does. A row that is not there, or belongs to a client
/// the caller cannot see, is the same 404.
pub async fn open_owner<E: ClientOwned>(
    state: &AppState,
    staff: &Staff,
    id_column: E::Column,
    id: impl Into<sea_orm::Value>,
    need: Need,
) -> ApiResult<ClientTx> {
    let tx = if need == Need::Read { state.db.tenant_read(staff).await? } else { state.db.tenant(staff).await? };
    let owner: Option<ClientId> = tx
        .find_in::<E>(&EVERY_CLIENT)
        .select_only()
        .column(E::client_column())
        .filter(id_column.eq(id.into()))
        .into_tuple()
        .one()
        .await?;
    let client = load(&tx, staff, owner.ok_or(ClientError::NotFound)?, need).await?;
    Ok(ClientTx::open(tx, Grant { client }))
}

/// Narrows an open client transaction to a stricter need (e.g. a read-opened page whose
/// action turns out to change something is refused the same way `open` would).
pub fn require_on(tx: &ClientTx, staff: &Staff, need: Need) -> ApiResult<()> {
    require(staff, tx.client(), need)
}

async fn own_client(tx: &TenantTx, contact: &PortalContact) -> ApiResult<clients::Model> {
    let found =
        tx.find_in::<clients::Entity>(&EVERY_CLIENT).filter(clients::Column::Id.eq(contact.client())).one().await?;
    Ok(found.ok_or(ClientError::NotFound)?)
}

/// Checks `need` on a client inside an agency-wide transaction without opening its data (for
/// records that point at a client, such as a contact invitation).
pub async fn check(tx: &TenantTx, staff: &Staff, id: ClientId, need: Need) -> ApiResult<clients::Model> {
    load(tx, staff, id, need).await
}

async fn load(tx: &TenantTx, staff: &Staff, id: ClientId, need: Need) -> ApiResult<clients::Model> {
    let mut q = tx.find_in::<clients::Entity>(&EVERY_CLIENT).filter(clients::Column::Id.eq(id));
    if let Some(cond) = visible(tx, staff).await? {
        q = q.filter(cond);
    }
    let client = q.one().await?.ok_or(ClientError::NotFound)?;
    require(staff, &client, need)?;
    Ok(client)
}

/// The clients a staff member may read: the scope of every list that spans clients (clients,
/// below-standard projects, invitations; meetings, reports … next). Only this module makes one,
/// and `TenantTx::find_in` takes nothing else for per-client tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisibleClients(Visible);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Visible {
    All,
    Only(Vec<ClientId>),
}

impl VisibleClients {
    pub async fn of(tx: &TenantTx, staff: &Staff) -> ApiResult<Self> {
        match visible(tx, staff).await? {
            None => Ok(VisibleClients(Visible::All)),
            Some(cond) => Ok(VisibleClients(Visible::Only(
                tx.find_in::<clients::Entity>(&EVERY_CLIENT)
                    .select_only()
                    .column(clients::Column::Id)
                    .filter(cond)
                    .into_tuple()
                    .all()
                    .await?,
            ))),
        }
    }

    /// Every client of the agency (as owners and admins see survey answers).
    pub fn is_whole_agency(&self) -> bool {
        self.0 == Visible::All
    }

    /// A condition keeping rows whose `column` names a visible client.
    pub fn condition(&self, column: impl ColumnTrait) -> Condition {
        match &self.0 {
            Visible::All => Condition::all(),
            Visible::Only(ids) => Condition::all().add(column.is_in(ids.iter().copied())),
        }
    }
}

impl VisibleClients {
    /// Every client, for questions answered only yes or no across the agency (is this address
    /// already invited?). Never for reading rows back to the caller.
    pub fn for_existence_checks() -> Self {
        EVERY_CLIENT
    }
}

impl VisibleClients {
    /// Every client of the agency, for work that is no person's view: a background job acting
    /// for the agency, or rows already narrowed to the caller's clients by another scope.
    pub(crate) fn whole_agency() -> Self {
        EVERY_CLIENT
    }

    /// The clients whose survey answers and analytics a staff member sees: every client for
    /// owners and admins, the ones they manage for account managers (whether or not managers
    /// may read other clients), none for specialists (403).
    pub async fn for_surveys(tx: &TenantTx, staff: &Staff) -> ApiResult<Self> {
        match staff.role() {
            StaffRole::Owner | StaffRole::Admin => Ok(EVERY_CLIENT),
            StaffRole::AccountManager => Ok(VisibleClients(Visible::Only(
                tx.find_in::<clients::Entity>(&EVERY_CLIENT)
                    .select_only()
                    .column(clients::Column::Id)
                    .filter(clients::Column::AccountManagerId.eq(staff.user()))
                    .into_tuple()
                    .all()
                    .await?,
            ))),
            StaffRole::Specialist => Err(ApiError::forbidden()),
        }
    }

    /// Whether a client is among these.
    pub fn contains(&self, id: ClientId) -> bool {
        match &self.0 {
            Visible::All => true,
            Visible::Only(ids) => ids.contains(&id),
        }
    }
}

/// What this module reads while working out visibility itself.
const EVERY_CLIENT: VisibleClients = VisibleClients(Visible::All);

/// The clients a staff member may read, as a condition on `clients` (`None` = all). [`gate`]
/// says the same inside a statement: change both together (a test runs every role both ways).
async fn visible(tx: &TenantTx, staff: &Staff) -> ApiResult<Option<Condition>> {
    match staff.role() {
        StaffRole::Owner | StaffRole::Admin => Ok(None),
        StaffRole::AccountManager => {
            if managers_see_all(tx).await? {
                Ok(None)
            } else {
                Ok(Some(Condition::all().add(clients::Column::AccountManagerId.eq(staff.user()))))
            }
        }
        StaffRole::Specialist => {
            let ids = specialist_clients(tx, staff).await?;
            Ok(Some(Condition::all().add(clients::Column::Id.is_in(ids))))
        }
    }
}

async fn managers_see_all(tx: &TenantTx) -> ApiResult<bool> {
    Ok(tx.find::<agencies::Entity>().one().await?.is_some_and(|a| a.managers_see_all))
}

async fn specialist_clients(tx: &TenantTx, staff: &Staff) -> ApiResult<Vec<ClientId>> {
    let project_ids: Vec<ProjectId> = tx
        .find::<project_members::Entity>()
        .select_only()
        .column(project_members::Column::ProjectId)
        .filter(project_members::Column::UserId.eq(staff.user()))
        .into_tuple()
        .all()
        .await?;
    if project_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(tx
        .find_in::<projects::Entity>(&EVERY_CLIENT)
        .select_only()
        .column(projects::Column::ClientId)
        .filter(projects::Column::Id.is_in(project_ids))
        .distinct()
        .into_tuple()
        .all()
        .await?)
}

/// Whether this staff member may change the account (not just read it).
pub fn may_manage(staff: &Staff, client: &clients::Model) -> bool {
    match staff.role() {
        StaffRole::Owner | StaffRole::Admin => true,
        StaffRole::AccountManager => client.account_manager_id == Some(staff.user()),
        StaffRole::Specialist => false,
    }
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
        Err(ClientError::NotAllowed.into())
    }
}

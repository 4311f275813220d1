//! A client's risk register: read by anyone who sees the client; written by owners, admins and
//! the client's account manager. Input is parsed whole before anything is written.

use super::view::{self, Names};
use super::RiskError;
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::risks::{RiskCategory, RiskInput, RiskRegister, RiskStatus, RiskView};
use accord_api::{ClientId, PrincipalKind, ProjectId, RiskId, UserId, UserStatus};
use accord_entity::{agencies, projects, risks, users};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter};

/// A risk as parsed from [`RiskInput`]: every value checked.
struct Parsed {
    title: String,
    category: RiskCategory,
    project_id: Option<ProjectId>,
    probability: i32,
    impact: i32,
    mitigation: String,
    owner_id: Option<UserId>,
    due_on: Option<NaiveDate>,
    status: RiskStatus,
    client_visible: bool,
}

fn one_to_five(v: u8, field: &'static str) -> Result<i32, RiskError> {
    if (1..=5).contains(&v) {
        Ok(i32::from(v))
    } else {
        Err(RiskError::BadScale { field })
    }
}

/// Checks the texts and numbers, then that the owner is the agency's active staff member and
/// the project this client's.
async fn parse(tx: &ClientTx, body: RiskInput) -> ApiResult<Parsed> {
    let title = input::Name::parse(&body.title).field("title")?;
    let probability = one_to_five(body.probability, "probability")?;
    let impact = one_to_five(body.impact, "impact")?;
    let mitigation = input::Note::parse(&body.mitigation).field("mitigation")?;
    let due_on = input::Day::check_optional(body.due_on).field("due_on")?;
    if let Some(owner) = body.owner_id {
        let found = tx
            .agency()
            .find::<users::Entity>()
            .filter(users::Column::Id.eq(owner))
            .filter(users::Column::Kind.eq(PrincipalKind::Staff))
            .filter(users::Column::StaffRole.is_not_null())
            .filter(users::Column::Status.eq(UserStatus::Active))
            .count()
            .await?;
        if found == 0 {
            return Err(RiskError::UnknownOwner.into());
        }
    }
    check_project(tx, body.project_id).await?;
    Ok(Parsed {
        title,
        category: body.category,
        project_id: body.project_id,
        probability,
        impact,
        mitigation,
        owner_id: body.owner_id,
        due_on,
        status: body.status,
        client_visible: body.client_visible,
    })
}

/// A project named by input must be one of this client's (422 `project_id` otherwise).
pub(super) async fn check_project(tx: &ClientTx, project: Option<ProjectId>) -> ApiResult<()> {
    if let Some(p) = project {
        if tx.find::<projects::Entity>().filter(projects::Column::Id.eq(p)).count().await? == 0 {
            return Err(RiskError::UnknownProject.into());
        }
    }
    Ok(())
}

/// "Today" in the agency's zone (a risk is overdue from the day after its due date there).
pub(super) async fn today(tx: &ClientTx) -> ApiResult<NaiveDate> {
    let zone = tx.agency().find::<agencies::Entity>().one().await?.map(|a| a.time_zone).unwrap_or_default();
    Ok(tx.now().with_timezone(&crate::reports::period::zone(&zone)).date_naive())
}

async fn view_of(tx: &ClientTx, row: risks::Model) -> ApiResult<RiskView> {
    let rows = [row];
    let names = Names::load(tx, view::risk_people(&rows), []).await?;
    let today = today(tx).await?;
    let [row] = rows;
    Ok(view::risk(row, &names, today))
}

/// The register: every risk of the client (open ones first, by exposure) and the matrix of the
/// open ones.
pub async fn register(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<RiskRegister> {
    let tx = access::open_read(state, staff, client).await?;
    let mut rows = tx.find::<risks::Entity>().all().await?;
    view::sort_risks(&mut rows);
    let matrix = view::matrix(&rows);
    let names = Names::load(&tx, view::risk_people(&rows), []).await?;
    let today = today(&tx).await?;
    let can_edit = access::may_manage(staff, tx.client());
    tx.commit().await?;
    let items = rows.into_iter().map(|r| view::risk(r, &names, today)).collect();
    Ok(RiskRegister { items, matrix, can_edit })
}

#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, body: RiskInput) -> ApiResult<RiskView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let p = parse(&tx, body).await?;
    let now = tx.now();
    let row = risks::Model {
        id: RiskId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        project_id: p.project_id,
        title: p.title,
        category: p.category,
        probability: p.probability,
        impact: p.impact,
        mitigation: p.mitigation,
        owner_id: p.owner_id,
        due_on: p.due_on,
        status: p.status,
        client_visible: p.client_visible,
        created_by: staff.user(),
        created_at: now,
        updated_at: now,
    };
    tx.insert(risks::ActiveModel::from(row.clone())).await?;
    let view = view_of(&tx, row).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open_risk(state: &AppState, staff: &Staff, id: RiskId) -> ApiResult<(ClientTx, risks::Model)> {
    let tx = access::open_owner::<risks::Entity>(state, staff, risks::Column::Id, id, Need::Manage).await?;
    let row = tx.find::<risks::Entity>().filter(risks::Column::Id.eq(id)).one().await?.ok_or(RiskError::NotFound)?;
    Ok((tx, row))
}

/// Rewrites a risk from the form (the author and creation time stay).
#[tracing::instrument(skip(state, body))]
pub async fn update(state: &AppState, staff: &Staff, id: RiskId, body: RiskInput) -> ApiResult<RiskView> {
    let (tx, old) = open_risk(state, staff, id).await?;
    let p = parse(&tx, body).await?;
    let row = risks::Model {
        project_id: p.project_id,
        title: p.title,
        category: p.category,
        probability: p.probability,
        impact: p.impact,
        mitigation: p.mitigation,
        owner_id: p.owner_id,
        due_on: p.due_on,
        status: p.status,
        client_visible: p.client_visible,
        updated_at: tx.now(),
        ..old
    };
    if !tx.update(risks::ActiveModel::from(row.clone()).reset_all()).await? {
        return Err(RiskError::NotFound.into());
    }
    let view = view_of(&tx, row).await?;
    tx.commit().await?;
    Ok(view)
}

#[tracing::instrument(skip(state))]
pub async fn delete(state: &AppState, staff: &Staff, id: RiskId) -> ApiResult<()> {
    let (tx, _) = open_risk(state, staff, id).await?;
    let gone = tx.delete_many::<risks::Entity>().filter(risks::Column::Id.eq(id)).exec().await?.rows_affected;
    if gone == 0 {
        return Err(RiskError::NotFound.into());
    }
    tx.commit().await?;
    Ok(())
}

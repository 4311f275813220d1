//! Rules for projects: managers of the account change them; anyone who sees it reads them.

use super::ProjectError;
use crate::clients::access::{self, Need};
use crate::clients::view::staff_names;
use crate::db::TenantTx;
use crate::domain::{self, DisplayName};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::projects::{ProjectInput, ProjectView};
use accord_api::{ClientId, Money, PrincipalKind, ProjectId, StaffRef, UserId, UserStatus};
use accord_entity::{project_members, projects, users};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

fn view(p: &projects::Model, team: Vec<StaffRef>, agreed_not_started: u32) -> ProjectView {
    ProjectView {
        id: p.id,
        client_id: p.client_id,
        name: p.name.clone(),
        kind: p.kind,
        status: p.status,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        budget: p.budget_minor.map(|amount_minor| Money { amount_minor, currency: p.currency.clone() }),
        budget_shared: p.budget_shared,
        team,
        agreed_not_started,
        below_standard: crate::backlog::standard::below(p.status, agreed_not_started),
    }
}

/// Teams of several projects: two queries whatever their number.
async fn teams(tx: &TenantTx, ids: &[ProjectId]) -> ApiResult<HashMap<ProjectId, Vec<StaffRef>>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let members = tx
        .find::<project_members::Entity>()
        .filter(project_members::Column::ProjectId.is_in(ids.iter().copied()))
        .all()
        .await?;
    let names = staff_names(tx, members.iter().map(|m| m.user_id)).await?;
    let mut out: HashMap<ProjectId, Vec<StaffRef>> = HashMap::new();
    for m in members {
        out.entry(m.project_id)
            .or_default()
            .push(StaffRef { id: m.user_id, name: names.get(&m.user_id).cloned().unwrap_or_default() });
    }
    for team in out.values_mut() {
        team.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(out)
}

pub async fn list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<ProjectView>> {
    let tx = access::open_read(state, staff, client).await?;
    let rows = tx.find::<projects::Entity>().order_by_asc(projects::Column::CreatedAt).all().await?;
    let ids: Vec<ProjectId> = rows.iter().map(|p| p.id).collect();
    let mut teams = teams(tx.agency(), &ids).await?;
    let agreed = crate::backlog::agreed_counts(tx.find::<accord_entity::backlog_tallies::Entity>(), &ids).await?;
    tx.commit().await?;
    Ok(rows
        .iter()
        .map(|p| view(p, teams.remove(&p.id).unwrap_or_default(), agreed.get(&p.id).copied().unwrap_or(0)))
        .collect())
}

struct Parsed {
    name: DisplayName,
    budget: Option<(i64, String)>,
    team: Vec<UserId>,
}

async fn parse(tx: &TenantTx, input: &ProjectInput) -> ApiResult<Parsed> {
    let name = DisplayName::parse("name", &input.name)?;
    domain::optional_day("starts_on", input.starts_on)?;
    domain::optional_day("ends_on", input.ends_on)?;
    if let (Some(start), Some(end)) = (input.starts_on, input.ends_on) {
        if end < start {
            return Err(ProjectError::EndsBeforeStart.into());
        }
    }
    let budget = match &input.budget {
        Some(m) => Some(domain::money("budget", m)?),
        None => None,
    };
    let mut team: Vec<UserId> = input.team.clone();
    team.sort();
    team.dedup();
    if !team.is_empty() {
        let found = tx
            .find::<users::Entity>()
            .filter(users::Column::Id.is_in(team.clone()))
            .filter(users::Column::Kind.eq(PrincipalKind::Staff))
            .filter(users::Column::Status.eq(UserStatus::Active))
            .count()
            .await?;
        if found as usize != team.len() {
            return Err(ProjectError::TeamNotStaff.into());
        }
    }
    Ok(Parsed { name, budget, team })
}

async fn set_team(tx: &TenantTx, project: ProjectId, team: &[UserId]) -> ApiResult<()> {
    tx.delete_many::<project_members::Entity>().filter(project_members::Column::ProjectId.eq(project)).exec().await?;
    for user in team {
        let row = project_members::Model { agency_id: tx.agency_id(), project_id: project, user_id: *user };
        tx.insert(project_members::ActiveModel::from(row)).await?;
    }
    Ok(())
}

#[tracing::instrument(skip(state, input))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, input: ProjectInput) -> ApiResult<ProjectView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let p = parse(tx.agency(), &input).await?;
    let now = tx.now();
    let row = projects::Model {
        id: ProjectId::new(),
        agency_id: tx.agency_id(),
        client_id: client,
        name: p.name.into_inner(),
        kind: input.kind,
        status: input.status,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        budget_minor: p.budget.as_ref().map(|b| b.0),
        currency: p.budget.map(|b| b.1).unwrap_or_else(|| "RUB".into()),
        budget_shared: input.budget_shared,
        created_at: now,
        updated_at: now,
    };
    tx.insert(projects::ActiveModel::from(row.clone())).await?;
    set_team(tx.agency(), row.id, &p.team).await?;
    let mut teams = teams(tx.agency(), &[row.id]).await?;
    let agreed = crate::backlog::agreed_counts(tx.find::<accord_entity::backlog_tallies::Entity>(), &[row.id]).await?;
    tx.commit().await?;
    Ok(view(&row, teams.remove(&row.id).unwrap_or_default(), agreed.get(&row.id).copied().unwrap_or(0)))
}

#[tracing::instrument(skip(state, input))]
pub async fn update(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    id: ProjectId,
    input: ProjectInput,
) -> ApiResult<ProjectView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let mut row =
        tx.find::<projects::Entity>().filter(projects::Column::Id.eq(id)).one().await?.ok_or(ProjectError::NotFound)?;
    let p = parse(tx.agency(), &input).await?;
    row.name = p.name.into_inner();
    row.kind = input.kind;
    row.status = input.status;
    row.starts_on = input.starts_on;
    row.ends_on = input.ends_on;
    row.budget_minor = p.budget.as_ref().map(|b| b.0);
    if let Some((_, currency)) = p.budget {
        row.currency = currency;
    }
    row.budget_shared = input.budget_shared;
    row.updated_at = tx.now();
    tx.update(sea_orm::ActiveModelTrait::reset_all(projects::ActiveModel::from(row.clone()))).await?;
    set_team(tx.agency(), row.id, &p.team).await?;
    let mut teams = teams(tx.agency(), &[row.id]).await?;
    let agreed = crate::backlog::agreed_counts(tx.find::<accord_entity::backlog_tallies::Entity>(), &[row.id]).await?;
    tx.commit().await?;
    Ok(view(&row, teams.remove(&row.id).unwrap_or_default(), agreed.get(&row.id).copied().unwrap_or(0)))
}

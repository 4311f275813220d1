//! Goals with a KPI (baseline → target) and their dated values, one per day.

use super::view::goal_views;
use super::RoadmapError;
use crate::clients::access::{self, Need};
use crate::clients::view::staff_names;
use crate::db::ClientTx;
use crate::domain::{self, DisplayName, Field};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::roadmap::{GoalInput, GoalView, NewGoalValue};
use accord_api::{ClientId, GoalId};
use accord_entity::{goal_values, roadmap_goals};
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};

fn finite(field: &'static str, v: f64) -> ApiResult<f64> {
    if v.is_finite() && v.abs() < 1e15 {
        Ok(v)
    } else {
        Err(RoadmapError::NotANumber { field }.into())
    }
}

fn parse_goal(input: &GoalInput) -> ApiResult<(String, String, f64, f64)> {
    let name = DisplayName::parse("name", &input.name)?.into_inner();
    let unit = input::Unit::parse(&input.unit).field("unit")?;
    Ok((name, unit, finite("baseline", input.baseline)?, finite("target", input.target)?))
}

async fn goal_view(tx: &ClientTx, goal: GoalId) -> ApiResult<GoalView> {
    let row = find_goal(tx, goal).await?;
    let values = tx
        .find::<goal_values::Entity>()
        .filter(goal_values::Column::GoalId.eq(goal))
        .order_by_asc(goal_values::Column::MeasuredOn)
        .all()
        .await?;
    let people = staff_names(tx.agency(), values.iter().filter_map(|v| v.recorded_by).collect::<Vec<_>>()).await?;
    Ok(goal_views(vec![row], &values, &people).pop().ok_or(RoadmapError::NotFound)?)
}

async fn find_goal(tx: &ClientTx, goal: GoalId) -> ApiResult<roadmap_goals::Model> {
    let found = tx.find::<roadmap_goals::Entity>().filter(roadmap_goals::Column::Id.eq(goal)).one().await?;
    Ok(found.ok_or(RoadmapError::NotFound)?)
}

#[tracing::instrument(skip(state, input))]
pub async fn create_goal(state: &AppState, staff: &Staff, client: ClientId, input: GoalInput) -> ApiResult<GoalView> {
    let (name, unit, baseline, target) = parse_goal(&input)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let id = GoalId::new();
    let row = roadmap_goals::Model {
        id,
        agency_id: tx.agency_id(),
        client_id: client,
        name,
        unit,
        baseline,
        target,
        created_at: tx.now(),
    };
    tx.insert(roadmap_goals::ActiveModel::from(row)).await?;
    let v = goal_view(&tx, id).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state, input))]
pub async fn update_goal(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    goal: GoalId,
    input: GoalInput,
) -> ApiResult<GoalView> {
    let (name, unit, baseline, target) = parse_goal(&input)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let mut row = find_goal(&tx, goal).await?;
    row.name = name;
    row.unit = unit;
    row.baseline = baseline;
    row.target = target;
    tx.update(roadmap_goals::ActiveModel::from(row).reset_all()).await?;
    let v = goal_view(&tx, goal).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state))]
pub async fn delete_goal(state: &AppState, staff: &Staff, client: ClientId, goal: GoalId) -> ApiResult<()> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    find_goal(&tx, goal).await?;
    tx.delete_many::<goal_values::Entity>().filter(goal_values::Column::GoalId.eq(goal)).exec().await?;
    tx.delete_many::<roadmap_goals::Entity>().filter(roadmap_goals::Column::Id.eq(goal)).exec().await?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip(state, input))]
pub async fn add_goal_value(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    goal: GoalId,
    input: NewGoalValue,
) -> ApiResult<GoalView> {
    let value = finite("value", input.value)?;
    domain::day("measured_on", input.measured_on)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    if input.measured_on > (tx.now() + Duration::days(1)).date_naive() {
        return Err(RoadmapError::MeasuredInFuture.into());
    }
    find_goal(&tx, goal).await?;
    // One value per day: a second one replaces the first.
    tx.delete_many::<goal_values::Entity>()
        .filter(goal_values::Column::GoalId.eq(goal))
        .filter(goal_values::Column::MeasuredOn.eq(input.measured_on))
        .exec()
        .await?;
    let row = goal_values::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: client,
        goal_id: goal,
        value,
        measured_on: input.measured_on,
        recorded_by: Some(staff.user()),
        recorded_at: tx.now(),
    };
    tx.insert(goal_values::ActiveModel::from(row)).await?;
    let v = goal_view(&tx, goal).await?;
    tx.commit().await?;
    Ok(v)
}

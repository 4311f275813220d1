//! Roadmap rules and views.

use crate::clients::access::{self, Need};
use crate::clients::view::{staff_names, staff_ref};
use crate::db::ClientTx;
use crate::domain::{self, DisplayName, Field};
use crate::error::{ApiError, ApiResult};
use crate::rich;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::backlog::ItemRef;
use accord_api::error::codes;
use accord_api::input;
use accord_api::roadmap::{
    GoalInput, GoalValue, GoalView, NewGoalValue, PointsInput, RoadmapView, Seen, StageInput, StageView,
};
use accord_api::{BacklogItemId, BacklogStatus, ClientId, GoalId, ProjectId, StageId, StageStatus};
use accord_entity::{backlog_items, goal_values, roadmap_goals, roadmap_stages, roadmaps};
use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Share of the way from baseline to target, 0..=100.
pub fn progress(baseline: f64, target: f64, current: f64) -> u8 {
    let span = target - baseline;
    let share = if span == 0.0 {
        if (target >= baseline && current >= target) || (target < baseline && current <= target) {
            1.0
        } else {
            0.0
        }
    } else {
        (current - baseline) / span
    };
    (share.clamp(0.0, 1.0) * 100.0).round() as u8
}

/// Builds the roadmap in a constant number of queries. `portal`: leave ideas out.
pub async fn view(tx: &ClientTx, portal: bool) -> ApiResult<RoadmapView> {
    let row = tx.find::<roadmaps::Entity>().one().await?;
    let goals = tx.find::<roadmap_goals::Entity>().order_by_asc(roadmap_goals::Column::CreatedAt).all().await?;
    let values = if goals.is_empty() {
        Vec::new()
    } else {
        tx.find::<goal_values::Entity>().order_by_asc(goal_values::Column::MeasuredOn).all().await?
    };
    let stages = tx
        .find::<roadmap_stages::Entity>()
        .order_by_asc(roadmap_stages::Column::StartsOn)
        .order_by_asc(roadmap_stages::Column::CreatedAt)
        .all()
        .await?;
    let items = if stages.is_empty() {
        Vec::new()
    } else {
        let mut q = tx
            .find::<backlog_items::Entity>()
            .filter(backlog_items::Column::StageId.is_in(stages.iter().map(|s| s.id)));
        if portal {
            q = q.filter(backlog_items::Column::Status.ne(BacklogStatus::Idea.as_str()));
        }
        q.order_by_asc(backlog_items::Column::Rank).all().await?
    };
    let people = staff_names(
        tx.agency(),
        row.iter().filter_map(|r| r.updated_by).chain(values.iter().filter_map(|v| v.recorded_by)).collect::<Vec<_>>(),
    )
    .await?;

    let goals = goal_views(goals, &values, &people);
    let stages = stage_views(stages, &items)?;

    Ok(RoadmapView {
        client_id: tx.client_id(),
        point_a: row.as_ref().map(|r| rich::rich(&r.point_a, &r.point_a_html, r.html_version)).unwrap_or_default(),
        point_b: row.as_ref().map(|r| rich::rich(&r.point_b, &r.point_b_html, r.html_version)).unwrap_or_default(),
        updated_at: row.as_ref().map(|r| r.updated_at),
        updated_by: row.as_ref().and_then(|r| staff_ref(r.updated_by, &people)),
        goals,
        stages,
    })
}

/// Goals with their values (oldest first), in the order given.
fn goal_views(
    goals: Vec<roadmap_goals::Model>,
    values: &[goal_values::Model],
    people: &HashMap<uuid::Uuid, String>,
) -> Vec<GoalView> {
    let mut by_goal: HashMap<uuid::Uuid, Vec<GoalValue>> = HashMap::new();
    for v in values {
        by_goal.entry(v.goal_id).or_default().push(GoalValue {
            value: v.value,
            measured_on: v.measured_on,
            recorded_by: staff_ref(v.recorded_by, people),
        });
    }
    goals
        .into_iter()
        .map(|g| {
            let values = by_goal.remove(&g.id).unwrap_or_default();
            let current = values.last().map(|v| v.value);
            GoalView {
                id: GoalId(g.id),
                progress_pct: current.map(|c| progress(g.baseline, g.target, c)),
                name: g.name,
                unit: g.unit,
                baseline: g.baseline,
                target: g.target,
                current,
                values,
            }
        })
        .collect()
}

/// Stages with their linked items (by rank) and progress.
fn stage_views(stages: Vec<roadmap_stages::Model>, items: &[backlog_items::Model]) -> ApiResult<Vec<StageView>> {
    let mut by_stage: HashMap<uuid::Uuid, Vec<ItemRef>> = HashMap::new();
    for i in items {
        let Some(stage) = i.stage_id else { continue };
        let Some(status) = BacklogStatus::parse(&i.status) else { continue };
        by_stage.entry(stage).or_default().push(ItemRef {
            id: BacklogItemId(i.id),
            project_id: ProjectId(i.project_id),
            title: i.title.clone(),
            status,
        });
    }
    stages
        .into_iter()
        .map(|s| {
            let items = by_stage.remove(&s.id).unwrap_or_default();
            let counted: Vec<&ItemRef> =
                items.iter().filter(|i| !matches!(i.status, BacklogStatus::Idea | BacklogStatus::Declined)).collect();
            let done = counted.iter().filter(|i| i.status == BacklogStatus::Done).count() as u32;
            let total = counted.len() as u32;
            Ok(StageView {
                id: StageId(s.id),
                title: s.title,
                starts_on: s.starts_on,
                ends_on: s.ends_on,
                status: StageStatus::parse(&s.status).ok_or_else(|| ApiError::internal("bad stage status"))?,
                items_counted: total,
                items_done: done,
                progress_pct: (total > 0).then(|| ((done as f64 / total as f64) * 100.0).round() as u8),
                items,
            })
        })
        .collect()
}

pub async fn get(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<RoadmapView> {
    let tx = access::open_read(state, staff, client).await?;
    let v = view(&tx, false).await?;
    tx.commit().await?;
    Ok(v)
}

pub async fn portal(state: &AppState, contact: &PortalContact) -> ApiResult<RoadmapView> {
    let tx = access::open_portal_read(state, contact).await?;
    let v = view(&tx, true).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state, input))]
pub async fn put_points(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    input: PointsInput,
) -> ApiResult<RoadmapView> {
    let point_a = rich::parse("point_a", &input.point_a)?;
    let point_b = rich::parse("point_b", &input.point_b)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let exists = tx.find::<roadmaps::Entity>().one().await?;
    let current = exists.as_ref().map(|r| r.updated_at);
    if !input.seen.is_unchecked() && input.seen != Seen::of(current) {
        return Err(ApiError::new(
            actix_web::http::StatusCode::CONFLICT,
            codes::STALE_VERSION,
            "Someone saved points A and B while you were editing. Reload them and try again.",
        ));
    }
    let row = roadmaps::Model {
        client_id: client.0,
        agency_id: tx.agency_id().0,
        point_a_html: rich::render(&point_a),
        point_b_html: rich::render(&point_b),
        html_version: rich::VERSION,
        point_a,
        point_b,
        updated_by: Some(staff.user.0),
        // Whole microseconds (the clock's): what PostgreSQL keeps, so the editor's copy
        // compares equal.
        updated_at: tx.now(),
    };
    if exists.is_some() {
        tx.update_many::<roadmaps::Entity>().set(roadmaps::ActiveModel::from(row).reset_all()).exec().await?;
    } else {
        tx.insert(roadmaps::ActiveModel::from(row)).await?;
    }
    let v = view(&tx, false).await?;
    tx.commit().await?;
    Ok(v)
}

fn finite(field: &str, v: f64) -> ApiResult<f64> {
    if v.is_finite() && v.abs() < 1e15 {
        Ok(v)
    } else {
        Err(ApiError::invalid(field, codes::VALIDATION, "Enter a number."))
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
        .filter(goal_values::Column::GoalId.eq(goal.0))
        .order_by_asc(goal_values::Column::MeasuredOn)
        .all()
        .await?;
    let people = staff_names(tx.agency(), values.iter().filter_map(|v| v.recorded_by).collect::<Vec<_>>()).await?;
    goal_views(vec![row], &values, &people).pop().ok_or_else(ApiError::not_found)
}

async fn find_goal(tx: &ClientTx, goal: GoalId) -> ApiResult<roadmap_goals::Model> {
    tx.find::<roadmap_goals::Entity>()
        .filter(roadmap_goals::Column::Id.eq(goal.0))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)
}

#[tracing::instrument(skip(state, input))]
pub async fn create_goal(state: &AppState, staff: &Staff, client: ClientId, input: GoalInput) -> ApiResult<GoalView> {
    let (name, unit, baseline, target) = parse_goal(&input)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let id = uuid::Uuid::new_v4();
    let row = roadmap_goals::Model {
        id,
        agency_id: tx.agency_id().0,
        client_id: client.0,
        name,
        unit,
        baseline,
        target,
        created_at: tx.now(),
    };
    tx.insert(roadmap_goals::ActiveModel::from(row)).await?;
    let v = goal_view(&tx, GoalId(id)).await?;
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
    tx.delete_many::<goal_values::Entity>().filter(goal_values::Column::GoalId.eq(goal.0)).exec().await?;
    tx.delete_many::<roadmap_goals::Entity>().filter(roadmap_goals::Column::Id.eq(goal.0)).exec().await?;
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
        return Err(ApiError::invalid("measured_on", codes::VALIDATION, "A value cannot be measured in the future."));
    }
    find_goal(&tx, goal).await?;
    // One value per day: a second one replaces the first.
    tx.delete_many::<goal_values::Entity>()
        .filter(goal_values::Column::GoalId.eq(goal.0))
        .filter(goal_values::Column::MeasuredOn.eq(input.measured_on))
        .exec()
        .await?;
    let row = goal_values::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id().0,
        client_id: client.0,
        goal_id: goal.0,
        value,
        measured_on: input.measured_on,
        recorded_by: Some(staff.user.0),
        recorded_at: tx.now(),
    };
    tx.insert(goal_values::ActiveModel::from(row)).await?;
    let v = goal_view(&tx, goal).await?;
    tx.commit().await?;
    Ok(v)
}

fn parse_stage(input: &StageInput) -> ApiResult<String> {
    let title = DisplayName::parse("title", &input.title)?.into_inner();
    domain::day("starts_on", input.starts_on)?;
    domain::day("ends_on", input.ends_on)?;
    if input.ends_on < input.starts_on {
        return Err(ApiError::invalid("ends_on", codes::VALIDATION, "The end cannot come before the start."));
    }
    Ok(title)
}

async fn stage_view(tx: &ClientTx, stage: StageId) -> ApiResult<StageView> {
    let row = find_stage(tx, stage).await?;
    let items = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::StageId.eq(stage.0))
        .order_by_asc(backlog_items::Column::Rank)
        .all()
        .await?;
    stage_views(vec![row], &items)?.pop().ok_or_else(ApiError::not_found)
}

async fn find_stage(tx: &ClientTx, stage: StageId) -> ApiResult<roadmap_stages::Model> {
    tx.find::<roadmap_stages::Entity>()
        .filter(roadmap_stages::Column::Id.eq(stage.0))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)
}

#[tracing::instrument(skip(state, input))]
pub async fn create_stage(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    input: StageInput,
) -> ApiResult<StageView> {
    let title = parse_stage(&input)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let id = uuid::Uuid::new_v4();
    let row = roadmap_stages::Model {
        id,
        agency_id: tx.agency_id().0,
        client_id: client.0,
        title,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        status: input.status.as_str().into(),
        created_at: tx.now(),
    };
    tx.insert(roadmap_stages::ActiveModel::from(row)).await?;
    let v = stage_view(&tx, StageId(id)).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state, input))]
pub async fn update_stage(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    stage: StageId,
    input: StageInput,
) -> ApiResult<StageView> {
    let title = parse_stage(&input)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let mut row = find_stage(&tx, stage).await?;
    row.title = title;
    row.starts_on = input.starts_on;
    row.ends_on = input.ends_on;
    row.status = input.status.as_str().into();
    tx.update(roadmap_stages::ActiveModel::from(row).reset_all()).await?;
    let v = stage_view(&tx, stage).await?;
    tx.commit().await?;
    Ok(v)
}

/// Deletes a stage; its items stay in their backlogs without a stage.
#[tracing::instrument(skip(state))]
pub async fn delete_stage(state: &AppState, staff: &Staff, client: ClientId, stage: StageId) -> ApiResult<()> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    find_stage(&tx, stage).await?;
    tx.update_many::<backlog_items::Entity>()
        .col_expr(backlog_items::Column::StageId, sea_orm::sea_query::Expr::value(Option::<uuid::Uuid>::None))
        .filter(backlog_items::Column::StageId.eq(stage.0))
        .exec()
        .await?;
    tx.delete_many::<roadmap_stages::Entity>().filter(roadmap_stages::Column::Id.eq(stage.0)).exec().await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::progress;

    #[test]
    fn goal_progress() {
        assert_eq!(progress(100.0, 200.0, 150.0), 50);
        assert_eq!(progress(100.0, 200.0, 90.0), 0);
        assert_eq!(progress(100.0, 200.0, 250.0), 100);
        // Falling targets (e.g. cost per lead): 1000 → 500, now 750.
        assert_eq!(progress(1000.0, 500.0, 750.0), 50);
        assert_eq!(progress(5.0, 5.0, 5.0), 100);
        assert_eq!(progress(5.0, 5.0, 4.0), 0);
    }
}

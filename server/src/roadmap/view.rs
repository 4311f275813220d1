//! The roadmap as people see it: built in a constant number of queries, with goal progress
//! and stage progress computed from the linked backlog items.

use crate::clients::view::{staff_names, staff_ref};
use crate::db::ClientTx;
use crate::error::ApiResult;
use crate::rich;
use accord_api::backlog::ItemRef;
use accord_api::roadmap::{GoalValue, GoalView, RoadmapView, StageView};
use accord_api::{BacklogStatus, GoalId, StageId, UserId};
use accord_entity::{backlog_items, goal_values, roadmap_goals, roadmap_stages, roadmaps};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
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
            q = q.filter(backlog_items::Column::Status.ne(BacklogStatus::Idea));
        }
        q.order_by_asc(backlog_items::Column::Rank).all().await?
    };
    let people = staff_names(
        tx.agency(),
        row.iter().filter_map(|r| r.updated_by).chain(values.iter().filter_map(|v| v.recorded_by)).collect::<Vec<_>>(),
    )
    .await?;

    let goals = goal_views(goals, &values, &people);
    let stages = stage_views(stages, &items);

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
pub(super) fn goal_views(
    goals: Vec<roadmap_goals::Model>,
    values: &[goal_values::Model],
    people: &HashMap<UserId, String>,
) -> Vec<GoalView> {
    let mut by_goal: HashMap<GoalId, Vec<GoalValue>> = HashMap::new();
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
                id: g.id,
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
pub(super) fn stage_views(stages: Vec<roadmap_stages::Model>, items: &[backlog_items::Model]) -> Vec<StageView> {
    let mut by_stage: HashMap<StageId, Vec<ItemRef>> = HashMap::new();
    for i in items {
        let Some(stage) = i.stage_id else { continue };
        by_stage.entry(stage).or_default().push(ItemRef {
            id: i.id,
            project_id: i.project_id,
            title: i.title.clone(),
            status: i.status,
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
            StageView {
                id: s.id,
                title: s.title,
                starts_on: s.starts_on,
                ends_on: s.ends_on,
                status: s.status,
                items_counted: total,
                items_done: done,
                progress_pct: (total > 0).then(|| ((done as f64 / total as f64) * 100.0).round() as u8),
                items,
            }
        })
        .collect()
}

//! Stages of the roadmap: a period and a status; their items come from the backlog.

use super::view::stage_views;
use super::RoadmapError;
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::domain::{self, DisplayName};
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::roadmap::{StageInput, StageView};
use accord_api::{ClientId, StageId};
use accord_entity::{backlog_items, roadmap_stages};
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};

fn parse_stage(input: &StageInput) -> ApiResult<String> {
    let title = DisplayName::parse("title", &input.title)?.into_inner();
    domain::day("starts_on", input.starts_on)?;
    domain::day("ends_on", input.ends_on)?;
    if input.ends_on < input.starts_on {
        return Err(RoadmapError::EndsBeforeStart.into());
    }
    Ok(title)
}

async fn stage_view(tx: &ClientTx, stage: StageId) -> ApiResult<StageView> {
    let row = find_stage(tx, stage).await?;
    let items = tx
        .find::<backlog_items::Entity>()
        .filter(backlog_items::Column::StageId.eq(stage))
        .order_by_asc(backlog_items::Column::Rank)
        .all()
        .await?;
    Ok(stage_views(vec![row], &items).pop().ok_or(RoadmapError::NotFound)?)
}

async fn find_stage(tx: &ClientTx, stage: StageId) -> ApiResult<roadmap_stages::Model> {
    let found = tx.find::<roadmap_stages::Entity>().filter(roadmap_stages::Column::Id.eq(stage)).one().await?;
    Ok(found.ok_or(RoadmapError::NotFound)?)
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
    let id = StageId::new();
    let row = roadmap_stages::Model {
        id,
        agency_id: tx.agency_id(),
        client_id: client,
        title,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        status: input.status,
        created_at: tx.now(),
    };
    tx.insert(roadmap_stages::ActiveModel::from(row)).await?;
    let v = stage_view(&tx, id).await?;
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
    row.status = input.status;
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
        .col_expr(backlog_items::Column::StageId, sea_orm::sea_query::Expr::value(Option::<StageId>::None))
        .filter(backlog_items::Column::StageId.eq(stage))
        .exec()
        .await?;
    tx.delete_many::<roadmap_stages::Entity>().filter(roadmap_stages::Column::Id.eq(stage)).exec().await?;
    tx.commit().await?;
    Ok(())
}

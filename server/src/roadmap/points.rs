//! Points A and B (Markdown, sanitized once on write), and reading the whole roadmap.

use super::view::view;
use super::RoadmapError;
use crate::clients::access::{self, Need};
use crate::error::ApiResult;
use crate::rich;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::roadmap::{PointsInput, RoadmapView, Seen};
use accord_api::ClientId;
use accord_entity::roadmaps;
use sea_orm::ActiveModelTrait;

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
        return Err(RoadmapError::PointsChanged.into());
    }
    let row = roadmaps::Model {
        client_id: client,
        agency_id: tx.agency_id(),
        point_a_html: rich::render(&point_a),
        point_b_html: rich::render(&point_b),
        html_version: rich::VERSION,
        point_a,
        point_b,
        updated_by: Some(staff.user()),
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

//! Touchpoint rows → wire shapes.

use crate::error::{ApiError, ApiResult};
use accord_api::projects::{ContactRef, TouchpointView};
use accord_api::{ContactId, StaffRef, TouchpointId, TouchpointKind, UserId};
use accord_entity::touchpoints;
use std::collections::HashMap;

pub fn touchpoint(
    t: &touchpoints::Model,
    contacts: &HashMap<uuid::Uuid, String>,
    staff: &HashMap<uuid::Uuid, String>,
) -> ApiResult<TouchpointView> {
    Ok(TouchpointView {
        id: TouchpointId(t.id),
        kind: TouchpointKind::parse(&t.kind).ok_or_else(|| ApiError::internal("bad touchpoint kind"))?,
        occurred_at: t.occurred_at,
        contact: t
            .contact_id
            .map(|c| ContactRef { id: ContactId(c), name: contacts.get(&c).cloned().unwrap_or_default() }),
        summary: t.summary.clone(),
        created_by: StaffRef { id: UserId(t.created_by), name: staff.get(&t.created_by).cloned().unwrap_or_default() },
    })
}

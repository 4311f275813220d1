//! Touchpoint rows → wire shapes.

use accord_api::projects::{ContactRef, TouchpointView};
use accord_api::{ContactId, StaffRef, UserId};
use accord_entity::touchpoints;
use std::collections::HashMap;

pub fn touchpoint(
    t: &touchpoints::Model,
    contacts: &HashMap<ContactId, String>,
    staff: &HashMap<UserId, String>,
) -> TouchpointView {
    TouchpointView {
        id: t.id,
        kind: t.kind,
        occurred_at: t.occurred_at,
        contact: t.contact_id.map(|c| ContactRef { id: c, name: contacts.get(&c).cloned().unwrap_or_default() }),
        summary: t.summary.clone(),
        created_by: StaffRef { id: t.created_by, name: staff.get(&t.created_by).cloned().unwrap_or_default() },
    }
}

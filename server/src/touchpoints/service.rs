//! Rules for the touchpoint log: who may read and log, what a touchpoint must say, and the
//! client's last touch moving forward.

use super::{repo, view, TouchpointError};
use crate::clients::access::{self, Need};
use crate::clients::view::{contact_names, staff_names};
use crate::domain::{self, Field};
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::projects::{NewTouchpoint, TouchpointView};
use accord_api::{ClientId, Page, TouchpointId};
use accord_entity::touchpoints;
use chrono::Duration;
use std::collections::HashMap;

/// One page of a client's touchpoints, newest first (four queries).
pub async fn list(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    query: &PageQuery,
) -> ApiResult<Page<TouchpointView>> {
    let paging = query.paging()?;
    let tx = access::open_read(state, staff, client).await?;
    let (rows, total) = repo::page(&tx, paging).await?;
    let contacts = contact_names(&tx).await?;
    let staff_names = staff_names(tx.agency(), rows.iter().map(|t| t.created_by)).await?;
    tx.commit().await?;
    let items = rows.iter().map(|t| view::touchpoint(t, &contacts, &staff_names)).collect();
    Ok(paging.page_of(items, total))
}

/// Logs a touchpoint: anyone who works with the client may (specialists log their calls).
#[tracing::instrument(skip(state, input))]
pub async fn log(state: &AppState, staff: &Staff, client: ClientId, input: NewTouchpoint) -> ApiResult<TouchpointView> {
    let summary = input::Message::parse(&input.summary).field("summary")?;
    domain::instant("occurred_at", input.occurred_at)?;
    let tx = access::open(state, staff, client, Need::Log).await?;
    if input.occurred_at > tx.now() + Duration::minutes(5) {
        return Err(TouchpointError::InFuture.into());
    }
    let mut contacts = HashMap::new();
    if let Some(contact) = input.contact_id {
        let c = crate::clients::repo::contact(&tx, contact).await?.ok_or(TouchpointError::UnknownContact)?;
        contacts.insert(c.id, c.name);
    }
    let row = touchpoints::Model {
        id: TouchpointId::new(),
        agency_id: tx.agency_id(),
        client_id: client,
        kind: input.kind,
        occurred_at: input.occurred_at,
        contact_id: input.contact_id,
        summary,
        created_by: staff.user(),
        created_at: tx.now(),
    };
    repo::insert(&tx, row.clone()).await?;
    if tx.client().last_touch_at.is_none_or(|t| t < row.occurred_at) {
        repo::set_last_touch(&tx, row.occurred_at).await?;
    }
    let names = staff_names(tx.agency(), [staff.user()]).await?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view::touchpoint(&row, &contacts, &names))
}

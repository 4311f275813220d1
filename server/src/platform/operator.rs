//! The operator's actions on agencies, each in one platform transaction (handlers stay HTTP).

use super::service::{self, NewAgency};
use crate::audit::Action;
use crate::error::ApiResult;
use crate::paging::Paging;
use crate::state::AppState;
use crate::tenancy::PlatformOperator;
use accord_api::platform::AgencyUsage;
use accord_api::{AgencyId, AgencyStatus, Page};

/// One page of agencies with their usage counts.
pub async fn list(state: &AppState, paging: Paging) -> ApiResult<Page<AgencyUsage>> {
    let tx = state.db.unscoped_read("operator lists agencies").await?;
    let (items, total) = service::list_usage(&tx, paging).await?;
    tx.commit().await?;
    Ok(paging.page_of(items, total))
}

/// Creates an agency with its owner (the password is hashed before the transaction opens).
pub async fn create(state: &AppState, op: &PlatformOperator, input: NewAgency) -> ApiResult<AgencyUsage> {
    let input = input.hash_password().await?;
    let tx = state.db.unscoped("operator creates agency").await?;
    let (agency, _) = service::create_agency(&tx, input, Some(op.user()), Action::AgencyCreated).await?;
    let usage = service::usage_of(&tx, agency.id).await?;
    tx.commit().await?;
    Ok(usage)
}

/// Suspends or reactivates an agency.
pub async fn change_status(
    state: &AppState,
    op: &PlatformOperator,
    id: AgencyId,
    status: AgencyStatus,
    ip: Option<&str>,
) -> ApiResult<AgencyUsage> {
    let tx = state.db.unscoped("operator changes agency status").await?;
    service::set_status(&tx, id, status, op.user(), ip).await?;
    let usage = service::usage_of(&tx, id).await?;
    tx.commit().await?;
    Ok(usage)
}

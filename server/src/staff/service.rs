//! Rules for staff management: only owners and admins manage people; only an owner grants or
//! removes the owner role; the last active owner stays; nobody changes their own role or status.

use super::StaffError;
use crate::audit::{Action, Entry};
use crate::db::{Scoped, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::staff::{AgencySettings, StaffMember};
use accord_api::{PrincipalKind, StaffRole, UserId, UserStatus};
use accord_entity::{agencies, sessions, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

fn member(u: &users::Model) -> ApiResult<StaffMember> {
    Ok(StaffMember {
        id: u.id,
        name: u.name.clone(),
        email: u.email.clone(),
        role: u.staff_role.ok_or_else(|| ApiError::internal("staff without role"))?,
        status: u.status,
        created_at: u.created_at,
    })
}

fn staff_rows(tx: &TenantTx) -> Scoped<'_, sea_orm::Select<users::Entity>> {
    tx.find::<users::Entity>().filter(users::Column::Kind.eq(PrincipalKind::Staff))
}

pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<Vec<StaffMember>> {
    staff.require_admin()?;
    let tx = state.db.tenant_read(staff).await?;
    let rows = staff_rows(&tx).order_by_asc(users::Column::Name).all().await?;
    tx.commit().await?;
    rows.iter().map(member).collect()
}

/// Active staff, for any colleague to pick from.
pub async fn directory(state: &AppState, staff: &Staff) -> ApiResult<Vec<StaffMember>> {
    let tx = state.db.tenant_read(staff).await?;
    let rows = staff_rows(&tx)
        .filter(users::Column::Status.eq(UserStatus::Active))
        .order_by_asc(users::Column::Name)
        .all()
        .await?;
    tx.commit().await?;
    rows.iter().map(member).collect()
}

/// Loads the target inside the tenant, then checks the actor may touch them.
async fn target(tx: &TenantTx, staff: &Staff, id: UserId) -> ApiResult<users::Model> {
    let user = staff_rows(tx).filter(users::Column::Id.eq(id)).one().await?.ok_or(StaffError::NotFound)?;
    staff.require_admin()?;
    if id == staff.user() {
        return Err(StaffError::CannotChangeSelf.into());
    }
    let target_is_owner = user.staff_role == Some(StaffRole::Owner);
    if target_is_owner && staff.role() != StaffRole::Owner {
        return Err(StaffError::OwnerOnly.into());
    }
    Ok(user)
}

async fn active_owner_count(tx: &TenantTx) -> ApiResult<u64> {
    Ok(staff_rows(tx)
        .filter(users::Column::StaffRole.eq(StaffRole::Owner))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .count()
        .await?)
}

pub async fn change_role(
    state: &AppState,
    staff: &Staff,
    id: UserId,
    role: StaffRole,
    ip: Option<&str>,
) -> ApiResult<StaffMember> {
    let tx = state.db.tenant(staff).await?;
    let user = target(&tx, staff, id).await?;
    if role == StaffRole::Owner && staff.role() != StaffRole::Owner {
        return Err(StaffError::OwnerOnly.into());
    }
    let was = user.staff_role;
    if was == Some(StaffRole::Owner) && role != StaffRole::Owner && active_owner_count(&tx).await? <= 1 {
        return Err(StaffError::LastOwner.into());
    }
    tx.update_many::<users::Entity>()
        .col_expr(users::Column::StaffRole, Expr::value(role))
        .col_expr(users::Column::UpdatedAt, Expr::value(tx.now()))
        .filter(users::Column::Id.eq(id))
        .exec()
        .await?;
    Entry::new(Action::RoleChanged)
        .agency(Some(staff.agency()))
        .actor(staff.user())
        .subject(id)
        .detail(format!("{} -> {role}", was.map(StaffRole::as_str).unwrap_or_default()))
        .ip(ip)
        .write(&tx)
        .await?;
    let updated = staff_rows(&tx).filter(users::Column::Id.eq(id)).one().await?.ok_or(StaffError::NotFound)?;
    tx.commit().await?;
    member(&updated)
}

/// Disabling ends the person's sessions in the same transaction.
pub async fn set_status(
    state: &AppState,
    staff: &Staff,
    id: UserId,
    status: UserStatus,
    ip: Option<&str>,
) -> ApiResult<StaffMember> {
    let tx = state.db.tenant(staff).await?;
    let user = target(&tx, staff, id).await?;
    let is_owner = user.staff_role == Some(StaffRole::Owner);
    if status == UserStatus::Disabled && is_owner && active_owner_count(&tx).await? <= 1 {
        return Err(StaffError::LastActiveOwner.into());
    }
    tx.update_many::<users::Entity>()
        .col_expr(users::Column::Status, Expr::value(status))
        .col_expr(users::Column::UpdatedAt, Expr::value(tx.now()))
        .filter(users::Column::Id.eq(id))
        .exec()
        .await?;
    let action = match status {
        UserStatus::Disabled => {
            tx.delete_many::<sessions::Entity>().filter(sessions::Column::UserId.eq(id)).exec().await?;
            Action::UserDisabled
        }
        UserStatus::Active => Action::UserEnabled,
    };
    Entry::new(action).agency(Some(staff.agency())).actor(staff.user()).subject(id).ip(ip).write(&tx).await?;
    let updated = staff_rows(&tx).filter(users::Column::Id.eq(id)).one().await?.ok_or(StaffError::NotFound)?;
    tx.commit().await?;
    member(&updated)
}

/// Reads the agency settings, or writes them first when `new` is given.
pub async fn settings(state: &AppState, staff: &Staff, new: Option<AgencySettings>) -> ApiResult<AgencySettings> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    if let Some(new) = new {
        if !(1..=30).contains(&new.ack_days) {
            return Err(crate::error::ApiError::invalid(
                "ack_days",
                accord_api::error::Code::ValidationFailed,
                "Allow 1 to 30 days to acknowledge minutes.",
            ));
        }
        if new.report_due_days > 10 {
            return Err(crate::error::ApiError::invalid(
                "report_due_days",
                accord_api::error::Code::ValidationFailed,
                "A report falls due 0 to 10 working days after its period.",
            ));
        }
        if !(1..=30).contains(&new.report_read_days) {
            return Err(crate::error::ApiError::invalid(
                "report_read_days",
                accord_api::error::Code::ValidationFailed,
                "Allow 1 to 30 days to open a report.",
            ));
        }
        tx.update_many::<agencies::Entity>()
            .col_expr(agencies::Column::ManagersSeeAll, Expr::value(new.managers_see_all))
            .col_expr(agencies::Column::AckDays, Expr::value(i32::from(new.ack_days)))
            .col_expr(agencies::Column::ReportDueDays, Expr::value(i32::from(new.report_due_days)))
            .col_expr(agencies::Column::ReportReadDays, Expr::value(i32::from(new.report_read_days)))
            .col_expr(agencies::Column::ReportAutoDraft, Expr::value(new.report_auto_draft))
            .exec()
            .await?;
    }
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or(StaffError::NotFound)?;
    tx.commit().await?;
    Ok(AgencySettings {
        managers_see_all: agency.managers_see_all,
        ack_days: u8::try_from(agency.ack_days).unwrap_or(3),
        report_due_days: u8::try_from(agency.report_due_days).unwrap_or(2),
        report_read_days: u8::try_from(agency.report_read_days).unwrap_or(3),
        report_auto_draft: agency.report_auto_draft,
    })
}

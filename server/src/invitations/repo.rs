//! Queries for invitations, all inside the caller's tenant transaction.

use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use accord_api::invitations::{InvitationKind, InvitationState, InvitationView};
use accord_api::InvitationId;
use accord_entity::{invitations, users};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DbErr, QueryFilter, QueryOrder};

pub fn state_of(row: &invitations::Model, now: DateTime<Utc>) -> InvitationState {
    if row.accepted_at.is_some() {
        InvitationState::Accepted
    } else if row.revoked_at.is_some() {
        InvitationState::Revoked
    } else if row.expires_at <= now {
        InvitationState::Expired
    } else {
        InvitationState::Pending
    }
}

pub fn view(row: &invitations::Model) -> InvitationView {
    InvitationView {
        id: row.id,
        kind: row.kind,
        email: row.email.clone(),
        name: row.name.clone(),
        staff_role: row.staff_role,
        contact_id: row.contact_id,
        client_id: row.client_id,
        state: state_of(row, Utc::now()),
        expires_at: row.expires_at,
        created_at: row.created_at,
        sent_count: row.sent_count.max(0) as u32,
    }
}

/// Open invitations (not accepted, not revoked) of a kind, newest first; contact invitations
/// only of the `visible` clients.
pub async fn open_of_kind(
    tx: &TenantTx,
    kind: InvitationKind,
    visible: &VisibleClients,
) -> Result<Vec<InvitationView>, DbErr> {
    let rows = tx
        .find_in::<invitations::Entity>(visible)
        .filter(invitations::Column::Kind.eq(kind))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .order_by_desc(invitations::Column::CreatedAt)
        .all()
        .await?;
    Ok(rows.iter().map(view).collect())
}

/// An invitation of a visible client, or a staff invitation (those have no client).
pub async fn find(
    tx: &TenantTx,
    visible: &VisibleClients,
    id: InvitationId,
) -> Result<Option<invitations::Model>, DbErr> {
    tx.find_in::<invitations::Entity>(visible).filter(invitations::Column::Id.eq(id)).one().await
}

/// An open, unexpired invitation for this email and kind already exists anywhere in the agency
/// (a yes/no answer: invitations are unique per address, whoever can see them).
pub async fn pending_exists(tx: &TenantTx, kind: InvitationKind, email: &str) -> Result<bool, DbErr> {
    Ok(tx
        .find_in::<invitations::Entity>(&VisibleClients::for_existence_checks())
        .filter(invitations::Column::Kind.eq(kind))
        .filter(invitations::Column::Email.eq(email))
        .filter(invitations::Column::AcceptedAt.is_null())
        .filter(invitations::Column::RevokedAt.is_null())
        .filter(invitations::Column::ExpiresAt.gt(tx.now()))
        .count()
        .await?
        > 0)
}

pub async fn user_with_email(tx: &TenantTx, email: &str) -> Result<bool, DbErr> {
    Ok(tx.find::<users::Entity>().filter(users::Column::Email.eq(email)).count().await? > 0)
}

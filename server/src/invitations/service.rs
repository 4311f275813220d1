//! Rules for sending, listing, resending and revoking invitations. Owners and admins invite
//! staff (only an owner invites an owner); roles that manage clients invite contacts.

use super::repo::{self, state_of};
use super::InvitationError;
use super::VALID_DAYS;
use crate::audit::{Action, Entry};
use crate::auth::session::{hash_token, new_token};
use crate::clients::access::{self, Need, VisibleClients};
use crate::db::TenantTx;
use crate::domain::{DisplayName, Email};
use crate::error::{ApiError, ApiResult};
use crate::mail::{self, templates};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::invitations::{
    InvitationKind, InvitationState, InvitationView, InviteContactRequest, InviteStaffRequest,
};
use accord_api::{ClientId, ContactId, InvitationId, Locale, StaffRole};
use accord_entity::{agencies, clients, contacts, invitations};
use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, QueryFilter};

fn link(state: &AppState, token: &str) -> String {
    // The token rides in the fragment: browsers never send it to the server, so no log sees it.
    format!("{}/invite#{token}", state.settings.public_url)
}

async fn agency(tx: &TenantTx) -> ApiResult<agencies::Model> {
    Ok(tx.find::<agencies::Entity>().one().await?.ok_or(InvitationError::NotFound)?)
}

fn require_may_manage(staff: &Staff, kind: InvitationKind) -> ApiResult<()> {
    match kind {
        InvitationKind::Staff => staff.require_admin(),
        InvitationKind::Contact => staff.require_client_manager(),
    }
}

/// Renders the invitation mail for `row` with a fresh `token` and puts it in the outbox.
/// `client_name`: the contact's client, for contact invitations.
async fn send_mail(
    state: &AppState,
    tx: &TenantTx,
    row: &invitations::Model,
    token: &str,
    client_name: Option<&str>,
) -> ApiResult<()> {
    let agency = agency(tx).await?;
    let what = match (client_name, row.staff_role) {
        (Some(name), _) => templates::InviteAs::Contact { client_name: name },
        (None, Some(role)) => templates::InviteAs::Staff(role),
        (None, None) => return Err(ApiError::internal("staff invitation without role")),
    };
    let m = templates::invitation(&row.email, &row.name, row.locale, &agency.name, what, &link(state, token));
    mail::enqueue(tx, Some(tx.agency_id()), m).await
}

#[allow(clippy::too_many_arguments)]
async fn create(
    state: &AppState,
    tx: &TenantTx,
    staff: &Staff,
    kind: InvitationKind,
    email: Email,
    name: String,
    role: Option<StaffRole>,
    contact: Option<(&clients::Model, ContactId)>,
    locale: Option<Locale>,
) -> ApiResult<invitations::Model> {
    if repo::user_with_email(tx, email.as_str()).await? {
        return Err(InvitationError::EmailSignsIn.into());
    }
    if repo::pending_exists(tx, kind, email.as_str()).await? {
        return Err(InvitationError::AlreadyWaiting.into());
    }
    let agency_locale = agency(tx).await?.default_locale;
    let token = new_token();
    let now = tx.now();
    let row = invitations::Model {
        id: InvitationId::new(),
        agency_id: tx.agency_id(),
        kind,
        email: email.into_inner(),
        name,
        staff_role: role,
        contact_id: contact.map(|(_, c)| c),
        client_id: contact.map(|(client, _)| client.id),
        locale: locale.unwrap_or(agency_locale),
        token_hash: hash_token(&token),
        expires_at: now + Duration::days(VALID_DAYS),
        accepted_at: None,
        revoked_at: None,
        created_by: staff.user(),
        created_at: now,
        sent_count: 1,
    };
    tx.insert(invitations::ActiveModel::from(row.clone())).await?;
    send_mail(state, tx, &row, &token, contact.map(|(client, _)| client.name.as_str())).await?;
    Entry::new(Action::InvitationSent)
        .agency(Some(staff.agency()))
        .actor(staff.user())
        .subject(row.id)
        .detail(kind.as_str())
        .write(&tx)
        .await?;
    Ok(row)
}

#[tracing::instrument(skip(state, req))]
pub async fn invite_staff(state: &AppState, staff: &Staff, req: InviteStaffRequest) -> ApiResult<InvitationView> {
    staff.require_admin()?;
    if req.role == StaffRole::Owner && staff.role() != StaffRole::Owner {
        return Err(InvitationError::OwnerInvitesOwner.into());
    }
    let email = Email::parse("email", &req.email)?;
    let name = DisplayName::parse("name", &req.name)?;
    let tx = state.db.tenant(staff).await?;
    let row =
        create(state, &tx, staff, InvitationKind::Staff, email, name.into_inner(), Some(req.role), None, req.locale)
            .await?;
    tx.commit().await?;
    Ok(repo::view(&row))
}

#[tracing::instrument(skip(state, req))]
pub async fn invite_contact(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    contact: ContactId,
    req: InviteContactRequest,
) -> ApiResult<InvitationView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let c = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::Id.eq(contact))
        .filter(contacts::Column::ClientId.eq(client))
        .filter(contacts::Column::LeftAt.is_null())
        .one()
        .await?
        .ok_or(InvitationError::NotFound)?;
    if c.user_id.is_some() {
        return Err(InvitationError::ContactHasAccess.into());
    }
    let email = Email::parse("email", &c.email)?;
    let row = create(
        state,
        tx.agency(),
        staff,
        InvitationKind::Contact,
        email,
        c.name,
        None,
        Some((tx.client(), contact)),
        req.locale,
    )
    .await?;
    tx.commit().await?;
    Ok(repo::view(&row))
}

/// Open invitations of a kind: staff ones for owners and admins; contact ones only of the
/// clients the caller may read.
pub async fn list(state: &AppState, staff: &Staff, kind: InvitationKind) -> ApiResult<Vec<InvitationView>> {
    require_may_manage(staff, kind)?;
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let rows = repo::open_of_kind(&tx, kind, &visible).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Loads an invitation of this agency and checks the actor may manage it: its kind by role,
/// and a contact invitation by its client (404 if the caller cannot read that client, 403 if
/// they may only read it).
/// Returns the row, the caller's visible clients and, for a contact invitation, its client.
async fn manageable(
    tx: &TenantTx,
    staff: &Staff,
    id: InvitationId,
) -> ApiResult<(invitations::Model, VisibleClients, Option<clients::Model>)> {
    // Roles that manage no invitation at all are refused before anything is looked up.
    staff.require_client_manager()?;
    let visible = VisibleClients::of(tx, staff).await?;
    // Staff invitations have no client and stay findable here; their kind decides below.
    let row = repo::find(tx, &visible, id).await?.ok_or(InvitationError::NotFound)?;
    let kind = row.kind;
    require_may_manage(staff, kind)?;
    let client = match (kind, row.client_id) {
        (InvitationKind::Contact, Some(client)) => Some(access::check(tx, staff, client, Need::Manage).await?),
        // A contact invitation always has its client (backfilled); without one, only those
        // who manage every client may touch it.
        (InvitationKind::Contact, None) => {
            staff.require_admin()?;
            None
        }
        (InvitationKind::Staff, _) => None,
    };
    Ok((row, visible, client))
}

/// A new link (the old one stops working), seven more days, another mail.
pub async fn resend(state: &AppState, staff: &Staff, id: InvitationId) -> ApiResult<InvitationView> {
    let tx = state.db.tenant(staff).await?;
    let (mut row, visible, client) = manageable(&tx, staff, id).await?;
    match state_of(&row, tx.now()) {
        InvitationState::Accepted => return Err(InvitationError::AlreadyAccepted.into()),
        InvitationState::Revoked => return Err(InvitationError::Revoked.into()),
        InvitationState::Pending | InvitationState::Expired => {}
    }
    let token = new_token();
    row.token_hash = hash_token(&token);
    row.expires_at = tx.now() + Duration::days(VALID_DAYS);
    row.sent_count += 1;
    tx.update_in::<invitations::Entity>(&visible)
        .col_expr(invitations::Column::TokenHash, Expr::value(row.token_hash.clone()))
        .col_expr(invitations::Column::ExpiresAt, Expr::value(row.expires_at))
        .col_expr(invitations::Column::SentCount, Expr::value(row.sent_count))
        .filter(invitations::Column::Id.eq(row.id))
        .exec()
        .await?;
    send_mail(state, &tx, &row, &token, client.as_ref().map(|c| c.name.as_str())).await?;
    Entry::new(Action::InvitationSent)
        .agency(Some(staff.agency()))
        .actor(staff.user())
        .subject(row.id)
        .detail("resent")
        .write(&tx)
        .await?;
    tx.commit().await?;
    Ok(repo::view(&row))
}

pub async fn revoke(state: &AppState, staff: &Staff, id: InvitationId) -> ApiResult<InvitationView> {
    let tx = state.db.tenant(staff).await?;
    let (mut row, visible, _) = manageable(&tx, staff, id).await?;
    if row.accepted_at.is_some() {
        return Err(InvitationError::AlreadyAccepted.into());
    }
    if row.revoked_at.is_none() {
        let now = tx.now();
        row.revoked_at = Some(now);
        tx.update_in::<invitations::Entity>(&visible)
            .col_expr(invitations::Column::RevokedAt, Expr::value(now))
            .filter(invitations::Column::Id.eq(row.id))
            .exec()
            .await?;
        Entry::new(Action::InvitationRevoked)
            .agency(Some(staff.agency()))
            .actor(staff.user())
            .subject(row.id)
            .write(&tx)
            .await?;
    }
    tx.commit().await?;
    Ok(repo::view(&row))
}

//! A client's people: listing with portal access, adding, editing, leaving (with who replaced
//! them). Every change is kept as a contact event, so "who left, who replaced whom" stays visible.

use super::access::{self, Need};
use super::{repo, view, ClientError};
use crate::db::ClientTx;
use crate::domain::{DisplayName, Email, Field};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::clients::{
    ContactEvent, ContactLeftRequest, ContactView, CreateContactRequest, FieldChange, PortalAccess,
};
use accord_api::input;
use accord_api::{ClientId, ContactId, UserId, UserStatus};
use accord_entity::{contact_events, contacts, invitations, sessions, users};
use chrono::Utc;
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

/// The account decides once it exists; before that, the newest open invitation does.
fn portal_access(user: Option<&users::Model>, invitation: Option<&invitations::Model>) -> PortalAccess {
    if let Some(u) = user {
        return match u.status {
            UserStatus::Active => PortalAccess::Active,
            UserStatus::Disabled => PortalAccess::Disabled,
        };
    }
    match invitation {
        Some(inv) if inv.expires_at > Utc::now() => {
            PortalAccess::Invited { invitation_id: inv.id, expires_at: inv.expires_at }
        }
        Some(inv) => PortalAccess::InvitationExpired { invitation_id: inv.id },
        None => PortalAccess::NotInvited,
    }
}

pub fn contact_view(c: &contacts::Model, access: PortalAccess) -> ContactView {
    ContactView {
        id: c.id,
        client_id: c.client_id,
        name: c.name.clone(),
        email: c.email.clone(),
        portal_role: c.portal_role,
        portal_access: access,
        created_at: c.created_at,
        position: c.position.clone(),
        phone: c.phone.clone(),
        decision_maker: c.decision_maker,
        left_at: c.left_at,
        replaced_by: c.replaced_by,
    }
}

/// Every contact of the client (current first, then those who left), in three queries.
pub async fn list(state: &AppState, staff: &Staff, id: ClientId) -> ApiResult<Vec<ContactView>> {
    let tx = access::open_read(state, staff, id).await?;
    let mut rows = repo::contacts_of(&tx).await?;
    let ids: Vec<ContactId> = rows.iter().map(|(c, _)| c.id).collect();
    let invitations = repo::latest_invitations(&tx, &ids).await?;
    tx.commit().await?;
    rows.sort_by_key(|(c, _)| (c.left_at.is_some(), c.name.to_lowercase()));
    Ok(rows.iter().map(|(c, u)| contact_view(c, portal_access(u.as_ref(), invitations.get(&c.id)))).collect())
}

async fn event(tx: &ClientTx, c: &contacts::Model, kind: &str, detail: Option<String>, actor: UserId) -> ApiResult<()> {
    let row = contact_events::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: c.client_id,
        contact_id: c.id,
        kind: kind.into(),
        detail,
        actor_id: Some(actor),
        at: tx.now(),
    };
    tx.insert(contact_events::ActiveModel::from(row)).await?;
    Ok(())
}

struct Fields {
    name: DisplayName,
    email: Email,
    position: Option<String>,
    phone: Option<String>,
}

fn parse(req: &CreateContactRequest) -> ApiResult<Fields> {
    Ok(Fields {
        name: DisplayName::parse("name", &req.name)?,
        email: Email::parse("email", &req.email)?,
        position: input::Line::parse_optional(req.position.as_deref()).field("position")?,
        phone: input::Phone::parse_optional(req.phone.as_deref()).field("phone")?,
    })
}

#[tracing::instrument(skip(state, req))]
pub async fn add(state: &AppState, staff: &Staff, id: ClientId, req: CreateContactRequest) -> ApiResult<ContactView> {
    let tx = access::open(state, staff, id, Need::Manage).await?;
    let f = parse(&req)?;
    if repo::contact_email_taken(&tx, f.email.as_str(), None).await? {
        return Err(ClientError::ContactEmailTaken.into());
    }
    let mut row = repo::new_contact(tx.agency_id(), id, f.name.as_str(), f.email.as_str(), req.portal_role);
    row.position = f.position;
    row.phone = f.phone;
    row.decision_maker = req.decision_maker;
    repo::insert_contact(&tx, row.clone()).await?;
    event(&tx, &row, "added", None, staff.user()).await?;
    tx.commit().await?;
    Ok(contact_view(&row, PortalAccess::NotInvited))
}

async fn load(tx: &ClientTx, contact: ContactId) -> ApiResult<contacts::Model> {
    Ok(repo::contact(tx, contact).await?.ok_or(ClientError::NotFound)?)
}

#[tracing::instrument(skip(state, req))]
pub async fn update(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    contact: ContactId,
    req: CreateContactRequest,
) -> ApiResult<ContactView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let old = load(&tx, contact).await?;
    let f = parse(&req)?;
    if f.email.as_str() != old.email {
        if old.user_id.is_some() {
            return Err(ClientError::SignInEmailFixed.into());
        }
        if repo::contact_email_taken(&tx, f.email.as_str(), Some(contact)).await? {
            return Err(ClientError::ContactEmailTaken.into());
        }
    }
    let mut row = old.clone();
    row.name = f.name.into_inner();
    row.email = f.email.into_inner();
    row.position = f.position;
    row.phone = f.phone;
    row.decision_maker = req.decision_maker;
    row.portal_role = req.portal_role;
    let changes: Vec<FieldChange> = [
        ("name", Some(old.name.clone()), Some(row.name.clone())),
        ("email", Some(old.email.clone()), Some(row.email.clone())),
        ("portal_role", Some(old.portal_role.to_string()), Some(row.portal_role.to_string())),
        ("position", old.position.clone(), row.position.clone()),
        ("phone", old.phone.clone(), row.phone.clone()),
        ("decision_maker", Some(old.decision_maker.to_string()), Some(row.decision_maker.to_string())),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(field, old, new)| FieldChange { field: field.into(), old, new })
    .collect();
    tx.update(sea_orm::ActiveModelTrait::reset_all(contacts::ActiveModel::from(row.clone()))).await?;
    if !changes.is_empty() {
        let detail = serde_json::to_string(&changes).map_err(ApiError::internal)?;
        event(&tx, &row, "updated", Some(detail), staff.user()).await?;
    }
    let user = match row.user_id {
        Some(u) => tx.agency().find::<users::Entity>().filter(users::Column::Id.eq(u)).one().await?,
        None => None,
    };
    let inv = repo::latest_invitations(&tx, &[row.id]).await?;
    tx.commit().await?;
    Ok(contact_view(&row, portal_access(user.as_ref(), inv.get(&row.id))))
}

/// The person left the client: kept as history, portal access ends, a successor may be named.
#[tracing::instrument(skip(state, req))]
pub async fn leave(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    contact: ContactId,
    req: ContactLeftRequest,
) -> ApiResult<ContactView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let mut row = load(&tx, contact).await?;
    if row.left_at.is_some() {
        return Err(ClientError::ContactAlreadyLeft.into());
    }
    let successor = match req.replaced_by {
        Some(s) if s == contact => return Err(ClientError::SuccessorIsSelf.into()),
        Some(s) => Some(
            tx.find::<contacts::Entity>()
                .filter(contacts::Column::Id.eq(s))
                .filter(contacts::Column::LeftAt.is_null())
                .one()
                .await?
                .ok_or(ClientError::UnknownSuccessor)?,
        ),
        None => None,
    };
    row.left_at = Some(tx.now());
    row.replaced_by = successor.as_ref().map(|s| s.id);
    tx.update(sea_orm::ActiveModelTrait::reset_all(contacts::ActiveModel::from(row.clone()))).await?;
    if let Some(user) = row.user_id {
        // Their portal access ends with their role at the client.
        tx.agency()
            .update_many::<users::Entity>()
            .col_expr(users::Column::Status, sea_orm::sea_query::Expr::value(UserStatus::Disabled))
            .filter(users::Column::Id.eq(user))
            .exec()
            .await?;
        tx.agency().delete_many::<sessions::Entity>().filter(sessions::Column::UserId.eq(user)).exec().await?;
    }
    match &successor {
        Some(s) => event(&tx, &row, "replaced", Some(s.name.clone()), staff.user()).await?,
        None => event(&tx, &row, "left", None, staff.user()).await?,
    }
    tx.commit().await?;
    let access = if row.user_id.is_some() { PortalAccess::Disabled } else { PortalAccess::NotInvited };
    Ok(contact_view(&row, access))
}

pub async fn history(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<ContactEvent>> {
    let tx = access::open_read(state, staff, client).await?;
    let events = tx.find::<contact_events::Entity>().order_by_desc(contact_events::Column::At).all().await?;
    let names = view::contact_names(&tx).await?;
    let actors = view::staff_names(tx.agency(), events.iter().filter_map(|e| e.actor_id)).await?;
    tx.commit().await?;
    Ok(events
        .iter()
        .map(|e| {
            // `updated` events keep their field changes as JSON in `detail`.
            let changes: Vec<FieldChange> = match (e.kind.as_str(), &e.detail) {
                ("updated", Some(json)) => serde_json::from_str(json).unwrap_or_default(),
                _ => Vec::new(),
            };
            ContactEvent {
                contact_id: e.contact_id,
                contact_name: names.get(&e.contact_id).cloned().unwrap_or_default(),
                kind: e.kind.clone(),
                detail: if e.kind == "updated" { None } else { e.detail.clone() },
                changes,
                actor: view::staff_ref(e.actor_id, &actors),
                at: e.at,
            }
        })
        .collect())
}

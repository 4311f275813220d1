//! Agency lifecycle: creation with its owner (operator, self sign-up, CLI, demo seed),
//! suspension and reactivation, usage figures.

use super::PlatformError;
use crate::audit::{Action, Entry};
use crate::auth::password::NewPassword;
use crate::auth::session;
use crate::db::PlatformTx;
use crate::domain::{DisplayName, Email, Slug, TimeZone};
use crate::error::ApiError;
use crate::paging::Paging;
use accord_api::platform::AgencyUsage;
use accord_api::{AgencyId, AgencyStatus, Locale, PrincipalKind, StaffRole, UserId, UserStatus};
use accord_entity::{agencies, clients, contacts, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Value};
use std::collections::HashMap;

/// Everything needed to open a new agency, already parsed.
pub struct NewAgency {
    pub name: DisplayName,
    pub slug: Slug,
    pub locale: Locale,
    pub time_zone: TimeZone,
    pub owner_name: DisplayName,
    pub owner_email: Email,
    pub owner_password: NewPassword,
}

/// The input field names a form uses, so a 422 names the field the person actually sees.
pub struct FieldNames {
    pub name: &'static str,
    pub slug: &'static str,
    pub owner_name: &'static str,
    pub owner_email: &'static str,
    pub owner_password: &'static str,
}

pub const OPERATOR_FIELDS: FieldNames = FieldNames {
    name: "name",
    slug: "slug",
    owner_name: "owner_name",
    owner_email: "owner_email",
    owner_password: "owner_password",
};

pub const SIGNUP_FIELDS: FieldNames = FieldNames {
    name: "agency_name",
    slug: "agency_slug",
    owner_name: "owner_name",
    owner_email: "email",
    owner_password: "password",
};

impl NewAgency {
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        name: &str,
        slug: &str,
        locale: Locale,
        time_zone: &str,
        owner_name: &str,
        owner_email: &str,
        owner_password: &str,
        fields: &FieldNames,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            name: DisplayName::parse(fields.name, name)?,
            slug: Slug::parse(fields.slug, slug)?,
            locale,
            time_zone: TimeZone::parse("time_zone", time_zone)?,
            owner_name: DisplayName::parse(fields.owner_name, owner_name)?,
            owner_email: Email::parse(fields.owner_email, owner_email)?,
            owner_password: NewPassword::parse(fields.owner_password, owner_password)?,
        })
    }
}

impl NewAgency {
    /// Hashes the owner's password — before any transaction opens, so none is held across it.
    pub async fn hash_password(self) -> Result<ReadyAgency, ApiError> {
        Ok(ReadyAgency {
            name: self.name,
            slug: self.slug,
            locale: self.locale,
            time_zone: self.time_zone,
            owner_name: self.owner_name,
            owner_email: self.owner_email,
            owner_password_hash: self.owner_password.hash().await?,
        })
    }
}

/// A new agency whose owner's password is already hashed.
pub struct ReadyAgency {
    pub name: DisplayName,
    pub slug: Slug,
    pub locale: Locale,
    pub time_zone: TimeZone,
    pub owner_name: DisplayName,
    pub owner_email: Email,
    pub owner_password_hash: String,
}

/// Creates the agency and its owner inside `tx`, with an audit entry.
pub async fn create_agency(
    tx: &PlatformTx,
    input: ReadyAgency,
    actor: Option<UserId>,
    action: Action,
) -> Result<(agencies::Model, users::Model), ApiError> {
    let ReadyAgency { name, slug, locale, time_zone, owner_name, owner_email, owner_password_hash: password_hash } =
        input;
    let now = tx.now();
    let taken = agencies::Entity::find().filter(agencies::Column::Slug.eq(slug.as_str())).count(tx.conn()).await?;
    if taken > 0 {
        return Err(PlatformError::SlugTaken.into());
    }
    let agency = agencies::Model {
        id: AgencyId::new(),
        name: name.into_inner(),
        slug: slug.into_inner(),
        status: AgencyStatus::Active,
        default_locale: locale,
        time_zone: time_zone.into_inner(),
        created_at: now,
        managers_see_all: false,
        ack_days: 3,
        report_due_days: 2,
        report_read_days: 3,
        report_auto_draft: false,
    };
    agencies::Entity::insert(agencies::ActiveModel::from(agency.clone())).exec_without_returning(tx.conn()).await?;
    let owner = users::Model {
        id: UserId::new(),
        agency_id: Some(agency.id),
        kind: PrincipalKind::Staff,
        email: owner_email.into_inner(),
        name: owner_name.into_inner(),
        password_hash,
        locale,
        status: UserStatus::Active,
        staff_role: Some(StaffRole::Owner),
        created_at: now,
        updated_at: now,
    };
    users::Entity::insert(users::ActiveModel::from(owner.clone())).exec_without_returning(tx.conn()).await?;
    let mut entry = Entry::new(action).agency(Some(agency.id)).subject(&agency.slug);
    if let Some(actor) = actor {
        entry = entry.actor(actor);
    }
    entry.write(&tx).await?;
    Ok((agency, owner))
}

/// Agencies with usage counts: three grouped queries, not one per agency.
pub async fn list_usage(tx: &PlatformTx, paging: Paging) -> Result<(Vec<AgencyUsage>, u64), ApiError> {
    let total = agencies::Entity::find().count(tx.conn()).await?;
    let rows = agencies::Entity::find()
        .order_by_asc(agencies::Column::Name)
        .offset(paging.offset())
        .limit(paging.limit())
        .all(tx.conn())
        .await?;
    let ids: Vec<AgencyId> = rows.iter().map(|a| a.id).collect();
    let staff = count_by_agency::<users::Entity>(tx, users::Column::AgencyId, &ids, Some(staff_only())).await?;
    let clients = count_by_agency::<clients::Entity>(tx, clients::Column::AgencyId, &ids, None).await?;
    let contacts = count_by_agency::<contacts::Entity>(tx, contacts::Column::AgencyId, &ids, None).await?;
    let items = rows
        .iter()
        .map(|a| AgencyUsage {
            agency: crate::auth::me::agency_summary(a),
            created_at: a.created_at,
            staff_count: staff.get(&a.id).copied().unwrap_or(0),
            client_count: clients.get(&a.id).copied().unwrap_or(0),
            contact_count: contacts.get(&a.id).copied().unwrap_or(0),
        })
        .collect();
    Ok((items, total))
}

/// The staff among users (what the staff counts count).
fn staff_only() -> (users::Column, Value) {
    (users::Column::Kind, PrincipalKind::Staff.into())
}

async fn count_by_agency<E: EntityTrait>(
    tx: &PlatformTx,
    column: E::Column,
    ids: &[AgencyId],
    only: Option<(E::Column, Value)>,
) -> Result<HashMap<AgencyId, u64>, ApiError> {
    let mut q = E::find()
        .select_only()
        .column(column)
        .column_as(Expr::col(column).count(), "n")
        .filter(column.is_in(ids.iter().copied()))
        .group_by(column);
    if let Some((col, value)) = only {
        q = q.filter(col.eq(value));
    }
    let rows: Vec<(AgencyId, i64)> = q.into_tuple().all(tx.conn()).await?;
    Ok(rows.into_iter().map(|(id, n)| (id, n.max(0) as u64)).collect())
}

pub async fn usage_of(tx: &PlatformTx, id: AgencyId) -> Result<AgencyUsage, ApiError> {
    let a = agencies::Entity::find_by_id(id).one(tx.conn()).await?.ok_or(PlatformError::NotFound)?;
    let ids = [a.id];
    let staff = count_by_agency::<users::Entity>(tx, users::Column::AgencyId, &ids, Some(staff_only())).await?;
    let clients = count_by_agency::<clients::Entity>(tx, clients::Column::AgencyId, &ids, None).await?;
    let contacts = count_by_agency::<contacts::Entity>(tx, contacts::Column::AgencyId, &ids, None).await?;
    Ok(AgencyUsage {
        agency: crate::auth::me::agency_summary(&a),
        created_at: a.created_at,
        staff_count: staff.get(&a.id).copied().unwrap_or(0),
        client_count: clients.get(&a.id).copied().unwrap_or(0),
        contact_count: contacts.get(&a.id).copied().unwrap_or(0),
    })
}

/// Suspends or reactivates; suspension ends every session of the agency's people at once.
pub async fn set_status(
    tx: &PlatformTx,
    id: AgencyId,
    status: AgencyStatus,
    actor: UserId,
    ip: Option<&str>,
) -> Result<(), ApiError> {
    let result = agencies::Entity::update_many()
        .col_expr(agencies::Column::Status, Expr::value(status))
        .filter(agencies::Column::Id.eq(id))
        .exec(tx.conn())
        .await?;
    if result.rows_affected == 0 {
        return Err(PlatformError::NotFound.into());
    }
    let action = match status {
        AgencyStatus::Suspended => {
            session::end_all_for_agency(tx, id).await?;
            Action::AgencySuspended
        }
        AgencyStatus::Active => Action::AgencyReactivated,
    };
    Entry::new(action).agency(Some(id)).actor(actor).subject(id).ip(ip).write(&tx).await
}

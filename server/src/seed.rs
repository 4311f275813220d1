//! The demo agency created on first start of the run command, so a new user can sign in as
//! each kind of person at once.

use crate::audit::Action;
use crate::clients::repo::{new_client, new_contact};
use crate::db::Db;
use crate::domain::{DisplayName, Email, Slug, TimeZone};
use crate::error::ApiError;
use crate::platform::service::{create_agency, ReadyAgency};
use accord_api::{
    ClientStatus, Locale, PortalRole, PrincipalKind, ProjectKind, ProjectStatus, StaffRole, TouchpointKind, UserStatus,
};
use accord_entity::{
    agencies, client_status_changes, clients, contacts, project_members, projects, touchpoints, users,
};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

pub const DEMO_PASSWORD: &str = "accord-demo-2026";

pub struct DemoLogin {
    pub who: &'static str,
    pub email: &'static str,
}

pub const DEMO_LOGINS: &[DemoLogin] = &[
    DemoLogin { who: "platform operator", email: "operator@demo.accord.test" },
    DemoLogin { who: "agency owner", email: "owner@demo.accord.test" },
    DemoLogin { who: "account manager", email: "manager@demo.accord.test" },
    DemoLogin { who: "client approver", email: "approver@demo.accord.test" },
    DemoLogin { who: "client viewer", email: "viewer@demo.accord.test" },
];

/// Creates the demo data unless any agency exists. Returns whether it did.
pub async fn seed_demo_if_empty(db: &Db) -> Result<bool, ApiError> {
    let tx = db.unscoped("demo seed check").await?;
    let existing = agencies::Entity::find().count(tx.conn()).await?;
    tx.commit().await?;
    if existing > 0 {
        return Ok(false);
    }
    seed_demo(db).await?;
    Ok(true)
}

pub async fn seed_demo(db: &Db) -> Result<(), ApiError> {
    let hash = crate::auth::password::NewPassword::parse("password", DEMO_PASSWORD)?.hash().await?;
    let tx = db.unscoped("demo seed").await?;
    let now = Utc::now();
    let insert_user =
        |agency: Option<uuid::Uuid>, kind: PrincipalKind, email: &str, name: &str, role: Option<StaffRole>| {
            users::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: agency,
                kind: kind.as_str().into(),
                email: email.into(),
                name: name.into(),
                password_hash: hash.clone(),
                locale: Locale::Ru.as_str().into(),
                status: UserStatus::Active.as_str().into(),
                staff_role: role.map(|r| r.as_str().into()),
                created_at: now,
                updated_at: now,
            }
        };
    let operator = insert_user(None, PrincipalKind::Platform, DEMO_LOGINS[0].email, "Оператор платформы", None);
    users::Entity::insert(users::ActiveModel::from(operator)).exec_without_returning(tx.conn()).await?;

    let demo = ReadyAgency {
        name: DisplayName::parse("name", "Студия «Север»")?,
        slug: Slug::parse("slug", "sever")?,
        locale: Locale::Ru,
        time_zone: TimeZone::parse("time_zone", "Europe/Moscow")?,
        owner_name: DisplayName::parse("owner_name", "Ольга Владимирова")?,
        owner_email: Email::parse("owner_email", DEMO_LOGINS[1].email)?,
        owner_password_hash: hash.clone(),
    };
    let (agency, _owner) = create_agency(&tx, demo, None, Action::AgencyCreated).await?;
    let manager = insert_user(
        Some(agency.id),
        PrincipalKind::Staff,
        DEMO_LOGINS[2].email,
        "Андрей Соколов",
        Some(StaffRole::AccountManager),
    );
    let manager_id = manager.id;
    users::Entity::insert(users::ActiveModel::from(manager)).exec_without_returning(tx.conn()).await?;

    let mut client = new_client(agency.id, "ООО «Ромашка»", ClientStatus::Active, Some(manager_id));
    client.business_model = Some("Интернет-магазин товаров для сада, B2C, средний чек 4 500 ₽".into());
    client.temperament = Some(accord_api::Temperament::Sanguine.as_str().into());
    client.activity = Some(accord_api::Activity::Active.as_str().into());
    client.value_tier = Some(accord_api::ValueTier::A.as_str().into());
    client.included = r#"["Поддержка сайта","SEO","Ежемесячный отчёт"]"#.into();
    client.excluded = r#"["Контекстная реклама","Фотосъёмка товаров"]"#.into();
    clients::Entity::insert(clients::ActiveModel::from(client.clone())).exec_without_returning(tx.conn()).await?;
    for (from, to) in [(None, ClientStatus::Onboarding), (Some(ClientStatus::Onboarding), ClientStatus::Active)] {
        let change = client_status_changes::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: agency.id,
            client_id: client.id,
            from_status: from.map(|s| s.as_str().to_string()),
            to_status: to.as_str().into(),
            changed_by: Some(manager_id),
            changed_at: now,
        };
        client_status_changes::Entity::insert(client_status_changes::ActiveModel::from(change))
            .exec_without_returning(tx.conn())
            .await?;
    }
    for (login, name, role) in [
        (&DEMO_LOGINS[3], "Мария Ковалёва", PortalRole::Approver),
        (&DEMO_LOGINS[4], "Пётр Иванов", PortalRole::Viewer),
    ] {
        let user = insert_user(Some(agency.id), PrincipalKind::Contact, login.email, name, None);
        let mut contact = new_contact(agency.id, client.id, name, login.email, role);
        contact.user_id = Some(user.id);
        contact.decision_maker = role == PortalRole::Approver;
        users::Entity::insert(users::ActiveModel::from(user)).exec_without_returning(tx.conn()).await?;
        contacts::Entity::insert(contacts::ActiveModel::from(contact)).exec_without_returning(tx.conn()).await?;
    }

    // A live-looking account: two projects (one budget shared with the client) and recent contact.
    for (name, kind, status, budget, shared) in [
        ("Сайт и поддержка", ProjectKind::Website, ProjectStatus::Active, 15_000_000_i64, true),
        ("SEO", ProjectKind::Seo, ProjectStatus::Planned, 6_000_000, false),
    ] {
        let project = projects::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: agency.id,
            client_id: client.id,
            name: name.into(),
            kind: kind.as_str().into(),
            status: status.as_str().into(),
            starts_on: Some(now.date_naive()),
            ends_on: None,
            budget_minor: Some(budget),
            currency: "RUB".into(),
            budget_shared: shared,
            created_at: now,
            updated_at: now,
        };
        projects::Entity::insert(projects::ActiveModel::from(project.clone()))
            .exec_without_returning(tx.conn())
            .await?;
        let member = project_members::Model { agency_id: agency.id, project_id: project.id, user_id: manager_id };
        project_members::Entity::insert(project_members::ActiveModel::from(member))
            .exec_without_returning(tx.conn())
            .await?;
    }
    let mut last_touch = None;
    for (days_ago, kind, summary) in [
        (9_i64, TouchpointKind::Meeting, "Установочная встреча: цели на квартал, формат еженедельных отчётов."),
        (2, TouchpointKind::Call, "Еженедельный созвон: согласовали план работ на неделю."),
    ] {
        let at = now - chrono::Duration::days(days_ago);
        let touch = touchpoints::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: agency.id,
            client_id: client.id,
            kind: kind.as_str().into(),
            occurred_at: at,
            contact_id: None,
            summary: summary.into(),
            created_by: manager_id,
            created_at: now,
        };
        touchpoints::Entity::insert(touchpoints::ActiveModel::from(touch)).exec_without_returning(tx.conn()).await?;
        last_touch = Some(at);
    }
    clients::Entity::update_many()
        .col_expr(clients::Column::LastTouchAt, sea_orm::sea_query::Expr::value(last_touch))
        .filter(clients::Column::Id.eq(client.id))
        .exec(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(())
}

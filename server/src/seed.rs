//! The demo agency created on first start of the run command, so a new user can sign in as
//! each kind of person at once.

use crate::audit::Action;
use crate::clients::repo::{new_client, new_contact};
use crate::db::Db;
use crate::domain::{DisplayName, Email, Slug, TimeZone};
use crate::error::ApiError;
use crate::platform::service::{create_agency, ReadyAgency};
use accord_api::{
    AgencyId, BacklogSource, BacklogStatus, ClientStatus, ContactId, DecisionKind, GoalId, Locale, PortalRole,
    PrincipalKind, Priority, ProjectId, ProjectKind, ProjectStatus, StaffRole, StageId, StageStatus, TouchpointId,
    TouchpointKind, UserId, UserStatus,
};
use accord_entity::{
    agencies, backlog_items, client_status_changes, clients, contacts, goal_values, project_members, projects,
    roadmap_goals, roadmap_stages, roadmaps, touchpoints, users,
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
    let now = tx.now();
    let insert_user =
        |agency: Option<AgencyId>, kind: PrincipalKind, email: &str, name: &str, role: Option<StaffRole>| {
            users::Model {
                id: UserId::new(),
                agency_id: agency,
                kind,
                email: email.into(),
                name: name.into(),
                password_hash: hash.clone(),
                locale: Locale::Ru,
                status: UserStatus::Active,
                staff_role: role,
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
    client.temperament = Some(accord_api::Temperament::Sanguine);
    client.activity = Some(accord_api::Activity::Active);
    client.value_tier = Some(accord_api::ValueTier::A);
    client.included = r#"["Поддержка сайта","SEO","Ежемесячный отчёт"]"#.into();
    client.excluded = r#"["Контекстная реклама","Фотосъёмка товаров"]"#.into();
    clients::Entity::insert(clients::ActiveModel::from(client.clone())).exec_without_returning(tx.conn()).await?;
    for (from, to) in [(None, ClientStatus::Onboarding), (Some(ClientStatus::Onboarding), ClientStatus::Active)] {
        let change = client_status_changes::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: agency.id,
            client_id: client.id,
            from_status: from,
            to_status: to,
            changed_by: Some(manager_id),
            changed_at: now,
        };
        client_status_changes::Entity::insert(client_status_changes::ActiveModel::from(change))
            .exec_without_returning(tx.conn())
            .await?;
    }
    let mut approver_contact = None;
    for (login, name, role) in [
        (&DEMO_LOGINS[3], "Мария Ковалёва", PortalRole::Approver),
        (&DEMO_LOGINS[4], "Пётр Иванов", PortalRole::Viewer),
    ] {
        let user = insert_user(Some(agency.id), PrincipalKind::Contact, login.email, name, None);
        let mut contact = new_contact(agency.id, client.id, name, login.email, role);
        contact.user_id = Some(user.id);
        contact.decision_maker = role == PortalRole::Approver;
        if role == PortalRole::Approver {
            approver_contact = Some(contact.id);
        }
        users::Entity::insert(users::ActiveModel::from(user)).exec_without_returning(tx.conn()).await?;
        contacts::Entity::insert(contacts::ActiveModel::from(contact)).exec_without_returning(tx.conn()).await?;
    }

    // A live-looking account: two projects (one budget shared with the client) and recent contact.
    for (name, kind, status, budget, shared) in [
        ("Сайт и поддержка", ProjectKind::Website, ProjectStatus::Active, 15_000_000_i64, true),
        ("SEO", ProjectKind::Seo, ProjectStatus::Planned, 6_000_000, false),
    ] {
        let project = projects::Model {
            id: ProjectId::new(),
            agency_id: agency.id,
            client_id: client.id,
            name: name.into(),
            kind,
            status,
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
    let website = projects::Entity::find()
        .filter(projects::Column::ClientId.eq(client.id))
        .filter(projects::Column::Status.eq(ProjectStatus::Active))
        .one(tx.conn())
        .await?;
    if let (Some(website), Some(approver)) = (website, approver_contact) {
        seed_roadmap(&tx, &website, manager_id, approver, now).await?;
    }
    let mut last_touch = None;
    for (days_ago, kind, summary) in [
        (9_i64, TouchpointKind::Meeting, "Установочная встреча: цели на квартал, формат еженедельных отчётов."),
        (2, TouchpointKind::Call, "Еженедельный созвон: согласовали план работ на неделю."),
    ] {
        let at = now - chrono::Duration::days(days_ago);
        let touch = touchpoints::Model {
            id: TouchpointId::new(),
            agency_id: agency.id,
            client_id: client.id,
            kind,
            occurred_at: at,
            contact_id: None,
            summary: summary.into(),
            created_by: manager_id,
            created_at: now,
        };
        touchpoints::Entity::insert(touchpoints::ActiveModel::from(touch)).exec_without_returning(tx.conn()).await?;
        last_touch = Some(at);
    }
    seed_risks(&tx, agency.id, client.id, manager_id, now).await?;
    crate::growth::demo::seed(&tx, agency.id, client.id, manager_id, now).await?;
    crate::finance::demo::seed(&tx, agency.id, client.id, manager_id, now).await?;
    clients::Entity::update_many()
        .col_expr(clients::Column::LastTouchAt, sea_orm::sea_query::Expr::value(last_touch))
        .filter(clients::Column::Id.eq(client.id))
        .exec(tx.conn())
        .await?;
    tx.commit().await?;
    // A year of health history, so the chart and the corridor show something on first run.
    let tx = db.tenant(crate::db::TenantScope::for_job(agency.id)).await?;
    let row = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    crate::health::store::backfill_demo(&tx, &row).await?;
    tx.commit().await?;
    Ok(())
}

/// (title, status, hours, price ₽, change request, stage, decided days ago, decline reason)
type DemoItem = (&'static str, BacklogStatus, i64, i64, bool, Option<usize>, Option<i64>, Option<&'static str>);

/// Point A and B, two goals with three months of values, three stages, and a backlog in every
/// state: what the roadmap and the approval flow look like once an account is under way.
async fn seed_roadmap(
    tx: &crate::db::PlatformTx,
    project: &projects::Model,
    manager: UserId,
    approver: ContactId,
    now: chrono::DateTime<Utc>,
) -> Result<(), ApiError> {
    let (agency, client) = (project.agency_id, project.client_id);
    let today = now.date_naive();
    let days = chrono::Duration::days;
    let point_a = "Сайт приносит **около 40 заявок в месяц**, конверсия 1,2 %.\n\n- форма заявки длинная, с мобильных почти не заполняют\n- аналитики по каналам нет";
    let point_b = "**80 заявок в месяц** через полгода при том же рекламном бюджете.\n\n- конверсия 2,5 %\n- сквозная аналитика: стоимость заявки по каждому каналу";
    roadmaps::Entity::insert(roadmaps::ActiveModel::from(roadmaps::Model {
        client_id: client,
        agency_id: agency,
        point_a: point_a.into(),
        point_b: point_b.into(),
        point_a_html: crate::rich::render(point_a),
        point_b_html: crate::rich::render(point_b),
        html_version: crate::rich::VERSION,
        updated_by: Some(manager),
        updated_at: now,
    }))
    .exec_without_returning(tx.conn())
    .await?;
    for (name, unit, baseline, target, values) in [
        ("Заявки с сайта", "в месяц", 40.0, 80.0, [40.0, 47.0, 55.0]),
        ("Конверсия сайта", "%", 1.2, 2.5, [1.2, 1.5, 1.7]),
    ] {
        let goal = roadmap_goals::Model {
            id: GoalId::new(),
            agency_id: agency,
            client_id: client,
            name: name.into(),
            unit: unit.into(),
            baseline,
            target,
            created_at: now,
        };
        roadmap_goals::Entity::insert(roadmap_goals::ActiveModel::from(goal.clone()))
            .exec_without_returning(tx.conn())
            .await?;
        for (months_ago, value) in [(2_i64, values[0]), (1, values[1]), (0, values[2])] {
            goal_values::Entity::insert(goal_values::ActiveModel::from(goal_values::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: agency,
                client_id: client,
                goal_id: goal.id,
                value,
                measured_on: today - days(30 * months_ago),
                recorded_by: Some(manager),
                recorded_at: now,
            }))
            .exec_without_returning(tx.conn())
            .await?;
        }
    }
    let mut stages = Vec::new();
    for (title, from, to, status) in [
        ("Аудит и быстрые победы", -60_i64, -15_i64, StageStatus::Done),
        ("Рост конверсии", -14, 45, StageStatus::Active),
        ("Масштабирование", 46, 150, StageStatus::Planned),
    ] {
        let stage = roadmap_stages::Model {
            id: StageId::new(),
            agency_id: agency,
            client_id: client,
            title: title.into(),
            starts_on: today + days(from),
            ends_on: today + days(to),
            status,
            created_at: now,
        };
        roadmap_stages::Entity::insert(roadmap_stages::ActiveModel::from(stage.clone()))
            .exec_without_returning(tx.conn())
            .await?;
        stages.push(stage.id);
    }
    let items: [DemoItem; 7] = [
        ("Раздел с кейсами", BacklogStatus::Done, 12, 36_000, false, Some(0), Some(40), None),
        ("Переделать форму заявки", BacklogStatus::Agreed, 16, 48_000, false, Some(1), Some(5), None),
        ("Подключить сквозную аналитику", BacklogStatus::Scheduled, 20, 60_000, false, Some(1), Some(12), None),
        ("Онлайн-запись на консультацию", BacklogStatus::Proposed, 40, 120_000, true, Some(1), None, None),
        ("Ускорить мобильную версию", BacklogStatus::Proposed, 24, 72_000, false, Some(2), None, None),
        ("Чат-бот в Telegram", BacklogStatus::Idea, 30, 90_000, false, None, None, None),
        (
            "Баннер в шапке сайта",
            BacklogStatus::Declined,
            4,
            12_000,
            false,
            None,
            Some(3),
            Some("Не хотим перегружать первый экран."),
        ),
    ];
    for (rank, (title, status, hours, rub, change_request, stage, decided, reason)) in items.into_iter().enumerate() {
        let approved = decided.is_some() && reason.is_none();
        let mut row = crate::backlog::new_item(project, title, status, rank as i64 + 1, Some(manager));
        row.description = format!("Что сделаем: {}.", title.to_lowercase());
        row.benefit = "Больше заявок при том же бюджете на рекламу.".into();
        row.estimate_minutes = Some(hours * 60);
        row.price_minor = Some(rub * 100);
        row.priority = if rank < 3 { Priority::High } else { Priority::Normal };
        row.source = if change_request { BacklogSource::ClientRequest } else { BacklogSource::Analytics };
        row.change_request = change_request;
        row.stage_id = stage.map(|i| stages[i]);
        row.decision_kind = decided.map(|_| if approved { DecisionKind::Approved } else { DecisionKind::Declined });
        row.decided_by = decided.map(|_| approver);
        row.decided_at = decided.map(|d| now - days(d));
        row.decision_comment = reason.map(str::to_string);
        row.frozen_estimate_minutes = approved.then_some(hours * 60);
        row.frozen_price_minor = approved.then_some(rub * 100);
        row.created_at = now - days(50);
        row.updated_at = now - days(decided.unwrap_or(1));
        row.done_at = (status == BacklogStatus::Done).then(|| now - days(4));
        backlog_items::Entity::insert(backlog_items::ActiveModel::from(row)).exec_without_returning(tx.conn()).await?;
    }
    Ok(())
}

/// Two risks (one shown to the client) and a mistake handled through all five steps six weeks
/// ago, its prevention measures shared with the client.
async fn seed_risks(
    tx: &crate::db::PlatformTx,
    agency: AgencyId,
    client: accord_api::ClientId,
    manager: UserId,
    now: chrono::DateTime<Utc>,
) -> Result<(), ApiError> {
    use accord_api::risks::{IncidentStep, RiskCategory, RiskStatus};
    use accord_api::{IncidentId, RiskId};
    use accord_entity::{incidents, risks};
    use chrono::Duration;
    let risk = |title: &str, category, p, i, mitigation: &str, visible| risks::Model {
        id: RiskId::new(),
        agency_id: agency,
        client_id: client,
        project_id: None,
        title: title.into(),
        category,
        probability: p,
        impact: i,
        mitigation: mitigation.into(),
        owner_id: Some(manager),
        due_on: Some((now + Duration::days(21)).date_naive()),
        status: RiskStatus::Open,
        client_visible: visible,
        created_by: manager,
        created_at: now - Duration::days(10),
        updated_at: now - Duration::days(10),
    };
    for r in [
        risk(
            "Директор клиента в отпуске во время запуска каталога",
            RiskCategory::ClientUnavailable,
            4,
            3,
            "Согласовать замещающего и заранее утвердить макеты",
            true,
        ),
        risk(
            "Ведущий разработчик может перейти на другой проект",
            RiskCategory::TeamChange,
            2,
            4,
            "Второй разработчик ведёт код-ревью и знает проект",
            false,
        ),
    ] {
        risks::Entity::insert(risks::ActiveModel::from(r)).exec_without_returning(tx.conn()).await?;
    }
    let detected = now - Duration::days(42);
    let by = Some(manager);
    let incident = incidents::Model {
        id: IncidentId::new(),
        agency_id: agency,
        client_id: client,
        project_id: None,
        title: "Форма заказа не работала 3 часа после релиза".into(),
        description: "Ошибка в валидации телефона; нашли по жалобе покупателя.".into(),
        step: IncidentStep::Prevented,
        detected_at: detected,
        created_by: manager,
        created_at: detected,
        message: "Мы допустили ошибку: после вчерашнего релиза форма заказа не принимала телефоны с пробелами. \
                  Уже исправляем, подробности и план — ниже."
            .into(),
        notified_at: Some(detected + Duration::minutes(40)),
        notified_by: by,
        damage: r#"{"timeline":"Исправление заняло 3 часа","quality":"Ошибка валидации прошла тесты","result":"Потеряно около 12 заказов","reputation":"Две жалобы покупателей"}"#.into(),
        assessed_at: Some(detected + Duration::hours(2)),
        assessed_by: by,
        plan: "Откатить валидацию, выпустить исправление, связаться с покупателями из логов.".into(),
        planned_at: Some(detected + Duration::hours(3)),
        planned_by: by,
        plan_ack_at: None,
        plan_ack_by: None,
        fix_note: "Исправление выпущено, покупателям позвонили.".into(),
        fixed_at: Some(detected + Duration::hours(6)),
        fixed_by: by,
        prevention: "Автотест формы заказа на каждый релиз; релизы только до 15:00.".into(),
        prevention_shared: true,
        prevented_at: Some(detected + Duration::days(2)),
        prevented_by: by,
    };
    incidents::Entity::insert(incidents::ActiveModel::from(incident)).exec_without_returning(tx.conn()).await?;
    Ok(())
}

//! The demo agency's growth data: a small service catalogue ("contextual ads" after "competitor
//! analysis"), two explainers in both languages (what we do, what we do not do), what the demo
//! client has had, two upsell opportunities and a few scorecard marks.

use crate::db::PlatformTx;
use crate::error::ApiError;
use accord_api::growth::UpsellStatus;
use accord_api::{
    AgencyId, ArticleId, ClientId, ClientServiceId, PrerequisiteId, ProjectId, ProjectKind, ScorecardScoreId,
    ServiceId, UpsellId, UserId,
};
use accord_entity::{client_services, kb_articles, projects, scorecard_scores, service_prereqs, services, upsells};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const ADS_RU: &str = "## Что мы делаем\n\n- настраиваем кампании в Яндекс Директе по итогам анализа конкурентов\n- ведём минус-слова и ставки каждую неделю\n- раз в месяц показываем, сколько стоила заявка\n\n## Чего мы не делаем\n\n- не оплачиваем рекламный бюджет за вас\n- не обещаем первое место по любому запросу\n- не пишем тексты для посадочных страниц (это отдельная услуга)";
const ADS_EN: &str = "## What we do\n\n- set up Yandex Direct campaigns based on the competitor analysis\n- tune negative keywords and bids every week\n- show the cost per lead once a month\n\n## What we do not do\n\n- pay the ad budget on your behalf\n- promise the top spot for every query\n- write landing page copy (that is a separate service)";
const SUPPORT_RU: &str = "## Что мы делаем\n\n- обновляем CMS и модули, делаем резервные копии\n- исправляем ошибки в течение рабочего дня\n\n## Чего мы не делаем\n\n- не разрабатываем новые разделы в рамках поддержки — это отдельная задача с оценкой";
const SUPPORT_EN: &str = "## What we do\n\n- update the CMS and its modules, keep backups\n- fix errors within a working day\n\n## What we do not do\n\n- build new sections as part of support: that is a separate, estimated task";

pub async fn seed(
    tx: &PlatformTx,
    agency: AgencyId,
    client: ClientId,
    manager: UserId,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let conn = tx.conn();
    let mut ids = Vec::new();
    for (i, (name, description, kinds)) in [
        ("Аудит сайта", "Технический и UX-аудит с планом работ.", "website"),
        ("Анализ конкурентов", "Кто, где и как рекламируется в нише клиента.", ""),
        ("Контекстная реклама", "Яндекс Директ: запуск и ведение кампаний.", ""),
        ("SEO", "Поисковое продвижение: семантика, контент, ссылки.", "seo"),
        ("Поддержка", "Поддержка сайта: обновления, резервные копии, мелкие правки.", "website"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = ServiceId::new();
        services::Entity::insert(services::ActiveModel::from(services::Model {
            id,
            agency_id: agency,
            name: name.into(),
            description: description.into(),
            project_kinds: kinds.into(),
            position: i as i32,
            archived: false,
            created_at: now,
            updated_at: now,
        }))
        .exec_without_returning(conn)
        .await?;
        ids.push(id);
    }
    let (audit, competitors, ads, _seo, support) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
    service_prereqs::Entity::insert(service_prereqs::ActiveModel::from(service_prereqs::Model {
        id: PrerequisiteId::new(),
        agency_id: agency,
        service_id: ads,
        requires_id: competitors,
    }))
    .exec_without_returning(conn)
    .await?;

    for (i, (service, ru, en, body_ru, body_en)) in [
        (
            ads,
            "Контекстная реклама: что входит и что нет",
            "Contextual ads: what is and is not included",
            ADS_RU,
            ADS_EN,
        ),
        (
            support,
            "Поддержка сайта: что входит и что нет",
            "Website support: what is and is not included",
            SUPPORT_RU,
            SUPPORT_EN,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        kb_articles::Entity::insert(kb_articles::ActiveModel::from(kb_articles::Model {
            id: ArticleId::new(),
            agency_id: agency,
            service_id: Some(service),
            title_ru: ru.into(),
            title_en: en.into(),
            body_ru: body_ru.into(),
            body_en: body_en.into(),
            html_ru: crate::rich::render(body_ru),
            html_en: crate::rich::render(body_en),
            published: true,
            position: i as i32,
            updated_by: manager,
            created_at: now,
            updated_at: now,
        }))
        .exec_without_returning(conn)
        .await?;
    }

    let website: Option<ProjectId> = projects::Entity::find()
        .filter(projects::Column::ClientId.eq(client))
        .filter(projects::Column::Kind.eq(ProjectKind::Website))
        .one(conn)
        .await?
        .map(|p| p.id);
    let today = now.date_naive();
    for (service, started, ended) in [
        (audit, today - Duration::days(120), Some(today - Duration::days(90))),
        (support, today - Duration::days(90), None),
    ] {
        client_services::Entity::insert(client_services::ActiveModel::from(client_services::Model {
            id: ClientServiceId::new(),
            agency_id: agency,
            client_id: client,
            service_id: service,
            started_on: started,
            ended_on: ended,
            project_id: website,
            contract_id: None,
            created_by: manager,
            created_at: now,
        }))
        .exec_without_returning(conn)
        .await?;
    }

    for (service, title, expected, probability, status) in [
        (competitors, "Анализ конкурентов перед запуском рекламы", 4_500_000_i64, 70, UpsellStatus::Proposed),
        (ads, "Контекстная реклама, ведение", 6_000_000, 40, UpsellStatus::Idea),
    ] {
        upsells::Entity::insert(upsells::ActiveModel::from(upsells::Model {
            id: UpsellId::new(),
            agency_id: agency,
            client_id: client,
            service_id: Some(service),
            title: title.into(),
            expected_minor: expected,
            currency: "RUB".into(),
            probability,
            status,
            lost_reason: String::new(),
            owner_id: Some(manager),
            backlog_item_id: None,
            contract_id: None,
            closed_on: None,
            created_by: manager,
            created_at: now,
            updated_at: now,
        }))
        .exec_without_returning(conn)
        .await?;
    }

    for (criterion, score) in [("margin", 1), ("communication", 2), ("prospects", 1), ("account_time", -1)] {
        scorecard_scores::Entity::insert(scorecard_scores::ActiveModel::from(scorecard_scores::Model {
            id: ScorecardScoreId::new(),
            agency_id: agency,
            client_id: client,
            criterion: criterion.into(),
            score,
            updated_by: manager,
            updated_at: now,
        }))
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

//! The knowledge base: service explainers (what we do, and what we do NOT do) in Russian and
//! English, Markdown rendered to sanitized HTML on save. Every staff member reads them; owners
//! and admins write them. In the portal every contact of the agency reads the published ones in
//! their language (the other language when theirs is empty) — words only, never a figure.

use super::GrowthError;
use crate::db::TenantTx;
use crate::domain::Field;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::error::Code;
use accord_api::growth::{ArticleInput, ArticleList, ArticleView, PortalArticle, PortalArticleSummary, ServiceRef};
use accord_api::{input, ArticleId, Locale, ServiceId, StaffRef};
use accord_entity::{kb_articles, services};
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

const POSITION_MAX: u32 = 10_000;

async fn service_names(tx: &TenantTx) -> ApiResult<HashMap<ServiceId, String>> {
    Ok(tx
        .find::<services::Entity>()
        .select_only()
        .column(services::Column::Id)
        .column(services::Column::Name)
        .into_tuple::<(ServiceId, String)>()
        .all()
        .await?
        .into_iter()
        .collect())
}

async fn ordered(tx: &TenantTx, published_only: bool) -> ApiResult<Vec<kb_articles::Model>> {
    let mut q = tx
        .find::<kb_articles::Entity>()
        .order_by_asc(kb_articles::Column::Position)
        .order_by_asc(kb_articles::Column::CreatedAt);
    if published_only {
        q = q.filter(kb_articles::Column::Published.eq(true));
    }
    Ok(q.all().await?)
}

async fn views(tx: &TenantTx, rows: Vec<kb_articles::Model>) -> ApiResult<Vec<ArticleView>> {
    let services = service_names(tx).await?;
    let mut people: Vec<_> = rows.iter().map(|r| r.updated_by).collect();
    people.sort();
    people.dedup();
    let staff = crate::clients::view::staff_names(tx, people).await?;
    Ok(rows
        .into_iter()
        .map(|r| ArticleView {
            id: r.id,
            service: r.service_id.map(|id| ServiceRef { id, name: services.get(&id).cloned().unwrap_or_default() }),
            title_ru: r.title_ru,
            title_en: r.title_en,
            body_ru: r.body_ru,
            body_en: r.body_en,
            html_ru: r.html_ru,
            html_en: r.html_en,
            published: r.published,
            position: u32::try_from(r.position).unwrap_or_default(),
            updated_by: StaffRef { id: r.updated_by, name: staff.get(&r.updated_by).cloned().unwrap_or_default() },
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

/// Every article, drafts too (every staff member).
pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<ArticleList> {
    let tx = state.db.tenant_read(staff).await?;
    let rows = ordered(&tx, false).await?;
    let items = views(&tx, rows).await?;
    tx.commit().await?;
    Ok(ArticleList { items, can_edit: staff.role().is_admin() })
}

async fn find(tx: &TenantTx, id: ArticleId) -> ApiResult<kb_articles::Model> {
    Ok(tx
        .find::<kb_articles::Entity>()
        .filter(kb_articles::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(GrowthError::NotFound)?)
}

async fn view_one(tx: &TenantTx, id: ArticleId) -> ApiResult<ArticleView> {
    let row = find(tx, id).await?;
    views(tx, vec![row]).await?.pop().ok_or_else(|| GrowthError::NotFound.into())
}

pub async fn get(state: &AppState, staff: &Staff, id: ArticleId) -> ApiResult<ArticleView> {
    let tx = state.db.tenant_read(staff).await?;
    let v = view_one(&tx, id).await?;
    tx.commit().await?;
    Ok(v)
}

struct Parsed {
    title_ru: String,
    title_en: String,
    body_ru: String,
    body_en: String,
    service_id: Option<ServiceId>,
    published: bool,
    position: Option<i32>,
}

async fn parse(tx: &TenantTx, body: ArticleInput) -> ApiResult<Parsed> {
    let title_ru = input::Line::parse(&body.title_ru).field("title_ru")?;
    let title_en = input::Line::parse(&body.title_en).field("title_en")?;
    if title_ru.is_empty() && title_en.is_empty() {
        return Err(GrowthError::TitleRequired.into());
    }
    let body_ru = crate::rich::parse("body_ru", &body.body_ru)?;
    let body_en = crate::rich::parse("body_en", &body.body_en)?;
    let position = match body.position {
        Some(p) if p > POSITION_MAX => {
            return Err(input::InputError::NumberOutOfRange { min: 0, max: i64::from(POSITION_MAX) }).field("position")
        }
        p => p.map(|p| p as i32),
    };
    if let Some(s) = body.service_id {
        let found = tx
            .find::<services::Entity>()
            .filter(services::Column::Id.eq(s))
            .filter(services::Column::Archived.eq(false))
            .count()
            .await?;
        if found == 0 {
            return Err(GrowthError::UnknownService { field: "service_id" }.into());
        }
    }
    Ok(Parsed {
        title_ru,
        title_en,
        body_ru,
        body_en,
        service_id: body.service_id,
        published: body.published,
        position,
    })
}

#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, body: ArticleInput) -> ApiResult<ArticleView> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let p = parse(&tx, body).await?;
    let last: Option<i32> = tx
        .find::<kb_articles::Entity>()
        .select_only()
        .column(kb_articles::Column::Position)
        .order_by_desc(kb_articles::Column::Position)
        .limit(1)
        .into_tuple()
        .one()
        .await?;
    let now = tx.now();
    let id = ArticleId::new();
    tx.insert(kb_articles::ActiveModel::from(kb_articles::Model {
        id,
        agency_id: tx.agency_id(),
        service_id: p.service_id,
        html_ru: crate::rich::render(&p.body_ru),
        html_en: crate::rich::render(&p.body_en),
        title_ru: p.title_ru,
        title_en: p.title_en,
        body_ru: p.body_ru,
        body_en: p.body_en,
        published: p.published,
        position: p.position.unwrap_or(last.map_or(0, |l| l + 1)),
        updated_by: staff.user(),
        created_at: now,
        updated_at: now,
    }))
    .await?;
    let v = view_one(&tx, id).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state, body))]
pub async fn update(state: &AppState, staff: &Staff, id: ArticleId, body: ArticleInput) -> ApiResult<ArticleView> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let old = find(&tx, id).await?;
    let p = parse(&tx, body).await?;
    let row = kb_articles::Model {
        service_id: p.service_id,
        html_ru: crate::rich::render(&p.body_ru),
        html_en: crate::rich::render(&p.body_en),
        title_ru: p.title_ru,
        title_en: p.title_en,
        body_ru: p.body_ru,
        body_en: p.body_en,
        published: p.published,
        position: p.position.unwrap_or(old.position),
        updated_by: staff.user(),
        updated_at: tx.now(),
        ..old
    };
    tx.update(kb_articles::ActiveModel::from(row).reset_all()).await?;
    let v = view_one(&tx, id).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state))]
pub async fn delete(state: &AppState, staff: &Staff, id: ArticleId) -> ApiResult<()> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let gone = tx.delete_many::<kb_articles::Entity>().filter(kb_articles::Column::Id.eq(id)).exec().await?;
    if gone.rows_affected == 0 {
        return Err(GrowthError::NotFound.into());
    }
    tx.commit().await?;
    Ok(())
}

// ---- Portal ----

/// The language to show: the reader's when its title is written, else the other one.
fn language(r: &kb_articles::Model, reader: Locale) -> Locale {
    let written = |l: Locale| match l {
        Locale::Ru => !r.title_ru.is_empty(),
        Locale::En => !r.title_en.is_empty(),
    };
    if written(reader) {
        reader
    } else if reader == Locale::Ru {
        Locale::En
    } else {
        Locale::Ru
    }
}

fn title_in(r: &kb_articles::Model, l: Locale) -> String {
    match l {
        Locale::Ru => r.title_ru.clone(),
        Locale::En => r.title_en.clone(),
    }
}

/// The published explainers, in the reader's language.
pub async fn portal_list(
    state: &AppState,
    contact: &PortalContact,
    reader: Locale,
) -> ApiResult<Vec<PortalArticleSummary>> {
    let tx = state.db.tenant_read(contact).await?;
    let rows = ordered(&tx, true).await?;
    let services = service_names(&tx).await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let locale = language(&r, reader);
            PortalArticleSummary {
                id: r.id,
                title: title_in(&r, locale),
                locale,
                service_name: r.service_id.and_then(|s| services.get(&s).cloned()),
            }
        })
        .collect())
}

/// One published explainer (404 for a draft or another agency's).
pub async fn portal_get(
    state: &AppState,
    contact: &PortalContact,
    reader: Locale,
    id: ArticleId,
) -> ApiResult<PortalArticle> {
    let tx = state.db.tenant_read(contact).await?;
    let row = find(&tx, id).await?;
    if !row.published {
        return Err(ApiError::of(Code::NotFound, "Not found."));
    }
    let services = service_names(&tx).await?;
    tx.commit().await?;
    let locale = language(&row, reader);
    Ok(PortalArticle {
        id: row.id,
        title: title_in(&row, locale),
        html: match locale {
            Locale::Ru => row.html_ru,
            Locale::En => row.html_en,
        },
        locale,
        service_name: row.service_id.and_then(|s| services.get(&s).cloned()),
        updated_at: row.updated_at,
    })
}

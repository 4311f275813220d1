//! The agency's service catalogue: services in playbook order, the project kinds each fits and
//! the services a client should have had first. Every staff member reads it; owners and admins
//! change it. Prerequisites are services of the same agency and never form a cycle.

use super::GrowthError;
use crate::db::TenantTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::growth::{Catalogue, ServiceInput, ServiceRef, ServiceView};
use accord_api::{input, ArticleId, PrerequisiteId, ProjectKind, ServiceId};
use accord_entity::{kb_articles, service_prereqs, services};
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The highest catalogue position accepted.
const POSITION_MAX: u32 = 10_000;

/// Project kinds as stored: comma-separated wire names.
pub fn kinds_of(stored: &str) -> Vec<ProjectKind> {
    stored.split(',').filter_map(|k| ProjectKind::parse(k.trim())).collect()
}

fn stored_kinds(kinds: &[ProjectKind]) -> String {
    let mut names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    names.sort();
    names.dedup();
    names.join(",")
}

/// The catalogue as the playbook reads it: services not removed by position, and each one's
/// prerequisites.
pub struct Loaded {
    pub services: Vec<services::Model>,
    pub prereqs: HashMap<ServiceId, Vec<ServiceId>>,
}

impl Loaded {
    pub async fn load(tx: &TenantTx) -> ApiResult<Self> {
        let services = tx
            .find::<services::Entity>()
            .filter(services::Column::Archived.eq(false))
            .order_by_asc(services::Column::Position)
            .order_by_asc(services::Column::Name)
            .all()
            .await?;
        let mut prereqs: HashMap<ServiceId, Vec<ServiceId>> = HashMap::new();
        let pairs: Vec<(ServiceId, ServiceId)> = tx
            .find::<service_prereqs::Entity>()
            .select_only()
            .column(service_prereqs::Column::ServiceId)
            .column(service_prereqs::Column::RequiresId)
            .into_tuple()
            .all()
            .await?;
        for (service, requires) in pairs {
            prereqs.entry(service).or_default().push(requires);
        }
        let mut loaded = Self { services, prereqs };
        // Prerequisites in catalogue order.
        let order: HashMap<ServiceId, usize> = loaded.services.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        for list in loaded.prereqs.values_mut() {
            list.retain(|p| order.contains_key(p));
            list.sort_by_key(|p| order[p]);
        }
        Ok(loaded)
    }

    pub fn service_ref(&self, id: ServiceId) -> Option<ServiceRef> {
        self.services.iter().find(|s| s.id == id).map(|s| ServiceRef { id, name: s.name.clone() })
    }

    pub fn requires(&self, id: ServiceId) -> &[ServiceId] {
        self.prereqs.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// Articles per service (`published_only` for what may go to a client).
pub async fn articles_by_service(tx: &TenantTx, published_only: bool) -> ApiResult<HashMap<ServiceId, Vec<ArticleId>>> {
    let mut q = tx
        .find::<kb_articles::Entity>()
        .select_only()
        .column(kb_articles::Column::ServiceId)
        .column(kb_articles::Column::Id)
        .filter(kb_articles::Column::ServiceId.is_not_null())
        .order_by_asc(kb_articles::Column::Position)
        .order_by_asc(kb_articles::Column::CreatedAt);
    if published_only {
        q = q.filter(kb_articles::Column::Published.eq(true));
    }
    let rows: Vec<(Option<ServiceId>, ArticleId)> = q.into_tuple().all().await?;
    let mut map: HashMap<ServiceId, Vec<ArticleId>> = HashMap::new();
    for (service, article) in rows {
        if let Some(s) = service {
            map.entry(s).or_default().push(article);
        }
    }
    Ok(map)
}

fn view(s: &services::Model, loaded: &Loaded, articles: &HashMap<ServiceId, Vec<ArticleId>>) -> ServiceView {
    ServiceView {
        id: s.id,
        name: s.name.clone(),
        description: s.description.clone(),
        project_kinds: kinds_of(&s.project_kinds),
        prerequisites: loaded.requires(s.id).iter().filter_map(|p| loaded.service_ref(*p)).collect(),
        position: u32::try_from(s.position).unwrap_or_default(),
        articles: articles.get(&s.id).cloned().unwrap_or_default(),
    }
}

async fn catalogue_of(tx: &TenantTx, staff: &Staff) -> ApiResult<Catalogue> {
    let loaded = Loaded::load(tx).await?;
    let articles = articles_by_service(tx, false).await?;
    Ok(Catalogue {
        services: loaded.services.iter().map(|s| view(s, &loaded, &articles)).collect(),
        can_edit: staff.role().is_admin(),
    })
}

/// The catalogue (every staff member).
pub async fn list(state: &AppState, staff: &Staff) -> ApiResult<Catalogue> {
    let tx = state.db.tenant_read(staff).await?;
    let c = catalogue_of(&tx, staff).await?;
    tx.commit().await?;
    Ok(c)
}

struct Parsed {
    name: String,
    description: String,
    kinds: String,
    prerequisites: Vec<ServiceId>,
    position: Option<i32>,
}

/// Checks the texts and the position, then that each prerequisite is a service of the
/// catalogue and that, with them, no service would come to require itself.
fn parse(loaded: &Loaded, this: Option<ServiceId>, body: ServiceInput) -> ApiResult<Parsed> {
    let name = input::Name::parse(&body.name).field("name")?;
    let description = input::Note::parse(&body.description).field("description")?;
    let position = match body.position {
        Some(p) if p > POSITION_MAX => {
            return Err(input::InputError::NumberOutOfRange { min: 0, max: i64::from(POSITION_MAX) }).field("position")
        }
        p => p.map(|p| p as i32),
    };
    let mut prerequisites = body.prerequisites;
    prerequisites.sort();
    prerequisites.dedup();
    for p in &prerequisites {
        if !loaded.services.iter().any(|s| s.id == *p) {
            return Err(GrowthError::UnknownService { field: "prerequisites" }.into());
        }
    }
    if let Some(id) = this {
        if creates_cycle(loaded, id, &prerequisites) {
            return Err(GrowthError::PrerequisiteCycle.into());
        }
    }
    Ok(Parsed { name, description, kinds: stored_kinds(&body.project_kinds), prerequisites, position })
}

/// Whether `service` requiring `new` would make it require itself (directly or through others).
fn creates_cycle(loaded: &Loaded, service: ServiceId, new: &[ServiceId]) -> bool {
    let mut stack: Vec<ServiceId> = new.to_vec();
    let mut seen = HashSet::new();
    while let Some(next) = stack.pop() {
        if next == service {
            return true;
        }
        if seen.insert(next) {
            // The service's own old edges are being replaced: follow everyone else's.
            stack.extend(loaded.requires(next).iter().copied());
        }
    }
    false
}

async fn write_prereqs(tx: &TenantTx, service: ServiceId, prerequisites: &[ServiceId]) -> ApiResult<()> {
    tx.delete_many::<service_prereqs::Entity>().filter(service_prereqs::Column::ServiceId.eq(service)).exec().await?;
    let rows: Vec<service_prereqs::ActiveModel> = prerequisites
        .iter()
        .map(|p| {
            service_prereqs::ActiveModel::from(service_prereqs::Model {
                id: PrerequisiteId::new(),
                agency_id: tx.agency_id(),
                service_id: service,
                requires_id: *p,
            })
        })
        .collect();
    if !rows.is_empty() {
        tx.insert_many(rows).await?;
    }
    Ok(())
}

async fn view_one(tx: &TenantTx, id: ServiceId) -> ApiResult<ServiceView> {
    let loaded = Loaded::load(tx).await?;
    let articles = articles_by_service(tx, false).await?;
    let s = loaded.services.iter().find(|s| s.id == id).ok_or(GrowthError::NotFound)?;
    Ok(view(s, &loaded, &articles))
}

#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, body: ServiceInput) -> ApiResult<ServiceView> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let loaded = Loaded::load(&tx).await?;
    let p = parse(&loaded, None, body)?;
    let last = loaded.services.iter().map(|s| s.position).max().map_or(0, |m| m + 1);
    let now = tx.now();
    let id = ServiceId::new();
    tx.insert(services::ActiveModel::from(services::Model {
        id,
        agency_id: tx.agency_id(),
        name: p.name,
        description: p.description,
        project_kinds: p.kinds,
        position: p.position.unwrap_or(last),
        archived: false,
        created_at: now,
        updated_at: now,
    }))
    .await?;
    write_prereqs(&tx, id, &p.prerequisites).await?;
    let v = view_one(&tx, id).await?;
    tx.commit().await?;
    Ok(v)
}

#[tracing::instrument(skip(state, body))]
pub async fn update(state: &AppState, staff: &Staff, id: ServiceId, body: ServiceInput) -> ApiResult<ServiceView> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let loaded = Loaded::load(&tx).await?;
    let old = loaded.services.iter().find(|s| s.id == id).cloned().ok_or(GrowthError::NotFound)?;
    let p = parse(&loaded, Some(id), body)?;
    let row = services::Model {
        name: p.name,
        description: p.description,
        project_kinds: p.kinds,
        position: p.position.unwrap_or(old.position),
        updated_at: tx.now(),
        ..old
    };
    if !tx.update(services::ActiveModel::from(row).reset_all()).await? {
        return Err(GrowthError::NotFound.into());
    }
    write_prereqs(&tx, id, &p.prerequisites).await?;
    let v = view_one(&tx, id).await?;
    tx.commit().await?;
    Ok(v)
}

/// Removes a service from the catalogue. What clients had of it stays on record (the row is
/// archived); no service requires it any more.
#[tracing::instrument(skip(state))]
pub async fn delete(state: &AppState, staff: &Staff, id: ServiceId) -> ApiResult<()> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let old = tx
        .find::<services::Entity>()
        .filter(services::Column::Id.eq(id))
        .filter(services::Column::Archived.eq(false))
        .one()
        .await?
        .ok_or(GrowthError::NotFound)?;
    let row = services::Model { archived: true, updated_at: tx.now(), ..old };
    tx.update(services::ActiveModel::from(row).reset_all()).await?;
    tx.delete_many::<service_prereqs::Entity>()
        .filter(
            sea_orm::Condition::any()
                .add(service_prereqs::Column::ServiceId.eq(id))
                .add(service_prereqs::Column::RequiresId.eq(id)),
        )
        .exec()
        .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn service(id: ServiceId) -> services::Model {
        services::Model {
            id,
            agency_id: accord_api::AgencyId::new(),
            name: String::new(),
            description: String::new(),
            project_kinds: String::new(),
            position: 0,
            archived: false,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn a_prerequisite_that_leads_back_is_a_cycle() {
        let (a, b, c) = (ServiceId::new(), ServiceId::new(), ServiceId::new());
        // c requires b, b requires a.
        let loaded = Loaded {
            services: vec![service(a), service(b), service(c)],
            prereqs: HashMap::from([(c, vec![b]), (b, vec![a])]),
        };
        assert!(creates_cycle(&loaded, a, &[c]), "a → c → b → a");
        assert!(creates_cycle(&loaded, a, &[a]), "itself");
        assert!(!creates_cycle(&loaded, c, &[a]), "c may require a as well");
        assert!(!creates_cycle(&loaded, a, &[]));
        assert_eq!(
            kinds_of(&stored_kinds(&[ProjectKind::Seo, ProjectKind::Ads, ProjectKind::Seo])),
            [ProjectKind::Ads, ProjectKind::Seo]
        );
    }
}

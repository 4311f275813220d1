//! What a client has had and what the playbook suggests next. A client has had a service when
//! it is recorded for them (with dates, from a project or a contract) or a contract of theirs
//! (active or ended) names it. The next services are those not had yet, fitting the client's
//! project kinds when the service lists kinds, in catalogue order: suggested now when every
//! prerequisite was had, else later with the prerequisites still missing ("after X").

use super::catalogue::{self, Loaded};
use super::GrowthError;
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::domain;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::finance::ContractStatus;
use accord_api::growth::{
    ClientServiceInput, ClientServiceView, ClientServices, NextServices, ServiceRef, SuggestedService,
};
use accord_api::{ClientId, ClientServiceId, ContractId, ProjectId, ProjectKind, ServiceId};
use accord_entity::{agencies, client_services, contracts, projects, services};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// Names of the client's projects and contracts, and of every service (removed ones too: what a
/// client had stays named).
struct Names {
    projects: HashMap<ProjectId, String>,
    contracts: HashMap<ContractId, String>,
    services: HashMap<ServiceId, String>,
}

impl Names {
    async fn load(tx: &ClientTx) -> ApiResult<Self> {
        let projects = tx
            .find::<projects::Entity>()
            .select_only()
            .column(projects::Column::Id)
            .column(projects::Column::Name)
            .into_tuple::<(ProjectId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        let contracts = tx
            .find::<contracts::Entity>()
            .select_only()
            .column(contracts::Column::Id)
            .column(contracts::Column::Title)
            .into_tuple::<(ContractId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        let services = tx
            .agency()
            .find::<services::Entity>()
            .select_only()
            .column(services::Column::Id)
            .column(services::Column::Name)
            .into_tuple::<(ServiceId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        Ok(Self { projects, contracts, services })
    }

    fn view(&self, r: client_services::Model) -> ClientServiceView {
        ClientServiceView {
            id: r.id,
            service: ServiceRef {
                id: r.service_id,
                name: self.services.get(&r.service_id).cloned().unwrap_or_default(),
            },
            started_on: r.started_on,
            ended_on: r.ended_on,
            project_name: r.project_id.and_then(|p| self.projects.get(&p).cloned()),
            project_id: r.project_id,
            contract_title: r.contract_id.and_then(|c| self.contracts.get(&c).cloned()),
            contract_id: r.contract_id,
        }
    }
}

/// What the client has had, newest start first (staff who see the client).
pub async fn list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<ClientServices> {
    let tx = access::open_read(state, staff, client).await?;
    let rows = tx
        .find::<client_services::Entity>()
        .order_by_desc(client_services::Column::StartedOn)
        .order_by_desc(client_services::Column::CreatedAt)
        .all()
        .await?;
    let names = Names::load(&tx).await?;
    let can_edit = access::may_manage(staff, tx.client());
    tx.commit().await?;
    Ok(ClientServices { items: rows.into_iter().map(|r| names.view(r)).collect(), can_edit })
}

/// Records a service the client had or has (owners, admins, the client's manager).
#[tracing::instrument(skip(state, body))]
pub async fn record(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    body: ClientServiceInput,
) -> ApiResult<ClientServiceView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let started_on = domain::day("started_on", body.started_on)?;
    let ended_on = domain::optional_day("ended_on", body.ended_on)?;
    if ended_on.is_some_and(|e| e < started_on) {
        return Err(GrowthError::EndsBeforeStart.into());
    }
    let service = tx
        .agency()
        .find::<services::Entity>()
        .filter(services::Column::Id.eq(body.service_id))
        .filter(services::Column::Archived.eq(false))
        .count()
        .await?;
    if service == 0 {
        return Err(GrowthError::UnknownService { field: "service_id" }.into());
    }
    if let Some(p) = body.project_id {
        if tx.find::<projects::Entity>().filter(projects::Column::Id.eq(p)).count().await? == 0 {
            return Err(GrowthError::UnknownProject.into());
        }
    }
    if let Some(c) = body.contract_id {
        if tx.find::<contracts::Entity>().filter(contracts::Column::Id.eq(c)).count().await? == 0 {
            return Err(GrowthError::UnknownContract.into());
        }
    }
    let row = client_services::Model {
        id: ClientServiceId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        service_id: body.service_id,
        started_on,
        ended_on,
        project_id: body.project_id,
        contract_id: body.contract_id,
        created_by: staff.user(),
        created_at: tx.now(),
    };
    tx.insert(client_services::ActiveModel::from(row.clone())).await?;
    let names = Names::load(&tx).await?;
    tx.commit().await?;
    Ok(names.view(row))
}

/// The services the playbook suggests for the client now, and later (staff who see the client).
pub async fn next(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<NextServices> {
    let tx = access::open_read(state, staff, client).await?;
    // Had = begun by today in the agency's zone (a service booked for later is not had yet).
    let agency = tx.agency().find::<agencies::Entity>().one().await?;
    let today = agency.map_or_else(|| tx.now().date_naive(), |a| crate::surveys::store::agency_today(&a, tx.now()));
    let mut had: HashSet<ServiceId> = tx
        .find::<client_services::Entity>()
        .select_only()
        .column(client_services::Column::ServiceId)
        .filter(client_services::Column::StartedOn.lte(today))
        .into_tuple::<ServiceId>()
        .all()
        .await?
        .into_iter()
        .collect();
    let from_contracts: Vec<Option<ServiceId>> = tx
        .find::<contracts::Entity>()
        .select_only()
        .column(contracts::Column::ServiceId)
        .filter(contracts::Column::ServiceId.is_not_null())
        .filter(contracts::Column::Status.ne(ContractStatus::Draft))
        .filter(contracts::Column::StartsOn.lte(today))
        .into_tuple()
        .all()
        .await?;
    had.extend(from_contracts.into_iter().flatten());
    let kinds: HashSet<ProjectKind> = tx
        .find::<projects::Entity>()
        .select_only()
        .column(projects::Column::Kind)
        .into_tuple::<ProjectKind>()
        .all()
        .await?
        .into_iter()
        .collect();
    let loaded = Loaded::load(tx.agency()).await?;
    let articles = catalogue::articles_by_service(tx.agency(), true).await?;
    tx.commit().await?;
    Ok(suggest(&loaded, &had, &kinds, &articles))
}

fn suggest(
    loaded: &Loaded,
    had: &HashSet<ServiceId>,
    kinds: &HashSet<ProjectKind>,
    articles: &HashMap<ServiceId, Vec<accord_api::ArticleId>>,
) -> NextServices {
    let mut out = NextServices { next: Vec::new(), later: Vec::new() };
    for s in &loaded.services {
        if had.contains(&s.id) {
            continue;
        }
        let fits = catalogue::kinds_of(&s.project_kinds);
        if !fits.is_empty() && !fits.iter().any(|k| kinds.contains(k)) {
            continue;
        }
        let missing: Vec<ServiceRef> =
            loaded.requires(s.id).iter().filter(|p| !had.contains(p)).filter_map(|p| loaded.service_ref(*p)).collect();
        let suggestion = SuggestedService {
            service: ServiceRef { id: s.id, name: s.name.clone() },
            articles: articles.get(&s.id).cloned().unwrap_or_default(),
            missing,
        };
        if suggestion.missing.is_empty() {
            out.next.push(suggestion);
        } else {
            out.later.push(suggestion);
        }
    }
    out
}

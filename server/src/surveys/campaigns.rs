//! Survey campaigns: owners and admins set one up (what is asked, of which clients and
//! contacts, once or every N months, reminders, closing), launch it (the first wave opens at
//! once) and stop it; account managers read them. A wave invites each chosen contact with
//! portal access once, with a one-time link by mail, unless the recontact guard says the
//! contact was asked often enough in the last six months.

use super::questions::{parse_extras, Questions};
use super::score::{CsiTally, NpsTally};
use super::settings;
use crate::auth::session::{hash_token, new_token};
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::domain::Field;
use crate::error::{ApiError, ApiResult};
use crate::mail;
use crate::paging::PageOnly;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::Code;
use accord_api::input;
use accord_api::surveys::{
    CampaignDetail, CampaignInput, CampaignRecipients, CampaignStatus, CampaignSummary, CampaignTarget, ExtraQuestion,
    NpsClass, SegmentFilter, WaveFigure,
};
use accord_api::{
    ClientId, ClientStatus, ContactId, Page, PortalRole, SurveyCampaignId, SurveyInvitationId, SurveyWaveId, UserStatus,
};
use accord_entity::{
    agencies, clients, contacts, survey_answers, survey_campaigns, survey_invitations, survey_links, survey_ratings,
    survey_waves, users,
};
use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, JoinType};
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The recontact guard's window.
const GUARD_DAYS: i64 = 182;
/// Invitations inserted per statement (SQLite's parameter limit).
const BATCH: usize = 400;

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::invalid(field, Code::ValidationFailed, message)
}

/// The campaign as it will be stored: checked whole before anything is written.
async fn parse(tx: &TenantTx, new: &CampaignInput) -> ApiResult<CampaignInput> {
    let name = input::Name::parse(&new.name).field("name")?.to_string();
    if !new.nps && !new.csi && new.extras.is_empty() {
        return Err(invalid("nps", "Ask NPS, CSI or at least one question of your own."));
    }
    let extras = parse_extras(&new.extras)?;
    if let Some(m) = new.repeat_months {
        if !(1..=24).contains(&m) {
            return Err(invalid("repeat_months", "Repeat every 1 to 24 months, or run it once."));
        }
    }
    if !(1..=30).contains(&new.remind_after_days) {
        return Err(invalid("remind_after_days", "Remind after 1 to 30 days."));
    }
    if new.remind_max > 5 {
        return Err(invalid("remind_max", "Send at most 5 reminders."));
    }
    if !(1..=90).contains(&new.close_after_days) {
        return Err(invalid("close_after_days", "Close a wave 1 to 90 days after it opens."));
    }
    let mut clients_chosen = Vec::new();
    if new.target == CampaignTarget::Clients {
        if new.clients.is_empty() || new.clients.len() > 1000 {
            return Err(invalid("clients", "Choose 1 to 1,000 clients."));
        }
        let mut ids = new.clients.clone();
        ids.sort();
        ids.dedup();
        let found = tx
            .find_in::<clients::Entity>(&VisibleClients::whole_agency())
            .filter(clients::Column::Id.is_in(ids.iter().copied()))
            .count()
            .await?;
        if found != ids.len() as u64 {
            return Err(invalid("clients", "Choose clients of your agency."));
        }
        clients_chosen = ids;
    }
    let segment = if new.target == CampaignTarget::Segment { new.segment.clone() } else { SegmentFilter::default() };
    if let Some(m) = segment.manager {
        let staff = tx.find::<users::Entity>().filter(users::Column::Id.eq(m)).count().await?;
        if staff == 0 {
            return Err(invalid("segment.manager", "Choose a member of your agency."));
        }
    }
    Ok(CampaignInput { name, extras, clients: clients_chosen, segment, ..new.clone() })
}

/// The row with a checked input's settings written in (the inverse of [`input_of`]).
fn with_input(row: survey_campaigns::Model, p: &CampaignInput) -> survey_campaigns::Model {
    let json = |v: Result<String, serde_json::Error>, empty: &str| v.unwrap_or_else(|_| empty.into());
    survey_campaigns::Model {
        name: p.name.clone(),
        ask_nps: p.nps,
        ask_csi: p.csi,
        extras: json(serde_json::to_string(&p.extras), "[]"),
        target: p.target,
        target_clients: json(serde_json::to_string(&p.clients), "[]"),
        segment: json(serde_json::to_string(&p.segment), "{}"),
        recipients: p.recipients,
        repeat_months: p.repeat_months.map(i32::from),
        remind_after_days: i32::from(p.remind_after_days),
        remind_max: i32::from(p.remind_max),
        close_after_days: i32::from(p.close_after_days),
        ..row
    }
}

fn input_of(row: &survey_campaigns::Model) -> CampaignInput {
    CampaignInput {
        name: row.name.clone(),
        nps: row.ask_nps,
        csi: row.ask_csi,
        extras: serde_json::from_str(&row.extras).unwrap_or_default(),
        target: row.target,
        clients: serde_json::from_str(&row.target_clients).unwrap_or_default(),
        segment: serde_json::from_str(&row.segment).unwrap_or_default(),
        recipients: row.recipients,
        repeat_months: row.repeat_months.and_then(|m| u8::try_from(m).ok()),
        remind_after_days: u8::try_from(row.remind_after_days).unwrap_or(1),
        remind_max: u8::try_from(row.remind_max).unwrap_or(0),
        close_after_days: u8::try_from(row.close_after_days).unwrap_or(1),
    }
}

fn summary(row: &survey_campaigns::Model, waves: u32, latest: Option<WaveFigure>) -> CampaignSummary {
    CampaignSummary {
        id: row.id,
        name: row.name.clone(),
        nps: row.ask_nps,
        csi: row.ask_csi,
        target: row.target,
        recipients: row.recipients,
        repeat_months: row.repeat_months.and_then(|m| u8::try_from(m).ok()),
        status: row.status,
        waves,
        latest_wave: latest,
        next_wave_on: row.next_wave_on,
        created_at: row.created_at,
    }
}

/// Each wave's figures within `scope` (the clients whose surveys the caller sees): invited,
/// answered, response rate, NPS and CSI (three queries; four when the scope is not the whole
/// agency, which counts its own invitations).
pub async fn wave_figures(
    tx: &TenantTx,
    waves: &[survey_waves::Model],
    scope: &VisibleClients,
    whole: bool,
) -> ApiResult<Vec<WaveFigure>> {
    if waves.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<SurveyWaveId> = waves.iter().map(|w| w.id).collect();
    let every = scope;
    let invited_in_scope: HashMap<SurveyWaveId, i64> = if whole {
        HashMap::new()
    } else {
        tx.find_in::<survey_invitations::Entity>(scope)
            .select_only()
            .column(survey_invitations::Column::WaveId)
            .column_as(Expr::col(survey_invitations::Column::Id).count(), "n")
            .filter(survey_invitations::Column::WaveId.is_in(ids.iter().copied()))
            .group_by(survey_invitations::Column::WaveId)
            .into_tuple::<(SurveyWaveId, i64)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let classes: Vec<(Option<SurveyWaveId>, Option<NpsClass>, i64, i64)> = tx
        .find_in::<survey_answers::Entity>(every)
        .select_only()
        .column(survey_answers::Column::WaveId)
        .column(survey_answers::Column::NpsClass)
        .column_as(Expr::col(survey_answers::Column::Id).count(), "n")
        .column_as(Expr::col(survey_answers::Column::Csi).count(), "csi_n")
        .filter(survey_answers::Column::WaveId.is_in(ids.iter().copied()))
        .group_by(survey_answers::Column::WaveId)
        .group_by(survey_answers::Column::NpsClass)
        .into_tuple()
        .all()
        .await?;
    let sums: Vec<(Option<SurveyWaveId>, String, i64, i64, i64)> = tx
        .find_in::<survey_ratings::Entity>(every)
        .select_only()
        .column(survey_answers::Column::WaveId)
        .column(survey_ratings::Column::CriterionKey)
        .column_as(Expr::col((survey_ratings::Entity, survey_ratings::Column::Importance)).sum(), "i")
        .column_as(Expr::col((survey_ratings::Entity, survey_ratings::Column::Satisfaction)).sum(), "s")
        .column_as(Expr::col((survey_ratings::Entity, survey_ratings::Column::Id)).count(), "n")
        .join(JoinType::InnerJoin, ratings_to_answers())
        .filter(survey_answers::Column::WaveId.is_in(ids.iter().copied()))
        .group_by(survey_answers::Column::WaveId)
        .group_by(survey_ratings::Column::CriterionKey)
        .into_tuple()
        .all()
        .await?;
    let mut nps: HashMap<SurveyWaveId, (NpsTally, u32, u32)> = HashMap::new();
    for (wave, class, n, csi_n) in classes {
        let Some(wave) = wave else { continue };
        let e = nps.entry(wave).or_default();
        let n = u32::try_from(n).unwrap_or(0);
        e.1 += n;
        e.2 += u32::try_from(csi_n).unwrap_or(0);
        match class {
            Some(NpsClass::Promoter) => e.0.promoters += n,
            Some(NpsClass::Passive) => e.0.passives += n,
            Some(NpsClass::Detractor) => e.0.detractors += n,
            None => {}
        }
    }
    let mut csi: HashMap<SurveyWaveId, CsiTally> = HashMap::new();
    for (wave, key, i, s, n) in sums {
        let Some(wave) = wave else { continue };
        let order = waves
            .iter()
            .find(|w| w.id == wave)
            .and_then(|w| Questions::parse(&w.questions).ok())
            .map(|q| q.criteria.into_iter().filter_map(|c| c.key).collect::<Vec<_>>())
            .unwrap_or_default();
        csi.entry(wave).or_insert_with(|| CsiTally::with_order(order.iter().map(String::as_str))).add_sums(
            &key,
            u64::try_from(i).unwrap_or(0),
            u64::try_from(s).unwrap_or(0),
            u32::try_from(n).unwrap_or(0),
        );
    }
    Ok(waves
        .iter()
        .map(|w| {
            let (tally, answered, csi_n) = nps.get(&w.id).copied().unwrap_or_default();
            let invited = if whole {
                u32::try_from(w.invited).unwrap_or(0)
            } else {
                u32::try_from(invited_in_scope.get(&w.id).copied().unwrap_or(0)).unwrap_or(0)
            };
            let mut csi_tally = csi.remove(&w.id).unwrap_or_default();
            csi_tally.add_answers(csi_n);
            WaveFigure {
                id: w.id,
                number: u32::try_from(w.number).unwrap_or(0),
                opened_at: w.opened_at,
                closes_at: w.closes_at,
                closed: w.closed_at.is_some(),
                invited,
                answered,
                skipped: if whole { u32::try_from(w.skipped).unwrap_or(0) } else { 0 },
                response_rate: (invited > 0)
                    .then(|| (f64::from(answered.min(invited)) / f64::from(invited) * 1000.0).round() / 1000.0),
                nps: tally.figure(),
                csi: csi_tally.figure(),
            }
        })
        .collect())
}

/// The join from a rating to its answer.
pub fn ratings_to_answers() -> sea_orm::RelationDef {
    survey_ratings::Entity::belongs_to(survey_answers::Entity)
        .from(survey_ratings::Column::AnswerId)
        .to(survey_answers::Column::Id)
        .into()
}

async fn find(tx: &TenantTx, id: SurveyCampaignId) -> ApiResult<survey_campaigns::Model> {
    tx.find::<survey_campaigns::Entity>()
        .filter(survey_campaigns::Column::Id.eq(id))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)
}

/// Which clients the campaign's target matches today (active ones only).
fn target_condition(row: &survey_campaigns::Model) -> Condition {
    let mut cond = Condition::all()
        .add(clients::Column::Status.eq(ClientStatus::Active))
        .add(clients::Column::ArchivedAt.is_null());
    match row.target {
        CampaignTarget::All => {}
        CampaignTarget::Clients => {
            let ids: Vec<ClientId> = serde_json::from_str(&row.target_clients).unwrap_or_default();
            cond = cond.add(clients::Column::Id.is_in(ids));
        }
        CampaignTarget::Segment => {
            let s: SegmentFilter = serde_json::from_str(&row.segment).unwrap_or_default();
            if let Some(t) = s.temperament {
                cond = cond.add(clients::Column::Temperament.eq(t));
            }
            if let Some(a) = s.activity {
                cond = cond.add(clients::Column::Activity.eq(a));
            }
            if let Some(t) = s.tier {
                cond = cond.add(clients::Column::ValueTier.eq(t));
            }
            if let Some(m) = s.manager {
                cond = cond.add(clients::Column::AccountManagerId.eq(m));
            }
        }
    }
    cond
}

/// A campaign with its waves' figures within the caller's clients (owners and admins: the
/// agency; an account manager: the clients they manage).
async fn detail(tx: &TenantTx, staff: &Staff, row: survey_campaigns::Model) -> ApiResult<CampaignDetail> {
    let scope = VisibleClients::for_surveys(tx, staff).await?;
    let waves = tx
        .find::<survey_waves::Entity>()
        .filter(survey_waves::Column::CampaignId.eq(row.id))
        .order_by_desc(survey_waves::Column::Number)
        .all()
        .await?;
    let figures = wave_figures(tx, &waves, &scope, staff.role().is_admin()).await?;
    let target_clients =
        tx.find_in::<clients::Entity>(&VisibleClients::whole_agency()).filter(target_condition(&row)).count().await?;
    Ok(CampaignDetail {
        summary: summary(&row, u32::try_from(figures.len()).unwrap_or(0), figures.first().cloned()),
        input: input_of(&row),
        waves: figures,
        target_clients: u32::try_from(target_clients).unwrap_or(u32::MAX),
    })
}

/// The agency's campaigns, newest first, each with its latest wave (owners, admins, managers).
pub async fn list(state: &AppState, staff: &Staff, query: &PageOnly) -> ApiResult<Page<CampaignSummary>> {
    staff.require_client_manager()?;
    let paging = crate::paging::Paging::parse(query.page, query.per_page, 25)?;
    let tx = state.db.tenant_read(staff).await?;
    let all = tx.find::<survey_campaigns::Entity>();
    let total = all.clone().count().await?;
    let rows = all
        .order_by_desc(survey_campaigns::Column::CreatedAt)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    let ids: Vec<SurveyCampaignId> = rows.iter().map(|r| r.id).collect();
    let waves = if ids.is_empty() {
        Vec::new()
    } else {
        tx.find::<survey_waves::Entity>().filter(survey_waves::Column::CampaignId.is_in(ids)).all().await?
    };
    let mut count: HashMap<SurveyCampaignId, u32> = HashMap::new();
    let mut latest: HashMap<SurveyCampaignId, survey_waves::Model> = HashMap::new();
    for w in waves {
        *count.entry(w.campaign_id).or_default() += 1;
        if latest.get(&w.campaign_id).is_none_or(|l| l.number < w.number) {
            latest.insert(w.campaign_id, w);
        }
    }
    let latest_rows: Vec<survey_waves::Model> = latest.into_values().collect();
    let scope = VisibleClients::for_surveys(&tx, staff).await?;
    let figures = wave_figures(&tx, &latest_rows, &scope, staff.role().is_admin()).await?;
    tx.commit().await?;
    let by_campaign: HashMap<SurveyCampaignId, WaveFigure> =
        latest_rows.iter().zip(figures).map(|(w, f)| (w.campaign_id, f)).collect();
    let items = rows
        .iter()
        .map(|r| summary(r, count.get(&r.id).copied().unwrap_or(0), by_campaign.get(&r.id).cloned()))
        .collect();
    Ok(paging.page_of(items, total))
}

pub async fn get(state: &AppState, staff: &Staff, id: SurveyCampaignId) -> ApiResult<CampaignDetail> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(staff).await?;
    let row = find(&tx, id).await?;
    let d = detail(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(d)
}

/// A new campaign, as a draft (owners and admins).
#[tracing::instrument(skip(state, new))]
pub async fn create(state: &AppState, staff: &Staff, new: CampaignInput) -> ApiResult<CampaignDetail> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let p = parse(&tx, &new).await?;
    let now = tx.now();
    let row = with_input(
        survey_campaigns::Model {
            id: SurveyCampaignId::new(),
            agency_id: tx.agency_id(),
            name: String::new(),
            ask_nps: false,
            ask_csi: false,
            extras: String::new(),
            target: p.target,
            target_clients: String::new(),
            segment: String::new(),
            recipients: p.recipients,
            repeat_months: None,
            remind_after_days: 0,
            remind_max: 0,
            close_after_days: 0,
            status: CampaignStatus::Draft,
            next_wave_on: None,
            created_by: staff.user(),
            created_at: now,
            updated_at: now,
        },
        &p,
    );
    tx.insert(survey_campaigns::ActiveModel::from(row.clone())).await?;
    let d = detail(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(d)
}

/// Changes a campaign (owners and admins). A running campaign's next waves ask the new
/// questions; a wave already out keeps the ones it was sent with.
#[tracing::instrument(skip(state, new))]
pub async fn update(
    state: &AppState,
    staff: &Staff,
    id: SurveyCampaignId,
    new: CampaignInput,
) -> ApiResult<CampaignDetail> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let row = find(&tx, id).await?;
    if row.status == CampaignStatus::Stopped {
        return Err(ApiError::conflict(Code::InvalidTransition, "A stopped campaign stays as it ran."));
    }
    let p = parse(&tx, &new).await?;
    let next_wave_on = match (row.status, p.repeat_months) {
        (CampaignStatus::Running, Some(m)) => last_opened(&tx, id).await?.map(|d| add_months(d, m)),
        _ => None,
    };
    let row = survey_campaigns::Model { next_wave_on, updated_at: tx.now(), ..with_input(row, &p) };
    tx.update(survey_campaigns::ActiveModel::from(row.clone()).reset_all()).await?;
    let d = detail(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(d)
}

async fn last_opened(tx: &TenantTx, id: SurveyCampaignId) -> ApiResult<Option<NaiveDate>> {
    Ok(tx
        .find::<survey_waves::Entity>()
        .filter(survey_waves::Column::CampaignId.eq(id))
        .order_by_desc(survey_waves::Column::Number)
        .one()
        .await?
        .map(|w| w.opened_at.date_naive()))
}

fn add_months(d: NaiveDate, m: u8) -> NaiveDate {
    d.checked_add_months(Months::new(u32::from(m))).unwrap_or(d)
}

/// Launches a draft campaign: its first wave opens now (owners and admins).
#[tracing::instrument(skip(state))]
pub async fn launch(state: &AppState, staff: &Staff, id: SurveyCampaignId) -> ApiResult<CampaignDetail> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let row = find(&tx, id).await?;
    if row.status != CampaignStatus::Draft {
        return Err(ApiError::conflict(Code::InvalidTransition, "This campaign was launched already."));
    }
    let row = open_wave(&tx, state, row).await?;
    let d = detail(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(d)
}

/// Stops a campaign: no more waves or reminders; an open wave can still be answered until it
/// closes (owners and admins).
#[tracing::instrument(skip(state))]
pub async fn stop(state: &AppState, staff: &Staff, id: SurveyCampaignId) -> ApiResult<CampaignDetail> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let row = find(&tx, id).await?;
    if row.status == CampaignStatus::Stopped {
        return Err(ApiError::conflict(Code::InvalidTransition, "This campaign is stopped already."));
    }
    let row =
        survey_campaigns::Model { status: CampaignStatus::Stopped, next_wave_on: None, updated_at: tx.now(), ..row };
    tx.update(survey_campaigns::ActiveModel::from(row.clone()).reset_all()).await?;
    let d = detail(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(d)
}

/// A mailed link of an invitation: only the token's SHA-256 is kept.
fn link_row(
    agency: accord_api::AgencyId,
    client: ClientId,
    invitation: SurveyInvitationId,
    token: &str,
    now: DateTime<Utc>,
) -> survey_links::ActiveModel {
    survey_links::ActiveModel::from(survey_links::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: agency,
        client_id: client,
        invitation_id: invitation,
        token_hash: hash_token(token),
        created_at: now,
    })
}

/// Opens the campaign's next wave in `tx`: freezes the questions, invites each matching
/// contact (portal access, active, not left; approvers only if asked) the recontact guard
/// lets through, mails each their one-time link, and sets when the next wave opens.
pub async fn open_wave(
    tx: &TenantTx,
    state: &AppState,
    row: survey_campaigns::Model,
) -> ApiResult<survey_campaigns::Model> {
    let now = tx.now();
    let settings = settings::load(tx).await?;
    let extras: Vec<ExtraQuestion> = serde_json::from_str(&row.extras).unwrap_or_default();
    let questions = Questions::of(&settings, row.ask_nps, row.ask_csi, &extras);
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let every = VisibleClients::whole_agency();
    let client_ids: Vec<ClientId> = tx
        .find_in::<clients::Entity>(&every)
        .select_only()
        .column(clients::Column::Id)
        .filter(target_condition(&row))
        .into_tuple()
        .all()
        .await?;
    // Contacts with portal access: (contact, client, name, user's e-mail, language).
    let mut people: Vec<(ContactId, ClientId, String, String, accord_api::Locale)> = Vec::new();
    for chunk in client_ids.chunks(BATCH) {
        let mut q = tx
            .find_in::<contacts::Entity>(&every)
            .select_only()
            .column(contacts::Column::Id)
            .column(contacts::Column::ClientId)
            .column(contacts::Column::Name)
            .column(users::Column::Email)
            .column(users::Column::Locale)
            .join(
                JoinType::InnerJoin,
                contacts::Entity::belongs_to(users::Entity).from(contacts::Column::UserId).to(users::Column::Id).into(),
            )
            .filter(contacts::Column::ClientId.is_in(chunk.iter().copied()))
            .filter(contacts::Column::LeftAt.is_null())
            .filter(users::Column::Status.eq(UserStatus::Active));
        if row.recipients == CampaignRecipients::Approvers {
            q = q.filter(contacts::Column::PortalRole.eq(PortalRole::Approver));
        }
        people.extend(q.into_tuple::<(ContactId, ClientId, String, String, accord_api::Locale)>().all().await?);
    }
    // The recontact guard: how often each was asked in the last six months, across campaigns
    // (counted for the contacts about to be asked, by the contact index).
    let since = now - Duration::days(GUARD_DAYS);
    let mut asked: HashMap<ContactId, i64> = HashMap::new();
    let ids: Vec<ContactId> = people.iter().map(|p| p.0).collect();
    for chunk in ids.chunks(BATCH) {
        asked.extend(
            tx.find_in::<survey_invitations::Entity>(&every)
                .select_only()
                .column(survey_invitations::Column::ContactId)
                .column_as(Expr::col(survey_invitations::Column::Id).count(), "n")
                .filter(survey_invitations::Column::ContactId.is_in(chunk.iter().copied()))
                .filter(survey_invitations::Column::CreatedAt.gte(since))
                .group_by(survey_invitations::Column::ContactId)
                .into_tuple::<(ContactId, i64)>()
                .all()
                .await?,
        );
    }
    let number =
        tx.find::<survey_waves::Entity>().filter(survey_waves::Column::CampaignId.eq(row.id)).count().await? + 1;
    let closes_at = now + Duration::days(i64::from(row.close_after_days));
    let (invite, skip): (Vec<_>, Vec<_>) =
        people.into_iter().partition(|p| asked.get(&p.0).copied().unwrap_or(0) < i64::from(settings.recontact_max));
    let wave = survey_waves::Model {
        id: SurveyWaveId::new(),
        agency_id: tx.agency_id(),
        campaign_id: row.id,
        number: i32::try_from(number).unwrap_or(1),
        opened_at: now,
        closes_at,
        closed_at: None,
        questions: questions.to_json(),
        invited: i32::try_from(invite.len()).unwrap_or(i32::MAX),
        skipped: i32::try_from(skip.len()).unwrap_or(i32::MAX),
    };
    tx.insert(survey_waves::ActiveModel::from(wave.clone())).await?;
    let closes_on = super::store::agency_today(&agency, closes_at);
    for chunk in invite.chunks(BATCH) {
        let (mut rows, mut links) = (Vec::with_capacity(chunk.len()), Vec::with_capacity(chunk.len()));
        for (contact, client, name, email, locale) in chunk {
            let token = new_token();
            let id = SurveyInvitationId::new();
            links.push(link_row(tx.agency_id(), *client, id, &token, now));
            rows.push(survey_invitations::ActiveModel::from(survey_invitations::Model {
                id,
                agency_id: tx.agency_id(),
                client_id: *client,
                campaign_id: row.id,
                wave_id: wave.id,
                contact_id: *contact,
                expires_at: closes_at,
                reminders_sent: 0,
                last_sent_at: now,
                draft: None,
                answered_at: None,
                created_at: now,
            }));
            let link = format!("{}/survey#{token}", state.settings.public_url);
            let m = super::mail::invitation((email, name), *locale, &agency.name, false, closes_on, &link);
            mail::enqueue(tx, Some(tx.agency_id()), m).await?;
        }
        tx.insert_many(rows).await?;
        tx.insert_many(links).await?;
    }
    // The next wave opens on the same day of the agency's calendar N months on.
    let today = super::store::agency_today(&agency, now);
    let next_wave_on = row.repeat_months.and_then(|m| u8::try_from(m).ok()).map(|m| add_months(today, m));
    let row = survey_campaigns::Model { status: CampaignStatus::Running, next_wave_on, updated_at: now, ..row };
    tx.update(survey_campaigns::ActiveModel::from(row.clone()).reset_all()).await?;
    Ok(row)
}

/// Sends the reminders due in the open waves of the agency's running campaigns: unanswered
/// invitations whose last mail is `remind_after_days` old, up to `remind_max` each. A reminder
/// carries a fresh link (tokens are stored only hashed, so the first cannot be mailed again);
/// the earlier links keep working. Returns how many went.
pub async fn send_reminders(tx: &TenantTx, state: &AppState) -> ApiResult<usize> {
    let now = tx.now();
    let running: Vec<survey_campaigns::Model> = tx
        .find::<survey_campaigns::Entity>()
        .filter(survey_campaigns::Column::Status.eq(CampaignStatus::Running))
        .filter(survey_campaigns::Column::RemindMax.gt(0))
        .all()
        .await?;
    if running.is_empty() {
        return Ok(0);
    }
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let every = VisibleClients::whole_agency();
    let mut sent = 0;
    for c in running {
        let due_before = now - Duration::days(i64::from(c.remind_after_days));
        let open_waves: Vec<SurveyWaveId> = tx
            .find::<survey_waves::Entity>()
            .select_only()
            .column(survey_waves::Column::Id)
            .filter(survey_waves::Column::CampaignId.eq(c.id))
            .filter(survey_waves::Column::ClosedAt.is_null())
            .filter(survey_waves::Column::ClosesAt.gt(now))
            .into_tuple()
            .all()
            .await?;
        if open_waves.is_empty() {
            continue;
        }
        let due: Vec<survey_invitations::Model> = tx
            .find_in::<survey_invitations::Entity>(&every)
            .filter(survey_invitations::Column::WaveId.is_in(open_waves))
            .filter(survey_invitations::Column::AnsweredAt.is_null())
            .filter(survey_invitations::Column::RemindersSent.lt(c.remind_max))
            .filter(survey_invitations::Column::LastSentAt.lte(due_before))
            .limit(2000)
            .all()
            .await?;
        if due.is_empty() {
            continue;
        }
        let contact_ids: Vec<ContactId> = due.iter().map(|i| i.contact_id).collect();
        let people: HashMap<ContactId, (String, String, accord_api::Locale, UserStatus)> = tx
            .find_in::<contacts::Entity>(&every)
            .select_only()
            .column(contacts::Column::Id)
            .column(contacts::Column::Name)
            .column(users::Column::Email)
            .column(users::Column::Locale)
            .column(users::Column::Status)
            .join(
                JoinType::InnerJoin,
                contacts::Entity::belongs_to(users::Entity).from(contacts::Column::UserId).to(users::Column::Id).into(),
            )
            .filter(contacts::Column::Id.is_in(contact_ids))
            .filter(contacts::Column::LeftAt.is_null())
            .into_tuple::<(ContactId, String, String, accord_api::Locale, UserStatus)>()
            .all()
            .await?
            .into_iter()
            .map(|(id, name, email, locale, status)| (id, (name, email, locale, status)))
            .collect();
        for inv in due {
            let Some((name, email, locale, UserStatus::Active)) = people.get(&inv.contact_id).cloned() else {
                continue;
            };
            let token = new_token();
            let closes_on = super::store::agency_today(&agency, inv.expires_at);
            let link = format!("{}/survey#{token}", state.settings.public_url);
            let m = super::mail::invitation((&email, &name), locale, &agency.name, true, closes_on, &link);
            mail::enqueue(tx, Some(tx.agency_id()), m).await?;
            // A fresh link beside the earlier ones (only hashes are kept, so the first cannot be
            // mailed again); any of them works until the answer is in.
            tx.insert(link_row(tx.agency_id(), inv.client_id, inv.id, &token, now)).await?;
            tx.update_in::<survey_invitations::Entity>(&every)
                .col_expr(survey_invitations::Column::RemindersSent, Expr::value(inv.reminders_sent + 1))
                .col_expr(survey_invitations::Column::LastSentAt, Expr::value(now))
                .filter(survey_invitations::Column::Id.eq(inv.id))
                .exec()
                .await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Closes the agency's waves whose time is up, and opens the next wave of each running
/// repeating campaign whose day has come. Returns (closed, opened).
pub async fn close_and_open(tx: &TenantTx, state: &AppState, today: NaiveDate) -> ApiResult<(u64, usize)> {
    let now: DateTime<Utc> = tx.now();
    let closed = tx
        .update_many::<survey_waves::Entity>()
        .col_expr(survey_waves::Column::ClosedAt, Expr::value(now))
        .filter(survey_waves::Column::ClosedAt.is_null())
        .filter(survey_waves::Column::ClosesAt.lte(now))
        .exec()
        .await?
        .rows_affected;
    let due = tx
        .find::<survey_campaigns::Entity>()
        .filter(survey_campaigns::Column::Status.eq(CampaignStatus::Running))
        .filter(survey_campaigns::Column::NextWaveOn.lte(today))
        .all()
        .await?;
    let opened = due.len();
    for c in due {
        open_wave(tx, state, c).await?;
    }
    Ok((closed, opened))
}

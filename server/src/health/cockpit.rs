//! The owner's cockpit (seed 004: are every client's tasks solved, where are the risk zones):
//! across the clients the caller sees — or one manager's — clients at risk and why, promises due
//! this week, minutes awaiting acknowledgement, reports due, open detractor follow-ups, projects
//! below the backlog standard, silent clients and open incidents. Each list is its own narrow
//! statement (a constant number whatever the agency's size); the first ten rows are sent with
//! the total.

use super::settings;
use super::store::SCORED;
use super::view::{score_rows, Watched};
use crate::clients::access::VisibleClients;
use crate::clients::view::{staff_names, staff_ref};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::auth::ClientRef;
use accord_api::health::{
    Cockpit, CockpitFollowup, CockpitIncident, CockpitList, CockpitMinutes, CockpitProject, CockpitPromise,
    CockpitReport, CockpitSilent,
};
use accord_api::meetings::{AckState, Side};
use accord_api::risks::IncidentStep;
use accord_api::{
    ActionItemId, ClientId, ClientStatus, IncidentId, MeetingId, ProjectId, ProjectStatus, StaffRole, SurveyAnswerId,
    SurveyFollowupId, UserId, UserStatus,
};
use accord_entity::{
    action_items, agencies, clients, incidents, meetings, projects, survey_answers, survey_followups, users,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// An open agency promise: id, client, title, due, assignee, owner when it fell due.
type PromiseRow = (ActionItemId, ClientId, String, NaiveDate, Option<UserId>, Option<UserId>);
/// Published minutes: meeting, client, title, published, acknowledgement.
type MinutesRow = (MeetingId, ClientId, String, Option<DateTime<Utc>>, AckState);

/// Rows each card shows.
const LISTED: usize = 10;

fn list<T>(mut items: Vec<T>) -> CockpitList<T> {
    let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
    items.truncate(LISTED);
    CockpitList { items, total }
}

/// The cockpit of the caller's clients, narrowed to `manager`'s when given.
pub async fn cockpit(state: &AppState, staff: &Staff, manager: Option<UserId>) -> ApiResult<Cockpit> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(staff).await?;
    let visible = VisibleClients::of(&tx, staff).await?;
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let now = tx.now();
    let today = crate::surveys::store::agency_today(&agency, now);
    let settings = settings::load(&tx).await?;

    // The watched clients in view: the lists below keep only their rows.
    type Row = (ClientId, String, ClientStatus, Option<UserId>, Option<i32>, Option<DateTime<Utc>>, DateTime<Utc>);
    let mut q = tx
        .find_in::<clients::Entity>(&visible)
        .select_only()
        .columns([
            clients::Column::Id,
            clients::Column::Name,
            clients::Column::Status,
            clients::Column::AccountManagerId,
            clients::Column::ContactCadenceDays,
            clients::Column::LastTouchAt,
            clients::Column::CreatedAt,
        ])
        .filter(clients::Column::ArchivedAt.is_null())
        .filter(clients::Column::Status.is_in(SCORED));
    if let Some(m) = manager {
        q = q.filter(clients::Column::AccountManagerId.eq(m));
    }
    let rows: Vec<Row> = q.into_tuple().all().await?;
    let refs: HashMap<ClientId, ClientRef> =
        rows.iter().map(|r| (r.0, ClientRef { id: r.0, name: r.1.clone(), status: r.2 })).collect();
    let client = |id: &ClientId| refs.get(id).cloned();

    // The same clients, as the score rows need them (no second read of the clients table).
    let watched = rows
        .iter()
        .map(|r| Watched { client: ClientRef { id: r.0, name: r.1.clone(), status: r.2 }, manager: r.3 })
        .collect();
    let at_risk: Vec<_> = score_rows(&tx, &visible, watched, &settings, today)
        .await?
        .into_iter()
        .filter(|r| !r.flags.is_empty())
        .collect();

    // Agency promises open and due within a week (overdue ones first).
    let week = today + Duration::days(7);
    let promise_rows: Vec<PromiseRow> = tx
        .find_in::<action_items::Entity>(&visible)
        .select_only()
        .columns([
            action_items::Column::Id,
            action_items::Column::ClientId,
            action_items::Column::Title,
            action_items::Column::DueOn,
            action_items::Column::AssigneeUser,
            action_items::Column::DueOwner,
        ])
        .filter(action_items::Column::Side.eq(Side::Agency))
        .filter(action_items::Column::DoneOn.is_null())
        .filter(action_items::Column::DueOn.lte(week))
        .order_by_asc(action_items::Column::DueOn)
        .into_tuple()
        .all()
        .await?;

    // Published minutes not acknowledged.
    let minutes_rows: Vec<MinutesRow> = tx
        .find_in::<meetings::Entity>(&visible)
        .select_only()
        .columns([
            meetings::Column::Id,
            meetings::Column::ClientId,
            meetings::Column::Title,
            meetings::Column::PublishedAt,
            meetings::Column::Ack,
        ])
        .filter(meetings::Column::Ack.is_in([AckState::Awaiting, AckState::Disputed]))
        .order_by_asc(meetings::Column::PublishedAt)
        .into_tuple()
        .all()
        .await?;

    // Open detractor follow-ups, with their answer's score.
    let followup_rows: Vec<(SurveyFollowupId, ClientId, SurveyAnswerId, NaiveDate, Option<UserId>)> = tx
        .find_in::<survey_followups::Entity>(&visible)
        .select_only()
        .columns([
            survey_followups::Column::Id,
            survey_followups::Column::ClientId,
            survey_followups::Column::AnswerId,
            survey_followups::Column::DueOn,
            survey_followups::Column::AssigneeId,
        ])
        .filter(survey_followups::Column::ClosedAt.is_null())
        .order_by_asc(survey_followups::Column::DueOn)
        .into_tuple()
        .all()
        .await?;
    let answer_ids: Vec<SurveyAnswerId> = followup_rows.iter().map(|f| f.2).collect();
    let mut scores: HashMap<SurveyAnswerId, Option<i32>> = HashMap::new();
    for chunk in answer_ids.chunks(500) {
        scores.extend(
            tx.find_in::<survey_answers::Entity>(&visible)
                .select_only()
                .column(survey_answers::Column::Id)
                .column(survey_answers::Column::Nps)
                .filter(survey_answers::Column::Id.is_in(chunk.iter().copied()))
                .into_tuple::<(SurveyAnswerId, Option<i32>)>()
                .all()
                .await?,
        );
    }

    // Active projects below the standard.
    let project_rows: Vec<(ProjectId, ClientId, String)> = tx
        .find_in::<projects::Entity>(&visible)
        .select_only()
        .columns([projects::Column::Id, projects::Column::ClientId, projects::Column::Name])
        .filter(projects::Column::Status.eq(ProjectStatus::Active))
        .into_tuple()
        .all()
        .await?;
    let agreed = if project_rows.is_empty() {
        HashMap::new()
    } else {
        crate::backlog::repo::agreed_counts_in(tx.find_in::<accord_entity::backlog_tallies::Entity>(&visible)).await?
    };

    // Incidents not through step 5.
    let incident_rows: Vec<(IncidentId, ClientId, String, IncidentStep, DateTime<Utc>)> = tx
        .find_in::<incidents::Entity>(&visible)
        .select_only()
        .columns([
            incidents::Column::Id,
            incidents::Column::ClientId,
            incidents::Column::Title,
            incidents::Column::Step,
            incidents::Column::DetectedAt,
        ])
        .filter(incidents::Column::PreventedAt.is_null())
        .order_by_asc(incidents::Column::DetectedAt)
        .into_tuple()
        .all()
        .await?;

    let reports = crate::reports::due::recent_periods(&tx, &visible, &agency, today, None).await?;

    // The people named, and the managers an owner may narrow to.
    let mut people: Vec<UserId> = promise_rows.iter().filter_map(|p| p.4.or(p.5)).collect();
    people.extend(followup_rows.iter().filter_map(|f| f.4));
    people.extend(manager);
    let names = staff_names(&tx, people).await?;
    let managers = if staff.role().is_admin() {
        let rows: Vec<(UserId, String)> = tx
            .find::<users::Entity>()
            .select_only()
            .column(users::Column::Id)
            .column(users::Column::Name)
            .filter(users::Column::Status.eq(UserStatus::Active))
            .filter(users::Column::StaffRole.is_in([StaffRole::Owner, StaffRole::Admin, StaffRole::AccountManager]))
            .order_by_asc(users::Column::Name)
            .into_tuple()
            .all()
            .await?;
        rows.into_iter().map(|(id, name)| accord_api::StaffRef { id, name }).collect()
    } else {
        Vec::new()
    };
    tx.commit_agency_wide_read().await?;

    let promises = promise_rows
        .into_iter()
        .filter_map(|(id, c, title, due_on, assignee, due_owner)| {
            Some(CockpitPromise {
                id,
                client: client(&c)?,
                title,
                due_on,
                overdue: due_on < today,
                assignee: staff_ref(assignee.or(due_owner), &names),
            })
        })
        .collect();
    let minutes = minutes_rows
        .into_iter()
        .filter_map(|(meeting, c, title, published_at, ack)| {
            Some(CockpitMinutes { meeting, client: client(&c)?, title, published_at: published_at?, ack })
        })
        .collect();
    let mut report_list: Vec<CockpitReport> = reports
        .into_iter()
        .filter_map(|(_, periods)| {
            let p = periods.into_iter().find(|p| !p.published && p.due_on <= week)?;
            Some(CockpitReport {
                client: client(&p.client_id)?,
                kind: p.kind,
                period_start: p.period_start,
                due_on: p.due_on,
                overdue: p.overdue,
                report: p.report_id,
            })
        })
        .collect();
    report_list.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.due_on.cmp(&b.due_on)));
    let followups = followup_rows
        .into_iter()
        .filter_map(|(id, c, answer, due_on, assignee)| {
            let nps = scores.get(&answer).copied().flatten().and_then(|s| u8::try_from(s).ok());
            Some(CockpitFollowup {
                id,
                client: client(&c)?,
                nps,
                due_on,
                overdue: due_on < today,
                assignee: staff_ref(assignee, &names),
            })
        })
        .collect();
    let mut below: Vec<CockpitProject> = project_rows
        .into_iter()
        .filter_map(|(project, c, name)| {
            let n = agreed.get(&project).copied().unwrap_or(0);
            crate::backlog::standard::below(ProjectStatus::Active, n).then_some(())?;
            Some(CockpitProject { project, client: client(&c)?, name, agreed: n })
        })
        .collect();
    below.sort_by(|a, b| a.agreed.cmp(&b.agreed).then_with(|| a.client.name.cmp(&b.client.name)));
    let mut silent: Vec<CockpitSilent> = rows
        .iter()
        .filter_map(|(id, _, _, _, cadence, last, created)| {
            let cadence = cadence.filter(|c| *c > 0)?;
            let days = |t: &DateTime<Utc>| (today - crate::surveys::store::agency_today(&agency, *t)).num_days();
            let since = last.as_ref().map(days);
            (since.unwrap_or_else(|| days(created)) > i64::from(cadence)).then_some(())?;
            Some(CockpitSilent { client: client(id)?, days: since, cadence })
        })
        .collect();
    silent.sort_by_key(|s| std::cmp::Reverse(s.days.unwrap_or(i64::MAX) - i64::from(s.cadence)));
    let limit = Duration::days(i64::from(settings.incident_days));
    let incidents = incident_rows
        .into_iter()
        .filter_map(|(id, c, title, step, detected_at)| {
            Some(CockpitIncident {
                id,
                client: client(&c)?,
                title,
                step,
                days_open: (now - detected_at).num_days(),
                too_long: now - detected_at > limit,
            })
        })
        .collect();
    Ok(Cockpit {
        manager: staff_ref(manager, &names),
        today,
        at_risk: list(at_risk),
        promises: list(promises),
        minutes: list(minutes),
        reports: list(report_list),
        followups: list(followups),
        below_standard: list(below),
        silent: list(silent),
        incidents: list(incidents),
        managers,
    })
}

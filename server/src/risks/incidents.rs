//! Incidents on the staff side: recorded (internal), then taken through the five steps in
//! order, each stamped with when and who. Step 1 tells the client's approvers; every write marks
//! the client's health as changed.

use super::register::check_project;
use super::view::{self, Names};
use super::{mail, timing, RiskError};
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::risks::{IncidentStep, IncidentView, NewIncident, StepInput};
use accord_api::{ClientId, IncidentId};
use accord_entity::incidents;
use chrono::SubsecRound;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};

/// The incidents' page as `staff` sees it at the transaction's time.
async fn views(tx: &ClientTx, staff: &Staff, rows: Vec<incidents::Model>) -> ApiResult<Vec<IncidentView>> {
    let names = Names::load(tx, view::incident_people(&rows), rows.iter().filter_map(|i| i.plan_ack_by)).await?;
    let limit = timing::incident_days(tx.agency()).await?;
    let can_edit = access::may_manage(staff, tx.client());
    Ok(rows.into_iter().map(|i| view::incident(i, &names, tx.now(), limit, can_edit)).collect())
}

async fn view_of(tx: &ClientTx, staff: &Staff, row: incidents::Model) -> ApiResult<IncidentView> {
    views(tx, staff, vec![row]).await?.pop().ok_or_else(|| RiskError::NotFound.into())
}

/// A client's incidents, the most recently detected first.
pub async fn list(state: &AppState, staff: &Staff, client: ClientId) -> ApiResult<Vec<IncidentView>> {
    let tx = access::open_read(state, staff, client).await?;
    let rows = tx
        .find::<incidents::Entity>()
        .order_by_desc(incidents::Column::DetectedAt)
        .order_by_desc(incidents::Column::CreatedAt)
        .order_by_asc(incidents::Column::Id)
        .all()
        .await?;
    let out = views(&tx, staff, rows).await?;
    tx.commit().await?;
    Ok(out)
}

/// Records a mistake (step "detected": nothing reaches the client yet).
#[tracing::instrument(skip(state, body))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, body: NewIncident) -> ApiResult<IncidentView> {
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let title = input::Name::parse(&body.title).field("title")?;
    let description = input::OptionalMessage::parse(&body.description).field("description")?;
    let now = tx.now();
    let detected_at = match body.detected_at {
        None => now,
        Some(at) => {
            // Whole microseconds, as the clock gives them (what PostgreSQL keeps).
            let at = input::Instant::check(at.trunc_subsecs(6)).field("detected_at")?;
            if at > now {
                return Err(RiskError::DetectedInFuture.into());
            }
            at
        }
    };
    check_project(&tx, body.project_id).await?;
    let row = incidents::Model {
        id: IncidentId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        project_id: body.project_id,
        title,
        description,
        step: IncidentStep::Detected,
        detected_at,
        created_by: staff.user(),
        created_at: now,
        message: String::new(),
        notified_at: None,
        notified_by: None,
        damage: serde_json::to_string(&accord_api::risks::Damage::default()).unwrap_or_default(),
        assessed_at: None,
        assessed_by: None,
        plan: String::new(),
        planned_at: None,
        planned_by: None,
        plan_ack_at: None,
        plan_ack_by: None,
        fix_note: String::new(),
        fixed_at: None,
        fixed_by: None,
        prevention: String::new(),
        prevention_shared: false,
        prevented_at: None,
        prevented_by: None,
    };
    tx.insert(incidents::ActiveModel::from(row.clone())).await?;
    crate::health::changed(&tx).await?;
    let view = view_of(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open_incident(
    state: &AppState,
    staff: &Staff,
    id: IncidentId,
    need: Need,
) -> ApiResult<(ClientTx, incidents::Model)> {
    let tx = access::open_owner::<incidents::Entity>(state, staff, incidents::Column::Id, id, need).await?;
    let row =
        tx.find::<incidents::Entity>().filter(incidents::Column::Id.eq(id)).one().await?.ok_or(RiskError::NotFound)?;
    Ok((tx, row))
}

pub async fn get(state: &AppState, staff: &Staff, id: IncidentId) -> ApiResult<IncidentView> {
    let (tx, row) = open_incident(state, staff, id, Need::Read).await?;
    let view = view_of(&tx, staff, row).await?;
    tx.commit().await?;
    Ok(view)
}

/// The row after `taken`, parsed and stamped with when and who; 409 `wrong_step` unless it is
/// the incident's next step.
fn apply(
    row: &incidents::Model,
    taken: StepInput,
    staff: &Staff,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<incidents::Model> {
    let (from, to) = match &taken {
        StepInput::Notify { .. } => (IncidentStep::Detected, IncidentStep::Notified),
        StepInput::Assess { .. } => (IncidentStep::Notified, IncidentStep::Assessed),
        StepInput::Plan { .. } => (IncidentStep::Assessed, IncidentStep::Planned),
        StepInput::CarryOut { .. } => (IncidentStep::Planned, IncidentStep::Fixed),
        StepInput::Prevent { .. } => (IncidentStep::Fixed, IncidentStep::Prevented),
    };
    if row.step != from {
        return Err(RiskError::WrongStep(row.step).into());
    }
    let by = Some(staff.user());
    let at = Some(now);
    let mut next = incidents::Model { step: to, ..row.clone() };
    match taken {
        StepInput::Notify { message } => {
            next.message = input::Message::parse(&message).field("message")?;
            (next.notified_at, next.notified_by) = (at, by);
        }
        StepInput::Assess { damage } => {
            let damage = accord_api::risks::Damage {
                timeline: input::Note::parse(&damage.timeline).field("damage.timeline")?,
                quality: input::Note::parse(&damage.quality).field("damage.quality")?,
                result: input::Note::parse(&damage.result).field("damage.result")?,
                reputation: input::Note::parse(&damage.reputation).field("damage.reputation")?,
            };
            if [&damage.timeline, &damage.quality, &damage.result, &damage.reputation].iter().all(|s| s.is_empty()) {
                return Err(RiskError::NoDamage.into());
            }
            next.damage = serde_json::to_string(&damage).map_err(crate::error::ApiError::internal)?;
            (next.assessed_at, next.assessed_by) = (at, by);
        }
        StepInput::Plan { plan } => {
            next.plan = input::Message::parse(&plan).field("plan")?;
            (next.planned_at, next.planned_by) = (at, by);
        }
        StepInput::CarryOut { note } => {
            next.fix_note = input::OptionalMessage::parse(&note).field("note")?;
            (next.fixed_at, next.fixed_by) = (at, by);
        }
        StepInput::Prevent { measures, share } => {
            next.prevention = input::Message::parse(&measures).field("measures")?;
            next.prevention_shared = share;
            (next.prevented_at, next.prevented_by) = (at, by);
        }
    }
    Ok(next)
}

/// Takes the next step (owners, admins, the client's account manager). A step out of order, or
/// one another person took meanwhile, is 409 `wrong_step`.
#[tracing::instrument(skip(state, taken))]
pub async fn step(state: &AppState, staff: &Staff, id: IncidentId, taken: StepInput) -> ApiResult<IncidentView> {
    let (tx, row) = open_incident(state, staff, id, Need::Manage).await?;
    let next = apply(&row, taken, staff, tx.now())?;
    // Only if nobody took a step since it was read: the steps stay in order under a race.
    let taken = tx
        .update_many::<incidents::Entity>()
        .set(incidents::ActiveModel::from(next.clone()).reset_all())
        .filter(incidents::Column::Id.eq(id))
        .filter(incidents::Column::Step.eq(row.step))
        .exec()
        .await?
        .rows_affected;
    if taken == 0 {
        return Err(RiskError::WrongStep(row.step).into());
    }
    if next.step == IncidentStep::Notified {
        mail::notify_approvers(&tx, state, &next).await?;
    }
    crate::health::changed(&tx).await?;
    let view = view_of(&tx, staff, next).await?;
    tx.commit().await?;
    Ok(view)
}

//! The staff side of answers: phone answers a manager records on a contact's behalf, a
//! client's answers, promoter marks, and the detractors' follow-ups (listed per manager, open
//! and overdue first, closed with an outcome and a note).

use super::questions::{check_submit, Questions};
use super::settings;
use super::store::{self, AtTheTime, NewAnswer};
use crate::clients::access::{self, Need, VisibleClients};
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::paging::{PageOnly, Paging};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::Code;
use accord_api::input;
use accord_api::surveys::{
    AnswerSource, AnswerView, CloseFollowup, FollowupFilter, FollowupList, FollowupView, MarkRequest, NpsClass,
    PhoneAnswer,
};
use accord_api::{ClientId, Locale, Page, StaffRef, SurveyAnswerId, SurveyFollowupId, UserId};
use accord_entity::{
    agencies, contacts, survey_answers, survey_campaigns, survey_followups, survey_invitations, survey_waves, users,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

async fn caller_locale(tx: &TenantTx, staff: &Staff) -> ApiResult<Locale> {
    Ok(tx
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(staff.user()))
        .one()
        .await?
        .map(|u| u.locale)
        .unwrap_or_default())
}

/// Records an answer taken by phone (owners, admins, and the client's account manager).
#[tracing::instrument(skip(state, body))]
pub async fn phone(state: &AppState, staff: &Staff, client: ClientId, body: PhoneAnswer) -> ApiResult<AnswerView> {
    // Who may not change the client is refused by `open` (404 unseen, 403 read-only).
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let agency = tx.agency().find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let today = store::agency_today(&agency, tx.now());
    if body.taken_on > today {
        return Err(ApiError::invalid("taken_on", Code::ValidationFailed, "The call cannot be in the future."));
    }
    if body.taken_on < today - chrono::Duration::days(366) {
        return Err(ApiError::invalid(
            "taken_on",
            Code::ValidationFailed,
            "Record calls of the last year; import older answers.",
        ));
    }
    if let Some(c) = body.contact_id {
        let found = tx.find::<contacts::Entity>().filter(contacts::Column::Id.eq(c)).count().await?;
        if found == 0 {
            return Err(ApiError::invalid("contact_id", Code::ValidationFailed, "Choose a contact of this client."));
        }
    }
    let settings = settings::load(tx.agency()).await?;
    // A campaign's open wave for this contact is answered by the call; its questions apply.
    let mut invitation = None;
    let questions = match body.campaign_id {
        Some(cid) => {
            let campaign = tx
                .agency()
                .find::<survey_campaigns::Entity>()
                .filter(survey_campaigns::Column::Id.eq(cid))
                .one()
                .await?
                .ok_or_else(|| {
                    ApiError::invalid("campaign_id", Code::ValidationFailed, "Choose a campaign of your agency.")
                })?;
            let latest = tx
                .agency()
                .find::<survey_waves::Entity>()
                .filter(survey_waves::Column::CampaignId.eq(campaign.id))
                .order_by_desc(survey_waves::Column::Number)
                .one()
                .await?;
            if let (Some(w), Some(contact)) = (&latest, body.contact_id) {
                invitation = tx
                    .find::<survey_invitations::Entity>()
                    .filter(survey_invitations::Column::WaveId.eq(w.id))
                    .filter(survey_invitations::Column::ContactId.eq(contact))
                    .one()
                    .await?;
                if invitation.as_ref().is_some_and(|i| i.answered_at.is_some()) {
                    return Err(ApiError::conflict(
                        Code::Conflict,
                        "This contact answered this campaign's latest wave already.",
                    ));
                }
            }
            match latest {
                Some(w) => Questions::parse(&w.questions)?,
                None => Questions::of(&settings, campaign.ask_nps, campaign.ask_csi, &[]),
            }
        }
        None => Questions::of(&settings, true, true, &[]),
    };
    // Outside a campaign a call may cover NPS, CSI or both: check only what was asked.
    let mut q = questions;
    if body.campaign_id.is_none() {
        if body.answer.nps.is_none() {
            q.nps = None;
        }
        if body.answer.ratings.is_empty() {
            q.criteria.clear();
        }
        if q.nps.is_none() && q.criteria.is_empty() {
            return Err(ApiError::invalid(
                "answer.nps",
                Code::ValidationFailed,
                "Record a score or the criteria's ratings.",
            ));
        }
    }
    let checked = check_submit(&q, &body.answer).map_err(|e| match e.field().map(|f| format!("answer.{f}")) {
        Some(f) => e.with_field(&f),
        None => e,
    })?;
    if let Some(inv) = &invitation {
        // Only if still unanswered: a link answer racing the call keeps the one answer.
        let taken = tx
            .update_many::<survey_invitations::Entity>()
            .col_expr(survey_invitations::Column::AnsweredAt, Expr::value(tx.now()))
            .filter(survey_invitations::Column::Id.eq(inv.id))
            .filter(survey_invitations::Column::AnsweredAt.is_null())
            .exec()
            .await?
            .rows_affected;
        if taken == 0 {
            return Err(ApiError::conflict(
                Code::Conflict,
                "This contact answered this campaign's latest wave already.",
            ));
        }
    }
    let a = store::store(
        &tx,
        state,
        NewAnswer {
            checked,
            source: AnswerSource::Phone,
            contact: body.contact_id,
            campaign: body.campaign_id,
            // Counted in a wave only when it answers the contact's invitation there.
            wave: invitation.as_ref().map(|i| i.wave_id),
            answered_on: body.taken_on,
            taken_by: Some(staff.user()),
            at: AtTheTime::now(tx.client()),
            import_key: None,
        },
        settings.followup_days,
    )
    .await?;
    let locale = caller_locale(tx.agency(), staff).await?;
    let view = store::views(tx.agency(), vec![a], locale).await?.pop().ok_or_else(ApiError::not_found)?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

/// A client's answers, newest first (owners, admins, the client's account manager).
pub async fn client_answers(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    query: &PageOnly,
) -> ApiResult<Page<AnswerView>> {
    let paging = Paging::parse(query.page, query.per_page, 25)?;
    let tx = access::open_read(state, staff, client).await?;
    staff.require_client_manager()?;
    let scope = VisibleClients::for_surveys(tx.agency(), staff).await?;
    if !scope.contains(client) {
        return Err(ApiError::forbidden());
    }
    let all = tx.find::<survey_answers::Entity>();
    let total = all.clone().count().await?;
    let rows = all
        .order_by_desc(survey_answers::Column::AnsweredOn)
        .order_by_desc(survey_answers::Column::SubmittedAt)
        .order_by_asc(survey_answers::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    let locale = caller_locale(tx.agency(), staff).await?;
    let items = store::views(tx.agency(), rows, locale).await?;
    tx.commit().await?;
    Ok(paging.page_of(items, total))
}

/// Marks a promoter for a testimonial or referral request (or clears the mark).
pub async fn mark(state: &AppState, staff: &Staff, id: SurveyAnswerId, body: MarkRequest) -> ApiResult<AnswerView> {
    staff.require_client_manager()?;
    let tx = state.db.tenant(staff).await?;
    let scope = VisibleClients::for_surveys(&tx, staff).await?;
    let a = tx
        .find_in::<survey_answers::Entity>(&scope)
        .filter(survey_answers::Column::Id.eq(id))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)?;
    if body.mark.is_some() && a.nps_class != Some(NpsClass::Promoter) {
        return Err(ApiError::conflict(
            Code::InvalidTransition,
            "Only a promoter (9–10) is asked for a testimonial or a referral.",
        ));
    }
    tx.update_in::<survey_answers::Entity>(&scope)
        .col_expr(survey_answers::Column::Mark, Expr::value(body.mark.map(|m| m.as_str().to_string())))
        .filter(survey_answers::Column::Id.eq(id))
        .exec()
        .await?;
    let a = survey_answers::Model { mark: body.mark, ..a };
    let locale = caller_locale(&tx, staff).await?;
    let view = store::views(&tx, vec![a], locale).await?.pop().ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(view)
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowupQuery {
    /// open (default), overdue, closed or all.
    pub filter: Option<FollowupFilter>,
    /// Only this assignee's (owners and admins).
    pub manager: Option<UserId>,
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// Follow-ups in the caller's clients, overdue and soonest due first (five queries + views).
pub async fn list(state: &AppState, staff: &Staff, query: &FollowupQuery) -> ApiResult<FollowupList> {
    staff.require_client_manager()?;
    let paging = Paging::parse(query.page, query.per_page, 25)?;
    let tx = state.db.tenant_read(staff).await?;
    let scope = VisibleClients::for_surveys(&tx, staff).await?;
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let today = store::agency_today(&agency, tx.now());
    let mut base = Condition::all();
    if let Some(m) = query.manager {
        base = base.add(survey_followups::Column::AssigneeId.eq(m));
    }
    let open = Condition::all().add(survey_followups::Column::ClosedAt.is_null());
    let overdue = open.clone().add(survey_followups::Column::DueOn.lt(today));
    let filter = match query.filter.unwrap_or(FollowupFilter::Open) {
        FollowupFilter::Open => open.clone(),
        FollowupFilter::Overdue => overdue.clone(),
        FollowupFilter::Closed => Condition::all().add(survey_followups::Column::ClosedAt.is_not_null()),
        FollowupFilter::All => Condition::all(),
    };
    let q = tx
        .find_in::<survey_followups::Entity>(&VisibleClients::whole_agency())
        .filter(reach(&scope, staff))
        .filter(base.clone());
    let open_n = q.clone().filter(open).count().await?;
    let overdue_n = q.clone().filter(overdue).count().await?;
    let listed = q.filter(filter);
    let total = listed.clone().count().await?;
    let rows = listed
        // Open ones first (soonest due first), then the latest closed; the id settles ties.
        .order_by_desc(Expr::col(survey_followups::Column::ClosedAt).is_null())
        .order_by_asc(survey_followups::Column::DueOn)
        .order_by_desc(survey_followups::Column::ClosedAt)
        .order_by_asc(survey_followups::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    let items = views(&tx, staff, rows, today).await?;
    tx.commit().await?;
    Ok(FollowupList { items, total, page: paging.page, per_page: paging.per_page, open: open_n, overdue: overdue_n })
}

/// The follow-ups a staff member reaches: those of the clients whose surveys they see, and
/// their own (a client reassigned since keeps its follow-up with the manager of the day).
fn reach(scope: &VisibleClients, staff: &Staff) -> Condition {
    if staff.role().is_admin() {
        return Condition::all();
    }
    Condition::any()
        .add(scope.condition(survey_followups::Column::ClientId))
        .add(survey_followups::Column::AssigneeId.eq(staff.user()))
}

async fn views(
    tx: &TenantTx,
    staff: &Staff,
    rows: Vec<survey_followups::Model>,
    today: chrono::NaiveDate,
) -> ApiResult<Vec<FollowupView>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let every = VisibleClients::whole_agency();
    let answer_ids: Vec<SurveyAnswerId> = rows.iter().map(|r| r.answer_id).collect();
    let answers =
        tx.find_in::<survey_answers::Entity>(&every).filter(survey_answers::Column::Id.is_in(answer_ids)).all().await?;
    let locale = caller_locale(tx, staff).await?;
    let mut answers: HashMap<SurveyAnswerId, AnswerView> =
        store::views(tx, answers, locale).await?.into_iter().map(|a| (a.id, a)).collect();
    let names = store::staff_names(tx, rows.iter().flat_map(|r| [r.assignee_id, r.closed_by]).flatten()).await?;
    let r = |id: Option<UserId>| id.map(|id| StaffRef { id, name: names.get(&id).cloned().unwrap_or_default() });
    Ok(rows
        .into_iter()
        .filter_map(|f| {
            Some(FollowupView {
                id: f.id,
                answer: answers.remove(&f.answer_id)?,
                assignee: r(f.assignee_id),
                due_on: f.due_on,
                overdue: f.closed_at.is_none() && f.due_on < today,
                outcome: f.outcome,
                note: f.note,
                closed_by: r(f.closed_by),
                closed_at: f.closed_at,
                created_at: f.created_at,
            })
        })
        .collect())
}

/// Closes a follow-up with its outcome (owners, admins, the client's account manager).
#[tracing::instrument(skip(state, body))]
pub async fn close(
    state: &AppState,
    staff: &Staff,
    id: SurveyFollowupId,
    body: CloseFollowup,
) -> ApiResult<FollowupView> {
    staff.require_client_manager()?;
    let note = input::OptionalMessage::parse(&body.note)
        .map_err(|e| ApiError::invalid("note", Code::ValidationFailed, e.message()))?
        .to_string();
    let tx = state.db.tenant(staff).await?;
    let scope = VisibleClients::for_surveys(&tx, staff).await?;
    let f = tx
        .find_in::<survey_followups::Entity>(&VisibleClients::whole_agency())
        .filter(reach(&scope, staff))
        .filter(survey_followups::Column::Id.eq(id))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)?;
    if f.closed_at.is_some() {
        return Err(ApiError::conflict(Code::InvalidTransition, "This follow-up is closed already."));
    }
    let now = tx.now();
    let row = survey_followups::Model {
        outcome: Some(body.outcome),
        note,
        closed_by: Some(staff.user()),
        closed_at: Some(now),
        ..f
    };
    let closed = tx
        .update_in::<survey_followups::Entity>(&VisibleClients::whole_agency())
        .set(survey_followups::ActiveModel::from(row.clone()).reset_all())
        .filter(survey_followups::Column::Id.eq(id))
        .filter(survey_followups::Column::ClosedAt.is_null())
        .exec()
        .await?
        .rows_affected;
    if closed == 0 {
        return Err(ApiError::conflict(Code::InvalidTransition, "This follow-up is closed already."));
    }
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let today = store::agency_today(&agency, now);
    let view = views(&tx, staff, vec![row], today).await?.pop().ok_or_else(ApiError::not_found)?;
    tx.commit().await?;
    Ok(view)
}

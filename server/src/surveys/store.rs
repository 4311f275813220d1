//! Storing a submitted answer — whichever way it came (portal, e-mailed link, phone, import) —
//! with the client's account manager and segment as they are at that moment, its ratings and
//! its own CSI; a detractor's answer opens a follow-up for the manager (due in the agency's
//! working days) and mails them. And the answers as staff see them, in constant queries.

use super::questions::Checked;
use super::score::CsiTally;
use crate::db::{ClientTx, TenantTx};
use crate::error::ApiResult;
use crate::mail;
use crate::state::AppState;
use accord_api::surveys::{AnswerSource, AnswerView, ExtraAnswer, NpsClass, RatingView};
use accord_api::{
    Activity, ClientId, ContactId, Locale, StaffRef, SurveyAnswerId, SurveyCampaignId, SurveyFollowupId, SurveyWaveId,
    Temperament, UserId, UserStatus, ValueTier,
};
use accord_entity::{
    agencies, clients, contacts, survey_answers, survey_campaigns, survey_followups, survey_ratings, users,
};
use chrono::{Datelike, NaiveDate, Weekday};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The client's manager and segment an answer records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AtTheTime {
    pub manager: Option<UserId>,
    pub manager_known: bool,
    pub temperament: Option<Temperament>,
    pub activity: Option<Activity>,
    pub tier: Option<ValueTier>,
    /// Whether each segment value is known (imports may leave them out).
    pub temperament_known: bool,
    pub activity_known: bool,
    pub tier_known: bool,
}

impl AtTheTime {
    /// As the client stands now (a live answer).
    pub fn now(client: &clients::Model) -> Self {
        Self {
            manager: client.account_manager_id,
            manager_known: true,
            temperament: client.temperament,
            activity: client.activity,
            tier: client.value_tier,
            temperament_known: true,
            activity_known: true,
            tier_known: true,
        }
    }
}

/// An answer to store.
pub struct NewAnswer {
    pub checked: Checked,
    pub source: AnswerSource,
    pub contact: Option<ContactId>,
    pub campaign: Option<SurveyCampaignId>,
    pub wave: Option<SurveyWaveId>,
    pub answered_on: NaiveDate,
    pub taken_by: Option<UserId>,
    pub at: AtTheTime,
    pub import_key: Option<String>,
}

/// The `days`-th working day (Monday–Friday) after `from` (`from` itself for 0).
pub fn add_working_days(from: NaiveDate, days: u32) -> NaiveDate {
    let mut day = from;
    let mut left = days;
    while left > 0 {
        day = day.succ_opt().unwrap_or(day);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// The day in the agency's time zone.
pub fn agency_today(agency: &agencies::Model, now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    now.with_timezone(&crate::reports::period::zone(&agency.time_zone)).date_naive()
}

/// What makes two answers the same one: client, contact, day, score, "why?" and ratings (a
/// SHA-256, hex). Every answer stores it, so an imported row identical to any stored answer is
/// refused.
pub fn fingerprint(client: ClientId, contact: Option<ContactId>, day: NaiveDate, c: &Checked) -> String {
    use sha2::Digest;
    let mut ratings: Vec<_> = c.ratings.iter().map(|(k, i, s)| format!("{k}:{i}:{s}")).collect();
    ratings.sort();
    let text = format!(
        "{client}|{}|{day}|{}|{}|{}",
        contact.map(|c| c.to_string()).unwrap_or_default(),
        c.nps.map(|n| n.to_string()).unwrap_or_default(),
        c.why.trim(),
        ratings.join(",")
    );
    hex::encode(sha2::Sha256::digest(text.as_bytes()))
}

/// The rows of one answer of `client` (the answer and its ratings), ready to insert.
pub fn rows(
    tx_now: chrono::DateTime<chrono::Utc>,
    client: ClientId,
    a: &NewAnswer,
) -> (survey_answers::Model, Vec<survey_ratings::Model>) {
    let id = SurveyAnswerId::new();
    let mut tally = CsiTally::default();
    tally.add_answer(a.checked.ratings.iter().map(|(key, i, s)| (key.as_str(), *i, *s)));
    let csi = tally.figure().map(|f| f.score);
    let answer = survey_answers::Model {
        id,
        agency_id: accord_api::AgencyId(uuid::Uuid::nil()),
        client_id: client,
        campaign_id: a.campaign,
        wave_id: a.wave,
        contact_id: a.contact,
        source: a.source,
        nps: a.checked.nps.map(i32::from),
        nps_class: a.checked.nps.and_then(NpsClass::of),
        why: a.checked.why.clone(),
        extras: serde_json::to_string(&a.checked.extras).unwrap_or_else(|_| "[]".into()),
        csi,
        manager_id: a.at.manager,
        manager_known: a.at.manager_known,
        temperament: a.at.temperament,
        activity: a.at.activity,
        tier: a.at.tier,
        temperament_known: a.at.temperament_known,
        activity_known: a.at.activity_known,
        tier_known: a.at.tier_known,
        answered_on: a.answered_on,
        submitted_at: tx_now,
        taken_by: a.taken_by,
        mark: None,
        import_key: Some(
            a.import_key.clone().unwrap_or_else(|| fingerprint(client, a.contact, a.answered_on, &a.checked)),
        ),
    };
    let ratings = a
        .checked
        .ratings
        .iter()
        .map(|(key, i, s)| survey_ratings::Model {
            id: uuid::Uuid::new_v4(),
            agency_id: answer.agency_id,
            client_id: answer.client_id,
            answer_id: id,
            criterion_key: key.clone(),
            importance: i32::from(*i),
            satisfaction: i32::from(*s),
            answered_on: answer.answered_on,
            manager_id: answer.manager_id,
            manager_known: answer.manager_known,
            temperament: answer.temperament,
            activity: answer.activity,
            tier: answer.tier,
            temperament_known: answer.temperament_known,
            activity_known: answer.activity_known,
            tier_known: answer.tier_known,
        })
        .collect();
    (answer, ratings)
}

/// Stores a live answer in the client's transaction; a detractor's opens a follow-up and
/// mails the manager. Returns the stored row.
pub async fn store(
    tx: &ClientTx,
    state: &AppState,
    a: NewAnswer,
    followup_days: u8,
) -> ApiResult<survey_answers::Model> {
    let (answer, ratings) = rows(tx.now(), tx.client_id(), &a);
    tx.insert(survey_answers::ActiveModel::from(answer.clone())).await?;
    if !ratings.is_empty() {
        tx.insert_many(ratings.into_iter().map(survey_ratings::ActiveModel::from)).await?;
    }
    let stored = survey_answers::Model { agency_id: tx.agency_id(), ..answer };
    if stored.nps_class == Some(NpsClass::Detractor) {
        open_followup(tx, state, &stored, followup_days).await?;
    }
    Ok(stored)
}

async fn open_followup(
    tx: &ClientTx,
    state: &AppState,
    answer: &survey_answers::Model,
    followup_days: u8,
) -> ApiResult<()> {
    // Counted from the day it reaches the agency: a call recorded late is not overdue at once.
    let agency = tx.agency().find::<agencies::Entity>().one().await?.ok_or_else(crate::error::ApiError::not_found)?;
    let recorded = agency_today(&agency, tx.now()).max(answer.answered_on);
    let due_on = add_working_days(recorded, u32::from(followup_days));
    tx.insert(survey_followups::ActiveModel::from(survey_followups::Model {
        id: SurveyFollowupId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        answer_id: answer.id,
        assignee_id: answer.manager_id,
        due_on,
        outcome: None,
        note: String::new(),
        closed_by: None,
        closed_at: None,
        created_at: tx.now(),
    }))
    .await?;
    // The manager of the moment, or (a client without an active one) the agency's first owner,
    // so a detractor never goes unnoticed.
    let active = |id: UserId| {
        tx.agency()
            .find::<users::Entity>()
            .filter(users::Column::Id.eq(id))
            .filter(users::Column::Status.eq(UserStatus::Active))
    };
    let user = match answer.manager_id {
        Some(m) => active(m).one().await?,
        None => None,
    };
    let user = match user {
        Some(u) => u,
        None => match tx
            .agency()
            .find::<users::Entity>()
            .filter(users::Column::StaffRole.eq(accord_api::StaffRole::Owner))
            .filter(users::Column::Status.eq(UserStatus::Active))
            .order_by_asc(users::Column::CreatedAt)
            .one()
            .await?
        {
            Some(owner) => owner,
            None => return Ok(()),
        },
    };
    let contact = match answer.contact_id {
        Some(id) => tx.find::<contacts::Entity>().filter(contacts::Column::Id.eq(id)).one().await?.map(|c| c.name),
        None => None,
    };
    let link = format!("{}/app/surveys/follow-ups", state.settings.public_url);
    let m = super::mail::detractor(
        (&user.email, &user.name),
        user.locale,
        super::mail::Detractor {
            client: &tx.client().name,
            contact: contact.as_deref(),
            score: answer.nps.unwrap_or_default(),
            why: &answer.why,
            due_on,
        },
        &link,
    );
    mail::enqueue(tx, Some(tx.agency_id()), m).await
}

/// The names of these staff members (one query; none without ids).
pub use crate::clients::view::staff_names;

/// Answers as staff see them (six queries whatever their number).
pub async fn views(tx: &TenantTx, rows: Vec<survey_answers::Model>, locale: Locale) -> ApiResult<Vec<AnswerView>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<SurveyAnswerId> = rows.iter().map(|r| r.id).collect();
    // The rows were read within the caller's clients; their details come with them.
    let every = crate::clients::access::VisibleClients::whole_agency();
    let ratings = tx
        .find_in::<survey_ratings::Entity>(&every)
        .filter(survey_ratings::Column::AnswerId.is_in(ids.iter().copied()))
        .all()
        .await?;
    let client_ids: Vec<_> = rows.iter().map(|r| r.client_id).collect();
    let client_names: HashMap<_, _> = tx
        .find_in::<clients::Entity>(&every)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .filter(clients::Column::Id.is_in(client_ids))
        .into_tuple::<(accord_api::ClientId, String)>()
        .all()
        .await?
        .into_iter()
        .collect();
    let contact_ids: Vec<_> = rows.iter().filter_map(|r| r.contact_id).collect();
    let contact_names: HashMap<_, _> = if contact_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<contacts::Entity>(&every)
            .select_only()
            .column(contacts::Column::Id)
            .column(contacts::Column::Name)
            .filter(contacts::Column::Id.is_in(contact_ids))
            .into_tuple::<(ContactId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let user_names = staff_names(tx, rows.iter().flat_map(|r| [r.manager_id, r.taken_by]).flatten()).await?;
    let criteria: HashMap<String, (String, String)> =
        super::settings::all_criteria(tx).await?.into_iter().map(|(k, ru, en, _)| (k, (ru, en))).collect();
    let campaign_ids: Vec<_> = rows.iter().filter_map(|r| r.campaign_id).collect();
    let campaign_names: HashMap<_, _> = if campaign_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find::<survey_campaigns::Entity>()
            .select_only()
            .column(survey_campaigns::Column::Id)
            .column(survey_campaigns::Column::Name)
            .filter(survey_campaigns::Column::Id.is_in(campaign_ids))
            .into_tuple::<(SurveyCampaignId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let mut by_answer: HashMap<SurveyAnswerId, Vec<survey_ratings::Model>> = HashMap::new();
    for r in ratings {
        by_answer.entry(r.answer_id).or_default().push(r);
    }
    let staff_ref =
        |id: Option<UserId>| id.map(|id| StaffRef { id, name: user_names.get(&id).cloned().unwrap_or_default() });
    Ok(rows
        .into_iter()
        .map(|r| {
            let ratings = by_answer
                .remove(&r.id)
                .unwrap_or_default()
                .into_iter()
                .map(|x| RatingView {
                    name: criteria
                        .get(&x.criterion_key)
                        .map(|(ru, en)| if locale == Locale::Ru { ru.clone() } else { en.clone() })
                        .unwrap_or_else(|| x.criterion_key.clone()),
                    key: x.criterion_key,
                    importance: u8::try_from(x.importance).unwrap_or(0),
                    satisfaction: u8::try_from(x.satisfaction).unwrap_or(0),
                })
                .collect();
            AnswerView {
                id: r.id,
                client_id: r.client_id,
                client_name: client_names.get(&r.client_id).cloned().unwrap_or_default(),
                contact_id: r.contact_id,
                contact_name: r.contact_id.and_then(|c| contact_names.get(&c).cloned()),
                campaign_name: r.campaign_id.and_then(|c| campaign_names.get(&c).cloned()),
                source: r.source,
                submitted_at: r.submitted_at,
                answered_on: r.answered_on,
                taken_by: staff_ref(r.taken_by),
                nps: r.nps.and_then(|n| u8::try_from(n).ok()),
                class: r.nps_class,
                why: r.why,
                ratings,
                csi: r.csi,
                manager: staff_ref(r.manager_id),
                manager_known: r.manager_known,
                temperament: r.temperament,
                activity: r.activity,
                tier: r.tier,
                segment_known: r.temperament_known && r.activity_known && r.tier_known,
                mark: r.mark,
                extras: serde_json::from_str::<Vec<ExtraAnswer>>(&r.extras).unwrap_or_default(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::add_working_days;
    use chrono::NaiveDate;

    #[test]
    fn follow_ups_fall_due_on_working_days() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(add_working_days(d(12, 3), 2), d(12, 7), "Thursday + 2 = Monday");
        assert_eq!(add_working_days(d(12, 4), 1), d(12, 7), "Friday + 1 = Monday");
        assert_eq!(add_working_days(d(12, 5), 1), d(12, 7), "Saturday + 1 = Monday");
        assert_eq!(add_working_days(d(12, 7), 0), d(12, 7));
        assert_eq!(add_working_days(d(12, 7), 5), d(12, 14));
    }
}

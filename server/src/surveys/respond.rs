//! Answering a survey: in the portal (a signed-in contact, only their own invitations) or from
//! the e-mailed one-time link (no sign-in: the token, stored only hashed, is the credential; it
//! is bound to one contact and one wave, works until the wave closes, can be used to save a
//! draft and come back, and is used up when the answer is submitted). Both save drafts and
//! submit through the same code.

use super::questions::{check_draft, check_submit, Questions};
use super::settings;
use super::store::{self, AtTheTime, NewAnswer};
use crate::auth::session::hash_token;
use crate::clients::access;
use crate::db::{ClientTx, ClientView, Scoped};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::error::Code;
use accord_api::surveys::{
    AnswerInput, AnswerSource, LinkState, LinkSurvey, OpenSurvey, OwnAnswer, PortalSurveys, RatingView, SurveyForm,
};
use accord_api::{AgencyStatus, Locale, SurveyCampaignId, SurveyInvitationId, SurveyWaveId, UserStatus};
use accord_entity::{
    agencies, contacts, survey_answers, survey_campaigns, survey_invitations, survey_links, survey_ratings,
    survey_waves, users,
};
use sea_orm::sea_query::SimpleExpr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;

/// How many of their own past answers a contact sees.
const OWN_ANSWERS: u64 = 20;

/// An invitation with its wave and campaign.
struct Open {
    inv: survey_invitations::Model,
    wave: survey_waves::Model,
    campaign: survey_campaigns::Model,
}

async fn load(tx: &ClientTx, inv: survey_invitations::Model) -> ApiResult<Open> {
    let wave = tx
        .agency()
        .find::<survey_waves::Entity>()
        .filter(survey_waves::Column::Id.eq(inv.wave_id))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)?;
    let campaign = tx
        .agency()
        .find::<survey_campaigns::Entity>()
        .filter(survey_campaigns::Column::Id.eq(inv.campaign_id))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Open { inv, wave, campaign })
}

fn state_of(o: &Open, now: chrono::DateTime<chrono::Utc>) -> LinkState {
    if o.inv.answered_at.is_some() {
        LinkState::Answered
    } else if o.wave.closed_at.is_some() {
        LinkState::Closed
    } else if now >= o.inv.expires_at {
        LinkState::Expired
    } else {
        LinkState::Open
    }
}

async fn agency(tx: &ClientTx) -> ApiResult<agencies::Model> {
    tx.agency().find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)
}

fn form(o: &Open, agency: &str, locale: Locale) -> ApiResult<SurveyForm> {
    let q = Questions::parse(&o.wave.questions)?;
    let draft = o.inv.draft.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default();
    Ok(SurveyForm {
        invitation_id: o.inv.id,
        agency_name: agency.to_string(),
        campaign_name: o.campaign.name.clone(),
        locale,
        nps: q.nps_texts(locale, agency),
        criteria: q.form_criteria(locale),
        extras: q.form_extras(locale),
        draft,
        closes_at: o.inv.expires_at,
    })
}

fn refuse_unless_open(o: &Open, now: chrono::DateTime<chrono::Utc>, link: bool) -> ApiResult<()> {
    match state_of(o, now) {
        LinkState::Open => Ok(()),
        LinkState::Answered if link => {
            Err(ApiError::conflict(Code::LinkUsed, "This survey link was used: the answer is recorded."))
        }
        LinkState::Answered => Err(ApiError::conflict(Code::Conflict, "You answered this survey already.")),
        LinkState::Expired | LinkState::Closed => Err(ApiError::conflict(Code::Conflict, "This survey has closed.")),
    }
}

async fn save_draft(tx: &ClientTx, o: &mut Open, input: &AnswerInput) -> ApiResult<()> {
    let q = Questions::parse(&o.wave.questions)?;
    let draft = check_draft(&q, input)?;
    let json = serde_json::to_string(&draft).map_err(ApiError::internal)?;
    o.inv.draft = Some(json.clone());
    tx.update_many::<survey_invitations::Entity>()
        .col_expr(survey_invitations::Column::Draft, sea_orm::sea_query::Expr::value(json))
        .filter(survey_invitations::Column::Id.eq(o.inv.id))
        .exec()
        .await?;
    Ok(())
}

async fn submit(
    tx: &ClientTx,
    state: &AppState,
    o: &mut Open,
    input: &AnswerInput,
    source: AnswerSource,
) -> ApiResult<survey_answers::Model> {
    let q = Questions::parse(&o.wave.questions)?;
    let checked = check_submit(&q, input)?;
    let now = tx.now();
    // Used up only now, and only once: a second submit racing this one changes no row.
    let used = tx
        .update_many::<survey_invitations::Entity>()
        .col_expr(survey_invitations::Column::AnsweredAt, sea_orm::sea_query::Expr::value(now))
        .col_expr(survey_invitations::Column::Draft, sea_orm::sea_query::Expr::value(Option::<String>::None))
        .filter(survey_invitations::Column::Id.eq(o.inv.id))
        .filter(survey_invitations::Column::AnsweredAt.is_null())
        .exec()
        .await?
        .rows_affected;
    if used == 0 {
        return Err(ApiError::conflict(Code::LinkUsed, "This survey was answered already."));
    }
    o.inv.answered_at = Some(now);
    let agency = agency(tx).await?;
    let followup_days = settings::load(tx.agency()).await?.followup_days;
    store::store(
        tx,
        state,
        NewAnswer {
            checked,
            source,
            contact: Some(o.inv.contact_id),
            campaign: Some(o.campaign.id),
            wave: Some(o.wave.id),
            answered_on: store::agency_today(&agency, now),
            taken_by: None,
            at: AtTheTime::now(tx.client()),
            import_key: None,
        },
        followup_days,
    )
    .await
}

// ---- Portal ----

async fn own(tx: &ClientTx, contact: &PortalContact, id: SurveyInvitationId) -> ApiResult<Open> {
    let inv = tx
        .find::<survey_invitations::Entity>()
        .filter(survey_invitations::Column::Id.eq(id))
        .filter(survey_invitations::Column::ContactId.eq(contact.contact()))
        .one()
        .await?
        .ok_or_else(ApiError::not_found)?;
    load(tx, inv).await
}

/// The contact's unanswered invitations that have not expired.
fn pending<'a>(tx: &'a ClientView, contact: &PortalContact) -> Scoped<'a, Select<survey_invitations::Entity>> {
    tx.find::<survey_invitations::Entity>()
        .filter(survey_invitations::Column::ContactId.eq(contact.contact()))
        .filter(survey_invitations::Column::AnsweredAt.is_null())
        .filter(survey_invitations::Column::ExpiresAt.gt(tx.now()))
}

/// How many invitations [`open_for`] would start from, as a sub-select (a count), so a page
/// can skip it when there are none.
pub fn pending_count(tx: &ClientView, contact: &PortalContact) -> SimpleExpr {
    pending(tx, contact).count_sub_select()
}

/// The contact's open surveys (three queries, one when none is pending), for the portal
/// home's banner too.
pub async fn open_for(tx: &ClientTx, contact: &PortalContact) -> ApiResult<Vec<OpenSurvey>> {
    let invs = pending(tx, contact).order_by_asc(survey_invitations::Column::ExpiresAt).limit(10).all().await?;
    if invs.is_empty() {
        return Ok(Vec::new());
    }
    let wave_ids: Vec<SurveyWaveId> = invs.iter().map(|i| i.wave_id).collect();
    let closed: Vec<SurveyWaveId> = tx
        .agency()
        .find::<survey_waves::Entity>()
        .select_only()
        .column(survey_waves::Column::Id)
        .filter(survey_waves::Column::Id.is_in(wave_ids))
        .filter(survey_waves::Column::ClosedAt.is_not_null())
        .into_tuple()
        .all()
        .await?;
    let campaign_ids: Vec<SurveyCampaignId> = invs.iter().map(|i| i.campaign_id).collect();
    let names: HashMap<SurveyCampaignId, String> = tx
        .agency()
        .find::<survey_campaigns::Entity>()
        .select_only()
        .column(survey_campaigns::Column::Id)
        .column(survey_campaigns::Column::Name)
        .filter(survey_campaigns::Column::Id.is_in(campaign_ids))
        .into_tuple::<(SurveyCampaignId, String)>()
        .all()
        .await?
        .into_iter()
        .collect();
    Ok(invs
        .into_iter()
        .filter(|i| !closed.contains(&i.wave_id))
        .map(|i| OpenSurvey {
            invitation_id: i.id,
            campaign_name: names.get(&i.campaign_id).cloned().unwrap_or_default(),
            closes_at: i.expires_at,
            started: i.draft.is_some(),
        })
        .collect())
}

/// The portal's survey page: open surveys and the contact's own latest answers.
pub async fn portal_list(state: &AppState, contact: &PortalContact) -> ApiResult<PortalSurveys> {
    let tx = access::open_portal_read(state, contact).await?;
    let open = open_for(&tx, contact).await?;
    let answers = tx
        .find::<survey_answers::Entity>()
        .filter(survey_answers::Column::ContactId.eq(contact.contact()))
        .order_by_desc(survey_answers::Column::SubmittedAt)
        .limit(OWN_ANSWERS)
        .all()
        .await?;
    let ids: Vec<_> = answers.iter().map(|a| a.id).collect();
    let ratings = if ids.is_empty() {
        Vec::new()
    } else {
        tx.find::<survey_ratings::Entity>().filter(survey_ratings::Column::AnswerId.is_in(ids)).all().await?
    };
    let locale = contact_locale(&tx, contact).await?;
    let criteria: HashMap<String, String> = settings::all_criteria(tx.agency())
        .await?
        .into_iter()
        .map(|(k, ru, en, _)| (k, if locale == Locale::Ru { ru } else { en }))
        .collect();
    let campaign_ids: Vec<SurveyCampaignId> = answers.iter().filter_map(|a| a.campaign_id).collect();
    let names: HashMap<SurveyCampaignId, String> = if campaign_ids.is_empty() {
        HashMap::new()
    } else {
        tx.agency()
            .find::<survey_campaigns::Entity>()
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
    tx.commit().await?;
    let answered = answers
        .into_iter()
        .map(|a| OwnAnswer {
            id: a.id,
            campaign_name: a.campaign_id.and_then(|c| names.get(&c).cloned()),
            submitted_at: a.submitted_at,
            nps: a.nps.and_then(|n| u8::try_from(n).ok()),
            why: a.why,
            ratings: ratings
                .iter()
                .filter(|r| r.answer_id == a.id)
                .map(|r| RatingView {
                    key: r.criterion_key.clone(),
                    name: criteria.get(&r.criterion_key).cloned().unwrap_or_else(|| r.criterion_key.clone()),
                    importance: u8::try_from(r.importance).unwrap_or(0),
                    satisfaction: u8::try_from(r.satisfaction).unwrap_or(0),
                })
                .collect(),
        })
        .collect();
    Ok(PortalSurveys { open, answered })
}

async fn contact_locale(tx: &ClientTx, contact: &PortalContact) -> ApiResult<Locale> {
    Ok(tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(contact.user()))
        .one()
        .await?
        .map(|u| u.locale)
        .unwrap_or_default())
}

pub async fn portal_form(state: &AppState, contact: &PortalContact, id: SurveyInvitationId) -> ApiResult<SurveyForm> {
    let tx = access::open_portal_read(state, contact).await?;
    let o = own(&tx, contact, id).await?;
    refuse_unless_open(&o, tx.now(), false)?;
    let agency = agency(&tx).await?;
    let locale = contact_locale(&tx, contact).await?;
    let f = form(&o, &agency.name, locale)?;
    tx.commit().await?;
    Ok(f)
}

pub async fn portal_draft(
    state: &AppState,
    contact: &PortalContact,
    id: SurveyInvitationId,
    input: AnswerInput,
) -> ApiResult<SurveyForm> {
    let tx = access::open_portal(state, contact).await?;
    let mut o = own(&tx, contact, id).await?;
    refuse_unless_open(&o, tx.now(), false)?;
    save_draft(&tx, &mut o, &input).await?;
    let agency = agency(&tx).await?;
    let locale = contact_locale(&tx, contact).await?;
    let f = form(&o, &agency.name, locale)?;
    tx.commit().await?;
    Ok(f)
}

pub async fn portal_submit(
    state: &AppState,
    contact: &PortalContact,
    id: SurveyInvitationId,
    input: AnswerInput,
) -> ApiResult<OwnAnswer> {
    let tx = access::open_portal(state, contact).await?;
    let mut o = own(&tx, contact, id).await?;
    refuse_unless_open(&o, tx.now(), false)?;
    let a = submit(&tx, state, &mut o, &input, AnswerSource::Portal).await?;
    let ratings = tx.find::<survey_ratings::Entity>().filter(survey_ratings::Column::AnswerId.eq(a.id)).all().await?;
    let q = Questions::parse(&o.wave.questions)?;
    let locale = contact_locale(&tx, contact).await?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    let names: HashMap<String, String> = q.form_criteria(locale).into_iter().map(|c| (c.key, c.name)).collect();
    Ok(OwnAnswer {
        id: a.id,
        campaign_name: Some(o.campaign.name),
        submitted_at: a.submitted_at,
        nps: a.nps.and_then(|n| u8::try_from(n).ok()),
        why: a.why,
        ratings: ratings
            .into_iter()
            .map(|r| RatingView {
                name: names.get(&r.criterion_key).cloned().unwrap_or_else(|| r.criterion_key.clone()),
                key: r.criterion_key,
                importance: u8::try_from(r.importance).unwrap_or(0),
                satisfaction: u8::try_from(r.satisfaction).unwrap_or(0),
            })
            .collect(),
    })
}

// ---- The e-mailed link ----

/// The invitation a token names (through the platform escape hatch, by the token's hash among
/// the invitation's mailed links), opened in its client's transaction. An unknown token is 404
/// `link_invalid`; a link whose person may no longer take part — the agency suspended, the
/// contact gone from the client or their account disabled, the client archived — is 410
/// `link_revoked`, as signing in would be refused.
async fn by_token(state: &AppState, token: &str) -> ApiResult<(ClientTx, Open, Locale)> {
    let invalid =
        || ApiError::of(Code::LinkInvalid, "This survey link is not valid. Use the latest link you received.");
    if token.is_empty() || token.len() > 100 {
        return Err(invalid());
    }
    let found = {
        let tx = state.db.unscoped_read("survey link by token").await?;
        let link = survey_links::Entity::find()
            .filter(survey_links::Column::TokenHash.eq(hash_token(token)))
            .one(tx.conn())
            .await?;
        tx.commit().await?;
        link
    };
    let link = found.ok_or_else(invalid)?;
    // The agency and client come from the row the token named, never from the request.
    let tx = access::open_for_job(state, link.agency_id, link.client_id).await?;
    let inv = tx
        .find::<survey_invitations::Entity>()
        .filter(survey_invitations::Column::Id.eq(link.invitation_id))
        .one()
        .await?
        .ok_or_else(invalid)?;
    let revoked = || ApiError::of(Code::LinkRevoked, "This survey link no longer works.");
    let agency = agency(&tx).await?;
    if agency.status != AgencyStatus::Active || tx.client().archived_at.is_some() {
        return Err(revoked());
    }
    let contact = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::Id.eq(inv.contact_id))
        .one()
        .await?
        .filter(|c| c.left_at.is_none())
        .ok_or_else(revoked)?;
    let user = match contact.user_id {
        Some(u) => tx.agency().find::<users::Entity>().filter(users::Column::Id.eq(u)).one().await?,
        None => None,
    };
    if user.as_ref().is_some_and(|u| u.status != UserStatus::Active) {
        return Err(revoked());
    }
    let o = load(&tx, inv).await?;
    Ok((tx, o, user.map_or(agency.default_locale, |u| u.locale)))
}

async fn link_view(tx: &ClientTx, o: &Open, locale: Locale) -> ApiResult<LinkSurvey> {
    let agency = agency(tx).await?;
    let state = state_of(o, tx.now());
    Ok(LinkSurvey {
        state,
        agency_name: agency.name.clone(),
        locale,
        form: if state == LinkState::Open { Some(form(o, &agency.name, locale)?) } else { None },
    })
}

pub async fn link_get(state: &AppState, token: &str) -> ApiResult<LinkSurvey> {
    let (tx, o, locale) = by_token(state, token).await?;
    let view = link_view(&tx, &o, locale).await?;
    tx.commit().await?;
    Ok(view)
}

pub async fn link_draft(state: &AppState, token: &str, input: AnswerInput) -> ApiResult<LinkSurvey> {
    let (tx, mut o, locale) = by_token(state, token).await?;
    refuse_unless_open(&o, tx.now(), true)?;
    save_draft(&tx, &mut o, &input).await?;
    let view = link_view(&tx, &o, locale).await?;
    tx.commit().await?;
    Ok(view)
}

pub async fn link_submit(state: &AppState, token: &str, input: AnswerInput) -> ApiResult<LinkSurvey> {
    let (tx, mut o, locale) = by_token(state, token).await?;
    refuse_unless_open(&o, tx.now(), true)?;
    submit(&tx, state, &mut o, &input, AnswerSource::Link).await?;
    let view = link_view(&tx, &o, locale).await?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

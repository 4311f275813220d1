//! The client's side: upcoming meetings with their agenda, "add a question for the next
//! meeting", published minutes (the latest revision only, with what changed), acknowledging or
//! disputing them (approvers), items on the client's side, and confirming a promise's new date.

use super::service::{append_agenda, parse_list, responses};
use super::store;
use super::{notify, MeetingError};
use crate::clients::access;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::PortalContact;
use accord_api::input;
use accord_api::meetings::{
    AckState, Acknowledge, ActionItemView, AgendaItemView, AttendeesView, Dispute, NewAgendaItem, PortalMeetings,
    PortalMinutes, PortalUpcoming, Side,
};
use accord_api::{ActionItemId, MeetingId, PortalRole};
use accord_entity::{action_items, agenda_items, meetings, minutes_responses, minutes_revisions, promise_changes};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};

fn approver(contact: &PortalContact) -> bool {
    contact.portal_role() == PortalRole::Approver
}

/// Ids of meetings whose minutes the client can see.
async fn published_ids(tx: &crate::db::ClientTx) -> ApiResult<Vec<MeetingId>> {
    Ok(tx
        .find::<meetings::Entity>()
        .select_only()
        .column(meetings::Column::Id)
        .filter(meetings::Column::Revision.gt(0))
        .into_tuple()
        .all()
        .await?)
}

/// The portal's meetings page (a fixed number of queries).
pub async fn overview(state: &AppState, contact: &PortalContact) -> ApiResult<PortalMeetings> {
    let tx = access::open_portal_read(state, contact).await?;
    let agency = store::agency(&tx).await?;
    let now = tx.now();
    let today = store::today(&agency, now);
    let (upcoming, stored) = store::upcoming(&tx, now, agency.ack_days, 5).await?;
    let names = store::names(&tx).await?;
    let ids: Vec<MeetingId> = stored.iter().map(|m| m.id).collect();
    let agenda_rows = if ids.is_empty() {
        vec![]
    } else {
        tx.find::<agenda_items::Entity>()
            .filter(agenda_items::Column::MeetingId.is_in(ids))
            .order_by_asc(agenda_items::Column::Position)
            .all()
            .await?
    };
    let agenda = store::agenda_views(&tx, agenda_rows.clone(), &names).await?;
    let minutes = tx
        .find::<meetings::Entity>()
        .filter(meetings::Column::Revision.gt(0))
        .order_by_desc(meetings::Column::StartsAt)
        .limit(50)
        .all()
        .await?;
    let published = published_ids(&tx).await?;
    let visible_items = sea_orm::Condition::any()
        .add(action_items::Column::MeetingId.is_null())
        .add(action_items::Column::MeetingId.is_in(published));
    let mine = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::Side.eq(Side::Client))
        .filter(action_items::Column::DoneOn.is_null())
        .filter(visible_items.clone())
        .order_by_asc(action_items::Column::DueOn)
        .limit(100)
        .all()
        .await?;
    let pending: Vec<ActionItemId> = tx
        .find::<promise_changes::Entity>()
        .select_only()
        .column(promise_changes::Column::ActionItemId)
        .filter(promise_changes::Column::AgreedAt.is_null())
        .into_tuple()
        .all()
        .await?;
    let confirm = if pending.is_empty() {
        vec![]
    } else {
        tx.find::<action_items::Entity>()
            .filter(action_items::Column::Id.is_in(pending))
            .filter(action_items::Column::DoneOn.is_null())
            .filter(visible_items)
            .order_by_asc(action_items::Column::DueOn)
            .all()
            .await?
    };
    let split = mine.len();
    let mut all = mine;
    all.extend(confirm);
    let mut views = store::action_views(&tx, all, &names, today).await?;
    let to_confirm = views.split_off(split);
    tx.commit().await?;
    let upcoming = upcoming
        .into_iter()
        .map(|summary| {
            let items: Vec<AgendaItemView> = match summary.id {
                Some(id) => agenda_rows
                    .iter()
                    .zip(agenda.iter())
                    .filter(|(row, _)| row.meeting_id == id)
                    .map(|(_, v)| v.clone())
                    .collect(),
                None => vec![],
            };
            let mut summary = summary;
            summary.agenda_count = u32::try_from(items.len()).unwrap_or(0);
            PortalUpcoming { summary, agenda: items }
        })
        .collect();
    Ok(PortalMeetings {
        upcoming,
        minutes: minutes.iter().map(|m| store::summary(m, 0, agency.ack_days, now)).collect(),
        on_your_side: views,
        to_confirm: to_confirm.into_iter().filter(|v| v.pending.is_some()).collect(),
        can_respond: approver(contact),
    })
}

/// Published minutes: the latest revision, decisions marked where they changed since the
/// revision before. Unpublished meetings are not found.
pub async fn minutes(state: &AppState, contact: &PortalContact, id: MeetingId) -> ApiResult<PortalMinutes> {
    let tx = access::open_portal_read(state, contact).await?;
    minutes_in(tx, contact, id).await
}

async fn minutes_in(tx: crate::db::ClientTx, contact: &PortalContact, id: MeetingId) -> ApiResult<PortalMinutes> {
    let m = store::meeting(&tx, id).await?;
    if m.revision == 0 {
        return Err(MeetingError::NotFound.into());
    }
    let agency = store::agency(&tx).await?;
    let now = tx.now();
    let today = store::today(&agency, now);
    let revisions = tx
        .find::<minutes_revisions::Entity>()
        .filter(minutes_revisions::Column::MeetingId.eq(m.id))
        .filter(minutes_revisions::Column::Revision.gte(m.revision - 1))
        .all()
        .await?;
    let latest = revisions.iter().find(|r| r.revision == m.revision).ok_or(MeetingError::NotFound)?;
    let before = revisions.iter().find(|r| r.revision == m.revision - 1).map(|r| parse_list(&r.decisions));
    let names = store::names(&tx).await?;
    let items = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::MeetingId.eq(m.id))
        .order_by_asc(action_items::Column::Position)
        .all()
        .await?;
    let action_items: Vec<ActionItemView> = store::action_views(&tx, items, &names, today).await?;
    let responses = responses(&tx, m.id, &names).await?;
    tx.commit().await?;
    let attendees: AttendeesView = serde_json::from_str(&latest.attendees).unwrap_or(AttendeesView {
        staff: vec![],
        contacts: vec![],
        guests: vec![],
    });
    Ok(PortalMinutes {
        summary: store::summary(&m, 0, agency.ack_days, now),
        revision: u32::try_from(m.revision).unwrap_or(0),
        published_at: latest.published_at,
        attendees,
        notes_html: latest.notes_html.clone(),
        decisions: store::decisions_against(&parse_list(&latest.decisions), before.as_deref()),
        action_items,
        responses,
        can_respond: approver(contact),
    })
}

/// Adds the contact's question to the next meeting (stored now if it was only computed).
#[tracing::instrument(skip(state, input))]
pub async fn add_question(
    state: &AppState,
    contact: &PortalContact,
    input: NewAgendaItem,
) -> ApiResult<AgendaItemView> {
    let tx = access::open_portal(state, contact).await?;
    let mut next = store::next_meeting(&tx, tx.now()).await?.ok_or(MeetingError::NoUpcomingMeeting)?;
    let row = append_agenda(&tx, &mut next, &input, contact.user(), true).await?;
    let names = store::names(&tx).await?;
    let view = store::agenda_views(&tx, vec![row], &names).await?.remove(0);
    tx.commit().await?;
    Ok(view)
}

async fn respond(
    state: &AppState,
    contact: &PortalContact,
    id: MeetingId,
    revision: u32,
    dispute: Option<(u16, String)>,
) -> ApiResult<PortalMinutes> {
    if !approver(contact) {
        return Err(MeetingError::NotApprover.into());
    }
    let tx = access::open_portal(state, contact).await?;
    let mut m = store::meeting(&tx, id).await?;
    if m.revision == 0 {
        return Err(MeetingError::NotFound.into());
    }
    if i64::from(revision) != i64::from(m.revision) {
        return Err(MeetingError::StaleRevision.into());
    }
    // Acknowledging what is already acknowledged changes nothing (no second row, no mail).
    if dispute.is_none() && m.ack == AckState::Acknowledged {
        return minutes_in(tx, contact, id).await;
    }
    let latest = tx
        .find::<minutes_revisions::Entity>()
        .filter(minutes_revisions::Column::MeetingId.eq(m.id))
        .filter(minutes_revisions::Column::Revision.eq(m.revision))
        .one()
        .await?
        .ok_or(MeetingError::NotFound)?;
    let decisions = parse_list(&latest.decisions);
    if let Some((decision, _)) = &dispute {
        if *decision == 0 || usize::from(*decision) > decisions.len() {
            return Err(MeetingError::NoSuchDecision.into());
        }
    }
    let names = store::names(&tx).await?;
    let who = names.contacts.get(&contact.contact()).cloned().unwrap_or_default();
    tx.insert(minutes_responses::ActiveModel::from(minutes_responses::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        meeting_id: m.id,
        revision: m.revision,
        contact_id: contact.contact(),
        acknowledged: dispute.is_none(),
        decision_number: dispute.as_ref().map(|(d, _)| i32::from(*d)),
        comment: dispute.as_ref().map(|(_, c)| c.clone()),
        at: tx.now(),
    }))
    .await?;
    m.ack = if dispute.is_some() { AckState::Disputed } else { AckState::Acknowledged };
    m.ack_at = Some(tx.now());
    m.updated_at = tx.now();
    store::save_meeting(&tx, &m).await?;
    match &dispute {
        Some((decision, comment)) => {
            store::event(&tx, m.id, "disputed", Some(format!("{decision}: {comment}")), &who).await?;
            notify::disputed(&tx, state, &m, &who, *decision, comment).await?;
        }
        None => {
            store::event(&tx, m.id, "acknowledged", Some(format!("{}", m.revision)), &who).await?;
            super::promises::agree_in_minutes(&tx, &latest, &decisions, contact.contact()).await?;
        }
    }
    crate::health::changed(&tx).await?;
    minutes_in(tx, contact, id).await
}

pub async fn acknowledge(
    state: &AppState,
    contact: &PortalContact,
    id: MeetingId,
    input: Acknowledge,
) -> ApiResult<PortalMinutes> {
    respond(state, contact, id, input.revision, None).await
}

pub async fn dispute(
    state: &AppState,
    contact: &PortalContact,
    id: MeetingId,
    input: Dispute,
) -> ApiResult<PortalMinutes> {
    let comment = input::Message::parse(&input.comment).field("comment")?;
    respond(state, contact, id, input.revision, Some((input.decision, comment))).await
}

/// An approver agrees to a promise's new date; too late once the old date has passed.
pub async fn confirm(state: &AppState, contact: &PortalContact, id: ActionItemId) -> ApiResult<ActionItemView> {
    if !approver(contact) {
        return Err(MeetingError::NotApprover.into());
    }
    let tx = access::open_portal(state, contact).await?;
    let mut item = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(MeetingError::NotFound)?;
    let published = published_ids(&tx).await?;
    if item.meeting_id.is_some_and(|m| !published.contains(&m)) {
        return Err(MeetingError::NotFound.into());
    }
    let mut change = tx
        .find::<promise_changes::Entity>()
        .filter(promise_changes::Column::ActionItemId.eq(id))
        .filter(promise_changes::Column::AgreedAt.is_null())
        .order_by_desc(promise_changes::Column::ProposedAt)
        .one()
        .await?
        .ok_or(MeetingError::NothingToConfirm)?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    if today > change.from_on || item.due_on != change.from_on || item.done_on.is_some() {
        return Err(MeetingError::TooLate.into());
    }
    change.agreed_by = Some(contact.contact());
    change.agreed_at = Some(tx.now());
    item.due_on = change.to_on;
    tx.update(sea_orm::ActiveModelTrait::reset_all(promise_changes::ActiveModel::from(change))).await?;
    tx.update(sea_orm::ActiveModelTrait::reset_all(action_items::ActiveModel::from(item.clone()))).await?;
    let names = store::names(&tx).await?;
    let view = store::action_views(&tx, vec![item], &names, today).await?.remove(0);
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

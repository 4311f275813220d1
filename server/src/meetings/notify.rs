//! Mail about meetings, written to the outbox in the change's own transaction, each in the
//! recipient's language: "minutes published — please acknowledge" to approvers, a dispute
//! notice to the account manager, and a schedule notice to the invitees (by default the
//! account manager and the client's people with portal access) when a meeting is set, moved,
//! cancelled or restored.

use crate::db::ClientTx;
use crate::error::ApiResult;
use crate::mail::{self, templates, Attachment};
use crate::state::AppState;
use accord_api::{PortalRole, UserId, UserStatus};
use accord_entity::{agencies, contacts, meetings, users};
use sea_orm::{ColumnTrait, QueryFilter};

async fn agency_name(tx: &ClientTx) -> ApiResult<String> {
    Ok(tx.agency().find::<agencies::Entity>().one().await?.map(|a| a.name).unwrap_or_default())
}

/// Active portal users among the client's contacts (approvers only when asked).
async fn portal_people(tx: &ClientTx, approvers_only: bool) -> ApiResult<Vec<users::Model>> {
    let mut q = tx.find::<contacts::Entity>().filter(contacts::Column::LeftAt.is_null());
    if approvers_only {
        q = q.filter(contacts::Column::PortalRole.eq(PortalRole::Approver));
    }
    let ids: Vec<UserId> = q.all().await?.into_iter().filter_map(|c| c.user_id).collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.is_in(ids))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .all()
        .await?)
}

/// Who hears of a meeting or series: its chosen invitees (staff, and contacts with portal access),
/// or by default the client's portal users and the account manager. `true` marks a contact.
async fn invited(tx: &ClientTx, invitees: Option<&str>) -> ApiResult<Vec<(users::Model, bool)>> {
    let Some(chosen) = super::store::invitees_of(invitees) else {
        let mut people: Vec<(users::Model, bool)> =
            portal_people(tx, false).await?.into_iter().map(|u| (u, true)).collect();
        if let Some(manager) = manager(tx).await? {
            people.push((manager, false));
        }
        return Ok(people);
    };
    let contact_users: Vec<UserId> = if chosen.contacts.is_empty() {
        vec![]
    } else {
        tx.find::<contacts::Entity>()
            .filter(contacts::Column::Id.is_in(chosen.contacts.iter().copied()))
            .filter(contacts::Column::LeftAt.is_null())
            .all()
            .await?
            .into_iter()
            .filter_map(|c| c.user_id)
            .collect()
    };
    let ids: Vec<UserId> = chosen.staff.iter().copied().chain(contact_users.iter().copied()).collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let users = tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.is_in(ids))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .all()
        .await?;
    Ok(users.into_iter().map(|u| (u.clone(), contact_users.contains(&u.id))).collect())
}

fn when(m: &meetings::Model) -> String {
    format!(
        "{} ({})",
        super::rule::local_text(super::store::tz_of(&m.time_zone), m.starts_at).replace('T', " "),
        m.time_zone
    )
}

pub async fn published(tx: &ClientTx, state: &AppState, m: &meetings::Model) -> ApiResult<()> {
    let people = portal_people(tx, true).await?;
    if people.is_empty() {
        return Ok(());
    }
    let agency = agency_name(tx).await?;
    let link = format!("{}/portal/meetings/{}", state.settings.public_url, m.id);
    for u in people {
        let mail = templates::minutes_published((&u.email, &u.name), u.locale, &agency, &m.title, &when(m), &link);
        mail::enqueue(tx, Some(tx.agency_id()), mail).await?;
    }
    Ok(())
}

pub async fn disputed(
    tx: &ClientTx,
    state: &AppState,
    m: &meetings::Model,
    contact: &str,
    decision: u16,
    comment: &str,
) -> ApiResult<()> {
    let Some(u) = manager(tx).await? else { return Ok(()) };
    let link = format!("{}/app/meetings/{}", state.settings.public_url, m.id);
    let mail = templates::minutes_disputed(
        (&u.email, &u.name),
        u.locale,
        templates::Dispute { client: &tx.client().name, contact, meeting: &m.title, decision, comment },
        &link,
    );
    mail::enqueue(tx, Some(tx.agency_id()), mail).await
}

/// A meeting was set, moved, cancelled or restored: its invitees hear of it, with the meeting's
/// calendar file attached (same UID, higher SEQUENCE, so calendars update the entry they
/// already have).
pub async fn scheduled(tx: &ClientTx, state: &AppState, m: &meetings::Model, changed: bool) -> ApiResult<()> {
    let people = invited(tx, m.invitees.as_deref()).await?;
    if people.is_empty() {
        return Ok(());
    }
    let agency = agency_name(tx).await?;
    let cancelled = m.status == accord_api::meetings::MeetingStatus::Cancelled;
    let for_client = super::feeds::ics_of(tx, m, &agency).await?;
    let for_staff = super::feeds::ics_of(tx, m, &tx.client().name).await?;
    for (u, is_contact) in people {
        let link = if is_contact {
            format!("{}/portal/meetings", state.settings.public_url)
        } else {
            format!("{}/app/meetings/{}", state.settings.public_url, m.id)
        };
        let mail = templates::meeting_scheduled(
            (&u.email, &u.name),
            u.locale,
            templates::Scheduled { agency: &agency, title: &m.title, when: &when(m), changed, cancelled },
            &link,
        )
        .with_attachment(invite(if is_contact { &for_client } else { &for_staff }));
        mail::enqueue(tx, Some(tx.agency_id()), mail).await?;
    }
    Ok(())
}

/// A series was agreed (or changed from a date on): the same people get the whole series as one
/// calendar entry (RRULE).
pub async fn series_scheduled(
    tx: &ClientTx,
    state: &AppState,
    s: &accord_entity::meeting_series::Model,
) -> ApiResult<()> {
    let people = invited(tx, s.invitees.as_deref()).await?;
    let agency = agency_name(tx).await?;
    let rule = super::store::rule_of(s);
    let Some(first) = rule.dates().next() else { return Ok(()) };
    let when =
        format!("{} ({})", super::rule::local_text(rule.tz, rule.start_of(first)).replace('T', " "), s.time_zone);
    for (u, is_contact) in people {
        let with = if is_contact { agency.clone() } else { tx.client().name.clone() };
        let Some(event) = super::feeds::series_event(s, &with) else { continue };
        let link = if is_contact {
            format!("{}/portal/meetings", state.settings.public_url)
        } else {
            format!("{}/app/clients/{}/meetings", state.settings.public_url, s.client_id)
        };
        let mail = templates::meeting_scheduled(
            (&u.email, &u.name),
            u.locale,
            templates::Scheduled { agency: &agency, title: &s.title, when: &when, changed: false, cancelled: false },
            &link,
        )
        .with_attachment(invite(&super::ics::calendar(&s.title, &[event], tx.now())));
        mail::enqueue(tx, Some(tx.agency_id()), mail).await?;
    }
    Ok(())
}

pub fn invite(ics: &str) -> Attachment {
    Attachment {
        name: "meeting.ics".into(),
        content_type: "text/calendar; charset=utf-8".into(),
        body: ics.to_string(),
    }
}

async fn manager(tx: &ClientTx) -> ApiResult<Option<users::Model>> {
    let Some(id) = tx.client().account_manager_id else { return Ok(None) };
    Ok(tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(id))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .one()
        .await?)
}

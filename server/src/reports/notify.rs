//! Mail about reports, written to the outbox in the change's own transaction, each in the
//! recipient's language: "a report was published" to the chosen contacts, "a question was
//! asked" to the account manager, "your question was answered" to whoever asked.

use crate::db::ClientTx;
use crate::error::ApiResult;
use crate::mail::{self, templates};
use crate::state::AppState;
use accord_api::{ReportMessageId, UserStatus};
use accord_entity::{agencies, report_messages, reports, users};
use sea_orm::{ColumnTrait, QueryFilter};

async fn agency_name(tx: &ClientTx) -> ApiResult<String> {
    Ok(tx.agency().find::<agencies::Entity>().one().await?.map(|a| a.name).unwrap_or_default())
}

async fn active_user(tx: &ClientTx, id: accord_api::UserId) -> ApiResult<Option<users::Model>> {
    Ok(tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(id))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .one()
        .await?)
}

pub async fn published(
    tx: &ClientTx,
    state: &AppState,
    r: &reports::Model,
    recipients: Vec<users::Model>,
) -> ApiResult<()> {
    if recipients.is_empty() {
        return Ok(());
    }
    let agency = agency_name(tx).await?;
    let link = format!("{}/portal/reports/{}", state.settings.public_url, r.id);
    for u in recipients {
        let mail = templates::report_published((&u.email, &u.name), u.locale, &agency, &r.title, r.revision, &link);
        mail::enqueue(tx, Some(tx.agency_id()), mail).await?;
    }
    Ok(())
}

/// The report's PDF to contacts without portal access, in the agency's language.
pub async fn pdf_to(
    tx: &ClientTx,
    state: &AppState,
    r: &reports::Model,
    agency: &agencies::Model,
    people: Vec<accord_entity::contacts::Model>,
    pdf: &[u8],
) -> ApiResult<()> {
    let name = format!("report-{}.pdf", r.period_start);
    for c in people {
        let mail = templates::report_pdf(
            (&c.email, &c.name),
            agency.default_locale,
            &agency.name,
            &r.title,
            &state.settings.public_url,
        )
        .with_attachment(mail::Attachment::binary(&name, "application/pdf", pdf));
        mail::enqueue(tx, Some(tx.agency_id()), mail).await?;
    }
    Ok(())
}

pub async fn asked(tx: &ClientTx, state: &AppState, r: &reports::Model, contact: &str) -> ApiResult<()> {
    let Some(id) = tx.client().account_manager_id else { return Ok(()) };
    let Some(u) = active_user(tx, id).await? else { return Ok(()) };
    let link = format!("{}/app/reports/{}", state.settings.public_url, r.id);
    let mail = templates::report_question((&u.email, &u.name), u.locale, &tx.client().name, contact, &r.title, &link);
    mail::enqueue(tx, Some(tx.agency_id()), mail).await
}

pub async fn answered(
    tx: &ClientTx,
    state: &AppState,
    r: &reports::Model,
    question: Option<ReportMessageId>,
) -> ApiResult<()> {
    if r.revision == 0 {
        return Ok(());
    }
    let Some(q) = question else { return Ok(()) };
    let Some(asker) = tx
        .find::<report_messages::Entity>()
        .filter(report_messages::Column::Id.eq(q))
        .one()
        .await?
        .map(|m| m.author_id)
    else {
        return Ok(());
    };
    let Some(u) = active_user(tx, asker).await? else { return Ok(()) };
    let agency = agency_name(tx).await?;
    let link = format!("{}/portal/reports/{}", state.settings.public_url, r.id);
    let mail = templates::report_answered((&u.email, &u.name), u.locale, &agency, &r.title, &link);
    mail::enqueue(tx, Some(tx.agency_id()), mail).await
}

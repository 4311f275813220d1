//! Staff work on reports: a client's reports page (with the cadence's periods), drafting a new
//! report from the period's work, editing and publishing revisions, deleting an unpublished
//! draft, answering questions (or noting internally), turning a question into a backlog idea,
//! and the agency's report templates.

use super::period::Period;
use super::store::{self, PublishedSection, StoredSection};
use super::{draft, due, notify, ReportError};
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::domain::Field;
use crate::error::ApiResult;
use crate::paging::PageQuery;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::input;
use accord_api::reports::{
    ClientReports, NewReport, NewReportMessage, PublishReport, QuestionToIdea, ReportInput, ReportStatus,
    ReportTemplate, ReportView, TemplateSection,
};
use accord_api::{ClientId, ContactId, ReportCadence, ReportId, ReportMessageId, Side};
use accord_entity::{contacts, projects, report_messages, report_revisions, report_templates, reports, users};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};

/// At most this many sections in a report or a template.
const MAX_SECTIONS: usize = 12;

/// A client's reports page: its cadence's recent periods and one page of reports (eight queries).
pub async fn client_reports(
    state: &AppState,
    staff: &Staff,
    client: ClientId,
    query: &PageQuery,
) -> ApiResult<ClientReports> {
    let paging = query.paging()?;
    let tx = access::open_read(state, staff, client).await?;
    let agency = store::agency(&tx).await?;
    let now = tx.now();
    let today = store::today(&agency, now);
    let q = tx.find::<reports::Entity>();
    let total = q.clone().count().await?;
    let rows = q
        .order_by_desc(reports::Column::PeriodStart)
        .order_by_asc(reports::Column::Kind)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    let ids: Vec<ReportId> = rows.iter().map(|r| r.id).collect();
    let counts = store::counts(&tx, &ids).await?;
    let projects = store::project_names(&tx).await?;
    let (cadence, periods) = due::client_periods(&tx, &agency, today).await?;
    let can_edit = access::may_manage(staff, tx.client());
    let client_name = tx.client().name.clone();
    tx.commit().await?;
    let items = rows
        .iter()
        .map(|r| {
            let project = r.project_id.and_then(|p| projects.get(&p).cloned());
            let c = counts.get(&r.id).cloned().unwrap_or_default();
            store::summary(r, &client_name, project, &c, &agency, today, now)
        })
        .collect();
    Ok(ClientReports { cadence, periods, reports: paging.page_of(items, total), can_edit })
}

/// "New report for period X": a draft made from the period's work.
#[tracing::instrument(skip(state))]
pub async fn create(state: &AppState, staff: &Staff, client: ClientId, input: NewReport) -> ApiResult<ReportView> {
    accord_api::input::Day::check(input.period_of).map_err(|_| ReportError::FuturePeriod)?;
    let tx = access::open(state, staff, client, Need::Manage).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    let period = Period::containing(input.kind, input.period_of);
    if period.start > today {
        return Err(ReportError::FuturePeriod.into());
    }
    let project = match input.project_id {
        Some(p) => Some(
            tx.find::<projects::Entity>()
                .filter(projects::Column::Id.eq(p))
                .one()
                .await?
                .ok_or(ReportError::UnknownProject)?,
        ),
        None => None,
    };
    if draft::exists(&tx, &period, input.project_id).await? {
        return Err(ReportError::Exists.into());
    }
    let by = draft::Author { user: staff.user(), auto: false };
    let row = draft::write(&tx, &agency, &period, project.as_ref(), by).await?;
    let view = store::view(&tx, &row, true).await?;
    tx.commit().await?;
    Ok(view)
}

async fn open(state: &AppState, staff: &Staff, id: ReportId, need: Need) -> ApiResult<(ClientTx, reports::Model)> {
    let tx = access::open_owner::<reports::Entity>(state, staff, reports::Column::Id, id.0, need).await?;
    let r = store::report(&tx, id).await?;
    Ok((tx, r))
}

pub async fn get(state: &AppState, staff: &Staff, id: ReportId) -> ApiResult<ReportView> {
    let (tx, r) = open(state, staff, id, Need::Read).await?;
    let can_edit = access::may_manage(staff, tx.client());
    let view = store::view(&tx, &r, can_edit).await?;
    tx.commit().await?;
    Ok(view)
}

/// Marks every column of a loaded row as set, so an update writes them.
fn changed<A: sea_orm::ActiveModelTrait>(row: A) -> A {
    row.reset_all()
}

fn check_version(r: &reports::Model, version: u32) -> ApiResult<()> {
    if i64::from(r.version) != i64::from(version) {
        return Err(ReportError::Stale.into());
    }
    Ok(())
}

fn check_sections(input: &[accord_api::reports::SectionInput]) -> ApiResult<Vec<StoredSection>> {
    if input.is_empty() || input.len() > MAX_SECTIONS {
        return Err(ReportError::SectionCount.into());
    }
    input
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let title = input::Name::parse(&s.title).field(&format!("sections[{i}].title"))?;
            let body = crate::rich::parse(&format!("sections[{i}].body"), &s.body)?;
            Ok(StoredSection::new(s.kind, title, body, s.hidden))
        })
        .collect()
}

/// Saves the draft (a published report keeps its revision until it is published again).
#[tracing::instrument(skip(state, input))]
pub async fn update(state: &AppState, staff: &Staff, id: ReportId, input: ReportInput) -> ApiResult<ReportView> {
    let title = input::Name::parse(&input.title).field("title")?;
    let sections = check_sections(&input.sections)?;
    let (tx, r) = open(state, staff, id, Need::Manage).await?;
    check_version(&r, input.version)?;
    let mut row = r.clone();
    row.title = title;
    row.sections = store::json(&sections)?;
    row.version += 1;
    row.draft_changed = r.revision > 0;
    row.updated_at = tx.now();
    save(&tx, &r, &row).await?;
    let view = store::view(&tx, &row, true).await?;
    tx.commit().await?;
    Ok(view)
}

/// Saves `after` only if the row still has `before`'s version (else 409, nothing written).
async fn save(tx: &ClientTx, before: &reports::Model, after: &reports::Model) -> ApiResult<()> {
    let saved = tx
        .update_many::<reports::Entity>()
        .set(sea_orm::ActiveModelTrait::reset_all(reports::ActiveModel::from(after.clone())))
        .filter(reports::Column::Id.eq(before.id))
        .filter(reports::Column::Version.eq(before.version))
        .exec()
        .await?;
    if saved.rows_affected == 0 {
        return Err(ReportError::Stale.into());
    }
    Ok(())
}

/// Deletes a draft that was never published.
#[tracing::instrument(skip(state))]
pub async fn delete(state: &AppState, staff: &Staff, id: ReportId) -> ApiResult<()> {
    let (tx, r) = open(state, staff, id, Need::Manage).await?;
    if r.revision > 0 {
        return Err(ReportError::Published.into());
    }
    tx.delete_many::<reports::Entity>().filter(reports::Column::Id.eq(r.id)).exec().await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes the draft as the next revision and mails the chosen contacts a link.
#[tracing::instrument(skip(state, input))]
pub async fn publish(state: &AppState, staff: &Staff, id: ReportId, input: PublishReport) -> ApiResult<ReportView> {
    let (tx, r) = open(state, staff, id, Need::Manage).await?;
    check_version(&r, input.version)?;
    let sections: Vec<StoredSection> = store::parse(&r.sections)?;
    let visible: Vec<PublishedSection> = sections
        .iter()
        .filter(|s| s.published())
        .map(|s| PublishedSection { kind: s.kind, title: s.title.clone(), html: s.html() })
        .collect();
    if visible.is_empty() {
        return Err(ReportError::NothingVisible.into());
    }
    let (recipients, by_pdf) = recipients(&tx, input.notify.as_deref()).await?;
    let now = tx.now();
    let mut row = r.clone();
    row.revision += 1;
    row.version += 1;
    row.status = ReportStatus::Published;
    row.draft_changed = false;
    row.published_at = Some(now);
    row.published_by = Some(staff.user());
    row.updated_at = now;
    save(&tx, &r, &row).await?;
    tx.insert(report_revisions::ActiveModel::from(report_revisions::Model {
        id: uuid::Uuid::new_v4(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        report_id: row.id,
        revision: row.revision,
        title: row.title.clone(),
        sections: store::json(&visible)?,
        kpis: row.kpis.clone(),
        stats: row.stats.clone(),
        published_by: staff.user(),
        published_at: now,
    }))
    .await?;
    notify::published(&tx, state, &row, recipients).await?;
    if !by_pdf.is_empty() {
        let agency = store::agency(&tx).await?;
        let project = match row.project_id {
            Some(p) => store::project_names(&tx).await?.remove(&p),
            None => None,
        };
        let bytes = super::pdf::of_revision(&agency, &row, project, visible)?;
        notify::pdf_to(&tx, state, &row, &agency, by_pdf, &bytes).await?;
    }
    let view = store::view(&tx, &row, true).await?;
    crate::health::changed(&tx).await?;
    tx.commit().await?;
    Ok(view)
}

/// Whom to mail: the chosen contacts (each must be the client's), or every contact with portal
/// access. Portal users get a link; chosen contacts without portal access get the PDF.
async fn recipients(
    tx: &ClientTx,
    chosen: Option<&[ContactId]>,
) -> ApiResult<(Vec<users::Model>, Vec<contacts::Model>)> {
    let mut q = tx.find::<contacts::Entity>().filter(contacts::Column::LeftAt.is_null());
    if let Some(ids) = chosen {
        if ids.len() > 200 {
            return Err(ReportError::UnknownContact.into());
        }
        let mut unique = ids.to_vec();
        unique.sort();
        unique.dedup();
        q = q.filter(contacts::Column::Id.is_in(unique.iter().copied()));
        let found = q.all().await?;
        if found.len() != unique.len() {
            return Err(ReportError::UnknownContact.into());
        }
        let by_pdf = found.iter().filter(|c| c.user_id.is_none() && !c.email.trim().is_empty()).cloned().collect();
        return Ok((portal_users(tx, found).await?, by_pdf));
    }
    let found = q.all().await?;
    Ok((portal_users(tx, found).await?, vec![]))
}

async fn portal_users(tx: &ClientTx, people: Vec<contacts::Model>) -> ApiResult<Vec<users::Model>> {
    let ids: Vec<_> = people.into_iter().filter_map(|c| c.user_id).collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.is_in(ids))
        .filter(users::Column::Status.eq(accord_api::UserStatus::Active))
        .all()
        .await?)
}

/// A staff answer to a question, or a staff-only note.
#[tracing::instrument(skip(state, input))]
pub async fn add_message(
    state: &AppState,
    staff: &Staff,
    id: ReportId,
    input: NewReportMessage,
) -> ApiResult<ReportView> {
    let body = input::Message::parse(&input.body).field("body")?;
    let (tx, r) = open(state, staff, id, Need::Log).await?;
    let now = tx.now();
    if let Some(q) = input.question_id {
        let question = question(&tx, r.id, q).await?.ok_or(ReportError::UnknownQuestion)?;
        if !input.internal && question.answered_at.is_none() {
            let mut answered = question.clone();
            answered.answered_at = Some(now);
            tx.update(changed(report_messages::ActiveModel::from(answered))).await?;
        }
    }
    let author = tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(staff.user()))
        .one()
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    tx.insert(report_messages::ActiveModel::from(report_messages::Model {
        id: ReportMessageId::new(),
        agency_id: tx.agency_id(),
        client_id: tx.client_id(),
        report_id: r.id,
        question_id: input.question_id,
        side: Side::Agency,
        author_id: staff.user(),
        author_name: author,
        internal: input.internal,
        body_html: crate::rich::render(&body),
        body,
        backlog_item_id: None,
        answered_at: None,
        at: now,
    }))
    .await?;
    if !input.internal {
        notify::answered(&tx, state, &r, input.question_id).await?;
    }
    let can_edit = access::may_manage(staff, tx.client());
    let view = store::view(&tx, &r, can_edit).await?;
    tx.commit().await?;
    Ok(view)
}

/// A client's question on this report (not an answer or a note).
async fn question(tx: &ClientTx, report: ReportId, id: ReportMessageId) -> ApiResult<Option<report_messages::Model>> {
    Ok(tx
        .find::<report_messages::Entity>()
        .filter(report_messages::Column::Id.eq(id))
        .filter(report_messages::Column::ReportId.eq(report))
        .filter(report_messages::Column::Side.eq(Side::Client))
        .filter(report_messages::Column::QuestionId.is_null())
        .one()
        .await?)
}

/// The first line of a question, cut to a title's length.
fn idea_title(body: &str) -> String {
    let first = body.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("…");
    let mut title: String = first.chars().take(120).collect();
    if first.chars().count() > 120 {
        title.push('…');
    }
    title
}

/// Turns a client's question into a backlog idea of one of the client's projects (linked back).
#[tracing::instrument(skip(state, input))]
pub async fn to_idea(
    state: &AppState,
    staff: &Staff,
    id: ReportMessageId,
    input: QuestionToIdea,
) -> ApiResult<ReportView> {
    let title = match input.title.as_deref() {
        Some(t) => Some(input::Name::parse(t).field("title")?),
        None => None,
    };
    let tx =
        access::open_owner::<report_messages::Entity>(state, staff, report_messages::Column::Id, id.0, Need::Manage)
            .await?;
    let message = tx
        .find::<report_messages::Entity>()
        .filter(report_messages::Column::Id.eq(id))
        .one()
        .await?
        .ok_or(ReportError::NotFound)?;
    if message.side != Side::Client || message.question_id.is_some() {
        return Err(ReportError::UnknownQuestion.into());
    }
    if message.backlog_item_id.is_some() {
        return Err(ReportError::AlreadyIdea.into());
    }
    let project = tx
        .find::<projects::Entity>()
        .filter(projects::Column::Id.eq(input.project_id))
        .one()
        .await?
        .ok_or(ReportError::UnknownProject)?;
    let title = title.unwrap_or_else(|| idea_title(&message.body));
    let item = crate::backlog::add_idea(&tx, &project, &title, &message.body, staff.user()).await?;
    let mut linked = message.clone();
    linked.backlog_item_id = Some(item.id);
    tx.update(changed(report_messages::ActiveModel::from(linked))).await?;
    let r = store::report(&tx, message.report_id).await?;
    let view = store::view(&tx, &r, true).await?;
    tx.commit().await?;
    Ok(view)
}

/// The agency's template for a kind of report (the built-in one until saved).
pub async fn template(state: &AppState, staff: &Staff, kind: ReportCadence) -> ApiResult<ReportTemplate> {
    let tx = state.db.tenant_read(staff).await?;
    let agency =
        tx.find::<accord_entity::agencies::Entity>().one().await?.ok_or_else(crate::error::ApiError::not_found)?;
    let (sections, built_in) = draft::template(&tx, kind, agency.default_locale).await?;
    tx.commit().await?;
    Ok(ReportTemplate { kind, sections, built_in })
}

/// Saves the agency's template for a kind of report (owners and admins).
#[tracing::instrument(skip(state, input))]
pub async fn save_template(
    state: &AppState,
    staff: &Staff,
    kind: ReportCadence,
    input: ReportTemplate,
) -> ApiResult<ReportTemplate> {
    staff.require_admin()?;
    if input.sections.is_empty() || input.sections.len() > MAX_SECTIONS {
        return Err(ReportError::SectionCount.into());
    }
    let sections = input
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Ok(TemplateSection {
                kind: s.kind,
                title: input::Name::parse(&s.title).field(&format!("sections[{i}].title"))?,
                body: crate::rich::parse(&format!("sections[{i}].body"), &s.body)?,
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let tx = state.db.tenant(staff).await?;
    let now = tx.now();
    let existing = tx.find::<report_templates::Entity>().filter(report_templates::Column::Kind.eq(kind)).one().await?;
    let json = store::json(&sections)?;
    match existing {
        Some(mut t) => {
            t.sections = json;
            t.updated_by = staff.user();
            t.updated_at = now;
            tx.update(changed(report_templates::ActiveModel::from(t))).await?;
        }
        None => {
            tx.insert(report_templates::ActiveModel::from(report_templates::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: tx.agency_id(),
                kind,
                sections: json,
                updated_by: staff.user(),
                updated_at: now,
            }))
            .await?;
        }
    }
    tx.commit().await?;
    Ok(ReportTemplate { kind, sections, built_in: false })
}

#[cfg(test)]
mod tests {
    use super::idea_title;

    #[test]
    fn an_idea_is_titled_by_the_questions_first_line() {
        assert_eq!(idea_title("\n  Можно ли ускорить каталог?\nПодробности"), "Можно ли ускорить каталог?");
        assert_eq!(idea_title(&"а".repeat(130)).chars().count(), 121);
    }
}

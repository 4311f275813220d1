//! Minutes as a PDF (printable, Cyrillic exact, the agency's name on every page): staff get the
//! current draft, the portal the latest published revision. In the reader's chosen language.

use super::service::{parse_list, responses};
use super::store::{self, Names};
use super::MeetingError;
use crate::clients::access::{self, Need};
use crate::db::ClientTx;
use crate::error::{ApiError, ApiResult};
use crate::pdf::Pdf;
use crate::state::AppState;
use crate::tenancy::{PortalContact, Staff};
use accord_api::meetings::{ActionItemView, AgendaStatus, AttendeesView, MeetingStatus, PromiseState, Side};
use accord_api::{Locale, MeetingId};
use accord_entity::{action_items, meeting_decisions, meetings, minutes_revisions};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};

/// Text of sanitized HTML: block ends become line breaks, tags go, entities are decoded.
pub fn plain_from_html(html: &str) -> String {
    let mut s = html.to_string();
    for end in ["</p>", "</li>", "</h1>", "</h2>", "</h3>", "</h4>", "</tr>", "<br>", "<br />", "</blockquote>"] {
        s = s.replace(end, &format!("{end}\n"));
    }
    s = s.replace("<li>", "<li>• ");
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    let mut text = out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_string()
}

struct Texts {
    title: &'static str,
    when: &'static str,
    place: &'static str,
    revision: &'static str,
    draft: &'static str,
    attendees: &'static str,
    agency_side: &'static str,
    client_side: &'static str,
    guests: &'static str,
    agenda: &'static str,
    discussed: &'static str,
    carried: &'static str,
    notes: &'static str,
    decisions: &'static str,
    actions: &'static str,
    columns: [&'static str; 5],
    none: &'static str,
    responses: &'static str,
    acknowledged: &'static str,
    disputed: &'static str,
    page: &'static str,
    cancelled: &'static str,
}

fn texts(locale: Locale) -> Texts {
    match locale {
        Locale::Ru => Texts {
            title: "Протокол встречи",
            when: "Дата и время",
            place: "Место",
            revision: "Редакция",
            draft: "черновик, не опубликован",
            attendees: "Участники",
            agency_side: "Агентство",
            client_side: "Клиент",
            guests: "Гости",
            agenda: "Повестка",
            discussed: "обсудили",
            carried: "перенесено на следующую встречу",
            notes: "Заметки",
            decisions: "Решения",
            actions: "Задачи",
            columns: ["Задача", "Сторона", "Ответственный", "Срок", "Статус"],
            none: "—",
            responses: "Ответы клиента",
            acknowledged: "подтвердил протокол",
            disputed: "оспорил решение",
            page: "Страница {n} из {m}",
            cancelled: "Встреча отменена",
        },
        Locale::En => Texts {
            title: "Meeting minutes",
            when: "Date and time",
            place: "Place",
            revision: "Revision",
            draft: "draft, not published",
            attendees: "Attendees",
            agency_side: "Agency",
            client_side: "Client",
            guests: "Guests",
            agenda: "Agenda",
            discussed: "discussed",
            carried: "carried over to the next meeting",
            notes: "Notes",
            decisions: "Decisions",
            actions: "Action items",
            columns: ["Action", "Side", "Assignee", "Due", "State"],
            none: "—",
            responses: "The client's answers",
            acknowledged: "acknowledged the minutes",
            disputed: "disputed decision",
            page: "Page {n} of {m}",
            cancelled: "The meeting was cancelled",
        },
    }
}

fn state_name(s: PromiseState, locale: Locale) -> &'static str {
    match (locale, s) {
        (Locale::Ru, PromiseState::Open) => "в работе",
        (Locale::Ru, PromiseState::Kept) => "выполнено",
        (Locale::Ru, PromiseState::Broken) => "просрочено",
        (Locale::Ru, PromiseState::DoneLate) => "выполнено с опозданием",
        (Locale::Ru, PromiseState::WaitingOnClient) => "ждём клиента",
        (Locale::En, PromiseState::Open) => "open",
        (Locale::En, PromiseState::Kept) => "done",
        (Locale::En, PromiseState::Broken) => "overdue",
        (Locale::En, PromiseState::DoneLate) => "done late",
        (Locale::En, PromiseState::WaitingOnClient) => "waiting on the client",
    }
}

pub(super) fn day(d: chrono::NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::Ru => d.format("%d.%m.%Y").to_string(),
        Locale::En => d.format("%-d %b %Y").to_string(),
    }
}

struct Content {
    agency: String,
    meeting: meetings::Model,
    revision: Option<(i32, chrono::DateTime<chrono::Utc>)>,
    attendees: AttendeesView,
    agenda: Vec<accord_api::meetings::AgendaItemView>,
    notes: String,
    decisions: Vec<String>,
    items: Vec<ActionItemView>,
    responses: Vec<accord_api::meetings::MinutesResponse>,
}

fn render(c: Content, locale: Locale) -> ApiResult<Vec<u8>> {
    let t = texts(locale);
    let m = &c.meeting;
    let tz = store::tz_of(&m.time_zone);
    let local = m.starts_at.with_timezone(&tz);
    let when = match locale {
        Locale::Ru => format!("{} ({})", local.format("%d.%m.%Y, %H:%M"), m.time_zone),
        Locale::En => format!("{} ({})", local.format("%-d %b %Y, %H:%M"), m.time_zone),
    };
    let mut pdf = Pdf::new(&c.agency, &format!("{} — {}", t.title, m.title));
    pdf.heading(&format!("{}: {}", t.title, m.title), 16.0);
    pdf.note(&format!("{}: {when}", t.when));
    if let Some(place) = m.place.as_deref().filter(|p| !p.is_empty()) {
        pdf.note(&format!("{}: {place}", t.place));
    }
    match c.revision {
        Some((n, at)) => pdf.note(&format!("{} {n}, {}", t.revision, day(at.with_timezone(&tz).date_naive(), locale))),
        None => pdf.note(&format!("{}: {}", t.revision, t.draft)),
    }
    if m.status == MeetingStatus::Cancelled {
        pdf.paragraph(&format!("{}: {}", t.cancelled, m.cancel_reason.clone().unwrap_or_default()), 11.0);
    }
    pdf.heading(t.attendees, 13.0);
    let names = |v: Vec<String>| if v.is_empty() { t.none.to_string() } else { v.join(", ") };
    pdf.paragraph(
        &format!("{}: {}", t.agency_side, names(c.attendees.staff.iter().map(|s| s.name.clone()).collect())),
        11.0,
    );
    pdf.paragraph(
        &format!("{}: {}", t.client_side, names(c.attendees.contacts.iter().map(|s| s.name.clone()).collect())),
        11.0,
    );
    if !c.attendees.guests.is_empty() {
        pdf.paragraph(&format!("{}: {}", t.guests, c.attendees.guests.join(", ")), 11.0);
    }
    if !c.agenda.is_empty() {
        pdf.heading(t.agenda, 13.0);
        let items: Vec<(String, String)> = c
            .agenda
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mark = if a.status == AgendaStatus::Discussed { t.discussed } else { t.carried };
                (format!("{}.", i + 1), format!("{} ({}; {mark})", a.title, a.added_by))
            })
            .collect();
        pdf.list(&items, 11.0);
    }
    if !c.notes.is_empty() {
        pdf.heading(t.notes, 13.0);
        pdf.paragraph(&c.notes, 11.0);
    }
    pdf.heading(t.decisions, 13.0);
    if c.decisions.is_empty() {
        pdf.paragraph(t.none, 11.0);
    } else {
        let items: Vec<(String, String)> =
            c.decisions.iter().enumerate().map(|(i, d)| (format!("{}.", i + 1), d.clone())).collect();
        pdf.list(&items, 11.0);
    }
    pdf.heading(t.actions, 13.0);
    if c.items.is_empty() {
        pdf.paragraph(t.none, 11.0);
    } else {
        let header: Vec<String> = t.columns.iter().map(|s| (*s).to_string()).collect();
        let rows: Vec<Vec<String>> = c
            .items
            .iter()
            .map(|i| {
                vec![
                    i.title.clone(),
                    if i.side == Side::Agency { t.agency_side } else { t.client_side }.to_string(),
                    i.assignee.clone().unwrap_or_else(|| t.none.to_string()),
                    day(i.due_on, locale),
                    state_name(i.state, locale).to_string(),
                ]
            })
            .collect();
        pdf.table(&header, &rows, &[4.0, 1.4, 2.2, 1.5, 1.8], 9.5);
    }
    if !c.responses.is_empty() {
        pdf.heading(t.responses, 13.0);
        let items: Vec<(String, String)> = c
            .responses
            .iter()
            .map(|r| {
                let at = day(r.at.with_timezone(&tz).date_naive(), locale);
                let what = match (r.acknowledged, r.decision) {
                    (true, _) => {
                        format!("{} {} ({} {})", r.contact, t.acknowledged, t.revision.to_lowercase(), r.revision)
                    }
                    (false, d) => format!(
                        "{} {} {}: «{}»",
                        r.contact,
                        t.disputed,
                        d.unwrap_or_default(),
                        r.comment.clone().unwrap_or_default()
                    ),
                };
                ("•".to_string(), format!("{at}: {what}"))
            })
            .collect();
        pdf.list(&items, 10.0);
    }
    pdf.finish(|n, m| t.page.replace("{n}", &n.to_string()).replace("{m}", &m.to_string()))
        .map_err(|e| ApiError::internal(format!("pdf: {e}")))
}

async fn items_of(
    tx: &ClientTx,
    m: &meetings::Model,
    names: &Names,
    today: chrono::NaiveDate,
) -> ApiResult<Vec<ActionItemView>> {
    let rows = tx
        .find::<action_items::Entity>()
        .filter(action_items::Column::MeetingId.eq(m.id))
        .order_by_asc(action_items::Column::Position)
        .all()
        .await?;
    store::action_views(tx, rows, names, today).await
}

/// The draft minutes for staff.
pub async fn staff(state: &AppState, staff: &Staff, id: MeetingId, lang: Option<Locale>) -> ApiResult<Vec<u8>> {
    let tx = access::open_owner::<meetings::Entity>(state, staff, meetings::Column::Id, id.0, Need::Read).await?;
    let m = store::meeting(&tx, id).await?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    let names = store::names(&tx).await?;
    let agenda = store::agenda(&tx, m.id, &names).await?;
    let decisions = tx
        .find::<meeting_decisions::Entity>()
        .filter(meeting_decisions::Column::MeetingId.eq(m.id))
        .order_by_asc(meeting_decisions::Column::Number)
        .all()
        .await?
        .into_iter()
        .map(|d| d.text)
        .collect();
    let items = items_of(&tx, &m, &names, today).await?;
    let responses = responses(&tx, m.id, &names).await?;
    tx.commit().await?;
    let locale = lang.unwrap_or(agency.default_locale);
    let content = Content {
        agency: agency.name,
        revision: (m.revision > 0 && !m.draft_changed).then(|| (m.revision, m.published_at.unwrap_or(m.updated_at))),
        attendees: store::attendees_view(&m.attendees, &names),
        agenda,
        notes: plain_from_html(&crate::rich::html_of(&m.notes, &m.notes_html, m.notes_version)),
        decisions,
        items,
        responses,
        meeting: m,
    };
    render(content, locale)
}

/// The latest published revision, for the client.
pub async fn portal(
    state: &AppState,
    contact: &PortalContact,
    id: MeetingId,
    lang: Option<Locale>,
) -> ApiResult<Vec<u8>> {
    let tx = access::open_portal_read(state, contact).await?;
    let m = store::meeting(&tx, id).await?;
    if m.revision == 0 {
        return Err(MeetingError::NotFound.into());
    }
    let latest = tx
        .find::<minutes_revisions::Entity>()
        .filter(minutes_revisions::Column::MeetingId.eq(m.id))
        .filter(minutes_revisions::Column::Revision.eq(m.revision))
        .one()
        .await?
        .ok_or(MeetingError::NotFound)?;
    let agency = store::agency(&tx).await?;
    let today = store::today(&agency, tx.now());
    let names = store::names(&tx).await?;
    let agenda = store::agenda(&tx, m.id, &names).await?;
    let items = items_of(&tx, &m, &names, today).await?;
    let responses = responses(&tx, m.id, &names).await?;
    tx.commit().await?;
    let locale = lang.unwrap_or(agency.default_locale);
    let content = Content {
        agency: agency.name,
        revision: Some((latest.revision, latest.published_at)),
        attendees: serde_json::from_str(&latest.attendees).unwrap_or(AttendeesView {
            staff: vec![],
            contacts: vec![],
            guests: vec![],
        }),
        agenda,
        notes: plain_from_html(&latest.notes_html),
        decisions: parse_list(&latest.decisions),
        items,
        responses,
        meeting: m,
    };
    render(content, locale)
}

#[cfg(test)]
mod tests {
    use super::plain_from_html;

    #[test]
    fn html_becomes_plain_text() {
        let html = "<p>Итоги <strong>встречи</strong> &amp; планы</p>\n<ul>\n<li>один</li>\n<li>два</li>\n</ul>";
        assert_eq!(plain_from_html(html), "Итоги встречи & планы\n\n• один\n\n• два");
    }
}

//! `accord seed-scale`: a hosted-size data set for the load benchmark — 200 agencies of skewed
//! size (a few large, many small), 20,000 clients, 1,000,000 backlog items (one project holds
//! 50,000), contacts, comments and item history — times `--scale` (1.0 the full size, 0.1 a
//! tenth), and money: per client a retainer contract and monthly invoices (20,000 for the
//! largest agency at full size) with their payments and acts. Deterministic: the same `--seed`
//! gives the same rows, ids included. Bulk inserts (500 rows a statement), one transaction per
//! agency. Every later feature adds its own rows here.
//!
//! Everyone's password is [`SCALE_PASSWORD`]; the largest agency's owner is
//! `owner-0@scale.accord.test`, and each client's approver `approver-{agency}-{client}@scale.accord.test`.

use crate::db::Db;
use accord_api::{
    AgencyId, AgencyStatus, BacklogItemId, BacklogStatus, ClientId, ClientStatus, CommentId, ContactId, ItemEventKind,
    Locale, PortalRole, PrincipalKind, ProjectId, ProjectKind, ProjectStatus, Side, StaffRole, UserId, UserStatus,
};
use accord_entity::{
    agencies, backlog_comments, backlog_events, backlog_items, clients, contacts, project_members, projects, users,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait};
use std::time::Instant;

pub const SCALE_PASSWORD: &str = "accord-scale-2026";

const FULL_AGENCIES: f64 = 200.0;
const FULL_CLIENTS: f64 = 20_000.0;
const FULL_ITEMS: f64 = 1_000_000.0;
const FULL_BIG_PROJECT: f64 = 50_000.0;
const FULL_MEETINGS: f64 = 200_000.0;
const FULL_ANSWERS: f64 = 500_000.0;
/// Invoices of the largest agency (the others get as many per client).
const FULL_INVOICES_LARGEST: f64 = 20_000.0;
/// Rows per INSERT statement (SQLite allows 32,766 parameters; items have 33 columns).
const CHUNK: usize = 500;

/// What was written, for the command's summary.
#[derive(Debug, Default)]
pub struct ScaleReport {
    pub agencies: usize,
    pub users: usize,
    pub clients: usize,
    pub contacts: usize,
    pub projects: usize,
    pub items: usize,
    pub comments: usize,
    pub events: usize,
    pub meetings: usize,
    pub action_items: usize,
    pub reports: usize,
    pub survey_answers: usize,
    pub health_scores: usize,
    pub risks: usize,
    pub incidents: usize,
    pub contracts: usize,
    pub invoices: usize,
    pub payments: usize,
    pub closing_documents: usize,
    pub seconds: f64,
}

/// splitmix64: small, fast, and the same sequence for the same seed on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A version-4 UUID drawn from the sequence.
    fn uuid(&mut self) -> uuid::Uuid {
        let bytes = ((u128::from(self.next()) << 64) | u128::from(self.next())).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// Clients per agency: Zipf-like weights 1/(i+1)^1.1, at least one each, summing to `total`.
fn agency_sizes(agencies: usize, total: usize) -> Vec<usize> {
    let weights: Vec<f64> = (0..agencies).map(|i| 1.0 / ((i + 1) as f64).powf(1.1)).collect();
    let sum: f64 = weights.iter().sum();
    let mut sizes: Vec<usize> =
        weights.iter().map(|w| ((w / sum) * total.saturating_sub(agencies) as f64).floor() as usize + 1).collect();
    let mut short = total.saturating_sub(sizes.iter().sum());
    let mut i = 0;
    while short > 0 {
        sizes[i % agencies] += 1;
        short -= 1;
        i += 1;
    }
    sizes
}

/// Fills the database (already migrated; best empty) with the scaled data set.
pub async fn seed_scale(db: &Db, scale: f64, seed: u64) -> Result<ScaleReport, DbErr> {
    let started = Instant::now();
    let scale = scale.clamp(0.0001, 10.0);
    let mut rng = Rng(seed);
    let base: DateTime<Utc> = Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).single().unwrap_or_else(Utc::now);
    let agencies_n = ((FULL_AGENCIES * scale).round() as usize).max(2);
    let clients_n = ((FULL_CLIENTS * scale).round() as usize).max(agencies_n);
    let items_n = (FULL_ITEMS * scale).round() as usize;
    let big_n = ((FULL_BIG_PROJECT * scale).round() as usize).min(items_n);
    let sizes = agency_sizes(agencies_n, clients_n);
    let meetings_per_client = ((FULL_MEETINGS * scale / clients_n as f64).round() as usize).max(1);
    let answers_per_client = ((FULL_ANSWERS * scale / clients_n as f64).round() as usize).max(1);
    let invoices_per_client = ((FULL_INVOICES_LARGEST * scale / sizes[0].max(1) as f64).ceil() as usize).max(1);
    // Projects: one per client, a second for every third; the big project is the first one.
    let projects_n: usize = sizes.iter().map(|&c| c + c / 3).sum();
    let per_project = (items_n - big_n) / projects_n.max(1);
    let hash = crate::auth::password::NewPassword::parse("password", SCALE_PASSWORD)
        .map_err(|e| DbErr::Custom(format!("{e:?}")))?
        .hash()
        .await
        .map_err(|e| DbErr::Custom(format!("{e:?}")))?;
    let mut report = ScaleReport { agencies: agencies_n, ..ScaleReport::default() };
    let statuses = [
        (BacklogStatus::Idea, 20),
        (BacklogStatus::Proposed, 15),
        (BacklogStatus::Agreed, 20),
        (BacklogStatus::Scheduled, 10),
        (BacklogStatus::InProgress, 10),
        (BacklogStatus::Done, 20),
        (BacklogStatus::Declined, 5),
    ];
    // One description, rendered once (rows carry the renderer version, so the server does not
    // render them again at startup).
    let description =
        "Что сделать: **обновить** раздел и проверить формы.\n\n- макет\n- вёрстка\n- проверка".to_string();
    let description_html = crate::rich::render(&description);
    let mut first_project = true;
    for (a, &size) in sizes.iter().enumerate() {
        let tx = db.unscoped("seed-scale").await?;
        let at = |days: i64| base + Duration::minutes(days);
        let agency = agencies::Model {
            id: AgencyId(rng.uuid()),
            name: format!("Агентство {a:03}"),
            slug: format!("scale-{a:03}"),
            status: AgencyStatus::Active,
            default_locale: if a % 4 == 3 { Locale::En } else { Locale::Ru },
            time_zone: "Europe/Moscow".into(),
            created_at: base,
            managers_see_all: a % 2 == 0,
            ack_days: 3,
            report_due_days: 2,
            report_read_days: 3,
            report_auto_draft: false,
        };
        let agency_id = agency.id;
        agencies::ActiveModel::from(agency).insert(tx.conn()).await?;
        let user =
            |rng: &mut Rng, kind: PrincipalKind, role: Option<StaffRole>, email: String, name: String| users::Model {
                id: UserId(rng.uuid()),
                agency_id: Some(agency_id),
                kind,
                email,
                name,
                password_hash: hash.clone(),
                locale: Locale::Ru,
                status: UserStatus::Active,
                staff_role: role,
                created_at: base,
                updated_at: base,
            };
        let mut staff = vec![user(
            &mut rng,
            PrincipalKind::Staff,
            Some(StaffRole::Owner),
            format!("owner-{a}@scale.accord.test"),
            format!("Владелец {a}"),
        )];
        let managers = (size / 25).max(1);
        for m in 0..managers {
            staff.push(user(
                &mut rng,
                PrincipalKind::Staff,
                Some(StaffRole::AccountManager),
                format!("manager-{a}-{m}@scale.accord.test"),
                format!("Менеджер {a}-{m}"),
            ));
        }
        let specialists = (size / 15).max(1);
        for s in 0..specialists {
            staff.push(user(
                &mut rng,
                PrincipalKind::Staff,
                Some(StaffRole::Specialist),
                format!("specialist-{a}-{s}@scale.accord.test"),
                format!("Специалист {a}-{s}"),
            ));
        }
        let manager_ids: Vec<UserId> = staff[1..=managers].iter().map(|u| u.id).collect();
        let specialist_ids: Vec<UserId> = staff[managers + 1..].iter().map(|u| u.id).collect();
        report.users += staff.len();
        insert_chunks::<users::Entity, _>(&tx, staff).await?;

        let (mut client_rows, mut contact_users, mut contact_rows, mut project_rows, mut members) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut approvers = Vec::new();
        let mut readers = Vec::new();
        for c in 0..size {
            let status = match rng.below(20) {
                0 => ClientStatus::Paused,
                1 => ClientStatus::Churned,
                _ => ClientStatus::Active,
            };
            let manager = manager_ids[c % manager_ids.len()];
            let mut client =
                crate::clients::repo::new_client(agency_id, &format!("Клиент {a}-{c:05}"), status, Some(manager));
            client.id = ClientId(rng.uuid());
            client.created_at = at(c as i64);
            client.updated_at = client.created_at;
            client.report_cadence =
                Some(if c % 2 == 0 { accord_api::ReportCadence::Weekly } else { accord_api::ReportCadence::Monthly });
            for k in 0..=rng.below(3) {
                let email = format!("contact-{a}-{c}-{k}@scale.accord.test");
                let role = if k == 0 { PortalRole::Approver } else { PortalRole::Viewer };
                let mut contact = crate::clients::repo::new_contact(
                    agency_id,
                    client.id,
                    &format!("Контакт {a}-{c}-{k}"),
                    &email,
                    role,
                );
                contact.id = ContactId(rng.uuid());
                contact.created_at = client.created_at;
                if k == 0 {
                    let login = user(
                        &mut rng,
                        PrincipalKind::Contact,
                        None,
                        format!("approver-{a}-{c}@scale.accord.test"),
                        contact.name.clone(),
                    );
                    contact.email = login.email.clone();
                    contact.user_id = Some(login.id);
                    approvers.push((client.id, manager, contact.id));
                    readers.push((client.id, manager, contact.id, login.id));
                    contact_users.push(login);
                }
                contact_rows.push(contact);
            }
            for p in 0..(1 + usize::from(c % 3 == 2)) {
                let project = projects::Model {
                    id: ProjectId(rng.uuid()),
                    agency_id,
                    client_id: client.id,
                    name: format!("Проект {a}-{c}-{p}"),
                    kind: [ProjectKind::Website, ProjectKind::Seo, ProjectKind::Ads, ProjectKind::App][(c + p) % 4],
                    status: ProjectStatus::Active,
                    starts_on: None,
                    ends_on: None,
                    budget_minor: Some(10_000_000 * (1 + rng.below(20) as i64)),
                    currency: "RUB".into(),
                    budget_shared: p == 0,
                    created_at: client.created_at,
                    updated_at: client.created_at,
                };
                members.push(project_members::Model {
                    agency_id,
                    project_id: project.id,
                    user_id: specialist_ids[(c + p) % specialist_ids.len()],
                });
                project_rows.push(project);
            }
            client_rows.push(client);
        }
        report.clients += client_rows.len();
        report.contacts += contact_rows.len();
        report.users += contact_users.len();
        report.projects += project_rows.len();
        insert_chunks::<clients::Entity, _>(&tx, client_rows).await?;
        insert_chunks::<users::Entity, _>(&tx, contact_users).await?;
        insert_chunks::<contacts::Entity, _>(&tx, contact_rows).await?;
        insert_chunks::<projects::Entity, _>(&tx, project_rows.clone()).await?;
        insert_chunks::<project_members::Entity, _>(&tx, members).await?;
        seed_meetings(&tx, &mut rng, agency_id, &approvers, meetings_per_client, base, &mut report).await?;
        seed_reports(&tx, &mut rng, agency_id, &readers, meetings_per_client, base, &mut report).await?;
        seed_answers(&tx, &mut rng, agency_id, &readers, answers_per_client, base, &mut report).await?;
        seed_health(&tx, &mut rng, agency_id, &readers, base, &mut report).await?;
        seed_money(&tx, &mut rng, agency_id, &readers, invoices_per_client, base, &mut report).await?;

        for project in &project_rows {
            let n = if first_project {
                first_project = false;
                big_n
            } else {
                // ±50 % around the mean, so projects differ.
                let spread = (per_project / 2).max(1) as u64;
                per_project / 2 + rng.below(spread * 2) as usize
            };
            let author = manager_ids[0];
            let mut rank = 0;
            while rank < n {
                let (mut items, mut comments, mut events) = (Vec::new(), Vec::new(), Vec::new());
                for _ in 0..CHUNK.min(n - rank) {
                    let mut roll = rng.below(100) as i32;
                    let status = statuses
                        .iter()
                        .find(|(_, share)| {
                            roll -= share;
                            roll < 0
                        })
                        .map_or(BacklogStatus::Idea, |s| s.0);
                    let mut item = crate::backlog::new_item(
                        project,
                        &format!("Задача {rank:06}: улучшить раздел {}", rng.below(500)),
                        status,
                        (rank as i64 + 1) * 1024,
                        Some(author),
                    );
                    item.id = BacklogItemId(rng.uuid());
                    item.description = description.clone();
                    item.description_html = description_html.clone();
                    item.html_version = crate::rich::VERSION;
                    item.created_at = at(rank as i64);
                    item.updated_at = item.created_at;
                    item.done_at = item.done_at.map(|_| item.created_at);
                    item.estimate_minutes = Some(30 * (1 + rng.below(16) as i64));
                    item.price_minor = Some(150_000 * (1 + rng.below(20) as i64));
                    item.change_request = rng.below(10) == 0;
                    events.push(backlog_events::Model {
                        id: rng.uuid(),
                        agency_id,
                        client_id: project.client_id,
                        item_id: item.id,
                        kind: ItemEventKind::Created,
                        actor_id: Some(author),
                        side: Side::Agency,
                        changes: "[]".into(),
                        at: item.created_at,
                    });
                    if rng.below(5) == 0 {
                        comments.push(backlog_comments::Model {
                            id: CommentId(rng.uuid()),
                            agency_id,
                            client_id: project.client_id,
                            item_id: item.id,
                            author_id: author,
                            side: Side::Agency,
                            internal: rng.below(4) == 0,
                            body: "Уточнили объём с клиентом, оценка прежняя.".into(),
                            created_at: item.created_at,
                        });
                    }
                    items.push(item);
                    rank += 1;
                }
                report.items += items.len();
                report.comments += comments.len();
                report.events += events.len();
                insert_chunks::<backlog_items::Entity, _>(&tx, items).await?;
                insert_chunks::<backlog_comments::Entity, _>(&tx, comments).await?;
                insert_chunks::<backlog_events::Entity, _>(&tx, events).await?;
            }
        }
        tx.commit().await?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Per client: a weekly series and `per_client` held meetings of the past weeks with agenda,
/// two decisions, a published revision (the latest awaiting the client, the rest acknowledged),
/// and two action items (agency and client side; the latest open, the rest done).
async fn seed_meetings(
    tx: &crate::db::PlatformTx,
    rng: &mut Rng,
    agency_id: AgencyId,
    clients: &[(ClientId, UserId, ContactId)],
    per_client: usize,
    base: DateTime<Utc>,
    report: &mut ScaleReport,
) -> Result<(), DbErr> {
    use accord_api::meetings::{AckState, AgendaStatus, Frequency, MeetingStatus, Side as ItemSide};
    use accord_api::{ActionItemId, AgendaItemId, MeetingId, SeriesId};
    use accord_entity::{action_items, agenda_items, meeting_decisions, meeting_series, meetings, minutes_revisions};
    use chrono::Datelike;
    let first_tuesday = (0..7)
        .map(|d| base.date_naive() + Duration::days(d))
        .find(|d| d.weekday() == chrono::Weekday::Tue)
        .unwrap_or(base.date_naive());
    let decisions = ["Запускаем кампанию в понедельник", "Бюджет месяца согласован"];
    let decisions_json = serde_json::to_string(&decisions).unwrap_or_default();
    let attendees = r#"{"staff":[],"contacts":[],"guests":[]}"#.to_string();
    for chunk in clients.chunks(50) {
        let (mut series, mut held, mut agenda, mut decided, mut revisions, mut items) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for &(client_id, manager, approver) in chunk {
            let sid = SeriesId(rng.uuid());
            series.push(meeting_series::Model {
                id: sid,
                agency_id,
                client_id,
                uid: format!("{}@accord", sid.0),
                title: "Еженедельная встреча".into(),
                frequency: Frequency::Weekly,
                interval_n: 1,
                weekday: Some(2),
                month_day: None,
                week_of_month: None,
                starts_on: base.date_naive(),
                local_time: "11:00".into(),
                time_zone: "Europe/Moscow".into(),
                duration_minutes: 60,
                place: Some("https://meet.example/weekly".into()),
                until_on: None,
                count_n: None,
                sequence: 0,
                created_by: manager,
                invitees: None,
                created_at: base,
                updated_at: base,
            });
            for k in 0..per_client {
                // Tuesdays 11:00 Moscow (08:00 UTC), the series' first weeks.
                let date = first_tuesday + Duration::days(7 * k as i64);
                let starts_at = date.and_hms_opt(8, 0, 0).unwrap_or_default().and_utc();
                let last = k + 1 == per_client;
                let mid = MeetingId(rng.uuid());
                held.push(meetings::Model {
                    id: mid,
                    agency_id,
                    client_id,
                    series_id: Some(sid),
                    occurrence_on: Some(date),
                    uid: format!("{}@accord", sid.0),
                    title: "Еженедельная встреча".into(),
                    starts_at,
                    time_zone: "Europe/Moscow".into(),
                    duration_minutes: 60,
                    place: None,
                    status: MeetingStatus::Held,
                    cancel_reason: None,
                    notes: "Обсудили **итоги недели**.".into(),
                    notes_html: "<p>Обсудили <strong>итоги недели</strong>.</p>\n".into(),
                    notes_version: crate::rich::VERSION,
                    attendees: attendees.clone(),
                    revision: 1,
                    draft_changed: false,
                    published_at: Some(starts_at + Duration::hours(3)),
                    ack: if last { AckState::Awaiting } else { AckState::Acknowledged },
                    ack_at: (!last).then(|| starts_at + Duration::days(1)),
                    sequence: 0,
                    reminded_at: Some(starts_at - Duration::days(1)),
                    invitees: None,
                    created_at: starts_at,
                    updated_at: starts_at,
                });
                for (n, text) in decisions.iter().enumerate() {
                    decided.push(meeting_decisions::Model {
                        id: rng.uuid(),
                        agency_id,
                        client_id,
                        meeting_id: mid,
                        number: n as i32 + 1,
                        text: (*text).into(),
                    });
                    agenda.push(agenda_items::Model {
                        id: AgendaItemId(rng.uuid()),
                        agency_id,
                        client_id,
                        meeting_id: mid,
                        position: n as i32,
                        title: format!("Вопрос {}", n + 1),
                        details: None,
                        backlog_item_id: None,
                        added_by: manager,
                        added_by_client: n == 1,
                        status: AgendaStatus::Discussed,
                        carried_from_on: None,
                        created_at: starts_at - Duration::days(2),
                    });
                }
                revisions.push(minutes_revisions::Model {
                    id: rng.uuid(),
                    agency_id,
                    client_id,
                    meeting_id: mid,
                    revision: 1,
                    attendees: attendees.clone(),
                    notes_html: "<p>Обсудили <strong>итоги недели</strong>.</p>\n".into(),
                    decisions: decisions_json.clone(),
                    published_by: manager,
                    published_at: starts_at + Duration::hours(3),
                });
                for (side, title) in [(ItemSide::Agency, "Подготовить отчёт"), (ItemSide::Client, "Прислать материалы")]
                {
                    let due = date + Duration::days(3);
                    items.push(action_items::Model {
                        id: ActionItemId(rng.uuid()),
                        agency_id,
                        client_id,
                        meeting_id: Some(mid),
                        position: 0,
                        title: title.into(),
                        side,
                        assignee_user: (side == ItemSide::Agency).then_some(manager),
                        assignee_contact: (side == ItemSide::Client).then_some(approver),
                        promised_to: None,
                        original_due_on: due,
                        due_on: due,
                        done_on: if last || rng.below(10) == 0 { None } else { Some(due) },
                        due_owner: None,
                        created_by: manager,
                        created_at: starts_at,
                    });
                }
            }
        }
        report.meetings += held.len();
        report.action_items += items.len();
        insert_chunks::<meeting_series::Entity, _>(tx, series).await?;
        insert_chunks::<meetings::Entity, _>(tx, held).await?;
        insert_chunks::<agenda_items::Entity, _>(tx, agenda).await?;
        insert_chunks::<meeting_decisions::Entity, _>(tx, decided).await?;
        insert_chunks::<minutes_revisions::Entity, _>(tx, revisions).await?;
        insert_chunks::<action_items::Entity, _>(tx, items).await?;
    }
    Ok(())
}

/// Per client: `per_client` published weekly reports of the first weeks (sections, one
/// revision), opened by the approver — all but the latest, which carries an unanswered question.
async fn seed_reports(
    tx: &crate::db::PlatformTx,
    rng: &mut Rng,
    agency_id: AgencyId,
    clients: &[(ClientId, UserId, ContactId, UserId)],
    per_client: usize,
    base: DateTime<Utc>,
    report: &mut ScaleReport,
) -> Result<(), DbErr> {
    use crate::reports::period::Period;
    use accord_api::reports::{ReportStats, ReportStatus};
    use accord_api::{ReportCadence, ReportId, ReportMessageId};
    use accord_entity::{report_messages, report_reads, report_revisions, reports};
    let sections = serde_json::json!([
        { "kind": "done", "title": "Что сделано", "body": "- **Задача** — больше заявок",
          "html": "<ul>\n<li><strong>Задача</strong> — больше заявок</li>\n</ul>\n", "v": crate::rich::VERSION, "hidden": false },
        { "kind": "planned", "title": "Что планируем дальше", "body": "- Следующая задача (запланировано)",
          "html": "<ul>\n<li>Следующая задача (запланировано)</li>\n</ul>\n", "v": crate::rich::VERSION, "hidden": false },
        { "kind": "problems", "title": "Проблемы и что мы предлагаем", "body": "Проблем нет.",
          "html": "<p>Проблем нет.</p>\n", "v": crate::rich::VERSION, "hidden": false },
    ]);
    let published: Vec<serde_json::Value> = sections
        .as_array()
        .map(|a| {
            a.iter().map(|s| serde_json::json!({ "kind": s["kind"], "title": s["title"], "html": s["html"] })).collect()
        })
        .unwrap_or_default();
    let (sections, published) = (sections.to_string(), serde_json::Value::from(published).to_string());
    let stats =
        serde_json::to_string(&ReportStats { done: 1, planned: 1, ..ReportStats::default() }).unwrap_or_default();
    for chunk in clients.chunks(50) {
        let (mut rows, mut revisions, mut reads, mut questions) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for &(client_id, manager, contact, login) in chunk {
            for k in 0..per_client {
                let period =
                    Period::containing(ReportCadence::Weekly, base.date_naive() + Duration::days(7 * k as i64));
                let published_at = (period.end + Duration::days(1)).and_hms_opt(9, 0, 0).unwrap_or_default().and_utc();
                let last = k + 1 == per_client;
                let id = ReportId(rng.uuid());
                rows.push(reports::Model {
                    id,
                    agency_id,
                    client_id,
                    project_id: None,
                    kind: ReportCadence::Weekly,
                    period_start: period.start,
                    period_end: period.end,
                    due_on: period.due_on(2),
                    title: format!("Отчёт за неделю {}", period.label(accord_api::Locale::Ru)),
                    sections: sections.clone(),
                    kpis: "[]".into(),
                    stats: stats.clone(),
                    status: ReportStatus::Published,
                    revision: 1,
                    version: 2,
                    draft_changed: false,
                    published_at: Some(published_at),
                    published_by: Some(manager),
                    created_by: manager,
                    auto_drafted: false,
                    created_at: published_at - Duration::hours(2),
                    updated_at: published_at,
                });
                revisions.push(report_revisions::Model {
                    id: rng.uuid(),
                    agency_id,
                    client_id,
                    report_id: id,
                    revision: 1,
                    title: format!("Отчёт за неделю {}", period.label(accord_api::Locale::Ru)),
                    sections: published.clone(),
                    kpis: "[]".into(),
                    stats: stats.clone(),
                    published_by: manager,
                    published_at,
                });
                if last {
                    questions.push(report_messages::Model {
                        id: ReportMessageId(rng.uuid()),
                        agency_id,
                        client_id,
                        report_id: id,
                        question_id: None,
                        side: accord_api::Side::Client,
                        author_id: login,
                        author_name: "Контакт".into(),
                        internal: false,
                        body: "Когда будет следующий этап?".into(),
                        body_html: "<p>Когда будет следующий этап?</p>\n".into(),
                        backlog_item_id: None,
                        answered_at: None,
                        at: published_at + Duration::hours(5),
                    });
                } else {
                    reads.push(report_reads::Model {
                        id: rng.uuid(),
                        agency_id,
                        client_id,
                        report_id: id,
                        contact_id: contact,
                        first_at: published_at + Duration::hours(4),
                        last_at: published_at + Duration::hours(4),
                        opens: 1,
                    });
                }
            }
        }
        report.reports += rows.len();
        insert_chunks::<reports::Entity, _>(tx, rows).await?;
        insert_chunks::<report_revisions::Entity, _>(tx, revisions).await?;
        insert_chunks::<report_reads::Entity, _>(tx, reads).await?;
        insert_chunks::<report_messages::Entity, _>(tx, questions).await?;
    }
    Ok(())
}

/// Per client: `per_client` survey answers of its approver over two years from `base` (NPS
/// skewed towards promoters; every other one also rates the three default criteria), with the
/// client's manager recorded and a temperament that changes over time, as history would.
async fn seed_answers(
    tx: &crate::db::PlatformTx,
    rng: &mut Rng,
    agency_id: AgencyId,
    clients: &[(ClientId, UserId, ContactId, UserId)],
    per_client: usize,
    base: DateTime<Utc>,
    report: &mut ScaleReport,
) -> Result<(), DbErr> {
    use accord_api::surveys::{AnswerSource, NpsClass};
    use accord_api::{SurveyAnswerId, Temperament};
    use accord_entity::{survey_answers, survey_ratings};
    const KEYS: [&str; 3] = ["price", "timeline", "service"];
    for chunk in clients.chunks(50) {
        let (mut answers, mut ratings) = (Vec::new(), Vec::new());
        for &(client_id, manager, contact, _) in chunk {
            for k in 0..per_client {
                let day = base.date_naive() + Duration::days(rng.below(730) as i64);
                let nps = [10, 9, 9, 8, 10, 7, 9, 6, 8, 3, 10, 5][rng.below(12) as usize];
                let id = SurveyAnswerId(rng.uuid());
                let csi = k % 2 == 0;
                let temperament = Some(Temperament::ALL[(k / 7 + rng.below(2) as usize) % 4]);
                let mut weighted = (0u64, 0u64);
                if csi {
                    for key in KEYS {
                        let (i, s) = (1 + rng.below(10) as i32, 1 + rng.below(10) as i32);
                        weighted.0 += i as u64;
                        weighted.1 += (i * s) as u64;
                        ratings.push(survey_ratings::Model {
                            id: rng.uuid(),
                            agency_id,
                            client_id,
                            answer_id: id,
                            criterion_key: key.to_string(),
                            importance: i,
                            satisfaction: s,
                            answered_on: day,
                            manager_id: Some(manager),
                            manager_known: true,
                            temperament,
                            activity: None,
                            tier: None,
                            temperament_known: true,
                            activity_known: true,
                            tier_known: true,
                        });
                    }
                }
                answers.push(survey_answers::Model {
                    id,
                    agency_id,
                    client_id,
                    campaign_id: None,
                    wave_id: None,
                    contact_id: Some(contact),
                    source: if k % 5 == 0 { AnswerSource::Phone } else { AnswerSource::Portal },
                    nps: Some(nps),
                    nps_class: NpsClass::of(nps as u8),
                    why: if nps <= 6 { "Сроки срываются".into() } else { String::new() },
                    extras: "[]".into(),
                    csi: csi.then(|| 10.0 * weighted.1 as f64 / weighted.0.max(1) as f64),
                    manager_id: Some(manager),
                    manager_known: true,
                    temperament,
                    activity: None,
                    tier: None,
                    temperament_known: true,
                    activity_known: true,
                    tier_known: true,
                    answered_on: day,
                    submitted_at: day.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc(),
                    taken_by: None,
                    mark: None,
                    import_key: Some(format!("{id}")),
                });
            }
        }
        report.survey_answers += answers.len();
        insert_chunks::<survey_answers::Entity, _>(tx, answers).await?;
        insert_chunks::<survey_ratings::Entity, _>(tx, ratings).await?;
    }
    Ok(())
}

/// Days of health history each client gets (one score a day, plus its latest row).
const HEALTH_DAYS: i64 = 30;

/// Per client: a month of daily health scores (a random walk) and its latest score; a risk
/// (every other one client-visible); and for every fifth client an incident (every other one
/// still open).
async fn seed_health(
    tx: &crate::db::PlatformTx,
    rng: &mut Rng,
    agency_id: AgencyId,
    clients: &[(ClientId, UserId, ContactId, UserId)],
    base: DateTime<Utc>,
    report: &mut ScaleReport,
) -> Result<(), DbErr> {
    use accord_api::risks::{IncidentStep, RiskCategory, RiskStatus};
    use accord_api::{IncidentId, RiskId};
    use accord_entity::{client_health, health_scores, incidents, risks};
    let today = base.date_naive() + Duration::days(730);
    for (n, chunk) in clients.chunks(50).enumerate() {
        let (mut history, mut latest, mut risk_rows, mut incident_rows) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, &(client_id, manager, _, _)) in chunk.iter().enumerate() {
            let mut score = 40 + rng.below(55) as i32;
            for ago in (0..HEALTH_DAYS).rev() {
                score = (score + rng.below(7) as i32 - 3).clamp(0, 100);
                let day = today - Duration::days(ago);
                let computed_at = day.and_hms_opt(3, 0, 0).unwrap_or_default().and_utc();
                let parts = format!(
                    r#"{{"score":{score},"parts":[],"left_out":[],"computed_at":"{}"}}"#,
                    computed_at.to_rfc3339()
                );
                history.push(health_scores::Model {
                    id: rng.uuid(),
                    agency_id,
                    client_id,
                    day,
                    score: Some(score),
                    parts: parts.clone(),
                    cause: "daily".into(),
                    computed_at,
                });
                if ago == 0 {
                    latest.push(client_health::Model {
                        id: rng.uuid(),
                        agency_id,
                        client_id,
                        score: Some(score),
                        parts,
                        weak: String::new(),
                        computed_at,
                    });
                }
            }
            let at = base + Duration::days(rng.below(700) as i64);
            risk_rows.push(risks::Model {
                id: RiskId(rng.uuid()),
                agency_id,
                client_id,
                project_id: None,
                title: "Клиент уходит в отпуск на время запуска".into(),
                category: RiskCategory::ALL[rng.below(7) as usize],
                probability: 1 + rng.below(5) as i32,
                impact: 1 + rng.below(5) as i32,
                mitigation: "Согласовать замещающего со стороны клиента".into(),
                owner_id: Some(manager),
                due_on: Some(today + Duration::days(rng.below(60) as i64)),
                status: if rng.below(3) == 0 { RiskStatus::Mitigated } else { RiskStatus::Open },
                client_visible: i % 2 == 0,
                created_by: manager,
                created_at: at,
                updated_at: at,
            });
            if (n * 50 + i) % 5 == 0 {
                let open = rng.below(2) == 0;
                let step = if open { IncidentStep::Assessed } else { IncidentStep::Prevented };
                let by = Some(manager);
                incident_rows.push(incidents::Model {
                    id: IncidentId(rng.uuid()),
                    agency_id,
                    client_id,
                    project_id: None,
                    title: "Сорвали срок публикации".into(),
                    description: "Релиз вышел на два дня позже обещанного.".into(),
                    step,
                    detected_at: at,
                    created_by: manager,
                    created_at: at,
                    message: "Мы сорвали срок и уже исправляем.".into(),
                    notified_at: Some(at + Duration::hours(2)),
                    notified_by: by,
                    damage: r#"{"timeline":"2 дня","quality":"","result":"","reputation":""}"#.into(),
                    assessed_at: Some(at + Duration::hours(5)),
                    assessed_by: by,
                    plan: if open {
                        String::new()
                    } else {
                        "Дополнительный разработчик".into()
                    },
                    planned_at: (!open).then(|| at + Duration::days(1)),
                    planned_by: (!open).then_some(manager),
                    plan_ack_at: None,
                    plan_ack_by: None,
                    fix_note: String::new(),
                    fixed_at: (!open).then(|| at + Duration::days(3)),
                    fixed_by: (!open).then_some(manager),
                    prevention: if open { String::new() } else { "Буфер в плане релизов".into() },
                    prevention_shared: !open,
                    prevented_at: (!open).then(|| at + Duration::days(4)),
                    prevented_by: (!open).then_some(manager),
                });
            }
        }
        report.health_scores += history.len();
        report.risks += risk_rows.len();
        report.incidents += incident_rows.len();
        insert_chunks::<health_scores::Entity, _>(tx, history).await?;
        insert_chunks::<client_health::Entity, _>(tx, latest).await?;
        insert_chunks::<risks::Entity, _>(tx, risk_rows).await?;
        insert_chunks::<incidents::Entity, _>(tx, incident_rows).await?;
    }
    Ok(())
}

/// Per client: an active retainer contract (every tenth in dollars, every seventh with a
/// project contract beside it) and `per_client` monthly invoices up to the seed's "today"
/// (base + 700 days): the older ones paid (one payment each, on time or late), the latest
/// paid, partly paid or still open (a quarter of those past due); an act per paid invoice, a
/// third of the latest ones unsigned.
async fn seed_money(
    tx: &crate::db::PlatformTx,
    rng: &mut Rng,
    agency_id: AgencyId,
    clients: &[(ClientId, UserId, ContactId, UserId)],
    per_client: usize,
    base: DateTime<Utc>,
    report: &mut ScaleReport,
) -> Result<(), DbErr> {
    use accord_api::finance::{ClosingKind, ContractKind, ContractStatus, InvoiceStatus};
    use accord_api::money::convert_minor;
    use accord_api::{ClosingDocumentId, ContractId, InvoiceId, PaymentId};
    use accord_entity::{closing_documents, contracts, invoices, payments};
    let today = base.date_naive() + Duration::days(700);
    const USD_RATE: i64 = 92_500_000;
    for (n, chunk) in clients.chunks(50).enumerate() {
        let (mut contract_rows, mut invoice_rows, mut payment_rows, mut act_rows) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, &(client_id, manager, _, _)) in chunk.iter().enumerate() {
            let c = n * 50 + i;
            let (currency, rate, fee) = if c % 10 == 9 {
                ("USD", USD_RATE, 50_000 * (1 + rng.below(30) as i64))
            } else {
                ("RUB", 1_000_000, 1_000_000 * (3 + rng.below(30) as i64))
            };
            let starts_on = today - Duration::days(31 * per_client as i64 + rng.below(20) as i64);
            let contract = contracts::Model {
                id: ContractId(rng.uuid()),
                agency_id,
                client_id,
                project_id: None,
                service_id: None,
                title: "Сопровождение".into(),
                kind: ContractKind::Retainer,
                currency: currency.into(),
                amount_minor: fee,
                starts_on,
                ends_on: None,
                renews_on: Some(starts_on + Duration::days(365)),
                status: ContractStatus::Active,
                note: String::new(),
                created_by: manager,
                created_at: base,
                updated_at: base,
            };
            if c % 7 == 3 {
                contract_rows.push(contracts::Model {
                    id: ContractId(rng.uuid()),
                    title: "Редизайн".into(),
                    kind: ContractKind::Project,
                    currency: "RUB".into(),
                    amount_minor: 10_000_000 * (3 + rng.below(20) as i64),
                    ends_on: Some(starts_on + Duration::days(120)),
                    renews_on: None,
                    ..contract.clone()
                });
            }
            for m in 0..per_client {
                let issued_on = today - Duration::days(30 * (per_client - 1 - m) as i64 + rng.below(26) as i64);
                let due_on = issued_on + Duration::days(10);
                let latest = m + 1 == per_client;
                let roll = rng.below(20);
                let paid_minor = match (latest, roll) {
                    (false, _) | (true, 0..=11) => fee,
                    (true, 12..=14) => fee / 2,
                    _ => 0,
                };
                let status = match paid_minor {
                    0 => InvoiceStatus::Issued,
                    p if p == fee => InvoiceStatus::Paid,
                    _ => InvoiceStatus::PartlyPaid,
                };
                let paid_on = (paid_minor > 0).then(|| (issued_on + Duration::days(rng.below(25) as i64)).min(today));
                let invoice = invoices::Model {
                    id: InvoiceId(rng.uuid()),
                    agency_id,
                    client_id,
                    contract_id: Some(contract.id),
                    number: format!("{c:05}-{m:03}"),
                    issued_on,
                    due_on,
                    amount_minor: fee,
                    currency: currency.into(),
                    rate_micro: rate,
                    base_minor: convert_minor(fee, currency, rate, "RUB"),
                    status,
                    paid_minor,
                    paid_on: paid_on.filter(|_| status == InvoiceStatus::Paid),
                    note: String::new(),
                    created_by: Some(manager),
                    created_at: base,
                    updated_at: base,
                };
                if let Some(on) = paid_on {
                    payment_rows.push(payments::Model {
                        id: PaymentId(rng.uuid()),
                        agency_id,
                        client_id,
                        invoice_id: invoice.id,
                        paid_on: on,
                        amount_minor: paid_minor,
                        base_minor: convert_minor(paid_minor, currency, rate, "RUB"),
                        note: String::new(),
                        created_by: Some(manager),
                        created_at: base,
                    });
                }
                if status == InvoiceStatus::Paid {
                    act_rows.push(closing_documents::Model {
                        id: ClosingDocumentId(rng.uuid()),
                        agency_id,
                        client_id,
                        invoice_id: Some(invoice.id),
                        contract_id: Some(contract.id),
                        kind: if c % 2 == 0 { ClosingKind::Act } else { ClosingKind::Upd },
                        number: format!("A-{c:05}-{m:03}"),
                        issued_on,
                        amount_minor: fee,
                        currency: currency.into(),
                        signed_on: (!latest || rng.below(3) != 0).then(|| issued_on + Duration::days(7)),
                        created_by: Some(manager),
                        created_at: base,
                        updated_at: base,
                    });
                }
                invoice_rows.push(invoice);
            }
            contract_rows.push(contract);
        }
        report.contracts += contract_rows.len();
        report.invoices += invoice_rows.len();
        report.payments += payment_rows.len();
        report.closing_documents += act_rows.len();
        insert_chunks::<contracts::Entity, _>(tx, contract_rows).await?;
        insert_chunks::<invoices::Entity, _>(tx, invoice_rows).await?;
        insert_chunks::<payments::Entity, _>(tx, payment_rows).await?;
        insert_chunks::<closing_documents::Entity, _>(tx, act_rows).await?;
    }
    Ok(())
}

async fn insert_chunks<E, M>(tx: &crate::db::PlatformTx, rows: Vec<M>) -> Result<(), DbErr>
where
    E: EntityTrait,
    M: sea_orm::IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: sea_orm::ActiveModelTrait<Entity = E> + Send,
    E::Model: sea_orm::IntoActiveModel<E::ActiveModel>,
{
    let mut rows = rows.into_iter().map(M::into_active_model).peekable();
    while rows.peek().is_some() {
        let chunk: Vec<E::ActiveModel> = rows.by_ref().take(CHUNK).collect();
        E::insert_many(chunk).exec_without_returning(tx.conn()).await?;
    }
    Ok(())
}

/// PostgreSQL, after a bulk load: planner statistics and the visibility map index-only scans
/// need (what autovacuum gives a live database some time later). Run as the tables' owner (the
/// migration URL): the app role may not vacuum them. Nothing to do on SQLite.
pub async fn vacuum_analyze(owner_url: &str) -> Result<(), DbErr> {
    if !owner_url.starts_with("postgres") {
        return Ok(());
    }
    let conn = sea_orm::Database::connect(owner_url).await?;
    conn.execute_unprepared("VACUUM ANALYZE").await?;
    conn.close().await
}

/// SQLite: writes a compacted copy of the database to `path` (`VACUUM INTO`), to be reused with
/// `accord seed-scale --from-snapshot`. PostgreSQL: use `pg_dump -Fc` / `pg_restore` (README).
pub async fn save_snapshot(db: &Db, path: &std::path::Path) -> Result<(), DbErr> {
    if db.backend() != DbBackend::Sqlite {
        return Err(DbErr::Custom("snapshots are for SQLite; on PostgreSQL use pg_dump -Fc and pg_restore".into()));
    }
    let _ = std::fs::remove_file(path);
    let quoted = path.display().to_string().replace('\'', "''");
    db.connection().execute_unprepared(&format!("VACUUM INTO '{quoted}'")).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_skewed_and_add_up() {
        let sizes = agency_sizes(200, 20_000);
        assert_eq!(sizes.iter().sum::<usize>(), 20_000);
        assert!(sizes.iter().all(|&s| s >= 1));
        assert!(sizes[0] > 20 * sizes[199], "{} vs {}", sizes[0], sizes[199]);
    }

    #[test]
    fn the_sequence_is_the_same_for_a_seed() {
        let (mut a, mut b) = (Rng(7), Rng(7));
        assert_eq!(a.uuid(), b.uuid());
        assert_eq!(a.next(), b.next());
        assert_eq!(a.uuid().get_version_num(), 4);
    }
}

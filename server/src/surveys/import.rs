//! History import: an agency coming from spreadsheets brings its past answers as CSV — one row
//! per answer: `client` (its name), `date` (YYYY-MM-DD or DD.MM.YYYY), and any of
//! `contact_email`, `nps`, `why`, `<criterion>_importance` and `<criterion>_satisfaction` for
//! the agency's criteria, `manager_email`, `temperament`, `activity`, `tier`. Every row is
//! checked and nothing is stored unless all are good; errors name the row and the column.
//! Without manager or segment values the answer records them as unknown (their own group),
//! never today's values; an unknown contact e-mail is an error (a blank one attributes the
//! answer to the client only); a row identical to one already stored, or to an earlier row of
//! the file, is refused as a duplicate. Imported history opens no follow-ups and sends no mail.

use super::questions::Checked;
use super::store::{self, fingerprint, AtTheTime, NewAnswer};
use crate::clients::access::VisibleClients;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::RowError;
use accord_api::surveys::{AnswerSource, SurveyImportResult};
use accord_api::{Activity, ClientId, ContactId, Temperament, UserId, ValueTier};
use accord_entity::{agencies, clients, contacts, survey_answers, survey_ratings, users};
use chrono::{Datelike, NaiveDate};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The largest file accepted (10 MB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// At most this many rows per file.
const MAX_ROWS: usize = 20_000;
/// Rows inserted per statement.
const BATCH: usize = 300;

fn err(row: u32, field: &str, message: &str) -> RowError {
    RowError { row, field: field.into(), message: message.into() }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y")).ok()
}

fn score(s: &str, range: std::ops::RangeInclusive<u8>) -> Result<Option<u8>, ()> {
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<u8>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}

/// Imports the file (owners and admins), all or nothing.
#[tracing::instrument(skip(state, text))]
pub async fn import(state: &AppState, staff: &Staff, text: &str) -> ApiResult<SurveyImportResult> {
    staff.require_admin()?;
    let tx = state.db.tenant(staff).await?;
    let every = VisibleClients::whole_agency();
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let today = store::agency_today(&agency, tx.now());
    let criteria: Vec<String> = super::settings::all_criteria(&tx).await?.into_iter().map(|c| c.0).collect();

    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let reject = |rows: Vec<RowError>| ApiError::import_rejected(rows);
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(reject(vec![err(0, "header", "The file is not readable CSV.")])),
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(c_client), Some(c_date)) = (col("client"), col("date")) else {
        return Err(reject(vec![err(
            0,
            "header",
            "The first line must name the columns, at least \"client\" and \"date\".",
        )]));
    };
    for h in &headers {
        // `source` is the export's last column: read back, it is ignored (imports are imports).
        let known = [
            "client",
            "date",
            "contact_email",
            "nps",
            "why",
            "manager_email",
            "temperament",
            "activity",
            "tier",
            "source",
        ]
        .contains(&h.as_str())
            || h.strip_suffix("_importance")
                .or_else(|| h.strip_suffix("_satisfaction"))
                .is_some_and(|k| criteria.iter().any(|c| c == k));
        if !known {
            return Err(reject(vec![err(
                0,
                "header",
                &format!("Unknown column \"{h}\" (criteria columns are <key>_importance and <key>_satisfaction)."),
            )]));
        }
    }
    let (c_contact, c_nps, c_why, c_manager) = (col("contact_email"), col("nps"), col("why"), col("manager_email"));
    let (c_temp, c_act, c_tier) = (col("temperament"), col("activity"), col("tier"));
    let rating_cols: Vec<(String, Option<usize>, Option<usize>)> = criteria
        .iter()
        .map(|k| (k.clone(), col(&format!("{k}_importance")), col(&format!("{k}_satisfaction"))))
        .filter(|(_, i, s)| i.is_some() || s.is_some())
        .collect();

    // What rows refer to: the agency's clients by name, their contacts by e-mail, staff by e-mail.
    let client_rows: Vec<(ClientId, String)> = tx
        .find_in::<clients::Entity>(&every)
        .select_only()
        .column(clients::Column::Id)
        .column(clients::Column::Name)
        .into_tuple()
        .all()
        .await?;
    let mut by_name: HashMap<String, Vec<ClientId>> = HashMap::new();
    for (id, name) in client_rows {
        by_name.entry(name.trim().to_lowercase()).or_default().push(id);
    }
    let contact_rows: Vec<(ContactId, ClientId, String)> = tx
        .find_in::<contacts::Entity>(&every)
        .select_only()
        .column(contacts::Column::Id)
        .column(contacts::Column::ClientId)
        .column(contacts::Column::Email)
        .into_tuple()
        .all()
        .await?;
    let contacts_by: HashMap<(ClientId, String), ContactId> =
        contact_rows.into_iter().map(|(id, client, email)| ((client, email.trim().to_lowercase()), id)).collect();
    let staff_by: HashMap<String, UserId> = tx
        .find::<users::Entity>()
        .select_only()
        .column(users::Column::Email)
        .column(users::Column::Id)
        .filter(users::Column::StaffRole.is_not_null())
        .into_tuple::<(String, UserId)>()
        .all()
        .await?
        .into_iter()
        .map(|(e, id)| (e.trim().to_lowercase(), id))
        .collect();

    let mut errors = Vec::new();
    let mut parsed: Vec<(u32, ClientId, NewAnswer)> = Vec::new();
    let mut seen = HashSet::new();
    for (n, record) in reader.records().enumerate() {
        let row = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if n >= MAX_ROWS {
            errors.push(err(row, "row", &format!("At most {MAX_ROWS} rows per import.")));
            break;
        }
        let r = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(row, "row", &format!("Unreadable row: {e}")));
                continue;
            }
        };
        let cell = |c: Option<usize>| c.and_then(|i| r.get(i)).map(str::trim).unwrap_or("").to_string();
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = errors.len();
        let client = match by_name.get(&cell(Some(c_client)).to_lowercase()).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            Some(_) => {
                errors.push(err(row, "client", "Several clients have this name; rename one first."));
                None
            }
            None => {
                errors.push(err(row, "client", "No client of your agency has this name."));
                None
            }
        };
        let day = match date(&cell(Some(c_date))) {
            Some(d) if d.year() < 2000 => {
                errors.push(err(row, "date", "Import answers from 2000 on."));
                None
            }
            Some(d) if d <= today => Some(d),
            Some(_) => {
                errors.push(err(row, "date", "The date is in the future."));
                None
            }
            None => {
                errors.push(err(row, "date", "Write the date as YYYY-MM-DD or DD.MM.YYYY."));
                None
            }
        };
        let email = cell(c_contact).to_lowercase();
        let contact = match (client, email.is_empty()) {
            (_, true) => None,
            (Some(c), false) => match contacts_by.get(&(c, email.clone())) {
                Some(id) => Some(*id),
                None => {
                    errors.push(err(row, "contact_email", "No contact of this client has this e-mail."));
                    None
                }
            },
            (None, false) => None,
        };
        let nps = score(&cell(c_nps), 0..=10).unwrap_or_else(|()| {
            errors.push(err(row, "nps", "NPS is a whole number from 0 to 10."));
            None
        });
        // The export quotes a text that would start a spreadsheet formula with `'`; take it off.
        let raw_why = cell(c_why);
        let raw_why = match raw_why.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
            _ => raw_why,
        };
        let why = match accord_api::input::Note::parse(&raw_why) {
            Ok(w) => w.to_string(),
            Err(e) => {
                errors.push(err(row, "why", &e.message()));
                String::new()
            }
        };
        let mut ratings = Vec::new();
        for (key, ci, cs) in &rating_cols {
            let i = score(&cell(*ci), 1..=10);
            let s = score(&cell(*cs), 1..=10);
            match (i, s) {
                (Ok(Some(i)), Ok(Some(s))) => ratings.push((key.clone(), i, s)),
                (Ok(None), Ok(None)) => {}
                (Ok(None), Ok(Some(_))) | (Err(()), _) => errors.push(err(
                    row,
                    &format!("{key}_importance"),
                    "Rate importance from 1 to 10 beside the satisfaction.",
                )),
                _ => errors.push(err(
                    row,
                    &format!("{key}_satisfaction"),
                    "Rate satisfaction from 1 to 10 beside the importance.",
                )),
            }
        }
        if nps.is_none() && ratings.is_empty() && errors.len() == before {
            errors.push(err(row, "nps", "A row needs an NPS score or a criterion's ratings."));
        }
        let manager = cell(c_manager).to_lowercase();
        let (manager_id, manager_known) = if manager.is_empty() {
            (None, false)
        } else {
            match staff_by.get(&manager) {
                Some(id) => (Some(*id), true),
                None => {
                    errors.push(err(row, "manager_email", "No member of your agency has this e-mail."));
                    (None, false)
                }
            }
        };
        let (t, a, v) = (cell(c_temp).to_lowercase(), cell(c_act).to_lowercase(), cell(c_tier).to_lowercase());
        let temperament = (!t.is_empty()).then(|| Temperament::parse(&t)).flatten();
        let activity = (!a.is_empty()).then(|| Activity::parse(&a)).flatten();
        let tier = (!v.is_empty()).then(|| ValueTier::parse(&v)).flatten();
        if !t.is_empty() && temperament.is_none() {
            errors.push(err(row, "temperament", "Use choleric, sanguine, melancholic or phlegmatic."));
        }
        if !a.is_empty() && activity.is_none() {
            errors.push(err(row, "activity", "Use active, waiting or passive."));
        }
        if !v.is_empty() && tier.is_none() {
            errors.push(err(row, "tier", "Use a, b or c."));
        }
        if errors.len() > before {
            continue;
        }
        let (Some(client), Some(day)) = (client, day) else { continue };
        let checked = Checked { nps, why, ratings, extras: Vec::new() };
        let key = fingerprint(client, contact, day, &checked);
        if !seen.insert(key.clone()) {
            errors.push(err(row, "row", "This row repeats an earlier row of the file."));
            continue;
        }
        parsed.push((
            row,
            client,
            NewAnswer {
                checked,
                source: AnswerSource::Import,
                contact,
                campaign: None,
                wave: None,
                answered_on: day,
                taken_by: None,
                at: AtTheTime {
                    manager: manager_id,
                    manager_known,
                    temperament,
                    activity,
                    tier,
                    // A value left out is unknown, each dimension on its own.
                    temperament_known: !t.is_empty(),
                    activity_known: !a.is_empty(),
                    tier_known: !v.is_empty(),
                },
                import_key: Some(key),
            },
        ));
    }
    if parsed.is_empty() && errors.is_empty() {
        errors.push(err(0, "header", "The file has no rows to import."));
    }
    // Rows identical to answers already stored.
    let keys: Vec<String> = parsed.iter().filter_map(|(_, _, a)| a.import_key.clone()).collect();
    let mut stored: HashSet<String> = HashSet::new();
    for chunk in keys.chunks(500) {
        stored.extend(
            tx.find_in::<survey_answers::Entity>(&every)
                .select_only()
                .column(survey_answers::Column::ImportKey)
                .filter(survey_answers::Column::ImportKey.is_in(chunk.iter().cloned()))
                .into_tuple::<Option<String>>()
                .all()
                .await?
                .into_iter()
                .flatten(),
        );
    }
    if !stored.is_empty() {
        for (row, _, a) in &parsed {
            if a.import_key.as_ref().is_some_and(|k| stored.contains(k)) {
                errors.push(err(*row, "row", "This answer is stored already."));
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        return Err(reject(errors));
    }
    let imported = u32::try_from(parsed.len()).unwrap_or(u32::MAX);
    // In day order (the order of the day sums the triggers add each row to, migration 000021).
    // On PostgreSQL the first row takes the agency's advisory lock (migration 000024) before any
    // sum row, so two imports, or an import and a live answer, take turns instead of deadlocking.
    parsed.sort_by_key(|(_, _, a)| a.answered_on);
    let now = tx.now();
    for chunk in parsed.chunks(BATCH) {
        let mut answers = Vec::with_capacity(chunk.len());
        let mut ratings = Vec::new();
        for (_, client, a) in chunk {
            let (answer, rs) = store::rows(now, *client, a);
            answers.push(survey_answers::ActiveModel::from(answer));
            ratings.extend(rs.into_iter().map(survey_ratings::ActiveModel::from));
        }
        tx.insert_many(answers).await?;
        for r in ratings.chunks(BATCH * 3) {
            tx.insert_many(r.to_vec()).await?;
        }
    }
    tx.commit().await?;
    Ok(SurveyImportResult { imported })
}

//! Backlog CSV files: the columns, the rows a project exports, and parsing an import so that
//! every row is checked before anything is written (the writing is in `transfer.rs`).

use super::service::{parse_fields, Fields};
use accord_api::backlog::BacklogItemInput;
use accord_api::error::RowError;
use accord_api::{BacklogSource, BacklogStatus, Money, Priority};
use accord_entity::backlog_items;

pub const COLUMNS: [&str; 10] = [
    "title",
    "description",
    "benefit",
    "estimate_hours",
    "price",
    "currency",
    "priority",
    "source",
    "change_request",
    "status",
];

/// One exported row, in [`COLUMNS`] order.
pub fn row(i: backlog_items::Model) -> Vec<String> {
    vec![
        i.title,
        i.description,
        i.benefit,
        super::rules::hours(i.estimate_minutes).unwrap_or_default(),
        i.price_minor.map(|p| accord_api::money::major_text(p, &i.currency)).unwrap_or_default(),
        i.currency,
        i.priority.to_string(),
        i.source.to_string(),
        i.change_request.to_string(),
        i.status.to_string(),
    ]
}

/// Most rows one import takes.
const MAX_ROWS: usize = 5_000;
/// The largest import body: 5,000 rows with descriptions fit (a real one is 1–2 MB).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

fn decimal(raw: &str) -> Option<f64> {
    let v: f64 = raw.trim().replace([' ', '\u{a0}'], "").replace(',', ".").parse().ok()?;
    v.is_finite().then_some(v)
}

fn boolean(raw: &str) -> Option<bool> {
    match raw.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "0" | "нет" => Some(false),
        "true" | "yes" | "1" | "да" => Some(true),
        _ => None,
    }
}

#[derive(Debug)]
/// One checked row of an import.
pub struct Parsed {
    pub fields: Fields,
    pub status: BacklogStatus,
}

/// One data row → an item input, or every problem it has.
fn parse_row(row: u32, cells: &[String], index: &[Option<usize>; 10]) -> Result<Parsed, Vec<RowError>> {
    let get = |col: usize| index[col].and_then(|i| cells.get(i)).map(|s| s.trim()).unwrap_or("");
    let mut errors = Vec::new();
    let mut bad = |field: &str, message: &str| {
        errors.push(RowError { row, field: field.into(), message: message.into() });
    };
    let estimate_minutes = match get(3) {
        "" => None,
        raw => match decimal(raw) {
            Some(h) if (0.0..=100_000.0).contains(&h) => Some((h * 60.0).round() as i64),
            _ => {
                bad("estimate_hours", "Hours must be a number from 0 to 100000.");
                None
            }
        },
    };
    let currency = match get(5) {
        "" => "RUB".to_string(),
        c => c.to_ascii_uppercase(),
    };
    let price = match get(4) {
        "" => None,
        raw => match Money::parse_major(raw, &currency) {
            Some(money) => Some(money),
            None => {
                bad("price", "The price must be a number, zero or more, with at most the currency's decimals.");
                None
            }
        },
    };
    let priority = match get(6) {
        "" => Some(Priority::Normal),
        raw => Priority::parse(&raw.to_lowercase()),
    };
    if priority.is_none() {
        bad("priority", "Use high, normal or low.");
    }
    let source = match get(7) {
        "" => Some(BacklogSource::AgencyIdea),
        raw => BacklogSource::parse(&raw.to_lowercase()),
    };
    if source.is_none() {
        bad("source", "Use analytics, client_request or agency_idea.");
    }
    let change_request = boolean(get(8));
    if change_request.is_none() {
        bad("change_request", "Use true or false.");
    }
    let status = match get(9) {
        "" => Some(BacklogStatus::Idea),
        raw => BacklogStatus::parse(&raw.to_lowercase())
            .filter(|s| matches!(s, BacklogStatus::Idea | BacklogStatus::Proposed)),
    };
    if status.is_none() {
        bad("status", "Imported items start as idea or proposed.");
    }
    let (Some(priority), Some(source), Some(change_request), Some(status)) = (priority, source, change_request, status)
    else {
        return Err(errors);
    };
    let input = BacklogItemInput {
        title: get(0).to_string(),
        description: get(1).to_string(),
        benefit: get(2).to_string(),
        estimate_minutes,
        price,
        priority,
        source,
        change_request,
        stage_id: None,
    };
    match parse_fields(&input) {
        Ok(fields) if errors.is_empty() => Ok(Parsed { fields, status }),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.push(RowError {
                row,
                field: e.field().unwrap_or("row").to_string(),
                message: e.message().to_string(),
            });
            Err(errors)
        }
    }
}

/// Reads the whole file; returns the inputs, or every bad row (and nothing is written).
pub fn parse_file(text: &str) -> Result<Vec<Parsed>, Vec<RowError>> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let header_error = |message: &str| vec![RowError { row: 0, field: "header".into(), message: message.into() }];
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(header_error("The file is not readable CSV.")),
    };
    let mut index = [None; 10];
    for (col, name) in COLUMNS.iter().enumerate() {
        index[col] = headers.iter().position(|h| h == name);
    }
    if index[0].is_none() {
        return Err(header_error("The first line must name the columns, at least \"title\"."));
    }
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = n as u32 + 1;
        if n >= MAX_ROWS {
            errors.push(RowError { row, field: "row".into(), message: format!("At most {MAX_ROWS} rows per import.") });
            break;
        }
        match record {
            Ok(r) => {
                let cells: Vec<String> = r.iter().map(str::to_string).collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                match parse_row(row, &cells, &index) {
                    Ok(p) => parsed.push(p),
                    Err(mut e) => errors.append(&mut e),
                }
            }
            Err(e) => errors.push(RowError { row, field: "row".into(), message: format!("Unreadable row: {e}") }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if parsed.is_empty() {
        return Err(header_error("The file has no rows to import."));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::parse_file;

    #[test]
    fn a_good_file_with_bom_and_semicolons() {
        let text = "\u{feff}title;estimate_hours;price;priority;source;change_request;status\r\n\
                    Новый лендинг;12,5;150 000;high;client_request;да;proposed\r\n\
                    Ускорить сайт;;;;;;\r\n";
        let rows = parse_file(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].fields.estimate_minutes, Some(750));
        assert_eq!(rows[0].fields.price_minor, Some(15_000_000));
        assert!(rows[0].fields.change_request);
    }

    #[test]
    fn every_bad_row_is_reported() {
        let text = "title,estimate_hours,priority,change_request,status\n\
                    ,1,high,false,idea\n\
                    Ok,lots,urgent,false,done\n\
                    CR without price,1,low,true,idea\n";
        let errors = parse_file(text).unwrap_err();
        let rows: Vec<(u32, &str)> = errors.iter().map(|e| (e.row, e.field.as_str())).collect();
        assert!(rows.contains(&(1, "title")), "{rows:?}");
        assert!(
            rows.contains(&(2, "estimate_hours")) && rows.contains(&(2, "priority")) && rows.contains(&(2, "status"))
        );
        assert!(rows.contains(&(3, "price")), "{rows:?}");
    }

    #[test]
    fn prices_use_the_currency_s_own_decimals() {
        let text = "title;price;currency\nЯпония;1500;JPY\nКувейт;1,250;KWD\nРубли;99,9;RUB\n";
        let rows = parse_file(text).unwrap();
        let prices: Vec<(Option<i64>, Option<String>)> =
            rows.iter().map(|r| (r.fields.price_minor, r.fields.currency.clone())).collect();
        assert_eq!(
            prices,
            vec![(Some(1500), Some("JPY".into())), (Some(1250), Some("KWD".into())), (Some(9990), Some("RUB".into()))]
        );
        let errors = parse_file("title;price;currency\nYen;1,5;JPY\n").unwrap_err();
        assert_eq!(errors[0].field, "price", "yen have no fraction");
    }

    #[test]
    fn a_file_without_a_title_column_is_refused() {
        assert_eq!(parse_file("name,price\nx,1\n").unwrap_err()[0].field, "header");
    }
}

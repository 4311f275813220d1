//! CSV exports of the clients and contacts the caller may see. UTF-8 with a byte-order mark
//! (so spreadsheet software reads Cyrillic right), `;` for Russian users (what Russian-locale
//! Excel expects) and `,` for English ones; cells that could run as formulas are defused.

use super::access;
use super::view;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::{SignedIn, Staff};
use accord_api::{ErrorBody, Locale};
use accord_entity::{clients, contacts};
use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use sea_orm::QueryOrder;

pub(crate) fn cell(value: &str, sep: char) -> String {
    // A leading = + - @ would make a spreadsheet evaluate the cell.
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub(crate) fn csv(rows: Vec<Vec<String>>, sep: char) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let line: Vec<String> = row.iter().map(|v| cell(v, sep)).collect();
        out.push_str(&line.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

pub(crate) fn attachment(name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body)
}

/// The clients the caller sees, with that scope and the transaction for further reads.
async fn visible_clients(
    state: &AppState,
    staff: &Staff,
) -> ApiResult<(Vec<clients::Model>, access::VisibleClients, crate::db::TenantTx)> {
    let tx = state.db.tenant_read(staff).await?;
    let visible = access::VisibleClients::of(&tx, staff).await?;
    let rows = tx.find_in::<clients::Entity>(&visible).order_by_asc(clients::Column::NameSearch).all().await?;
    Ok((rows, visible, tx))
}

pub(crate) fn separator(who: &SignedIn) -> char {
    if who.0.locale == Locale::Ru {
        ';'
    } else {
        ','
    }
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Every client the caller may see, as CSV.
#[utoipa::path(tag = "clients", responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/exports/clients.csv")]
pub(super) async fn export_clients(state: web::Data<AppState>, staff: Staff, who: SignedIn) -> ApiResult<HttpResponse> {
    let (rows, _, tx) = visible_clients(&state, &staff).await?;
    let names = view::staff_names(&tx, rows.iter().filter_map(|c| c.account_manager_id)).await?;
    tx.commit().await?;
    let mut out = vec![[
        "name",
        "status",
        "account_manager",
        "started_on",
        "ended_on",
        "temperament",
        "activity",
        "value_tier",
        "contact_cadence_days",
        "last_touch_at",
        "archived",
    ]
    .map(String::from)
    .to_vec()];
    for c in &rows {
        out.push(vec![
            c.name.clone(),
            c.status.clone(),
            c.account_manager_id.and_then(|m| names.get(&m).cloned()).unwrap_or_default(),
            c.started_on.map(|d| d.to_string()).unwrap_or_default(),
            c.ended_on.map(|d| d.to_string()).unwrap_or_default(),
            opt(&c.temperament),
            opt(&c.activity),
            opt(&c.value_tier),
            c.contact_cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            c.last_touch_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            c.archived_at.is_some().to_string(),
        ]);
    }
    Ok(attachment("clients.csv", csv(out, separator(&who))))
}

/// Every contact of the clients the caller may see, as CSV.
#[utoipa::path(tag = "contacts", responses(
    (status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
#[get("/staff/exports/contacts.csv")]
pub(super) async fn export_contacts(
    state: web::Data<AppState>,
    staff: Staff,
    who: SignedIn,
) -> ApiResult<HttpResponse> {
    let (clients, visible, tx) = visible_clients(&state, &staff).await?;
    let rows = tx.find_in::<contacts::Entity>(&visible).order_by_asc(contacts::Column::Name).all().await?;
    tx.commit().await?;
    let client_names: std::collections::HashMap<uuid::Uuid, &str> =
        clients.iter().map(|c| (c.id, c.name.as_str())).collect();
    let mut out = vec![[
        "client",
        "name",
        "position",
        "email",
        "phone",
        "portal_role",
        "decision_maker",
        "has_portal_account",
        "left_at",
    ]
    .map(String::from)
    .to_vec()];
    for c in &rows {
        out.push(vec![
            client_names.get(&c.client_id).map(|s| s.to_string()).unwrap_or_default(),
            c.name.clone(),
            opt(&c.position),
            c.email.clone(),
            opt(&c.phone),
            c.portal_role.clone(),
            c.decision_maker.to_string(),
            c.user_id.is_some().to_string(),
            c.left_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        ]);
    }
    Ok(attachment("contacts.csv", csv(out, separator(&who))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("ООО «Ромашка»", ';'), "ООО «Ромашка»");
        assert_eq!(cell("a;b", ';'), "\"a;b\"");
        assert_eq!(cell("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")", ','), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert!(csv(vec![vec!["a".into()]], ',').starts_with('\u{feff}'));
    }
}

//! CSV exports of the clients and contacts the caller may see. UTF-8 with a byte-order mark
//! (so spreadsheet software reads Cyrillic right), `;` for Russian users (what Russian-locale
//! Excel expects) and `,` for English ones; cells that could run as formulas are defused. The
//! handlers (`handlers.rs`) send the text as a download.

use super::access;
use super::view;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::{ClientId, Locale};
use accord_entity::{clients, contacts};
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

/// `;` for Russian readers (what Russian-locale Excel expects), `,` for English ones.
pub(crate) fn separator(locale: Locale) -> char {
    if locale == Locale::Ru {
        ';'
    } else {
        ','
    }
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn opt_text(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Every client the caller may see: the header and one row each.
pub async fn clients(state: &AppState, staff: &Staff) -> ApiResult<Vec<Vec<String>>> {
    let (rows, _, tx) = visible_clients(state, staff).await?;
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
            c.status.to_string(),
            c.account_manager_id.and_then(|m| names.get(&m).cloned()).unwrap_or_default(),
            c.started_on.map(|d| d.to_string()).unwrap_or_default(),
            c.ended_on.map(|d| d.to_string()).unwrap_or_default(),
            opt_text(c.temperament),
            opt_text(c.activity),
            opt_text(c.value_tier),
            c.contact_cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            c.last_touch_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            c.archived_at.is_some().to_string(),
        ]);
    }
    Ok(out)
}

/// Every contact of the clients the caller may see: the header and one row each.
pub async fn contacts(state: &AppState, staff: &Staff) -> ApiResult<Vec<Vec<String>>> {
    let (clients, visible, tx) = visible_clients(state, staff).await?;
    let rows = tx.find_in::<contacts::Entity>(&visible).order_by_asc(contacts::Column::Name).all().await?;
    tx.commit().await?;
    let client_names: std::collections::HashMap<ClientId, &str> =
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
            c.portal_role.to_string(),
            c.decision_maker.to_string(),
            c.user_id.is_some().to_string(),
            c.left_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        ]);
    }
    Ok(out)
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

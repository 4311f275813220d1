//! Malformed input, generated from the OpenAPI document: every field of every request body and
//! every query parameter gets NUL bytes, bidi overrides, zero-width spaces, 100 KB strings,
//! extreme numbers and dates, and values of the wrong type. The app must answer each with a
//! 4xx and a JSON `{code, message}` (or a 2xx when the value happens to be valid) — never a 5xx,
//! never a dropped connection — and keep answering every read afterwards.

use accord_tests::world::{self, World};
use accord_tests::{spawn_app_with, Client, TestApp};
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Requests in flight at once.
const CONCURRENCY: usize = 8;
const LONG_BODY_STRING: usize = 100 * 1024;
const LONG_QUERY_STRING: usize = 10 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Caller {
    /// Public endpoints, sign-in and sign-up: no session, a fresh address per request.
    Anonymous,
    /// Agency A's owner: every staff endpoint and the own account.
    Owner,
    /// Client A1's approver: the portal.
    Approver,
    /// The platform operator.
    Operator,
    /// Agency A's admin, only for password changes (run one at a time, after the rest).
    PasswordChanger,
}

/// Who sends an operation's probes; `None`: the operation is not probed (it would end the
/// session or suspend agency A mid-run).
fn caller_for(method: &str, path: &str) -> Option<Caller> {
    Some(match path {
        "/api/auth/sign-out" => return None,
        p if p.starts_with("/api/platform/") && p.ends_with("/suspend") => return None,
        "/api/auth/password" => Caller::PasswordChanger,
        "/api/auth/sign-in" | "/api/auth/sign-up" => Caller::Anonymous,
        p if p.starts_with("/api/portal/") => Caller::Approver,
        p if p.starts_with("/api/platform/") => Caller::Operator,
        p if p.starts_with("/api/staff/") || p.starts_with("/api/auth/") => Caller::Owner,
        _ if method == "GET" || method == "POST" => Caller::Anonymous,
        _ => Caller::Owner,
    })
}

#[derive(Clone, Debug)]
struct Probe {
    caller: Caller,
    method: String,
    /// The documented path (for the report).
    path: String,
    /// The concrete URL, query included.
    url: String,
    body: Option<Value>,
    /// `title`, `budget.amount_minor`, `team[0]`, `?page`; `-` for the baseline.
    field: String,
    class: &'static str,
}

#[derive(Debug)]
struct Outcome {
    probe: Probe,
    /// Status and body, or the transport error.
    result: Result<(u16, String), String>,
    /// The caller had to sign in again after a 401.
    resigned: bool,
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..10].to_string()
}

// ---------------------------------------------------------------------------------------------
// Schemas

struct Schemas<'a> {
    components: &'a Map<String, Value>,
}

impl Schemas<'_> {
    /// Follows `$ref`, merges `allOf`, takes the first non-null branch of `oneOf`/`anyOf` and
    /// the non-null type of `type: [T, "null"]`.
    fn resolve(&self, schema: &Value) -> Value {
        self.resolve_depth(schema, 0)
    }

    fn resolve_depth(&self, schema: &Value, depth: usize) -> Value {
        if depth > 16 {
            return schema.clone();
        }
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or(r);
            let target = self.components.get(name).cloned().unwrap_or(Value::Null);
            return self.resolve_depth(&target, depth + 1);
        }
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            let mut properties = Map::new();
            let mut required = Vec::new();
            for part in all {
                let part = self.resolve_depth(part, depth + 1);
                if let Some(obj) = part.as_object() {
                    for (k, v) in obj {
                        match k.as_str() {
                            "properties" => properties.extend(v.as_object().cloned().unwrap_or_default()),
                            "required" => required.extend(v.as_array().cloned().unwrap_or_default()),
                            _ => {
                                merged.insert(k.clone(), v.clone());
                            }
                        }
                    }
                }
            }
            if !properties.is_empty() {
                merged.insert("properties".into(), Value::Object(properties));
                merged.insert("type".into(), json!("object"));
            }
            merged.insert("required".into(), Value::Array(required));
            for (k, v) in schema.as_object().into_iter().flatten() {
                if k != "allOf" {
                    merged.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            return Value::Object(merged);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                let first = branches
                    .iter()
                    .map(|b| self.resolve_depth(b, depth + 1))
                    .find(|b| b.get("type").and_then(Value::as_str) != Some("null"));
                return first.unwrap_or(Value::Null);
            }
        }
        if let Some(types) = schema.get("type").and_then(Value::as_array) {
            let mut s = schema.clone();
            let t = types.iter().find(|t| t.as_str() != Some("null")).cloned().unwrap_or(json!("null"));
            s["type"] = t;
            return s;
        }
        schema.clone()
    }

    fn kind(&self, schema: &Value) -> &'static str {
        if schema.get("enum").is_some() {
            return "enum";
        }
        match schema.get("type").and_then(Value::as_str) {
            Some("string") => "string",
            Some("integer") => "integer",
            Some("number") => "number",
            Some("boolean") => "boolean",
            Some("array") => "array",
            Some("object") => "object",
            _ if schema.get("properties").is_some() => "object",
            _ => "unknown",
        }
    }
}

/// Real ids of agency A for fields whose names say what they point at.
fn id_for(name: &str, w: &World) -> String {
    let n = name.to_ascii_lowercase();
    match n.as_str() {
        "account_manager_id" | "manager" | "manager_id" | "owner_id" => w.manager_a.id.to_string(),
        "team" | "user_id" | "member_id" => w.specialist_a.id.to_string(),
        "contact_id" | "replaced_by" => w.spare_contacts_a1[2].0.to_string(),
        "client_id" => w.client_a1.0.to_string(),
        "project_id" => w.project_a1.to_string(),
        "goal_id" => w.goals_a1[1].to_string(),
        "stage_id" => w.stages_a1[1].to_string(),
        "item_id" | "items" | "linked_items" => w.items_a1[1].to_string(),
        "agency_id" => w.a.id.to_string(),
        _ => uuid::Uuid::new_v4().to_string(),
    }
}

/// A valid-looking value for `schema` (already resolved) in a field called `name`.
fn sample(s: &Schemas, schema: &Value, name: &str, w: &World) -> Value {
    let schema = s.resolve(schema);
    if let Some(first) = schema.get("enum").and_then(Value::as_array).and_then(|e| e.first()) {
        return first.clone();
    }
    let n = name.to_ascii_lowercase();
    match s.kind(&schema) {
        "string" => {
            let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
            json!(match format {
                "date" => "2026-12-01".to_string(),
                "date-time" => "2026-12-01T10:00:00Z".to_string(),
                "uuid" => id_for(name, w),
                _ if format == "email" || n.contains("email") => format!("x-{}@x.test", unique()),
                _ if n == "current_password" => world::PASSWORD.to_string(),
                _ if n.contains("password") => "Very-secret-pass-1".to_string(),
                _ if n.contains("slug") => format!("s-{}", unique()),
                _ if n == "time_zone" => "UTC".to_string(),
                _ if n == "currency" => "RUB".to_string(),
                _ if n == "csv" => "title;estimate_hours\nTest;2\n".to_string(),
                // Names may have to be unique (agencies): one per body, so each probe gets past that.
                _ if n.ends_with("name") => format!("Test {}", unique()),
                _ => "Test".to_string(),
            })
        }
        "integer" => json!(1),
        "number" => json!(1.0),
        "boolean" => json!(false),
        "array" => {
            let items = schema.get("items").cloned().unwrap_or(json!({ "type": "string" }));
            json!([sample(s, &items, name, w)])
        }
        "object" => {
            let mut obj = Map::new();
            for (k, v) in schema.get("properties").and_then(Value::as_object).into_iter().flatten() {
                obj.insert(k.clone(), sample(s, v, k, w));
            }
            Value::Object(obj)
        }
        _ => json!("Test"),
    }
}

/// The malformed values for a field of this (resolved) schema: (class, value).
fn malformed(s: &Schemas, schema: &Value) -> Vec<(&'static str, Value)> {
    let schema = s.resolve(schema);
    let strings = || {
        vec![
            ("nul", json!("a\u{0}b")),
            ("bidi", json!("probe\u{202e}gnp.exe\u{202c}")),
            ("zero_width", json!("a\u{200b}b")),
            ("100kb", json!("a".repeat(LONG_BODY_STRING))),
            ("wrong_type_number", json!(1)),
        ]
    };
    let numbers = || {
        vec![
            ("i64_max", json!(i64::MAX)),
            ("i64_min", json!(-i64::MAX)),
            ("1e308", json!(1e308)),
            ("negative", json!(-1)),
            ("zero", json!(0)),
            ("wrong_type_string", json!("Test")),
        ]
    };
    match s.kind(&schema) {
        "string" | "enum" => {
            let mut v = strings();
            match schema.get("format").and_then(Value::as_str) {
                Some("date") => {
                    v.push(("date_min", json!("-10000-01-01")));
                    v.push(("date_max", json!("9999-12-31")));
                }
                Some("date-time") => {
                    v.push(("datetime_min", json!("-262143-01-01T00:00:00Z")));
                    v.push(("datetime_max", json!("9999-12-31T23:59:59Z")));
                }
                _ => {}
            }
            v
        }
        "integer" | "number" => numbers(),
        "boolean" => vec![("wrong_type_string", json!("Test"))],
        "array" => vec![("wrong_type_object", json!({}))],
        "object" => vec![("wrong_type_array", json!([]))],
        _ => vec![("wrong_type_array", json!([]))],
    }
}

/// (field label, mutated body, class) for every top-level field, its nested fields (one level:
/// an object's fields, an array's element or its element's fields) and every class.
fn body_mutations(s: &Schemas, schema: &Value, base: &Value) -> Vec<(String, Value, &'static str)> {
    let schema = s.resolve(schema);
    let mut out = Vec::new();
    let Some(props) = schema.get("properties").and_then(Value::as_object) else { return out };
    for (k, ps) in props {
        for (class, v) in malformed(s, ps) {
            let mut body = base.clone();
            body[k.as_str()] = v;
            out.push((k.clone(), body, class));
        }
        let resolved = s.resolve(ps);
        match s.kind(&resolved) {
            "object" => {
                for (sub, sps) in resolved.get("properties").and_then(Value::as_object).into_iter().flatten() {
                    for (class, v) in malformed(s, sps) {
                        let mut body = base.clone();
                        body[k.as_str()][sub.as_str()] = v;
                        out.push((format!("{k}.{sub}"), body, class));
                    }
                }
            }
            "array" => {
                let items = s.resolve(&resolved.get("items").cloned().unwrap_or(Value::Null));
                if base[k.as_str()].as_array().is_none_or(|a| a.is_empty()) {
                    continue;
                }
                for (class, v) in malformed(s, &items) {
                    let mut body = base.clone();
                    body[k.as_str()][0] = v;
                    out.push((format!("{k}[0]"), body, class));
                }
                for (sub, sps) in items.get("properties").and_then(Value::as_object).into_iter().flatten() {
                    for (class, v) in malformed(s, sps) {
                        let mut body = base.clone();
                        body[k.as_str()][0][sub.as_str()] = v;
                        out.push((format!("{k}[0].{sub}"), body, class));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Fresh values for the top-level fields that must be unique (slugs, e-mails, names), except
/// the one under test: one probe's success must not turn the next one into a 409.
fn freshen(body: &mut Value, field: &str) {
    let Some(obj) = body.as_object_mut() else { return };
    for (k, v) in obj.iter_mut() {
        if k == field || !v.is_string() {
            continue;
        }
        let n = k.to_ascii_lowercase();
        if n.contains("slug") {
            *v = json!(format!("s-{}", unique()));
        } else if n.contains("email") {
            *v = json!(format!("x-{}@x.test", unique()));
        } else if n.ends_with("name") {
            *v = json!(format!("Test {}", unique()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Query parameters

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A valid value for a query parameter, as text.
fn query_sample(s: &Schemas, schema: &Value, name: &str, w: &World) -> String {
    match sample(s, schema, name, w) {
        Value::String(v) => v,
        other => other.to_string(),
    }
}

/// Malformed query values (raw, encoded later) for a parameter of this schema.
fn query_malformed(s: &Schemas, schema: &Value) -> Vec<(&'static str, String)> {
    let schema = s.resolve(schema);
    let texts = || {
        vec![
            ("nul", "a\u{0}b".to_string()),
            ("bidi", "probe\u{202e}gnp.exe\u{202c}".to_string()),
            ("zero_width", "a\u{200b}b".to_string()),
            ("10kb", "a".repeat(LONG_QUERY_STRING)),
        ]
    };
    match s.kind(&schema) {
        "integer" | "number" => vec![
            ("u64_max", u64::MAX.to_string()),
            ("i64_max", i64::MAX.to_string()),
            ("beyond_u64", "99999999999999999999999".to_string()),
            ("negative", "-1".to_string()),
            ("zero", "0".to_string()),
            ("1e308", "1e308".to_string()),
            ("wrong_type_string", "abc".to_string()),
            ("nul", "1\u{0}".to_string()),
        ],
        "boolean" => vec![("wrong_type_string", "maybe".to_string()), ("nul", "true\u{0}".to_string())],
        "array" | "object" => vec![("nul", "a\u{0}b".to_string())],
        _ => {
            let mut v = texts();
            match schema.get("format").and_then(Value::as_str) {
                Some("date") => {
                    v.push(("date_min", "-10000-01-01".to_string()));
                    v.push(("date_max", "9999-12-31".to_string()));
                }
                Some("date-time") => {
                    v.push(("datetime_min", "-262143-01-01T00:00:00Z".to_string()));
                    v.push(("datetime_max", "9999-12-31T23:59:59Z".to_string()));
                }
                _ => {}
            }
            if s.kind(&schema) == "enum" {
                v.push(("unknown_variant", "no-such-value".to_string()));
            }
            v
        }
    }
}

fn with_query(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    format!("{path}?{}", q.join("&"))
}

// ---------------------------------------------------------------------------------------------
// Paths

/// The concrete path: ids of agency A (client A1 and its records, a staff member, an invitation),
/// agency C for platform operations.
fn concrete(path: &str, w: &World, invitation: &str, m: &MeetingIds) -> String {
    let id = if path.starts_with("/api/staff/clients/") {
        w.client_a1.0.to_string()
    } else if path.starts_with("/api/staff/members/") {
        w.target_a.id.to_string()
    } else if path.starts_with("/api/staff/invitations/") {
        invitation.to_string()
    } else {
        w.c.id.to_string()
    };
    let item = if path.starts_with("/api/portal/") { w.proposed_a1 } else { w.items_a1[3] };
    path.replace("{id}", &id)
        .replace("{contact_id}", &w.spare_contacts_a1[3].0.to_string())
        .replace("{project_id}", &w.project_a1.to_string())
        .replace("{goal_id}", &w.goals_a1[3].to_string())
        .replace("{stage_id}", &w.stages_a1[3].to_string())
        .replace("{item_id}", &item.to_string())
        .replace("{section}", "awaiting")
        .replace("{mid}", if path.starts_with("/api/portal/") { &m.published } else { &m.scheduled })
        .replace("{sid}", &m.series)
        .replace("{aid}", &m.agenda)
        .replace("{date}", &m.date)
        .replace("{rid}", &m.report)
        .replace("{qid}", &m.question)
        .replace("{kind}", "weekly")
        .replace("{cid}", &m.campaign)
        .replace("{ans}", &m.answer)
        .replace("{fid}", &m.followup)
        .replace("{inv}", &m.invitation)
        .replace("{token}", "an-unknown-survey-link-token")
        .replace("{rk}", &m.risk)
        .replace("{inc}", if path.starts_with("/api/portal/") { &m.planned_incident } else { &m.incident })
        .replace("{service}", &m.service)
        .replace("{upsell}", &m.upsell)
        .replace("{article}", &m.article)
        .replace("{contract}", &m.contract)
        .replace("{invoice}", if path.ends_with("/cancel") { &m.cancel_invoice } else { &m.invoice })
        .replace("{payment}", &m.payment)
        .replace("{document}", &m.document)
}

/// A series, a scheduled meeting with an agenda item and a published meeting of client A1.
struct MeetingIds {
    series: String,
    date: String,
    scheduled: String,
    agenda: String,
    published: String,
    /// A published report of A1 (a draft would be deleted by DELETE's baseline) and a client's
    /// question on it.
    report: String,
    question: String,
    /// A running survey campaign of A1, a promoter's answer, a detractor's follow-up and A1's
    /// approver's invitation.
    campaign: String,
    answer: String,
    followup: String,
    invitation: String,
    /// A risk of A1, an incident just recorded (step 1 is the baseline) and one told and planned
    /// (the portal's acknowledgement).
    risk: String,
    incident: String,
    planned_incident: String,
    /// A service of agency A, an upsell of A1 and an explainer (published).
    service: String,
    upsell: String,
    article: String,
    /// A contract of A1, an invoice to change and pay, one to cancel, a payment and an act.
    contract: String,
    invoice: String,
    cancel_invoice: String,
    payment: String,
    document: String,
}

async fn meeting_ids(owner: &Client, approver: &Client, w: &World) -> MeetingIds {
    async fn made(res: reqwest::Response) -> Value {
        let status = res.status();
        let body: Value = res.json().await.expect("json");
        assert!(status.is_success(), "set-up failed: {body}");
        body
    }
    let day = |n: i64| (chrono::Utc::now() + chrono::Duration::days(n)).date_naive();
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let weekday = chrono::Datelike::weekday(&day(2)).number_from_monday();
    let series = made(
        owner
            .post(&format!("{a1}/meeting-series"), json!({ "title": "Weekly", "frequency": "weekly", "interval": 1,
                "weekday": weekday, "starts_on": day(0), "time": "11:00", "time_zone": "Europe/Moscow", "duration_minutes": 60 }))
            .await,
    )
    .await;
    let meeting = |days: i64| json!({ "title": "One-off", "local_start": format!("{}T15:00", day(days)), "time_zone": "Europe/Moscow", "duration_minutes": 30 });
    let scheduled = made(owner.post(&format!("{a1}/meetings"), meeting(3)).await).await;
    let scheduled = scheduled["summary"]["id"].as_str().expect("id").to_string();
    let agenda =
        made(owner.post(&format!("/api/staff/meetings/{scheduled}/agenda"), json!({ "title": "Topic" })).await).await;
    let published = made(owner.post(&format!("{a1}/meetings"), meeting(-1)).await).await;
    let published = published["summary"]["id"].as_str().expect("id").to_string();
    let minutes = json!({ "attendees": {}, "notes": "", "decisions": ["Agreed"], "action_items": [], "discussed": [] });
    made(owner.send("PUT", &format!("/api/staff/meetings/{published}/minutes"), Some(minutes)).await).await;
    made(owner.post(&format!("/api/staff/meetings/{published}/publish"), json!({})).await).await;
    let report =
        made(owner.post(&format!("{a1}/reports"), json!({ "kind": "monthly", "period_of": day(-40) })).await).await;
    let report = report["summary"]["id"].as_str().expect("id").to_string();
    made(owner.post(&format!("/api/staff/reports/{report}/publish"), json!({ "version": 1 })).await).await;
    let question =
        made(approver.post(&format!("/api/portal/reports/{report}/questions"), json!({ "body": "Why?" })).await).await;
    let question = question["messages"][0]["id"].as_str().expect("id").to_string();
    let campaign = made(
        owner
            .post(
                "/api/staff/survey-campaigns",
                json!({ "name": "Probe", "nps": true, "csi": false, "target": "clients",
                "clients": [w.client_a1.0], "recipients": "all_contacts", "remind_after_days": 3, "remind_max": 1,
                "close_after_days": 14 }),
            )
            .await,
    )
    .await;
    let campaign = campaign["summary"]["id"].as_str().expect("id").to_string();
    made(owner.post(&format!("/api/staff/survey-campaigns/{campaign}/launch"), json!({})).await).await;
    let phone = |nps: u8| json!({ "taken_on": day(-1), "answer": { "nps": nps, "why": format!("Probe {nps}") } });
    let answer = made(owner.post(&format!("{a1}/survey-answers"), phone(10)).await).await;
    made(owner.post(&format!("{a1}/survey-answers"), phone(2)).await).await;
    let followups = made(owner.get("/api/staff/survey-followups").await).await;
    let mine = made(approver.get("/api/portal/surveys").await).await;
    let risk = made(
        owner
            .post(
                &format!("{a1}/risks"),
                json!({ "title": "Probe", "category": "technical", "probability": 2, "impact": 3, "status": "open" }),
            )
            .await,
    )
    .await;
    let incident = made(owner.post(&format!("{a1}/incidents"), json!({ "title": "Probe" })).await).await;
    let planned = made(owner.post(&format!("{a1}/incidents"), json!({ "title": "Planned probe" })).await).await;
    let planned_incident = planned["id"].as_str().expect("id").to_string();
    for body in [
        json!({ "step": "notify", "message": "A mistake" }),
        json!({ "step": "assess", "damage": { "quality": "Some" } }),
        json!({ "step": "plan", "plan": "Fix it" }),
    ] {
        made(owner.post(&format!("/api/staff/incidents/{planned_incident}/steps"), body).await).await;
    }
    let service = made(owner.post("/api/staff/services", json!({ "name": "Probe service" })).await).await;
    let upsell = json!({ "title": "Probe", "expected": { "amount_minor": 100, "currency": "RUB" }, "probability": 10, "status": "idea" });
    let upsell = made(owner.post(&format!("{a1}/upsells"), upsell).await).await;
    let article = json!({ "title_ru": "Проба", "title_en": "Probe", "published": true });
    let article = made(owner.post("/api/staff/articles", article).await).await;
    let contract =
        json!({ "title": "Probe", "kind": "retainer", "amount_minor": 100, "starts_on": day(-30), "status": "active" });
    let contract = made(owner.post(&format!("{a1}/contracts"), contract).await).await;
    let invoice = |n: &str| json!({ "number": format!("P-{n}-{}", unique()), "issued_on": day(-20), "due_on": day(-10), "amount_minor": 1_000_000_000 });
    let invoice_id =
        made(owner.post(&format!("{a1}/invoices"), invoice("a")).await).await["id"].as_str().expect("id").to_string();
    let cancel = made(owner.post(&format!("{a1}/invoices"), invoice("b")).await).await;
    let paid =
        made(owner.post(&format!("{a1}/invoices"), invoice("c")).await).await["id"].as_str().expect("id").to_string();
    let paid = made(
        owner
            .post(&format!("/api/staff/invoices/{paid}/payments"), json!({ "paid_on": day(-5), "amount_minor": 100 }))
            .await,
    )
    .await;
    let act = json!({ "kind": "act", "number": "A-1", "issued_on": day(-5), "amount_minor": 100 });
    let document = made(owner.post(&format!("{a1}/documents"), act).await).await;
    MeetingIds {
        risk: risk["id"].as_str().expect("id").to_string(),
        service: service["id"].as_str().expect("id").to_string(),
        upsell: upsell["id"].as_str().expect("id").to_string(),
        article: article["id"].as_str().expect("id").to_string(),
        contract: contract["id"].as_str().expect("id").to_string(),
        invoice: invoice_id,
        cancel_invoice: cancel["id"].as_str().expect("id").to_string(),
        payment: paid["payments"][0]["id"].as_str().expect("id").to_string(),
        document: document["id"].as_str().expect("id").to_string(),
        incident: incident["id"].as_str().expect("id").to_string(),
        planned_incident,
        campaign,
        answer: answer["id"].as_str().expect("id").to_string(),
        followup: followups["items"][0]["id"].as_str().expect("id").to_string(),
        invitation: mine["open"][0]["invitation_id"].as_str().expect("id").to_string(),
        series: series["id"].as_str().expect("id").to_string(),
        date: day(2).to_string(),
        scheduled,
        agenda: agenda["id"].as_str().expect("id").to_string(),
        published,
        report,
        question,
    }
}

// ---------------------------------------------------------------------------------------------
// Sending

struct Callers {
    app_address: String,
    clients: Mutex<HashMap<Caller, Client>>,
    w: World,
    /// For the anonymous callers' `X-Forwarded-For`.
    next_address: AtomicU32,
}

impl Callers {
    fn email(&self, c: Caller) -> Option<&str> {
        Some(match c {
            Caller::Anonymous => return None,
            Caller::Owner => &self.w.a.owner.email,
            Caller::Approver => &self.w.approver_a1.email,
            Caller::Operator => &self.w.operator.email,
            Caller::PasswordChanger => &self.w.admin_a.email,
        })
    }

    fn client(&self, c: Caller) -> Client {
        self.clients.lock().expect("clients").get(&c).cloned().expect("a client per caller")
    }

    /// A client without a cookie jar: every anonymous request starts without a session, even
    /// after a sign-up that answered with a cookie.
    fn anonymous(&self) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ORIGIN,
            reqwest::header::HeaderValue::from_str(&self.app_address).expect("origin"),
        );
        Client {
            base: self.app_address.clone(),
            http: reqwest::Client::builder()
                .default_headers(headers)
                .redirect(reqwest::redirect::Policy::none())
                // The server closes a connection idle for 5 s (actix's keep-alive); one reused
                // at that instant fails to send. Let the client drop idle ones first.
                .pool_idle_timeout(Duration::from_secs(2))
                .timeout(Duration::from_secs(60))
                .build()
                .expect("http client"),
        }
    }

    async fn sign_in_again(&self, app: &TestApp, c: Caller, password: &str) {
        if let Some(email) = self.email(c) {
            let fresh = app.signed_in(email, password).await;
            self.clients.lock().expect("clients").insert(c, fresh);
        }
    }

    async fn send(&self, client: &Client, p: &Probe) -> Result<(u16, String), String> {
        let method = reqwest::Method::from_bytes(p.method.as_bytes()).expect("method");
        let mut req = client.http.request(method, client.url(&p.url)).timeout(Duration::from_secs(60));
        if p.caller == Caller::Anonymous {
            // Sign-in and password-reset requests are throttled per address: a fresh one each.
            let n = self.next_address.fetch_add(1, Ordering::Relaxed);
            req = req.header("x-forwarded-for", format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255));
        }
        if let Some(body) = &p.body {
            req = req.json(body);
        }
        match req.send().await {
            Ok(res) => {
                let status = res.status().as_u16();
                match res.text().await {
                    Ok(text) => Ok((status, text)),
                    Err(e) => Err(format!("status {status}, body cut off: {e}")),
                }
            }
            Err(e) => Err(format!("{e} ({:?})", std::error::Error::source(&e).map(|s| s.to_string()))),
        }
    }

    async fn run(&self, app: &TestApp, p: Probe) -> Outcome {
        let client = if p.caller == Caller::Anonymous { self.anonymous() } else { self.client(p.caller) };
        let mut result = self.send(&client, &p).await;
        let mut resigned = false;
        if matches!(result, Ok((401, _))) && !matches!(p.caller, Caller::Anonymous | Caller::PasswordChanger) {
            // The session ended under us: note it, sign in again and repeat the probe once.
            self.sign_in_again(app, p.caller, world::PASSWORD).await;
            resigned = true;
            result = self.send(&self.client(p.caller), &p).await;
        }
        Outcome { probe: p, result, resigned }
    }
}

/// What is wrong with an answer, if anything.
fn verdict(result: &Result<(u16, String), String>) -> Option<String> {
    match result {
        Err(e) => Some(format!("request failed: {e}")),
        Ok((status, body)) => match status {
            200..=299 => None,
            400..=499 => {
                let parsed: Option<Value> = serde_json::from_str(body).ok();
                let text = |k: &str| {
                    parsed.as_ref().and_then(|b| b.get(k)).and_then(Value::as_str).is_some_and(|s| !s.is_empty())
                };
                if text("code") && text("message") {
                    None
                } else {
                    Some(format!("{status} without a JSON {{code, message}}: {}", cut(body)))
                }
            }
            _ => Some(format!("{status}: {}", cut(body))),
        },
    }
}

fn cut(s: &str) -> String {
    let s: String = s.chars().take(300).collect();
    s.replace('\n', " ")
}

fn describe(p: &Probe) -> String {
    format!("{} {} [{}] {} as {:?}", p.method, p.path, p.field, p.class, p.caller)
}

// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn every_write_and_query_parameter_refuses_malformed_input_with_a_4xx() {
    let started = Instant::now();
    let app = spawn_app_with(|s| {
        s.trust_proxy = true;
        s.signup = "open".into();
        s.login_max_failures = 1_000_000;
        s.login_max_failures_per_ip = 1_000_000;
        s.mail_poll_ms = 3_600_000;
    })
    .await;
    let w = world::build(&app).await;
    let doc: Value = app.client().get("/api/openapi.json").await.json().await.expect("openapi.json");
    let components = doc["components"]["schemas"].as_object().cloned().unwrap_or_default();
    let schemas = Schemas { components: &components };

    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let invitation: Value = owner
        .post(
            "/api/staff/invitations",
            json!({ "email": format!("probe-{}@x.test", unique()), "name": "P", "role": "specialist" }),
        )
        .await
        .json()
        .await
        .expect("invitation");
    let invitation = invitation["id"].as_str().expect("invitation id").to_string();
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let meetings = meeting_ids(&owner, &approver, &w).await;
    let mut clients = HashMap::new();
    clients.insert(Caller::Owner, owner);
    clients.insert(Caller::Approver, approver);
    clients.insert(Caller::Operator, app.signed_in(&w.operator.email, world::PASSWORD).await);
    clients.insert(Caller::PasswordChanger, app.signed_in(&w.admin_a.email, world::PASSWORD).await);

    // Build the probes.
    let mut probes = Vec::new();
    let mut gets = Vec::new();
    let mut failures = Vec::new();
    let mut operations = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let shared_params = item.get("parameters").and_then(Value::as_array).cloned().unwrap_or_default();
        for (method, op) in item.as_object().expect("path item") {
            let method = method.to_ascii_uppercase();
            if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method.as_str()) {
                continue;
            }
            let Some(caller) = caller_for(&method, path) else { continue };
            let concrete_path = concrete(path, &w, &invitation, &meetings);
            if concrete_path.contains('{') {
                failures.push(format!("{method} {path}: no id for a placeholder in {concrete_path}"));
                continue;
            }
            let params: Vec<Value> = shared_params
                .iter()
                .chain(op.get("parameters").and_then(Value::as_array).into_iter().flatten())
                .filter(|p| p["in"] == "query")
                .cloned()
                .collect();
            let base_query: Vec<(String, String)> = params
                .iter()
                .filter(|p| p["required"] == true)
                .map(|p| {
                    let name = p["name"].as_str().unwrap_or_default().to_string();
                    let value = query_sample(&schemas, &p["schema"], &name, &w);
                    (name, value)
                })
                .collect();
            let base_url = with_query(&concrete_path, &base_query);
            if method == "GET" {
                gets.push(Probe {
                    caller,
                    method: method.clone(),
                    path: path.clone(),
                    url: base_url.clone(),
                    body: None,
                    field: "-".into(),
                    class: "after",
                });
            }
            let body_schema =
                op.pointer("/requestBody/content/application~1json/schema").cloned().filter(|_| method != "GET");
            let base_body = body_schema.as_ref().map(|s| sample(&schemas, s, "", &w));
            let mut probed = false;
            for p in &params {
                let name = p["name"].as_str().unwrap_or_default().to_string();
                for (class, value) in query_malformed(&schemas, &p["schema"]) {
                    let mut pairs: Vec<(String, String)> =
                        base_query.iter().filter(|(k, _)| *k != name).cloned().collect();
                    pairs.push((name.clone(), value));
                    probes.push(Probe {
                        caller,
                        method: method.clone(),
                        path: path.clone(),
                        url: with_query(&concrete_path, &pairs),
                        body: base_body.clone(),
                        field: format!("?{name}"),
                        class,
                    });
                    probed = true;
                }
            }
            if let (Some(schema), Some(base)) = (&body_schema, &base_body) {
                probes.push(Probe {
                    caller,
                    method: method.clone(),
                    path: path.clone(),
                    url: base_url.clone(),
                    body: Some(base.clone()),
                    field: "-".into(),
                    class: "baseline",
                });
                for (field, mut body, class) in body_mutations(&schemas, schema, base) {
                    freshen(&mut body, &field);
                    probes.push(Probe {
                        caller,
                        method: method.clone(),
                        path: path.clone(),
                        url: base_url.clone(),
                        body: Some(body),
                        field,
                        class,
                    });
                }
                probed = true;
            }
            if probed {
                operations.insert(format!("{method} {path}"));
            }
        }
    }
    let sent = probes.len();

    // Everything but password changes, CONCURRENCY at a time.
    let (password_probes, rest): (Vec<Probe>, Vec<Probe>) =
        probes.into_iter().partition(|p| p.caller == Caller::PasswordChanger);
    let callers = Arc::new(Callers {
        app_address: app.address.clone(),
        clients: Mutex::new(clients),
        w: w.clone(),
        next_address: AtomicU32::new(1),
    });
    let app = Arc::new(app);
    let queue = Arc::new(Mutex::new(VecDeque::from(rest)));
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (queue, callers, app) = (queue.clone(), callers.clone(), app.clone());
        workers.push(tokio::spawn(async move {
            let mut outcomes = Vec::new();
            loop {
                let next = queue.lock().expect("queue").pop_front();
                let Some(p) = next else { break };
                outcomes.push(callers.run(&app, p).await);
            }
            outcomes
        }));
    }
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.extend(worker.await.expect("worker"));
    }
    // A dropped connection may be another request's doing (a panicking worker takes its
    // connections along): each such probe is repeated alone, and that answer counts.
    let mut retried = 0;
    for o in outcomes.iter_mut() {
        if o.result.is_err() {
            retried += 1;
            let client =
                if o.probe.caller == Caller::Anonymous { callers.anonymous() } else { callers.client(o.probe.caller) };
            o.result = callers.send(&client, &o.probe).await;
        }
    }

    // Password changes one at a time; a valid new password becomes the current one.
    let mut current = world::PASSWORD.to_string();
    for mut p in password_probes {
        if let Some(body) = p.body.as_mut() {
            if p.field != "current_password" && body.get("current_password").is_some() {
                body["current_password"] = json!(current);
            }
        }
        let o = callers.run(&app, p).await;
        if let (Ok((200..=299, _)), Some(new)) =
            (&o.result, o.probe.body.as_ref().and_then(|b| b["new_password"].as_str()))
        {
            current = new.to_string();
        }
        outcomes.push(o);
    }

    let mut refused_baselines = Vec::new();
    // Suspicious values the app took (2xx): allowed, but worth a look (printed, not asserted).
    let mut accepted: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    for o in &outcomes {
        if let (Ok((200..=299, _)), false) = (&o.result, o.probe.class == "baseline") {
            if !o.probe.class.starts_with("wrong_type") && !matches!(o.probe.class, "negative" | "zero") {
                let short = o.probe.path.trim_start_matches("/api/").replace("{id}/", "").replace("clients/", "");
                accepted
                    .entry(o.probe.class)
                    .or_default()
                    .push(format!("{} {short} {}", o.probe.method, o.probe.field));
            }
        }
        if let Some(problem) = verdict(&o.result) {
            failures.push(format!("{}: {problem}", describe(&o.probe)));
        }
        if o.resigned {
            failures.push(format!("{}: the session ended (401); signed in again", describe(&o.probe)));
        }
        if o.probe.class == "baseline" {
            if let Ok((status, body)) = &o.result {
                if !(200..300).contains(status) {
                    refused_baselines.push(format!("{} {} {status} {}", o.probe.method, o.probe.path, cut(body)));
                }
            }
        }
    }

    // Afterwards, every read still answers.
    callers.sign_in_again(&app, Caller::Owner, world::PASSWORD).await;
    for p in gets {
        let client = if p.caller == Caller::Anonymous { callers.anonymous() } else { callers.client(p.caller) };
        let result = callers.send(&client, &p).await;
        match &result {
            Ok((status, _)) if *status < 500 => {}
            _ => failures.push(format!(
                "{}: afterwards: {}",
                describe(&p),
                verdict(&result).unwrap_or_else(|| "?".into())
            )),
        }
    }

    let elapsed = started.elapsed();
    println!(
        "malformed input ({:?}): {} operations, {} requests ({retried} repeated after a dropped connection), {:.1} s",
        accord_tests::backend(),
        operations.len(),
        sent,
        elapsed.as_secs_f64()
    );
    let counts: Vec<String> = accepted.iter().map(|(class, v)| format!("{class} {}", v.len())).collect();
    println!("accepted with a 2xx (not a failure; details with ACCORD_TEST_VERBOSE=1): {}", counts.join(", "));
    if std::env::var("ACCORD_TEST_VERBOSE").is_ok() {
        for (class, v) in &accepted {
            println!("  {class}: {}", v.join("; "));
        }
    }
    if !refused_baselines.is_empty() {
        println!(
            "baselines refused (their fields' checks may sit behind this refusal):\n  {}",
            refused_baselines.join("\n  ")
        );
    }
    failures.sort();
    assert!(failures.is_empty(), "{} malformed-input failures:\n{}", failures.len(), failures.join("\n"));
}

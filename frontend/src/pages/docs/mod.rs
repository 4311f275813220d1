//! `/api-docs`: every operation of the OpenAPI document, grouped by tag.

use crate::api;
use crate::components::{async_view, PublicShell};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use serde_json::Value;

const METHODS: [&str; 7] = ["get", "post", "put", "patch", "delete", "head", "options"];

#[derive(Clone, Debug, PartialEq)]
struct Operation {
    method: String,
    path: String,
    summary: String,
    request: Option<String>,
    /// Status code and schema name, in document order.
    responses: Vec<(String, Option<String>)>,
}

/// The short name of a schema: `Me`, `ClientView[]`, `A | B`, or a plain JSON type.
fn schema_name(schema: &Value) -> Option<String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return reference.rsplit('/').next().map(str::to_owned);
    }
    if let Some(items) = schema.get("items") {
        return schema_name(items).map(|n| format!("{n}[]"));
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            let names: Vec<String> = parts.iter().filter_map(schema_name).collect();
            if !names.is_empty() {
                return Some(names.join(" | "));
            }
        }
    }
    schema.get("type").and_then(Value::as_str).map(str::to_owned)
}

/// The schema of the JSON (or else the first) media type of a request body or response.
fn content_schema(holder: &Value) -> Option<String> {
    let content = holder.get("content")?.as_object()?;
    let media = content.get("application/json").or_else(|| content.values().next())?;
    schema_name(media.get("schema")?)
}

/// Operations grouped by their first tag; tags keep the document's order.
fn group_operations(doc: &Value, untagged: &str) -> Vec<(String, Vec<Operation>)> {
    let mut groups: Vec<(String, Vec<Operation>)> = doc
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| t.get("name").and_then(Value::as_str))
        .map(|name| (name.to_owned(), Vec::new()))
        .collect();
    let paths = doc.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let tag = op
                .get("tags")
                .and_then(Value::as_array)
                .and_then(|tags| tags.first())
                .and_then(Value::as_str)
                .unwrap_or(untagged)
                .to_owned();
            let summary = op
                .get("summary")
                .or_else(|| op.get("description"))
                .or_else(|| op.get("operationId"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let responses = op
                .get("responses")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|(code, response)| (code.clone(), content_schema(response)))
                .collect();
            let operation = Operation {
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                summary,
                request: op.get("requestBody").and_then(content_schema),
                responses,
            };
            match groups.iter_mut().find(|(name, _)| *name == tag) {
                Some((_, ops)) => ops.push(operation),
                None => groups.push((tag, vec![operation])),
            }
        }
    }
    groups.retain(|(_, ops)| !ops.is_empty());
    groups
}

#[component]
pub fn ApiDocsPage() -> impl IntoView {
    let i18n = use_i18n();
    let doc = LocalResource::new(api::docs::openapi);
    view! {
        <PublicShell wide=true>
            <section class="page docs-page">
                <div class="page-header">
                    <div>
                        <h1>{move || i18n.t().docs().api_docs_title}</h1>
                        <p class="subtitle">{move || i18n.t().docs().api_docs_intro}</p>
                    </div>
                </div>
                {async_view(doc, move |doc| {
                    let title = doc.pointer("/info/title").and_then(Value::as_str).unwrap_or("API").to_owned();
                    let version = doc.pointer("/info/version").and_then(Value::as_str).unwrap_or_default().to_owned();
                    let groups = move || group_operations(&doc, i18n.t().docs().other_operations);
                    view! {
                        <p class="docs-meta"><strong>{title}</strong> " " <code>{version}</code></p>
                        {move || groups().into_iter().map(|(tag, ops)| view! { <TagGroup tag=tag ops=ops /> }).collect_view()}
                    }
                })}
            </section>
        </PublicShell>
    }
}

#[component]
fn TagGroup(tag: String, ops: Vec<Operation>) -> impl IntoView {
    let i18n = use_i18n();
    let count = ops.len();
    view! {
        <div class="card card-flush docs-group">
            <div class="card-head">
                <h2 class="card-title">{tag}</h2>
                <span class="muted">{move || i18n.t().docs().operations_count.count(count as u64)}</span>
            </div>
            <ul class="operations">
                {ops.into_iter().map(|op| view! { <OperationItem op=op /> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn OperationItem(op: Operation) -> impl IntoView {
    let i18n = use_i18n();
    let method_class = format!("method method-{}", op.method.to_ascii_lowercase());
    let responses = op
        .responses
        .into_iter()
        .map(|(code, schema)| {
            let tone = if code.starts_with('2') { "ok" } else { "err" };
            view! {
                <span class=format!("response response-{tone}")>
                    <b>{code}</b>
                    {schema.map(|s| view! { " " <code>{s}</code> })}
                </span>
            }
        })
        .collect_view();
    view! {
        <li class="operation">
            <div class="operation-line">
                <span class=method_class>{op.method}</span>
                <code class="operation-path">{op.path}</code>
                <span class="operation-summary">{op.summary}</span>
            </div>
            <div class="operation-schemas">
                {op.request.map(|r| view! {
                    <span class="schema-label">{move || i18n.t().docs().request_body} ": "</span>
                    <code class="request-schema">{r}</code>
                })}
                <span class="schema-label">{move || i18n.t().docs().responses} ": "</span>
                {responses}
            </div>
        </li>
    }
}

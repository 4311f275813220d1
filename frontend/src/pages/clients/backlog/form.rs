//! `form.item-form`: creates a backlog item, or edits one (sending the version it was loaded
//! at). Estimates are typed in hours ("12,5"), prices in roubles ("150 000,50").

use super::{is_stale, priority_label, source_label};
use crate::api::{self, ApiError};
use crate::components::{submit_handler, ChoiceSelect, Problem};
use crate::i18n::{fill, money_input_value, parse_money, use_i18n, Texts, DEFAULT_CURRENCY};
use crate::pages::backlog_parts::{hours_input_value, parse_hours};
use accord_api::backlog::{BacklogItemInput, BacklogItemUpdate, BacklogItemView, NewBacklogItem};
use accord_api::error::Code;
use accord_api::{BacklogSource, BacklogStatus, ClientId, Money, Priority, ProjectId, StageId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Fields with their own error line; other problems show under the form.
const INLINE: &[&str] = &["title", "estimate_minutes", "estimate_hours", "price", "stage_id"];

/// The label of a field the server (or the check here) named.
fn field_name(t: &Texts, field: &str) -> String {
    match field {
        "title" => t.backlog().item_title.to_owned(),
        "description" => t.backlog_form().description.to_owned(),
        "benefit" => t.backlog_form().benefit.to_owned(),
        "estimate_minutes" | "estimate_hours" | "estimate" => t.backlog_form().estimate_hours.to_owned(),
        "price" => t.backlog_form().price_rub.to_owned(),
        "priority" => t.backlog().priority.to_owned(),
        "source" => t.backlog().source.to_owned(),
        "stage_id" | "stage" => t.backlog_form().stage.to_owned(),
        "change_request" => t.backlog().change_request.to_owned(),
        "body" => t.backlog_form().comment_body.to_owned(),
        "version" => t.backlog_form().version.to_owned(),
        other => t.field_label(other),
    }
}

/// A problem in words, naming backlog fields in the reader's language.
pub fn problem_text(t: &'static Texts, problem: &Problem) -> String {
    match problem {
        Problem::Unreadable(field) => fill(t.errors().validation_field, &[&field_name(t, field)]),
        Problem::Api(e) if e.is(Code::ValidationFailed) => match e.field.as_deref() {
            Some(field) => fill(t.errors().validation_field, &[&field_name(t, field)]),
            None => t.errors().validation.to_owned(),
        },
        other => other.text(t),
    }
}

/// The problem's text under one field, when it names one of `fields`.
#[component]
fn FieldLine(fields: &'static [&'static str], problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().filter(|p| p.field().is_some_and(|f| fields.contains(&f))).map(|p| {
            view! {
                <p class="field-error" role="alert" data-field=fields.first().copied().unwrap_or_default()>
                    {move || problem_text(i18n.t(), &p)}
                </p>
            }
        })
    }
}

/// `aria-invalid` of an input while the problem names one of `fields`.
fn invalid(
    problem: RwSignal<Option<Problem>>,
    fields: &'static [&'static str],
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || problem.with(|p| p.as_ref().and_then(Problem::field).is_some_and(|f| fields.contains(&f))).to_string()
}

#[component]
pub fn ItemForm(
    client: ClientId,
    project: ProjectId,
    /// The item being edited; `None` creates a new one.
    editing: Option<BacklogItemView>,
    on_saved: Callback<BacklogItemView>,
    /// Someone saved the item meanwhile (409 `stale_version`): the page offers a reload.
    #[prop(optional)]
    on_stale: Option<Callback<()>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let start = editing.clone();
    let item_id = start.as_ref().map(|i| i.id);
    let version = start.as_ref().map(|i| i.version);
    let status = start.as_ref().map(|i| i.status);
    let currency = StoredValue::new(
        start
            .as_ref()
            .and_then(|i| i.price.as_ref().map(|p| p.currency.clone()))
            .unwrap_or_else(|| DEFAULT_CURRENCY.to_owned()),
    );
    let title = RwSignal::new(start.as_ref().map(|i| i.title.clone()).unwrap_or_default());
    let description = RwSignal::new(start.as_ref().map(|i| i.description.markdown.clone()).unwrap_or_default());
    let benefit = RwSignal::new(start.as_ref().map(|i| i.benefit.clone()).unwrap_or_default());
    let estimate_start = start.as_ref().and_then(|i| i.estimate_minutes);
    let price_start = start.as_ref().and_then(|i| i.price.clone());
    let estimate = RwSignal::new(estimate_start.map(|m| hours_input_value(locale, m)).unwrap_or_default());
    let price =
        RwSignal::new(price_start.as_ref().map(|p| money_input_value(locale, p.amount_minor)).unwrap_or_default());
    let priority = RwSignal::new(start.as_ref().map_or(Priority::Normal, |i| i.priority));
    let source = RwSignal::new(start.as_ref().map_or(BacklogSource::AgencyIdea, |i| i.source));
    let change_request = RwSignal::new(start.as_ref().is_some_and(|i| i.change_request));
    let stage = RwSignal::new(start.as_ref().and_then(|i| i.stage.as_ref().map(|s| s.id)));
    let current_stage = StoredValue::new(start.as_ref().and_then(|i| i.stage.clone()));
    let propose = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let agreed = matches!(status, Some(BacklogStatus::Agreed | BacklogStatus::Scheduled));
    // Changing the estimate or price of an agreed item sends it back to the client: say so
    // while it is being changed, before it is saved.
    let price_start_minor = price_start.as_ref().map(|p| p.amount_minor);
    let repriced = Memo::new(move |_| {
        let typed_estimate = match estimate.get().trim() {
            "" => Some(None),
            typed => parse_hours(typed).map(Some),
        };
        let typed_price = match price.get().trim() {
            "" => Some(None),
            typed => parse_money(typed).map(Some),
        };
        agreed && (typed_estimate != Some(estimate_start) || typed_price != Some(price_start_minor))
    });
    let estimate_locked = matches!(status, Some(BacklogStatus::InProgress | BacklogStatus::Done));
    let stages = LocalResource::new(move || api::backlog::stages(client));

    let read = move || -> Result<BacklogItemInput, Problem> {
        let title = title.get_untracked().trim().to_owned();
        if title.is_empty() {
            return Err(Problem::Unreadable("title"));
        }
        let estimate_minutes = match estimate.get_untracked().trim() {
            "" => None,
            typed => Some(parse_hours(typed).ok_or(Problem::Unreadable("estimate_hours"))?),
        };
        let price = match price.get_untracked().trim() {
            "" => None,
            typed => Some(Money {
                amount_minor: parse_money(typed).ok_or(Problem::Amount("price"))?,
                currency: currency.get_value(),
            }),
        };
        let change_request = change_request.get_untracked();
        if change_request && price.is_none() {
            let mut e = ApiError::local(Code::PriceRequired, String::new());
            e.field = Some("price".to_owned());
            return Err(Problem::Api(e));
        }
        Ok(BacklogItemInput {
            title,
            description: description.get_untracked(),
            benefit: benefit.get_untracked().trim().to_owned(),
            estimate_minutes,
            price,
            priority: priority.get_untracked(),
            source: source.get_untracked(),
            change_request,
            stage_id: stage.get_untracked(),
        })
    };

    let send = move |input: BacklogItemInput| {
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match (item_id, version) {
                (Some(id), Some(version)) => {
                    api::backlog::update(client, project, id, &BacklogItemUpdate { version, item: input }).await
                }
                _ => {
                    let new = NewBacklogItem { item: input, propose: propose.get_untracked() };
                    api::backlog::create(client, project, &new).await
                }
            };
            match result {
                Ok(view) => {
                    if item_id.is_none() {
                        for field in [title, description, benefit, estimate, price] {
                            field.set(String::new());
                        }
                        change_request.set(false);
                        propose.set(false);
                    }
                    saved.set(true);
                    on_saved.run(view);
                }
                Err(e) if is_stale(&e) && on_stale.is_some() => {
                    if let Some(stale) = on_stale {
                        stale.run(());
                    }
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let on_submit = submit_handler(pending, saved, problem, read, send);

    let stage_options = move || {
        let mut list: Vec<(StageId, String)> = stages
            .get()
            .and_then(Result::ok)
            .map(|s| s.into_iter().map(|s| (s.id, s.title)).collect())
            .unwrap_or_default();
        if let Some(current) = current_stage.get_value() {
            if !list.iter().any(|(id, _)| *id == current.id) {
                list.push((current.id, current.title));
            }
        }
        list.into_iter()
            .map(|(id, name)| {
                view! { <option value=id.to_string() selected=move || stage.get() == Some(id)>{name}</option> }
            })
            .collect_view()
    };
    let no_stages = move || matches!(stages.get(), Some(Ok(list)) if list.is_empty());

    let submit_label = move || match (pending.get(), item_id.is_some()) {
        (true, _) => i18n.t().common().saving,
        (false, true) => i18n.t().common().save,
        (false, false) => i18n.t().backlog_form().add_item,
    };
    let mode = if item_id.is_some() { "edit" } else { "new" };
    let prefix = if item_id.is_some() { "edit-item" } else { "new-item" };
    let fid = move |name: &str| format!("{prefix}-{name}");
    view! {
        <form class="form item-form" data-mode=mode on:submit=on_submit novalidate=true>
            <div class="field-wrap">
                <div class="field">
                    <label for=fid("title")>{move || i18n.t().backlog().item_title}</label>
                    <input id=fid("title") name="title" type="text" required=true maxlength="300" autocomplete="off"
                        placeholder=move || i18n.t().backlog_form().title_placeholder
                        aria-invalid=invalid(problem, &["title"]) bind:value=title />
                </div>
                <FieldLine fields=&["title"] problem=problem />
            </div>
            <div class="form-grid form-grid-wide">
                <div class="field">
                    <label for=fid("description")>{move || i18n.t().backlog_form().description}</label>
                    <textarea id=fid("description") name="description" rows="5"
                        placeholder=move || i18n.t().backlog_form().description_placeholder bind:value=description></textarea>
                    <p class="field-hint">{move || i18n.t().backlog_form().markdown_hint}</p>
                </div>
                <div class="field">
                    <label for=fid("benefit")>{move || i18n.t().backlog_form().benefit}</label>
                    <textarea id=fid("benefit") name="benefit" rows="5"
                        placeholder=move || i18n.t().backlog_form().benefit_placeholder bind:value=benefit></textarea>
                    <p class="field-hint">{move || i18n.t().backlog_form().benefit_hint}</p>
                </div>
            </div>
            <div class="form-grid">
                <div class="field-wrap">
                    <div class="field">
                        <label for=fid("estimate")>{move || i18n.t().backlog_form().estimate_hours}</label>
                        <input id=fid("estimate") name="estimate_hours" type="text" inputmode="decimal"
                            autocomplete="off" readonly=estimate_locked
                            placeholder=move || i18n.t().backlog_form().estimate_placeholder
                            aria-invalid=invalid(problem, &["estimate_hours", "estimate_minutes"]) bind:value=estimate />
                        {estimate_locked.then(|| view! {
                            <p class="field-hint">{move || i18n.t().errors().estimate_locked}</p>
                        })}
                    </div>
                    <FieldLine fields=&["estimate_hours", "estimate_minutes"] problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for=fid("price")>{move || i18n.t().backlog_form().price_rub}</label>
                        <input id=fid("price") name="price" type="text" inputmode="decimal" autocomplete="off"
                            placeholder=move || i18n.t().projects().budget_placeholder
                            aria-invalid=invalid(problem, &["price"]) bind:value=price />
                    </div>
                    <FieldLine fields=&["price"] problem=problem />
                </div>
                <div class="field">
                    <label for=fid("priority")>{move || i18n.t().backlog().priority}</label>
                    <ChoiceSelect id=fid("priority") name="priority" value=priority label=priority_label />
                </div>
                <div class="field">
                    <label for=fid("source")>{move || i18n.t().backlog().source}</label>
                    <ChoiceSelect id=fid("source") name="source" value=source label=source_label />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for=fid("stage")>{move || i18n.t().backlog_form().stage}</label>
                        <select id=fid("stage") name="stage_id"
                            prop:value=move || stage.get().map(|s| s.to_string()).unwrap_or_default()
                            on:change=move |ev| stage.set(event_target_value(&ev).parse::<StageId>().ok())>
                            <option value="" selected=move || stage.get().is_none()>{move || i18n.t().backlog_form().no_stage}</option>
                            {stage_options}
                        </select>
                        <Show when=no_stages>
                            <p class="field-hint">{move || i18n.t().backlog_form().no_stages_hint}</p>
                        </Show>
                    </div>
                    <FieldLine fields=&["stage_id"] problem=problem />
                </div>
            </div>
            <div class="item-checks">
                <div class="field field-check">
                    <label class="check">
                        <input type="checkbox" name="change_request" id=fid("cr") bind:checked=change_request />
                        <span>{move || i18n.t().backlog_form().change_request_label}</span>
                    </label>
                    <p class="field-hint cr-hint">{move || i18n.t().backlog().change_request_hint}</p>
                </div>
                {item_id.is_none().then(|| view! {
                    <div class="field field-check">
                        <label class="check">
                            <input type="checkbox" name="propose" id=fid("propose") bind:checked=propose />
                            <span>{move || i18n.t().backlog_form().propose_now}</span>
                        </label>
                        <p class="field-hint">{move || i18n.t().backlog_form().propose_hint}</p>
                    </div>
                })}
            </div>
            {move || problem.get().filter(|p| !p.field().is_some_and(|f| INLINE.contains(&f))).map(|p| view! {
                <p class="form-error item-form-error" role="alert">{move || problem_text(i18n.t(), &p)}</p>
            })}
            <Show when=move || repriced.get()>
                <div class="reapproval-warning" role="alert">
                    <span class="error-icon" aria-hidden="true"></span>
                    <span>{move || i18n.t().backlog_form().reapproval_warning}</span>
                </div>
            </Show>
            <div class="form-actions form-actions-start">
                <button type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if repriced.get() && !pending.get() { i18n.t().backlog_form().save_and_resend } else { submit_label() }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="btn btn-ghost close-edit" on:click=move |_| cancel.run(())>
                        {move || i18n.t().common().close_edit}
                    </button>
                })}
                <Show when=move || saved.get()>
                    <p class="notice item-saved" role="status">
                        {move || if item_id.is_some() { i18n.t().backlog_form().item_saved } else { i18n.t().backlog_form().item_added }}
                    </p>
                </Show>
            </div>
        </form>
    }
}

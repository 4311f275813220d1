//! `#report-thread`: the client's questions with the staff answers and internal notes under
//! each (`li.report-message`, internal notes `.internal` and marked so), per unanswered question
//! `button.make-idea` (`form.idea-form`: which project, an optional title) and the backlog item it
//! became, and `form#reply-form` (which question, the text, "internal note").

use super::ReportCtx;
use crate::api::{self, reports as reports_api, ApiError};
use crate::components::{EmptyState, Notice};
use crate::i18n::{fill, use_i18n};
use crate::pages::report_parts::{is_question, staff_error_text, threads, MessageItem};
use crate::routes::Route;
use accord_api::error::Code;
use accord_api::meetings::BacklogRef;
use accord_api::projects::ProjectView;
use accord_api::reports::{NewReportMessage, QuestionToIdea, ReportMessage, ReportView};
use accord_api::{ClientId, ProjectId, ReportMessageId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// What the thread's parts share: the report, the client's projects (for ideas), the project
/// each idea made here went to (the answer names the item, not its project), the reply box.
#[derive(Clone, Copy)]
struct Thread {
    ctx: ReportCtx,
    client: ClientId,
    can_edit: Signal<bool>,
    projects: LocalResource<Result<Vec<ProjectView>, ApiError>>,
    idea_projects: RwSignal<Vec<(ReportMessageId, ProjectId)>>,
    reply_to: RwSignal<String>,
}

impl Thread {
    /// The project the server names for an idea made from a question.
    fn report_project(&self, item: &BacklogRef) -> Option<ProjectId> {
        self.ctx.report.with(|r| {
            r.messages
                .iter()
                .find(|m| m.backlog_item.as_ref().is_some_and(|b| b.id == item.id))
                .and_then(|m| m.backlog_project_id)
        })
    }

    /// The backlog item's page, when its project is known: the one chosen here, the one the
    /// server names, or the client's only project.
    fn item_link(&self, question: ReportMessageId, item: &BacklogRef) -> Option<String> {
        let chosen = self.idea_projects.with(|list| list.iter().find(|(q, _)| *q == question).map(|(_, p)| *p));
        let only = || {
            let list = self.projects.get().and_then(Result::ok)?;
            (list.len() == 1).then(|| list[0].id)
        };
        let project = chosen.or(self.report_project(item)).or_else(only)?;
        Some(Route::StaffBacklogItem(self.client, project, item.id).path())
    }
}

/// The first question still waiting for an answer, as the reply box's choice.
fn first_open_question(report: &ReportView) -> String {
    let mut questions: Vec<&ReportMessage> = report.messages.iter().filter(|m| is_question(m) && !m.answered).collect();
    questions.sort_by_key(|m| m.at);
    questions.first().map(|m| m.id.to_string()).unwrap_or_default()
}

/// The text of a message's HTML without its tags, on one line, cut to `max` characters.
fn plain_excerpt(html: &str, max: usize) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[component]
pub fn ThreadCard(ctx: ReportCtx) -> impl IntoView {
    let i18n = use_i18n();
    let client = ctx.report.with_untracked(|r| r.summary.client_id);
    let messages = Memo::new(move |_| ctx.report.with(|r| r.messages.clone()));
    let thread = Thread {
        ctx,
        client,
        can_edit: ctx.can_edit(),
        projects: LocalResource::new(move || api::projects::list(client)),
        idea_projects: RwSignal::new(Vec::new()),
        reply_to: RwSignal::new(ctx.report.with_untracked(first_open_question)),
    };
    let asked = move || messages.with(|list| list.iter().filter(|m| is_question(m)).count() as u64);
    let list = move || {
        let grouped = threads(messages.get());
        if grouped.is_empty() {
            return view! { <EmptyState title=|t| t.reports().no_questions hint=|t| t.reports_staff().no_questions_hint /> }
                .into_any();
        }
        view! {
            <ul class="report-thread">
                {grouped.into_iter().map(|(top, replies)| view! { <TopMessage thread=thread message=top replies=replies /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="card" id="report-thread">
            <div class="card-title-row">
                <h2 class="card-title">{move || i18n.t().reports().questions_title}</h2>
                <Show when=move || { asked() > 0 }>
                    <span class="count-badge count-badge-muted questions-count">{move || i18n.t().reports().questions_count.count(asked())}</span>
                </Show>
            </div>
            {list}
            <Show when=move || thread.can_edit.get()>
                <ReplyForm thread=thread />
            </Show>
        </div>
    }
}

#[component]
fn TopMessage(thread: Thread, message: ReportMessage, replies: Vec<ReportMessage>) -> impl IntoView {
    let i18n = use_i18n();
    let question = is_question(&message);
    let (id, answered) = (message.id, message.answered);
    let item = message.backlog_item.clone();
    let ideas_open = RwSignal::new(false);
    let badge = question.then(|| {
        let (class, text): (&str, fn(&'static crate::i18n::Texts) -> &'static str) = if answered {
            ("badge badge-green question-state", |t| t.reports().question_answered)
        } else {
            ("badge badge-amber question-state", |t| t.reports().question_open)
        };
        view! { <span class=class data-answered=answered.to_string()>{move || text(i18n.t())}</span> }
    });
    let item_view = item.clone().map(|b| {
        let title = b.title.clone();
        move || {
            let text = fill(i18n.t().reports_staff().backlog_link, &[&title]);
            match thread.item_link(id, &b) {
                Some(href) => view! { <A href=href attr:class="question-idea-link">{text}</A> }.into_any(),
                None => view! { <span class="question-idea">{text}</span> }.into_any(),
            }
        }
    });
    let can_idea = question && !answered && item.is_none();
    let reply = move |_| {
        thread.reply_to.set(id.to_string());
        if let Some(el) = document().get_element_by_id("reply-body") {
            el.scroll_into_view();
            if let Some(input) = el.dyn_ref::<web_sys::HtmlElement>() {
                // Focus only helps; nothing to do if the browser refuses.
                let _ = input.focus();
            }
        }
    };
    view! {
        <MessageItem message=message internal_label=|t| t.reports_staff().internal_hint>
            <div class="message-facts">
                {badge}
                {item_view.map(|v| view! { <p class="question-backlog">{v}</p> })}
            </div>
            <Show when=move || thread.can_edit.get()>
                <div class="row-buttons message-actions">
                    {question.then(|| view! {
                        <button type="button" class="btn btn-small btn-ghost reply-question" on:click=reply>
                            {move || i18n.t().reports_staff().reply}
                        </button>
                    })}
                    {can_idea.then(|| view! {
                        <button type="button" class="btn btn-small btn-ghost make-idea" on:click=move |_| ideas_open.update(|o| *o = !*o)>
                            {move || i18n.t().reports_staff().make_idea}
                        </button>
                    })}
                </div>
                <Show when=move || ideas_open.get()>
                    <IdeaForm thread=thread question=id on_done=Callback::new(move |_| ideas_open.set(false)) />
                </Show>
            </Show>
            {(!replies.is_empty()).then(|| view! {
                <ul class="report-replies">
                    {replies.into_iter().map(|r| view! {
                        <MessageItem message=r internal_label=|t| t.reports_staff().internal_hint />
                    }).collect_view()}
                </ul>
            })}
        </MessageItem>
    }
}

/// `form.idea-form`: `select[name=project_id]`, `input[name=idea_title]`, `button.create-idea`.
#[component]
fn IdeaForm(thread: Thread, question: ReportMessageId, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let project = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let projects = move || thread.projects.get().and_then(Result::ok).unwrap_or_default();
    let chosen = move || {
        let typed = project.get_untracked().parse::<ProjectId>().ok();
        typed.or_else(|| projects().first().map(|p| p.id))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(project_id) = untrack(chosen) else {
            return;
        };
        if pending.get_untracked() {
            return;
        }
        let typed = title.get_untracked().trim().to_owned();
        let input = QuestionToIdea { project_id, title: (!typed.is_empty()).then_some(typed) };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match reports_api::question_to_idea(question, &input).await {
                Ok(fresh) => {
                    thread.idea_projects.update(|list| list.push((question, project_id)));
                    thread.ctx.report.set(fresh);
                    on_done.run(());
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let select_id = format!("idea-project-{question}");
    let title_id = format!("idea-title-{question}");
    move || {
        let list = projects();
        if thread.projects.get().is_none() {
            return view! { <p class="muted">{move || i18n.t().common().loading}</p> }.into_any();
        }
        if list.is_empty() {
            return view! { <p class="card-hint no-projects">{move || i18n.t().reports_staff().no_projects}</p> }
                .into_any();
        }
        view! {
            <form class="form idea-form" on:submit=on_submit novalidate=true>
                <div class="field">
                    <label for=select_id.clone()>{move || i18n.t().reports().field_project}</label>
                    <select id=select_id.clone() name="project_id" on:change=move |ev| project.set(event_target_value(&ev))>
                        {list.into_iter().map(|p| {
                            let value = p.id.to_string();
                            let v = value.clone();
                            view! { <option value=value selected=move || project.get() == v>{p.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=title_id.clone()>{move || i18n.t().reports_staff().idea_title}</label>
                    <input id=title_id.clone() type="text" name="idea_title" maxlength="200" autocomplete="off" bind:value=title />
                    <p class="field-hint">{move || i18n.t().reports_staff().idea_title_hint}</p>
                </div>
                {move || error.get().map(|e| view! {
                    <p class="form-error idea-error" role="alert">
                        {move || if e.is(Code::InvalidTransition) {
                            i18n.t().reports_staff().already_idea.to_owned()
                        } else {
                            staff_error_text(i18n.t(), &e)
                        }}
                    </p>
                })}
                <div class="form-actions form-actions-start">
                    <button type="submit" class="btn btn-small btn-primary create-idea" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().reports_staff().create_idea }}
                    </button>
                    <button type="button" class="btn btn-small btn-ghost cancel-idea" on:click=move |_| on_done.run(())>
                        {move || i18n.t().common().cancel}
                    </button>
                </div>
            </form>
        }
        .into_any()
    }
}

/// `form#reply-form`: `select#reply-to` (a question, or none for a general note),
/// `textarea#reply-body`, `input#reply-internal`, `#reply-submit`.
#[component]
fn ReplyForm(thread: Thread) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = thread.ctx;
    let body = RwSignal::new(String::new());
    let internal = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let empty = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let questions = Memo::new(move |_| {
        let mut list: Vec<(ReportMessageId, String, String)> = ctx.report.with(|r| {
            r.messages
                .iter()
                .filter(|m| is_question(m))
                .map(|m| (m.id, m.author.clone(), plain_excerpt(&m.body_html, 60)))
                .collect()
        });
        list.dedup_by_key(|(id, _, _)| *id);
        list
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        sent.set(false);
        let text = body.get_untracked().trim().to_owned();
        if text.is_empty() {
            empty.set(true);
            return;
        }
        empty.set(false);
        let message = NewReportMessage {
            body: text,
            internal: internal.get_untracked(),
            question_id: thread.reply_to.get_untracked().parse::<ReportMessageId>().ok(),
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match reports_api::add_message(ctx.id, &message).await {
                Ok(fresh) => {
                    thread.reply_to.set(first_open_question(&fresh));
                    ctx.report.set(fresh);
                    body.set(String::new());
                    internal.set(false);
                    sent.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let visible_note = move || thread.reply_to.with(String::is_empty) && !internal.get();
    view! {
        <form id="reply-form" class="form reply-form" on:submit=on_submit novalidate=true>
            <h3 class="roadmap-form-title">{move || i18n.t().reports_staff().reply_title}</h3>
            <div class="field">
                <label for="reply-to">{move || i18n.t().reports_staff().reply_to}</label>
                <select id="reply-to" name="question_id" prop:value=move || thread.reply_to.get()
                    on:change=move |ev| thread.reply_to.set(event_target_value(&ev))>
                    <option value="" selected=move || thread.reply_to.with(String::is_empty)>
                        {move || i18n.t().reports_staff().reply_to_none}
                    </option>
                    {move || questions.get().into_iter().map(|(id, author, excerpt)| {
                        let value = id.to_string();
                        let v = value.clone();
                        view! {
                            <option value=value selected=move || thread.reply_to.with(|r| *r == v)>
                                {move || fill(i18n.t().reports_staff().question_option, &[&author, &excerpt])}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="reply-body">{move || i18n.t().reports().field_body}</label>
                <textarea id="reply-body" name="body" rows="4" maxlength="5000"
                    aria-invalid=move || empty.get().to_string() bind:value=body></textarea>
            </div>
            <label class="check reply-internal" for="reply-internal">
                <input type="checkbox" id="reply-internal" name="internal" prop:checked=move || internal.get()
                    on:change=move |ev| internal.set(event_target_checked(&ev)) />
                {move || i18n.t().reports_staff().internal_check}
            </label>
            <Show when=visible_note>
                <p class="field-hint general-visible">{move || i18n.t().reports_staff().general_visible_hint}</p>
            </Show>
            <Show when=move || empty.get()>
                <p class="field-error" role="alert">{move || i18n.t().reports_staff().body_required}</p>
            </Show>
            {move || error.get().map(|e| view! {
                <p class="form-error reply-error" role="alert">{move || staff_error_text(i18n.t(), &e)}</p>
            })}
            <div class="form-actions form-actions-start">
                <button type="submit" id="reply-submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().sending } else { i18n.t().reports_staff().send }}
                </button>
                <Show when=move || sent.get()>
                    <Notice text=Signal::derive(move || i18n.t().reports_staff().sent.to_owned()) />
                </Show>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::plain_excerpt;

    #[test]
    fn excerpts_drop_tags_and_keep_one_line() {
        assert_eq!(
            plain_excerpt("<p>Why is <b>traffic</b> down?</p>\n<p>Thanks</p>", 60),
            "Why is traffic down? Thanks"
        );
        assert_eq!(plain_excerpt("<p>A &amp; B &lt;3</p>", 60), "A & B <3");
        assert_eq!(plain_excerpt("<p>Почему упал трафик на сайте в ноябре?</p>", 16), "Почему упал тра…");
        assert_eq!(plain_excerpt("", 10), "");
    }
}

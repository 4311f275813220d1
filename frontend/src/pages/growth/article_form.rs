//! `form#article-form` (in `#article-form-card`): an explainer in both languages. The tabs
//! `button#article-tab-ru`, `#article-tab-en` and `#article-tab-preview` switch between the
//! Russian and English title and Markdown (`#article-title-ru`, `#article-body-ru`, …) and the
//! preview (`#article-preview`: the server's sanitized HTML of the saved article, in the language
//! last edited). Then the service, `#article-published`, and the submit button.

use super::upsell_form::ServiceSelect;
use super::FieldProblem;
use crate::api::growth as api;
use crate::components::{send_form, submit_handler, FormActions, FormErrorExcept, FormWords, Problem};
use crate::i18n::{fill, use_i18n};
use accord_api::growth::{ArticleInput, ArticleView};
use accord_api::Locale;
use leptos::prelude::*;

const INLINE: &[&str] = &["title_ru", "title_en", "body_ru", "body_en", "service_id"];

const WORDS: FormWords = FormWords {
    add: |t| t.growth_catalogue().add_article,
    save: |t| t.common().save,
    created: |t| t.growth_catalogue().article_created,
    saved: |t| t.growth_catalogue().article_saved,
};

/// Which part of the editor shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pane {
    Write(Locale),
    Preview,
}

#[component]
pub fn ArticleForm(
    editing: Option<ArticleView>,
    /// The article as last saved (its HTML is the preview).
    current: RwSignal<Option<ArticleView>>,
    on_saved: Callback<ArticleView>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = editing.as_ref();
    let article_id = RwSignal::new(start.map(|a| a.id));
    let text = |f: fn(&ArticleView) -> &String| RwSignal::new(start.map(|a| f(a).clone()).unwrap_or_default());
    let (title_ru, title_en) = (text(|a| &a.title_ru), text(|a| &a.title_en));
    let (body_ru, body_en) = (text(|a| &a.body_ru), text(|a| &a.body_en));
    let service = RwSignal::new(start.and_then(|a| a.service.as_ref().map(|s| s.id)));
    let published = RwSignal::new(start.is_some_and(|a| a.published));
    let pane = RwSignal::new(Pane::Write(i18n.locale_untracked()));
    let last_written = RwSignal::new(i18n.locale_untracked());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<ArticleInput, Problem> {
        Ok(ArticleInput {
            title_ru: title_ru.get_untracked().trim().to_owned(),
            title_en: title_en.get_untracked().trim().to_owned(),
            body_ru: body_ru.get_untracked(),
            body_en: body_en.get_untracked(),
            service_id: service.get_untracked(),
            published: published.get_untracked(),
            position: None,
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: ArticleInput| {
        let id = article_id.get_untracked();
        let request = async move {
            match id {
                Some(id) => api::update_article(id, &input).await,
                None => api::create_article(&input).await,
            }
        };
        send_form(pending, saved, problem, request, move |article: ArticleView| {
            article_id.set(Some(article.id));
            on_saved.run(article);
        });
    });
    // A field the server named is shown: switch to its language.
    Effect::new(move |_| match problem.with(|p| p.as_ref().and_then(|p| p.field().map(str::to_owned))).as_deref() {
        Some("title_ru" | "body_ru") => pane.set(Pane::Write(Locale::Ru)),
        Some("title_en" | "body_en") => pane.set(Pane::Write(Locale::En)),
        _ => {}
    });
    let heading = move || match current.with(|c| c.as_ref().map(|a| super::knowledge::in_language(a, i18n.locale()).0))
    {
        Some(n) if !n.trim().is_empty() => fill(i18n.t().growth_catalogue().edit_article, &[&n]),
        _ => i18n.t().growth_catalogue().new_article.to_owned(),
    };
    let tab = move |id: &'static str, which: Pane, label: crate::components::form::Text| {
        view! {
            <button type="button" id=id class="tab article-tab" role="tab" aria-selected=move || (pane.get() == which).to_string()
                class:active=move || pane.get() == which
                on:click=move |_| {
                    if let Pane::Write(l) = which {
                        last_written.set(l);
                    }
                    pane.set(which);
                }>
                {move || label(i18n.t())}
            </button>
        }
    };
    let preview = move || {
        let html = current.with(|c| {
            c.as_ref().map(|a| match last_written.get() {
                Locale::Ru => a.html_ru.clone(),
                Locale::En => a.html_en.clone(),
            })
        });
        match html.filter(|h| !h.trim().is_empty()) {
            Some(html) => view! {
                <p class="field-hint">{move || i18n.t().growth_catalogue().preview_hint}</p>
                <div class="rich-text article-body" id="article-preview" inner_html=html></div>
            }
            .into_any(),
            None => view! { <p class="muted" id="article-preview-empty">{move || i18n.t().growth_catalogue().preview_empty}</p> }.into_any(),
        }
    };
    view! {
        <div class="card" id="article-form-card" class:editing=move || article_id.get().is_some()>
            <h2 class="card-title">{heading}</h2>
            <form id="article-form" class="form" on:submit=on_submit
                data-mode=move || if article_id.get().is_some() { "edit" } else { "new" }>
                <div class="tabs article-tabs" role="tablist">
                    {tab("article-tab-ru", Pane::Write(Locale::Ru), |t| t.growth_catalogue().lang_ru)}
                    {tab("article-tab-en", Pane::Write(Locale::En), |t| t.growth_catalogue().lang_en)}
                    {tab("article-tab-preview", Pane::Preview, |t| t.growth_catalogue().preview)}
                </div>
                <div class="article-pane" hidden=move || pane.get() != Pane::Write(Locale::Ru)>
                    <LanguageFields lang="ru" title=title_ru body=body_ru problem=problem />
                </div>
                <div class="article-pane" hidden=move || pane.get() != Pane::Write(Locale::En)>
                    <LanguageFields lang="en" title=title_en body=body_en problem=problem />
                </div>
                <Show when=move || pane.get() == Pane::Preview>
                    <div class="article-pane">{preview}</div>
                </Show>
                <div class="form-grid">
                    <div class="field-wrap">
                        <ServiceSelect id="article-service" value=service />
                        <FieldProblem field="service_id" label=|t| t.growth_catalogue().field_article_service problem=problem />
                    </div>
                    <div class="field field-check">
                        <label class="check">
                            <input type="checkbox" id="article-published" name="published" bind:checked=published />
                            <span>{move || i18n.t().growth_catalogue().field_published}</span>
                        </label>
                        <p class="field-hint">{move || i18n.t().growth_catalogue().published_hint}</p>
                    </div>
                </div>
                <FormErrorExcept id="article-form-error" problem=problem inline=INLINE />
                <FormActions words=WORDS editing=start.is_some() pending=pending saved=saved on_close=on_cancel
                    submit_id="article-submit" close_id="article-cancel" />
            </form>
        </div>
    }
}

/// One language's title and Markdown body (`#article-title-{lang}`, `#article-body-{lang}`).
#[component]
fn LanguageFields(
    lang: &'static str,
    title: RwSignal<String>,
    body: RwSignal<String>,
    problem: RwSignal<Option<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title_field, body_field): (&'static str, &'static str) =
        if lang == "ru" { ("title_ru", "body_ru") } else { ("title_en", "body_en") };
    view! {
        <div class="field-wrap">
            <div class="field">
                <label for=format!("article-title-{lang}")>{move || i18n.t().growth_catalogue().field_article_title}</label>
                <input id=format!("article-title-{lang}") name=title_field type="text" maxlength="200" autocomplete="off"
                    lang=lang aria-invalid=move || super::is_named(problem, title_field).to_string() bind:value=title />
            </div>
            <FieldProblem field=title_field label=|t| t.growth_catalogue().field_article_title problem=problem />
        </div>
        <div class="field-wrap">
            <div class="field">
                <label for=format!("article-body-{lang}")>{move || i18n.t().growth_catalogue().field_body}</label>
                <textarea id=format!("article-body-{lang}") name=body_field rows="14" lang=lang class="markdown-input"
                    placeholder=move || i18n.t().growth_catalogue().body_placeholder
                    aria-invalid=move || super::is_named(problem, body_field).to_string() bind:value=body></textarea>
                <p class="field-hint">{move || i18n.t().growth_catalogue().body_hint}</p>
            </div>
            <FieldProblem field=body_field label=|t| t.growth_catalogue().field_body problem=problem />
        </div>
    }
}

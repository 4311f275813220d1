//! `/app/knowledge`: the service explainers. `ul#articles`, an `li.article-item[data-id]
//! [data-published]` per article (its title in the reader's language, or the other one; its
//! service; published or draft) with `button.open-article` to read it and, for owners and admins,
//! `button.edit-article` and `button.delete-article`; `form#article-form` below for them.

use super::article_form::ArticleForm;
use super::SectionTabs;
use crate::api::growth as api;
use crate::api::ApiError;
use crate::components::{async_view, delete_action, EmptyState, ErrorBanner, InlineConfirm, Notice};
use crate::i18n::{fill, format_date, use_i18n};
use accord_api::growth::{ArticleList, ArticleView};
use accord_api::{ArticleId, Locale};
use leptos::prelude::*;

/// The article's title and HTML in `locale`, or in the other language when that one is empty.
pub fn in_language(article: &ArticleView, locale: Locale) -> (String, String) {
    let (ru, en) = ((&article.title_ru, &article.html_ru), (&article.title_en, &article.html_en));
    let (first, second) = if locale == Locale::Ru { (ru, en) } else { (en, ru) };
    let title = if first.0.trim().is_empty() { second.0 } else { first.0 };
    let html = if first.1.trim().is_empty() { second.1 } else { first.1 };
    (title.clone(), html.clone())
}

#[component]
pub fn KnowledgePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = LocalResource::new(api::articles);
    let editing = RwSignal::new(None::<ArticleView>);
    let deleted = RwSignal::new(false);
    let can_edit = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(list)) = data.get() {
            if can_edit.get_untracked() != list.can_edit {
                can_edit.set(list.can_edit);
            }
        }
    });
    // After a save the form stays on the saved article (its preview is the server's HTML).
    let on_saved = Callback::new(move |article: ArticleView| {
        deleted.set(false);
        editing.set(Some(article));
        data.refetch();
    });
    let on_edit = Callback::new(move |a: ArticleView| {
        deleted.set(false);
        editing.set(Some(a));
        if let Some(form) = document().get_element_by_id("article-form-card") {
            form.scroll_into_view();
        }
    });
    let on_deleted = Callback::new(move |id: ArticleId| {
        if editing.with_untracked(|e| e.as_ref().is_some_and(|a| a.id == id)) {
            editing.set(None);
        }
        deleted.set(true);
        data.refetch();
    });
    // The form is made again only when another article is chosen (not on its own save).
    let chosen = Memo::new(move |_| editing.with(|e| e.as_ref().map(|a| a.id)));
    view! {
        <section class="page growth-page" id="knowledge-page">
            <div class="page-header">
                <div>
                    <h1>{move || i18n.t().growth_catalogue().knowledge_title}</h1>
                    <p class="subtitle">{move || i18n.t().growth_catalogue().knowledge_subtitle}</p>
                </div>
            </div>
            <SectionTabs />
            {async_view(data, move |list| view! { <ArticlesCard list=list on_edit=on_edit on_deleted=on_deleted /> })}
            <Show when=move || deleted.get()>
                <Notice text=Signal::derive(move || i18n.t().growth_catalogue().article_deleted.to_owned()) />
            </Show>
            <Show when=move || can_edit.get()>
                {move || {
                    chosen.track();
                    view! {
                        <ArticleForm editing=editing.get_untracked() current=editing on_saved=on_saved
                            on_cancel=Callback::new(move |_| editing.set(None)) />
                    }
                }}
            </Show>
        </section>
    }
}

#[component]
fn ArticlesCard(list: ArticleList, on_edit: Callback<ArticleView>, on_deleted: Callback<ArticleId>) -> impl IntoView {
    let i18n = use_i18n();
    let count = list.items.len() as u64;
    let read_only = (!list.can_edit).then(|| {
        view! { <p class="card-hint" id="knowledge-read-only">{move || i18n.t().growth_catalogue().knowledge_read_only}</p> }
    });
    let body = if list.items.is_empty() {
        view! { <EmptyState title=|t| t.growth_catalogue().knowledge_empty hint=|t| t.growth_catalogue().knowledge_empty_hint /> }
            .into_any()
    } else {
        let can_edit = list.can_edit;
        let items = list
            .items
            .into_iter()
            .map(|a| view! { <ArticleItem article=a can_edit=can_edit on_edit=on_edit on_deleted=on_deleted /> })
            .collect_view();
        view! { <ul class="articles" id="articles">{items}</ul> }.into_any()
    };
    view! {
        <div class="card" id="articles-card">
            <div class="card-head card-head-plain">
                <h2 class="card-title">{move || i18n.t().growth_catalogue().knowledge_title}</h2>
                <span class="count-badge count-badge-muted">{move || i18n.t().growth_catalogue().articles.count(count)}</span>
            </div>
            {read_only}
            {body}
        </div>
    }
}

#[component]
fn ArticleItem(
    article: ArticleView,
    can_edit: bool,
    on_edit: Callback<ArticleView>,
    on_deleted: Callback<ArticleId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = article.id;
    let published = article.published;
    let stored = StoredValue::new(article.clone());
    let open = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let delete =
        delete_action(pending, error, move || api::delete_article(id), Callback::new(move |_| on_deleted.run(id)));
    let title = move || {
        let t = stored.with_value(|a| in_language(a, i18n.locale()).0);
        if t.trim().is_empty() {
            i18n.t().growth_catalogue().untitled.to_owned()
        } else {
            t
        }
    };
    let updated = article.updated_at;
    let service = article.service.as_ref().map(|s| s.name.clone());
    view! {
        <li class="article-item" data-id=id.to_string() data-published=published.to_string()>
            <div class="article-head">
                <div class="article-heading">
                    <p class="article-title">{title}</p>
                    <p class="article-meta">
                        <span class=if published { "badge badge-green" } else { "badge badge-grey" }>
                            {move || if published { i18n.t().growth_catalogue().published } else { i18n.t().growth_catalogue().draft }}
                        </span>
                        {service.map(|s| view! { <span class="article-service">{s}</span> })}
                        <span class="muted">{move || fill(i18n.t().growth_catalogue().updated_on, &[&format_date(i18n.locale(), &updated)])}</span>
                    </p>
                </div>
                <Show when=move || !confirming.get()>
                    <div class="row-buttons article-actions">
                        <button type="button" class="btn btn-small btn-ghost open-article" on:click=move |_| open.update(|o| *o = !*o)
                            aria-expanded=move || open.get().to_string()>
                            {move || i18n.t().portal_knowledge().read}
                        </button>
                        {can_edit.then(|| view! {
                            <button type="button" class="btn btn-small btn-ghost edit-article"
                                on:click=move |_| on_edit.run(stored.get_value())>
                                {move || i18n.t().common().edit}
                            </button>
                            <button type="button" class="btn btn-small btn-danger-ghost delete-article"
                                on:click=move |_| confirming.set(true)>
                                {move || i18n.t().common().delete}
                            </button>
                        })}
                    </div>
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <InlineConfirm action="delete" class="inline-confirm-left article-confirm"
                    text=Signal::derive(move || fill(i18n.t().growth_catalogue().delete_article_confirm, &[&title()]))
                    pending=pending label=|t| t.common().delete on_confirm=delete
                    on_cancel=Callback::new(move |_| confirming.set(false)) />
                {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
            </Show>
            {published.then(|| {
                let snippet = move || format!("[{}](/portal/knowledge/{id})", title());
                view! {
                    <p class="article-link muted">
                        {move || i18n.t().growth_catalogue().link_hint}" "<code class="article-snippet">{snippet}</code>
                    </p>
                }
            })}
            <Show when=move || open.get()>
                <div class="rich-text article-body" inner_html=move || stored.with_value(|a| in_language(a, i18n.locale()).1)></div>
            </Show>
        </li>
    }
}

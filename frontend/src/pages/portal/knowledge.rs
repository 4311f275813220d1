//! `/portal/knowledge`: the agency's published service explainers (`ul#portal-articles`, an
//! `li.portal-article[data-id]` per article linking to it) and `/portal/knowledge/{article}`:
//! one explainer in the contact's language (`#portal-article`, its sanitized HTML in
//! `.portal-article-body`). Text only — never a figure.

use crate::api::growth as api;
use crate::components::{async_view, ErrorBanner, Loading};
use crate::i18n::{fill, format_date, use_i18n};
use crate::routes::Route;
use accord_api::growth::{PortalArticle, PortalArticleSummary};
use accord_api::ArticleId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PortalKnowledgePage() -> impl IntoView {
    let i18n = use_i18n();
    // Asked again on a language switch: the server answers in the contact's language.
    let articles = LocalResource::new(move || {
        i18n.locale();
        api::portal_articles()
    });
    view! {
        <section class="page portal-page portal-knowledge-page" id="portal-knowledge-page">
            <div class="portal-page-head">
                <h1>{move || i18n.t().portal_knowledge().title}</h1>
                <p class="portal-intro">{move || i18n.t().portal_knowledge().intro}</p>
            </div>
            {async_view(articles, |list| view! { <ArticleList articles=list /> })}
        </section>
    }
}

#[component]
fn ArticleList(articles: Vec<PortalArticleSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let count = articles.len() as u64;
    let body = if articles.is_empty() {
        view! {
            <div class="portal-empty" id="portal-no-articles">
                <p class="empty-title">{move || i18n.t().portal_knowledge().empty}</p>
                <p class="empty-hint">{move || i18n.t().portal_knowledge().empty_hint}</p>
            </div>
        }
        .into_any()
    } else {
        let items = articles
            .into_iter()
            .map(|a| {
                view! {
                    <li class="portal-article" data-id=a.id.to_string()>
                        <A href=Route::PortalArticle(a.id).path() attr:class="portal-article-link" attr:lang=a.locale.as_str()>
                            <span class="portal-article-title">{a.title.clone()}</span>
                            {a.service_name.clone().map(|s| view! { <span class="portal-article-service">{s}</span> })}
                        </A>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="portal-articles" id="portal-articles">{items}</ul> }.into_any()
    };
    view! {
        <div class="card portal-card">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_knowledge().list_title}</h2>
                {(count > 0).then(|| view! {
                    <span class="count-badge count-badge-muted">{move || i18n.t().portal_knowledge().count.count(count)}</span>
                })}
            </div>
            {body}
        </div>
    }
}

#[component]
pub fn PortalArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("article").and_then(|s| s.parse::<ArticleId>().ok()));
    let article = LocalResource::new(move || {
        let (id, _) = (id.get(), i18n.locale());
        async move {
            match id {
                Some(id) => api::portal_article(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let body = move || match article.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(Some(a))) => view! { <ArticleBody article=a /> }.into_any(),
        Some(Ok(None)) => missing().into_any(),
        Some(Err(e)) if e.status == 404 => missing().into_any(),
        Some(Err(error)) => {
            view! { <ErrorBanner error=error on_retry=Callback::new(move |_| article.refetch()) /> }.into_any()
        }
    };
    view! {
        <section class="page portal-page portal-article-page" id="portal-article-page">
            <A href=Route::PortalKnowledge.path() attr:class="back-link">"← " {move || i18n.t().portal_knowledge().back}</A>
            {body}
        </section>
    }
}

fn missing() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card portal-card portal-empty" id="portal-article-missing">
            <p class="empty-title">{move || i18n.t().portal_knowledge().missing}</p>
            <p class="empty-hint">{move || i18n.t().portal_knowledge().missing_hint}</p>
        </div>
    }
}

#[component]
fn ArticleBody(article: PortalArticle) -> impl IntoView {
    let i18n = use_i18n();
    let lang = article.locale;
    let updated = article.updated_at;
    let other = move || {
        (lang != i18n.locale())
            .then(|| view! { <p class="portal-article-note">{move || i18n.t().portal_knowledge().other_language}</p> })
    };
    view! {
        <article class="card portal-card portal-article-card" id="portal-article" data-id=article.id.to_string() lang=lang.as_str()>
            {article.service_name.clone().map(|s| view! { <p class="portal-eyebrow">{s}</p> })}
            <h1 class="portal-article-heading">{article.title.clone()}</h1>
            <p class="muted portal-article-updated">
                {move || fill(i18n.t().portal_knowledge().updated, &[&format_date(i18n.locale(), &updated)])}
            </p>
            {other}
            <div class="rich-text portal-article-body" inner_html=article.html.clone()></div>
        </article>
    }
}

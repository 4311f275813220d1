//! Loading, error, empty and status indicators, plus the one way pages render fetched data.

use super::form::Text;
use crate::api::ApiError;
use crate::i18n::{error_text, use_i18n, Texts};
use leptos::prelude::*;

/// A spinner with a caption; `class="loading"` is what tests wait on.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span class="loading-text">{move || i18n.t().common().loading}</span>
        </div>
    }
}

/// How an error becomes words; [`error_text`] unless a page knows better.
pub type Describe = fn(&'static Texts, &ApiError) -> String;

/// A red banner with the translated error and, when given, a retry button.
#[component]
pub fn ErrorBanner(
    #[prop(into)] error: Signal<ApiError>,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
    #[prop(optional)] describe: Option<Describe>,
) -> impl IntoView {
    let i18n = use_i18n();
    let describe: Describe = describe.unwrap_or(error_text);
    view! {
        <div class="error-banner" role="alert">
            <span class="error-icon" aria-hidden="true"></span>
            <span class="error-text">{move || describe(i18n.t(), &error.get())}</span>
            {on_retry.map(|retry| view! {
                <button type="button" class="btn btn-small btn-ghost retry" on:click=move |_| retry.run(())>
                    {move || i18n.t().common().retry}
                </button>
            })}
        </div>
    }
}

/// A friendly placeholder for a list with nothing in it.
#[component]
pub fn EmptyState(title: Text, hint: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="empty-state">
            <div class="empty-mark" aria-hidden="true">
                <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6">
                    <rect x="3" y="5" width="18" height="14" rx="3" />
                    <path d="M3 10h18" />
                </svg>
            </div>
            <p class="empty-title">{move || title(i18n.t())}</p>
            <p class="empty-hint">{move || hint(i18n.t())}</p>
        </div>
    }
}

/// A coloured pill; `tone` picks the colour (`green`, `amber`, `grey`, `red`, `blue`).
#[component]
pub fn Badge(tone: &'static str, #[prop(into)] label: Signal<String>) -> impl IntoView {
    view! { <span class=format!("badge badge-{tone}")>{move || label.get()}</span> }
}

/// An email address that may wrap after its `@` (and only there) in a narrow table cell.
pub fn breakable_email(email: &str) -> impl IntoView {
    let (local, domain) = email.split_once('@').map_or((email, None), |(l, d)| (l, Some(d)));
    let local = local.to_owned();
    let domain = domain.map(|d| view! { "@" <wbr /> {d.to_owned()} });
    view! { {local} {domain} }
}

/// A one-line success note that pages show after a saved change.
#[component]
pub fn Notice(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! { <p class="notice" role="status">{move || text.get()}</p> }
}

/// Renders a fetch: spinner while the first answer is pending, error banner with retry on
/// failure, `render` with the data otherwise.
pub fn async_view<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(data)) => render(data).into_any(),
        Some(Err(error)) => view! {
            <ErrorBanner error=error on_retry=Callback::new(move |_| resource.refetch()) />
        }
        .into_any(),
    }
}

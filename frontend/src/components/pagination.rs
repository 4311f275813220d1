//! "1–25 of 40 · Previous · Next" under a paged table.

use crate::i18n::{fill, use_i18n};
use leptos::prelude::*;

#[component]
pub fn Pagination(
    total: u64,
    page: u64,
    per_page: u64,
    /// Called with the page number to show next.
    on_change: Callback<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = if per_page == 0 { 1 } else { total.div_ceil(per_page).max(1) };
    let first = if total == 0 { 0 } else { page.saturating_sub(1) * per_page + 1 };
    let last = (page * per_page).min(total);
    view! {
        <nav class="pagination" aria-label="pagination">
            <span class="pagination-range">
                {move || fill(i18n.t().common().range_of, &[&first, &last, &total])}
            </span>
            <div class="pagination-buttons">
                <button
                    type="button"
                    class="btn btn-small btn-ghost page-prev"
                    disabled={ page <= 1 }
                    on:click=move |_| on_change.run(page.saturating_sub(1).max(1))
                >
                    "← " {move || i18n.t().common().prev_page}
                </button>
                <span class="pagination-page">{page} " / " {pages}</span>
                <button
                    type="button"
                    class="btn btn-small btn-ghost page-next"
                    disabled={ page >= pages }
                    on:click=move |_| on_change.run(page + 1)
                >
                    {move || i18n.t().common().next_page} " →"
                </button>
            </div>
        </nav>
    }
}

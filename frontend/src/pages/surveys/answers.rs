//! `/app/surveys/answers`: answers with their verbatims (`ul#answers`, an `li.answer-row` each),
//! filtered by class (`#answers-class`), manager (`#answers-manager`, owners and admins), client
//! (`#answers-client`), period (`#answers-from`, `#answers-to`) and "with comments only"
//! (`#answers-with-why`); `a#answers-export` downloads the same answers as CSV; owners and
//! admins import past answers below.

use super::answer_item::AnswerItem;
use super::client_choice::ClientFilter;
use super::filters::{DayFilter, ManagerFilter};
use super::import::ImportAnswers;
use super::labels::class_label;
use super::SurveysHeader;
use crate::api::surveys::{self as api, AnswerFilters};
use crate::components::{async_view, ChoiceFilter, EmptyState, Pagination};
use crate::i18n::use_i18n;
use crate::session::use_session;
use accord_api::surveys::{AnswerView, NpsClass};
use accord_api::{ClientId, Page, UserId};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn AnswersPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let class = RwSignal::new(None::<NpsClass>);
    let manager = RwSignal::new(None::<UserId>);
    let client = RwSignal::new(None::<ClientId>);
    let from = RwSignal::new(None::<NaiveDate>);
    let to = RwSignal::new(None::<NaiveDate>);
    let with_why = RwSignal::new(false);
    let page = RwSignal::new(1u64);
    let filters = Memo::new(move |_| AnswerFilters {
        from: from.get(),
        to: to.get(),
        manager: manager.get(),
        client: client.get(),
        class: class.get(),
        with_why: with_why.get(),
    });
    // New filters start from the first page.
    Effect::new(move |seen: Option<()>| {
        filters.track();
        if seen.is_some() {
            page.set(1);
        }
    });
    let list = LocalResource::new(move || {
        let (f, p) = (filters.get(), page.get());
        async move { api::answers(&f, p).await }
    });
    let export = move || api::export_url(&filters.get());
    view! {
        <section class="page surveys-page" id="survey-answers">
            <SurveysHeader title=|t| t.surveys_staff().answers_title subtitle=|t| t.surveys_staff().answers_subtitle>
                <a id="answers-export" class="btn" href=export download="survey-answers.csv">
                    {move || i18n.t().surveys_staff().export_csv}
                </a>
            </SurveysHeader>
            <div class="card card-flush">
                <div class="filters" id="answers-filters">
                    <div class="filters-top">
                        <ChoiceFilter id="answers-class" label=|t| t.surveys_staff().filter_class current=move || class.get()
                            text=class_label on_pick=move |v| class.set(v) />
                        <Show when=move || session.is_agency_admin()>
                            <ManagerFilter id="answers-manager" value=manager />
                        </Show>
                        <ClientFilter id="answers-client" value=client />
                        <DayFilter id="answers-from" label=|t| t.surveys_staff().filter_from value=from />
                        <DayFilter id="answers-to" label=|t| t.surveys_staff().filter_to value=to />
                        <label class="filter-check">
                            <input type="checkbox" id="answers-with-why" bind:checked=with_why />
                            <span>{move || i18n.t().surveys_staff().with_comments}</span>
                        </label>
                    </div>
                </div>
                {async_view(list, move |data| view! { <AnswerList data=data on_page=Callback::new(move |p| page.set(p)) /> })}
            </div>
            <Show when=move || session.is_agency_admin()>
                <ImportAnswers on_imported=Callback::new(move |_| list.refetch()) />
            </Show>
        </section>
    }
}

#[component]
fn AnswerList(data: Page<AnswerView>, on_page: Callback<u64>) -> impl IntoView {
    if data.items.is_empty() && data.page <= 1 {
        return view! { <EmptyState title=|t| t.surveys_staff().answers_empty hint=|t| t.surveys_staff().answers_empty_hint /> }
            .into_any();
    }
    let (total, page, per_page) = (data.total, data.page, data.per_page);
    view! {
        <ul class="answers" id="answers">
            {data.items.into_iter().map(|a| view! { <AnswerItem answer=a show_client=true /> }).collect_view()}
        </ul>
        <Pagination total=total page=page per_page=per_page on_change=on_page />
    }
    .into_any()
}

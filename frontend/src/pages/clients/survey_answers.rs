//! The Touchpoints tab's `#survey-answers-card` (owners, admins and the client's account
//! manager): the client's survey answers, newest first (`ul#client-survey-answers`), and
//! `button#phone-answer-open`, which opens `form#phone-answer` (`phone_answer`) to record an
//! answer taken on a call.

mod phone_answer;

use crate::api::surveys as api;
use crate::components::{async_view, EmptyState, Pagination};
use crate::i18n::use_i18n;
use crate::pages::surveys::AnswerItem;
use accord_api::surveys::AnswerView;
use accord_api::{ClientId, Page};
use leptos::prelude::*;
use phone_answer::PhoneAnswerForm;

#[component]
pub fn SurveyAnswersCard(client: ClientId) -> impl IntoView {
    let i18n = use_i18n();
    let page = RwSignal::new(1u64);
    let answers = LocalResource::new(move || api::client_answers(client, page.get()));
    let open = RwSignal::new(false);
    let on_saved = Callback::new(move |_| {
        if page.get_untracked() == 1 {
            answers.refetch();
        } else {
            page.set(1);
        }
    });
    view! {
        <div class="card card-flush" id="survey-answers-card">
            <div class="card-head">
                <h2 class="card-title">{move || i18n.t().surveys_staff().client_answers_title}</h2>
                <Show when=move || !open.get()>
                    <button type="button" id="phone-answer-open" class="btn btn-small" on:click=move |_| open.set(true)>
                        "+ " {move || i18n.t().surveys_staff().record_phone}
                    </button>
                </Show>
            </div>
            <Show when=move || open.get()>
                <PhoneAnswerForm client=client on_saved=on_saved on_close=Callback::new(move |_| open.set(false)) />
            </Show>
            {async_view(answers, move |data| view! { <ClientAnswers data=data on_page=Callback::new(move |p| page.set(p)) /> })}
        </div>
    }
}

#[component]
fn ClientAnswers(data: Page<AnswerView>, on_page: Callback<u64>) -> impl IntoView {
    if data.items.is_empty() && data.page <= 1 {
        return view! {
            <EmptyState title=|t| t.surveys_staff().client_answers_empty hint=|t| t.surveys_staff().client_answers_empty_hint />
        }
        .into_any();
    }
    let (total, page, per_page) = (data.total, data.page, data.per_page);
    view! {
        <ul class="answers" id="client-survey-answers">
            {data.items.into_iter().map(|a| view! { <AnswerItem answer=a /> }).collect_view()}
        </ul>
        <Pagination total=total page=page per_page=per_page on_change=on_page />
    }
    .into_any()
}

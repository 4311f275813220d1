//! `#survey-answered`: the contact's own past answers (never a colleague's), newest first as
//! the server sends them: the score, the "why?", and each criterion's two ratings.

use crate::i18n::{fill, format_date, use_i18n};
use accord_api::surveys::{NpsClass, OwnAnswer};
use leptos::prelude::*;

#[component]
pub fn AnsweredCard(answered: Vec<OwnAnswer>) -> impl IntoView {
    let i18n = use_i18n();
    let count = answered.len() as u64;
    let body = if answered.is_empty() {
        view! {
            <div class="portal-empty" id="survey-none-answered">
                <p class="empty-title">{move || i18n.t().portal_surveys().none_answered}</p>
                <p class="empty-hint">{move || i18n.t().portal_surveys().none_answered_hint}</p>
            </div>
        }
        .into_any()
    } else {
        view! { <ul class="own-answers">{answered.into_iter().map(|a| view! { <AnswerEntry answer=a /> }).collect_view()}</ul> }
            .into_any()
    };
    view! {
        <div class="card portal-card" id="survey-answered">
            <div class="portal-section-head">
                <h2 class="card-title">{move || i18n.t().portal_surveys().answered_title}</h2>
                {(count > 0).then(|| view! {
                    <span class="count-badge count-badge-muted">{move || i18n.t().portal_surveys().answered_count.count(count)}</span>
                })}
            </div>
            {body}
        </div>
    }
}

/// `li.own-answer[data-id]`.
#[component]
fn AnswerEntry(answer: OwnAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let a = answer;
    let submitted = a.submitted_at;
    let name = a.campaign_name.clone();
    let title = move || name.clone().unwrap_or_else(|| i18n.t().portal_surveys().untitled.to_owned());
    let why = a.why.trim().to_owned();
    view! {
        <li class="own-answer" data-id=a.id.to_string()>
            <div class="own-answer-head">
                <p class="portal-survey-name">{title}</p>
                <p class="portal-item-meta">
                    {move || fill(i18n.t().portal_surveys().answered_on, &[&format_date(i18n.locale(), &submitted)])}
                </p>
            </div>
            {a.nps.map(|score| {
                let class = NpsClass::of(score).map_or("", NpsClass::as_str);
                view! {
                    <p class=format!("nps-pill nps-{class}") data-score=score.to_string()>
                        {move || fill(i18n.t().portal_surveys().your_score, &[&score])}
                    </p>
                }
            })}
            {(!why.is_empty()).then(|| view! { <blockquote class="own-answer-why">{why}</blockquote> })}
            {(!a.ratings.is_empty()).then(|| view! {
                <dl class="own-answer-ratings">
                    {a.ratings.into_iter().map(|r| {
                        let (importance, satisfaction) = (r.importance, r.satisfaction);
                        view! {
                            <div class="own-rating" data-criterion=r.key.clone()>
                                <dt>{r.name.clone()}</dt>
                                <dd>{move || fill(i18n.t().portal_surveys().rating_pair, &[&importance, &satisfaction])}</dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            })}
        </li>
    }
}

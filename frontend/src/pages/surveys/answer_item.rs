//! `li.answer-row[data-id][data-class][data-source]`: one answer as staff see it — the score and
//! the verbatim, the criteria, where it came from, the manager at the time ("unknown" for an
//! import without one), and for promoters `button.mark-testimonial` / `button.mark-referral`
//! (`aria-pressed` while marked; pressing again takes the mark off).

use super::labels::{class_label, decimal, mark_action, source_label};
use crate::api::surveys as api;
use crate::api::ApiError;
use crate::components::ErrorBanner;
use crate::i18n::{fill, format_day, use_i18n};
use crate::routes::{ClientTab, Route};
use accord_api::surveys::{AnswerView, NpsClass, PromoterMark};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn AnswerItem(
    answer: AnswerView,
    /// Name the client (lists across clients).
    #[prop(optional)]
    show_client: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let a = answer;
    let (id, class, source, day) = (a.id, a.class, a.source, a.answered_on);
    let mark = RwSignal::new(a.mark);
    let why = a.why.trim().to_owned();
    let no_why = why.is_empty();
    let contact = a.contact_name.clone();
    let manager = match (a.manager_known, a.manager.map(|m| m.name)) {
        (false, _) => None,
        (true, name) => Some(name),
    };
    let manager_known = manager.is_some();
    let taken_by = a.taken_by.map(|s| s.name);
    let campaign = a.campaign_name.clone();
    let class_key = class.map(NpsClass::as_str);
    let client = show_client.then(|| {
        let href = Route::StaffClientTab(a.client_id, ClientTab::Touchpoints).path();
        view! { <A href=href attr:class="row-link answer-client">{a.client_name.clone()}</A> }
    });
    let ratings = (!a.ratings.is_empty()).then(|| {
        let items = a
            .ratings
            .into_iter()
            .map(|r| {
                let (importance, satisfaction) = (r.importance, r.satisfaction);
                view! {
                    <li class="answer-rating" data-key=r.key>
                        <span class="rating-name">{r.name}</span>
                        <span class="muted">
                            {move || fill(i18n.t().surveys_staff().rating_pair, &[&importance, &satisfaction])}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="answer-ratings">{items}</ul> }
    });
    let csi = a.csi;
    view! {
        <li class="answer-row" data-id=id.to_string() data-class=class_key data-source=source.as_str()>
            <div class="answer-score">
                {match a.nps {
                    Some(score) => view! {
                        <span class=format!("nps-badge nps-{}", class_key.unwrap_or("none")) data-score=score.to_string()
                            title=move || class.map(|c| class_label(i18n.t(), c))>{score}</span>
                    }.into_any(),
                    None => view! { <span class="nps-badge nps-none">"—"</span> }.into_any(),
                }}
                {csi.map(|c| view! {
                    <span class="answer-csi muted">{move || format!("CSI {}", decimal(i18n.locale(), c, 1))}</span>
                })}
            </div>
            <div class="answer-body">
                <div class="answer-head">
                    {client}
                    <span class="answer-contact">
                        {move || contact.clone().unwrap_or_else(|| i18n.t().surveys_staff().no_contact.to_owned())}
                    </span>
                    <span class="muted answer-date">{move || format_day(i18n.locale(), &day)}</span>
                    <span class=format!("source-tag source-{}", source.as_str())>{move || source_label(i18n.t(), source)}</span>
                </div>
                <p class="verbatim answer-why" class:muted=no_why>
                    {move || if why.is_empty() { i18n.t().surveys_staff().no_why.to_owned() } else { why.clone() }}
                </p>
                {ratings}
                <p class="muted answer-meta">
                    <span class="answer-manager" data-known=manager_known.to_string()>
                        {move || {
                            let words = i18n.t().surveys_staff();
                            let name = match &manager {
                                None => words.manager_unknown.to_owned(),
                                Some(None) => words.no_manager.to_owned(),
                                Some(Some(name)) => name.clone(),
                            };
                            fill(words.manager_at_time, &[&name])
                        }}
                    </span>
                    {taken_by.map(|name| view! {
                        <span class="meta-sep" aria-hidden="true">"·"</span>
                        <span class="answer-taken-by">{move || fill(i18n.t().surveys_staff().taken_by, &[&name])}</span>
                    })}
                    {campaign.map(|name| view! {
                        <span class="meta-sep" aria-hidden="true">"·"</span>
                        <span class="answer-campaign">{name}</span>
                    })}
                </p>
            </div>
            {(class == Some(NpsClass::Promoter)).then(|| view! { <MarkButtons id=id mark=mark /> })}
        </li>
    }
}

#[component]
fn MarkButtons(id: accord_api::SurveyAnswerId, mark: RwSignal<Option<PromoterMark>>) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let press = move |this: PromoterMark| {
        if pending.get_untracked() {
            return;
        }
        let next = if mark.get_untracked() == Some(this) { None } else { Some(this) };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match api::mark_answer(id, next).await {
                Ok(fresh) => mark.set(fresh.mark),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let button = move |this: PromoterMark| {
        view! {
            <button type="button" class=format!("btn btn-small btn-ghost mark-button mark-{}", this.as_str())
                aria-pressed=move || (mark.get() == Some(this)).to_string() disabled=move || pending.get()
                on:click=move |_| press(this)>
                {move || mark_action(i18n.t(), this)}
            </button>
        }
    };
    view! {
        <div class="answer-marks" data-mark=move || mark.get().map(PromoterMark::as_str)>
            {button(PromoterMark::Testimonial)}
            {button(PromoterMark::Referral)}
            {move || error.get().map(|e| view! { <ErrorBanner error=e /> })}
        </div>
    }
}

//! The Segmentation tab: temperament (with the "how to work with them" playbook hint from the
//! seed article), activity and value tier. Saving sends the whole profile with these changed.

use super::frame::use_client;
use super::unchanged;
use crate::api;
use crate::components::{FormError, Notice, Problem};
use crate::i18n::{fill, use_i18n};
use accord_api::{Activity, Temperament, ValueTier};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SegmentationTab() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let can_edit = ctx.can_edit();
    let start = ctx.profile.get_untracked().summary;
    let temperament = RwSignal::new(start.temperament);
    let activity = RwSignal::new(start.activity);
    let tier = RwSignal::new(start.value_tier);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let changed = move || {
        ctx.profile.with(|p| {
            p.summary.temperament != temperament.get()
                || p.summary.activity != activity.get()
                || p.summary.value_tier != tier.get()
        })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut request = unchanged(&ctx.profile.get_untracked());
        request.temperament = temperament.get_untracked();
        request.activity = activity.get_untracked();
        request.value_tier = tier.get_untracked();
        pending.set(true);
        problem.set(None);
        saved.set(false);
        let id = ctx.id();
        spawn_local(async move {
            match api::clients::update(id, &request).await {
                Ok(profile) => {
                    ctx.profile.set(profile);
                    saved.set(true);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let readonly = move || !can_edit.get();
    view! {
        <form id="segmentation-form" class="segmentation" on:submit=on_submit>
            <Show when=readonly>
                <p class="notice notice-muted read-only-note" id="read-only-note">{move || i18n.t().overview().read_only_note}</p>
            </Show>
            <section class="card" id="temperament-section">
                <h2 class="card-title">{move || i18n.t().segmentation().temperament}</h2>
                <p class="card-hint section-intro">{move || i18n.t().segmentation().temperament_intro}</p>
                <div class="choice-grid choice-grid-4" role="radiogroup" aria-label=move || i18n.t().segmentation().temperament>
                    {Temperament::ALL.iter().map(|&t| view! { <TemperamentCard value=t chosen=temperament readonly=readonly /> }).collect_view()}
                </div>
            </section>
            <div class="segmentation-row">
                <section class="card" id="activity-section">
                    <h2 class="card-title">{move || i18n.t().segmentation().activity}</h2>
                    <p class="card-hint section-intro">{move || i18n.t().segmentation().activity_intro}</p>
                    <div class="choice-list" role="radiogroup" aria-label=move || i18n.t().segmentation().activity>
                        {Activity::ALL.iter().map(|&a| view! {
                            <Choice class="activity-option" value=a.as_str() selected=Signal::derive(move || activity.get() == Some(a))
                                readonly=readonly on_pick=Callback::new(move |_| activity.update(|cur| toggle(cur, a)))
                                title=Signal::derive(move || i18n.t().activity(a).to_owned())
                                hint=Signal::derive(move || i18n.t().activity_hint(a).to_owned()) />
                        }).collect_view()}
                    </div>
                </section>
                <section class="card" id="tier-section">
                    <h2 class="card-title">{move || i18n.t().segmentation().value_tier}</h2>
                    <p class="card-hint section-intro">{move || i18n.t().segmentation().tier_intro}</p>
                    <div class="choice-list" role="radiogroup" aria-label=move || i18n.t().segmentation().value_tier>
                        {ValueTier::ALL.iter().map(|&v| view! {
                            <Choice class="tier-option" value=v.as_str() selected=Signal::derive(move || tier.get() == Some(v))
                                readonly=readonly on_pick=Callback::new(move |_| tier.update(|cur| toggle(cur, v)))
                                title=Signal::derive(move || i18n.t().value_tier(v).to_owned())
                                hint=Signal::derive(move || i18n.t().value_tier_hint(v).to_owned()) />
                        }).collect_view()}
                    </div>
                    {move || {
                        let (abc, by_hand) = ctx.profile.with(|p| (p.summary.abc_tier, p.summary.tier_override));
                        let letter = |t: ValueTier| t.as_str().to_uppercase();
                        let text = match (by_hand, abc) {
                            (true, Some(a)) => fill(i18n.t().segmentation().tier_by_hand, &[&letter(a)]),
                            (true, None) => i18n.t().segmentation().tier_by_hand_no_abc.to_owned(),
                            (false, Some(a)) => fill(i18n.t().segmentation().tier_computed, &[&letter(a)]),
                            (false, None) => return None,
                        };
                        Some(view! {
                            <p class="field-hint tier-origin" data-override=by_hand.to_string()>
                                {by_hand.then(|| view! { <span class="badge badge-amber">"✎"</span>" " })}
                                {text}
                            </p>
                        })
                    }}
                </section>
            </div>
            <Show when=move || can_edit.get()>
                <div class="form-actions form-actions-start segmentation-actions">
                    <button id="segmentation-submit" type="submit" class="btn btn-primary"
                        disabled=move || pending.get() || !changed()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().segmentation().save_segmentation }}
                    </button>
                    <span class="field-hint">{move || i18n.t().segmentation().choice_toggle_hint}</span>
                    <Show when=move || saved.get() && !changed()>
                        <Notice text=Signal::derive(move || i18n.t().segmentation().segmentation_saved.to_owned()) />
                    </Show>
                </div>
                <FormError id="segmentation-error" problem=problem />
            </Show>
        </form>
    }
    .into_any()
}

/// Picking the chosen value again clears it (the segment is "not set" then).
fn toggle<T: PartialEq>(current: &mut Option<T>, picked: T) {
    *current = if current.as_ref() == Some(&picked) { None } else { Some(picked) };
}

/// `.temperament-card[data-value=…]`: the type, what it is like, and how to work with it.
#[component]
fn TemperamentCard(
    value: Temperament,
    chosen: RwSignal<Option<Temperament>>,
    readonly: impl Fn() -> bool + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let selected = move || chosen.get() == Some(value);
    view! {
        <button
            type="button"
            role="radio"
            class=format!("choice-card temperament-card temperament-{}", value.as_str())
            class:selected=selected
            data-value=value.as_str()
            aria-checked=move || selected().to_string()
            disabled=readonly
            on:click=move |_| chosen.update(|cur| toggle(cur, value))
        >
            <span class="choice-head">
                <span class="choice-radio" aria-hidden="true"></span>
                <span class="choice-title">{move || i18n.t().temperament(value)}</span>
            </span>
            <span class="choice-traits">{move || i18n.t().temperament_guide(value).0}</span>
            <span class="choice-hint-label">{move || i18n.t().segmentation().how_to_work}</span>
            <span class="choice-hint temperament-hint">{move || i18n.t().temperament_guide(value).1}</span>
        </button>
    }
}

/// One option of a single-choice list (activity, tier), as a radio-like button.
#[component]
fn Choice(
    class: &'static str,
    value: &'static str,
    selected: Signal<bool>,
    readonly: impl Fn() -> bool + Send + Sync + Copy + 'static,
    on_pick: Callback<()>,
    title: Signal<String>,
    hint: Signal<String>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            role="radio"
            class=format!("choice-row {class}")
            class:selected=move || selected.get()
            data-value=value
            aria-checked=move || selected.get().to_string()
            disabled=readonly
            on:click=move |_| on_pick.run(())
        >
            <span class="choice-radio" aria-hidden="true"></span>
            <span class="choice-text">
                <span class="choice-title">{move || title.get()}</span>
                <span class="choice-hint">{move || hint.get()}</span>
            </span>
        </button>
    }
}

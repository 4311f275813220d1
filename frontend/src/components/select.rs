//! A `<select>` over every value of a wire enum, as a form field or as a list filter.

use crate::components::form::Text;
use crate::i18n::{use_i18n, Texts};
use accord_api::{Activity, BacklogSource, BacklogStatus, ClientStatus, Priority, StageStatus, Temperament, ValueTier};
use leptos::prelude::*;

/// A wire enum a `<select>` picks from: its values and their wire names.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self>;
}

macro_rules! choices {
    ($($name:ty),+) => {
        $(impl Choice for $name {
            fn all() -> &'static [Self] {
                <$name>::ALL
            }

            fn key(self) -> &'static str {
                self.as_str()
            }

            fn from_key(key: &str) -> Option<Self> {
                <$name>::parse(key)
            }
        })+
    };
}

choices!(StageStatus, Priority, BacklogSource, BacklogStatus, ClientStatus, Temperament, Activity, ValueTier);

/// `select[name=…]` bound to `value`: an `<option>` per value (its wire name), worded by `label`.
#[component]
pub fn ChoiceSelect<T: Choice>(
    #[prop(into)] id: String,
    name: &'static str,
    value: RwSignal<T>,
    label: fn(&Texts, T) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id=id name=name prop:value=move || value.get().key()
            on:change=move |ev| {
                if let Some(v) = T::from_key(&event_target_value(&ev)) {
                    value.set(v);
                }
            }>
            {T::all().iter().map(|&v| view! {
                <option value=v.key() selected=move || value.get() == v>
                    {move || label(i18n.t(), v)}
                </option>
            }).collect_view()}
        </select>
    }
}

/// `label.filter`: `label` over a `<select>` that narrows a list by a value kept in the URL query,
/// "any" first and then an `<option>` per value (its wire name), worded by `text`. `current` reads
/// the value from the query; `on_pick` gets the one chosen (`None` for "any"). The `<select>`
/// carries `id` and `name` when given.
#[component]
pub fn ChoiceFilter<T: Choice>(
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] name: Option<&'static str>,
    label: Text,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    text: fn(&Texts, T) -> &'static str,
    on_pick: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = T::all()
        .iter()
        .map(|&v| {
            view! {
                <option value=v.key() selected=move || current() == Some(v)>{move || text(i18n.t(), v)}</option>
            }
        })
        .collect_view();
    view! {
        <label class="filter">
            <span class="filter-label">{move || label(i18n.t())}</span>
            <select
                id=id
                name=name
                prop:value=move || current().map(T::key).unwrap_or("")
                on:change=move |ev| on_pick(T::from_key(&event_target_value(&ev)))
            >
                <option value="" selected=move || current().is_none()>{move || i18n.t().common().any}</option>
                {options}
            </select>
        </label>
    }
}

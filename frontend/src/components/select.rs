//! A `<select>` over every value of a wire enum.

use crate::i18n::{use_i18n, Texts};
use accord_api::{BacklogSource, Priority, StageStatus};
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

choices!(StageStatus, Priority, BacklogSource);

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

//! An editable list of short points: what the work includes, and what it does not.

use crate::components::form::Text;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// One point; the key keeps each input in place while others come and go.
#[derive(Clone, Copy)]
struct Point {
    key: u32,
    text: RwSignal<String>,
}

/// The points being edited; [`PointsState::values`] gives what to send.
#[derive(Clone, Copy)]
pub struct PointsState {
    points: RwSignal<Vec<Point>>,
    /// Typed into the new-point box but not added yet; saving keeps it too.
    draft: RwSignal<String>,
    next_key: StoredValue<u32>,
}

impl PointsState {
    pub fn new(items: &[String]) -> Self {
        let points = items
            .iter()
            .enumerate()
            .map(|(i, s)| Point { key: i as u32, text: RwSignal::new(s.clone()) })
            .collect::<Vec<_>>();
        let next = points.len() as u32;
        PointsState {
            points: RwSignal::new(points),
            draft: RwSignal::new(String::new()),
            next_key: StoredValue::new(next),
        }
    }

    /// The non-empty points, trimmed, in order (with the one still in the new-point box).
    pub fn values(&self) -> Vec<String> {
        let mut values: Vec<String> =
            self.points.with_untracked(|ps| ps.iter().map(|p| p.text.get_untracked()).collect());
        values.push(self.draft.get_untracked());
        values.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
    }

    /// Takes the saved points as the new starting state.
    pub fn reset(&self, items: &[String]) {
        self.points.set(Vec::new());
        self.draft.set(String::new());
        for item in items {
            self.push(item.clone());
        }
    }

    fn push(&self, text: String) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.points.update(|ps| ps.push(Point { key, text: RwSignal::new(text) }));
    }

    fn remove(&self, key: u32) {
        self.points.update(|ps| ps.retain(|p| p.key != key));
    }
}

/// `#<id>`: the points as inputs with "Remove" buttons (`button.remove-point`), then a new-point
/// input (`#<id>-new`, Enter adds) and `#<id>-add`.
#[component]
pub fn PointList(
    id: &'static str,
    label: Text,
    #[prop(optional)] hint: Option<Text>,
    state: PointsState,
    #[prop(optional, into)] invalid: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = state.draft;
    let add = move || {
        let text = draft.get_untracked().trim().to_owned();
        if !text.is_empty() {
            state.push(text);
            draft.set(String::new());
        }
    };
    let new_id = format!("{id}-new");
    let add_id = format!("{id}-add");
    view! {
        <div class="field point-field">
            <label for=new_id.clone()>{move || label(i18n.t())}</label>
            {hint.map(|h| view! { <p class="field-hint">{move || h(i18n.t())}</p> })}
            <ul id=id class="point-list" aria-invalid=move || invalid.map(|i| i.get().to_string())>
                <For each=move || state.points.get() key=|p| p.key let:point>
                    <li class="point">
                        <span class="point-bullet" aria-hidden="true"></span>
                        <input
                            type="text"
                            class="point-input"
                            maxlength="300"
                            aria-label=move || label(i18n.t())
                            bind:value=point.text
                        />
                        <button
                            type="button"
                            class="btn btn-small btn-ghost remove-point"
                            aria-label=move || i18n.t().overview().remove_point
                            title=move || i18n.t().overview().remove_point
                            on:click=move |_| state.remove(point.key)
                        >
                            "✕"
                        </button>
                    </li>
                </For>
            </ul>
            <Show when=move || state.points.with(Vec::is_empty)>
                <p class="muted point-empty">{move || i18n.t().overview().no_points}</p>
            </Show>
            <div class="point-add">
                <input
                    type="text"
                    id=new_id
                    maxlength="300"
                    placeholder=move || i18n.t().overview().new_point
                    bind:value=draft
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" id=add_id class="btn btn-small add-point" on:click=move |_| add()>
                    "+ " {move || i18n.t().common().add}
                </button>
            </div>
        </div>
    }
}

//! The Roadmap tab ("карта развития"): point A and point B, goals with their KPIs and trend, and
//! stages on a time axis with their linked backlog items. Owners, admins and the client's
//! account manager change it; everyone else who sees the client reads it.
//!
//! The roadmap is loaded once; every change answers the changed part, which replaces it in
//! [`Roadmap`] so the rest of the page stays as it is.

mod goals;
mod points;
mod problem;
pub(crate) mod shared;
mod stages;

use super::frame::use_client;
use crate::api;
use crate::components::async_view;
use crate::i18n::use_i18n;
use accord_api::roadmap::RoadmapView;
use accord_api::ClientId;
use leptos::prelude::*;

/// The roadmap on screen, shared by the sections of the tab.
#[derive(Clone, Copy)]
pub struct Roadmap {
    pub client: ClientId,
    pub view: RwSignal<RoadmapView>,
    pub can_edit: Signal<bool>,
}

#[component]
pub fn RoadmapTab() -> impl IntoView {
    let Some(ctx) = use_client() else {
        return ().into_any();
    };
    let client = ctx.id();
    let can_edit = ctx.can_edit();
    let loaded = LocalResource::new(move || api::roadmap::roadmap(client));
    view! {
        <div class="roadmap" id="roadmap">
            {async_view(loaded, move |view| {
                let roadmap = Roadmap { client, view: RwSignal::new(view), can_edit: can_edit.into() };
                view! { <RoadmapBody roadmap=roadmap /> }
            })}
        </div>
    }
    .into_any()
}

#[component]
fn RoadmapBody(roadmap: Roadmap) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || !roadmap.can_edit.get()>
            <p class="notice notice-muted read-only-note" id="roadmap-read-only">{move || i18n.t().overview().read_only_note}</p>
        </Show>
        <points::PointsCard roadmap=roadmap />
        <goals::GoalsCard roadmap=roadmap />
        <stages::StagesCard roadmap=roadmap />
    }
}

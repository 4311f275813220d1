//! `form#meeting-form`: a one-off meeting at a local time in a chosen zone.

use super::invitees::{InviteeChoice, InviteesField};
use super::series_form::{ZoneField, COMMON_ZONES, DEFAULT_ZONE};
use crate::api::meetings as api;
use crate::components::{send_form, submit_handler, FieldError, FormErrorExcept, Notice, Problem};
use crate::i18n::use_i18n;
use accord_api::meetings::NewMeeting;
use accord_api::ClientId;
use leptos::prelude::*;

const INLINE: &[&str] =
    &["title", "local_start", "time_zone", "duration_minutes", "invitees.staff", "invitees.contacts"];

#[component]
pub fn OneOffForm(client: ClientId, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let zone = RwSignal::new(DEFAULT_ZONE.to_owned());
    let other = RwSignal::new(!COMMON_ZONES.contains(&DEFAULT_ZONE));
    let duration = RwSignal::new("60".to_owned());
    let place = RwSignal::new(String::new());
    let invitees = InviteeChoice::new(None);
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read = move || -> Result<NewMeeting, Problem> {
        let local_start = start.get_untracked().trim().to_owned();
        if local_start.len() < 16 {
            return Err(Problem::Unreadable("local_start"));
        }
        Ok(NewMeeting {
            title: title.get_untracked().trim().to_owned(),
            // `datetime-local` may add seconds; the wire wants "YYYY-MM-DDTHH:MM".
            local_start: local_start[..16].to_owned(),
            time_zone: zone.get_untracked().trim().to_owned(),
            duration_minutes: duration
                .get_untracked()
                .trim()
                .parse()
                .map_err(|_| Problem::Unreadable("duration_minutes"))?,
            place: Some(place.get_untracked().trim().to_owned()).filter(|p| !p.is_empty()),
            invitees: invitees.read(),
        })
    };
    let on_submit = submit_handler(pending, saved, problem, read, move |input: NewMeeting| {
        send_form(pending, saved, problem, async move { api::create_meeting(client, &input).await }, move |_| {
            title.set(String::new());
            start.set(String::new());
            place.set(String::new());
            on_saved.run(());
        });
    });
    let invalid = move |field: &'static str| {
        move || problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field)).to_string()
    };
    view! {
        <div class="card" id="meeting-form-card">
            <h2 class="card-title">{move || i18n.t().meetings_staff().one_off_title}</h2>
            <form id="meeting-form" class="form meeting-form" on:submit=on_submit novalidate=true>
                <div class="field-wrap">
                    <div class="field">
                        <label for="meeting-title">{move || i18n.t().meetings_staff().meeting_title}</label>
                        <input id="meeting-title" name="title" type="text" required=true maxlength="200" autocomplete="off"
                            aria-invalid=invalid("title") bind:value=title />
                    </div>
                    <FieldError field="title" problem=problem />
                </div>
                <div class="field-wrap">
                    <div class="field">
                        <label for="meeting-local-start">{move || i18n.t().meetings_staff().local_start}</label>
                        <input id="meeting-local-start" name="local_start" type="datetime-local" required=true
                            aria-invalid=invalid("local_start") bind:value=start />
                    </div>
                    <FieldError field="local_start" problem=problem />
                </div>
                <ZoneField prefix="meeting" zone=zone other=other problem=problem />
                <div class="field-wrap">
                    <div class="field">
                        <label for="meeting-duration">{move || i18n.t().meetings_staff().duration_minutes}</label>
                        <input id="meeting-duration" name="duration_minutes" type="number" min="5" max="600" step="5"
                            aria-invalid=invalid("duration_minutes") bind:value=duration />
                    </div>
                    <FieldError field="duration_minutes" problem=problem />
                </div>
                <div class="field">
                    <label for="meeting-place">{move || i18n.t().meetings_staff().place}</label>
                    <input id="meeting-place" name="place" type="text" maxlength="500" autocomplete="off" bind:value=place />
                </div>
                <InviteesField client=client prefix="meeting" choice=invitees problem=problem />
                <FormErrorExcept id="meeting-error" problem=problem inline=INLINE />
                <div class="form-actions form-actions-start">
                    <button type="submit" id="meeting-submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().saving } else { i18n.t().meetings_staff().create_meeting }}
                    </button>
                </div>
                <Show when=move || saved.get()>
                    <Notice text=Signal::derive(move || i18n.t().meetings_staff().meeting_created.to_owned()) />
                </Show>
            </form>
        </div>
    }
}

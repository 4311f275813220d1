//! `form#minutes-form`: the minutes editor — attendees (staff and client contacts as checkboxes,
//! guests as lines), Markdown notes, numbered decisions, action items (kept ones carry their id),
//! which agenda items were discussed — and `#save-minutes`. Saving marks the meeting held.

use super::{MeetingCtx, StaffActionItem};
use crate::api::{self, meetings as meetings_api};
use crate::components::{Notice, Problem};
use crate::i18n::{fill, iso_day, parse_day_input, use_i18n};
use crate::pages::meeting_parts::{side_label, DecisionList};
use accord_api::meetings::{ActionItemInput, Attendees, MeetingView, MinutesInput, Side};
use accord_api::{ActionItemId, AgendaItemId, ContactId, UserId};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One decision being edited; the key keeps each input in place while others come and go.
#[derive(Clone, Copy)]
struct DecisionRow {
    key: u32,
    text: RwSignal<String>,
}

/// One action item being edited. `assignee` is "s:<user id>", "c:<contact id>" or empty.
#[derive(Clone, Copy)]
struct ActionRow {
    key: u32,
    id: Option<ActionItemId>,
    title: RwSignal<String>,
    side: RwSignal<Side>,
    assignee: RwSignal<String>,
    due: RwSignal<String>,
}

/// Everything the editor holds, set from a [`MeetingView`] (again after each save).
#[derive(Clone, Copy)]
struct Draft {
    staff: RwSignal<Vec<UserId>>,
    contacts: RwSignal<Vec<ContactId>>,
    guests: RwSignal<String>,
    notes: RwSignal<String>,
    decisions: RwSignal<Vec<DecisionRow>>,
    actions: RwSignal<Vec<ActionRow>>,
    discussed: RwSignal<Vec<AgendaItemId>>,
    next_key: StoredValue<u32>,
}

impl Draft {
    fn new(m: &MeetingView) -> Self {
        let draft = Draft {
            staff: RwSignal::new(Vec::new()),
            contacts: RwSignal::new(Vec::new()),
            guests: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
            decisions: RwSignal::new(Vec::new()),
            actions: RwSignal::new(Vec::new()),
            discussed: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        };
        draft.reset(m);
        draft
    }

    fn key(&self) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    fn reset(&self, m: &MeetingView) {
        self.staff.set(m.attendees.staff.iter().map(|s| s.id).collect());
        self.contacts.set(m.attendees.contacts.iter().map(|c| c.id).collect());
        self.guests.set(m.attendees.guests.join("\n"));
        self.notes.set(m.notes.markdown.clone());
        let decisions =
            m.decisions.iter().map(|d| DecisionRow { key: self.key(), text: RwSignal::new(d.text.clone()) });
        self.decisions.set(decisions.collect());
        let actions = m.action_items.iter().map(|a| {
            let assignee = match (a.assignee_staff, a.assignee_contact) {
                (Some(s), _) => format!("s:{s}"),
                (None, Some(c)) => format!("c:{c}"),
                _ => String::new(),
            };
            ActionRow {
                key: self.key(),
                id: Some(a.id),
                title: RwSignal::new(a.title.clone()),
                side: RwSignal::new(a.side),
                assignee: RwSignal::new(assignee),
                due: RwSignal::new(iso_day(&a.due_on)),
            }
        });
        self.actions.set(actions.collect());
        let discussed = m.agenda.iter().filter(|a| a.status == accord_api::meetings::AgendaStatus::Discussed);
        self.discussed.set(discussed.map(|a| a.id).collect());
    }

    /// Decisions the server added to the draft (a promise's new date recorded in these
    /// minutes) join the editor without touching what is being typed.
    fn merge_decisions(&self, m: &MeetingView) {
        let have: Vec<String> = self.decisions.with_untracked(|d| d.iter().map(|r| r.text.get_untracked()).collect());
        let new: Vec<DecisionRow> = m
            .decisions
            .iter()
            .filter(|d| !have.contains(&d.text))
            .map(|d| DecisionRow { key: self.key(), text: RwSignal::new(d.text.clone()) })
            .collect();
        if !new.is_empty() {
            self.decisions.update(|d| d.extend(new));
        }
    }

    fn add_decision(&self) {
        let row = DecisionRow { key: self.key(), text: RwSignal::new(String::new()) };
        self.decisions.update(|d| d.push(row));
    }

    fn add_action(&self) {
        let row = ActionRow {
            key: self.key(),
            id: None,
            title: RwSignal::new(String::new()),
            side: RwSignal::new(Side::Agency),
            assignee: RwSignal::new(String::new()),
            due: RwSignal::new(String::new()),
        };
        self.actions.update(|a| a.push(row));
    }

    fn read(&self) -> Result<MinutesInput, Problem> {
        let decisions = self.decisions.get_untracked().into_iter().map(|d| d.text.get_untracked().trim().to_owned());
        let mut action_items = Vec::new();
        for row in self.actions.get_untracked() {
            let title = row.title.get_untracked().trim().to_owned();
            if title.is_empty() && row.id.is_none() {
                continue;
            }
            let due_on =
                parse_day_input(&row.due.get_untracked()).ok().flatten().ok_or(Problem::Unreadable("due_on"))?;
            let assignee = row.assignee.get_untracked();
            action_items.push(ActionItemInput {
                id: row.id,
                title,
                side: row.side.get_untracked(),
                assignee_staff: assignee.strip_prefix("s:").and_then(|s| s.parse().ok()),
                assignee_contact: assignee.strip_prefix("c:").and_then(|c| c.parse().ok()),
                due_on,
            });
        }
        let guests = self.guests.get_untracked();
        Ok(MinutesInput {
            attendees: Attendees {
                staff: self.staff.get_untracked(),
                contacts: self.contacts.get_untracked(),
                guests: guests.lines().map(str::trim).filter(|g| !g.is_empty()).map(str::to_owned).collect(),
            },
            notes: self.notes.get_untracked(),
            decisions: decisions.filter(|d| !d.is_empty()).collect(),
            action_items,
            discussed: self.discussed.get_untracked(),
        })
    }
}

/// Toggles `value` in a list of checked ids.
fn toggle<T: PartialEq + Copy + Send + Sync + 'static>(list: RwSignal<Vec<T>>, value: T, on: bool) {
    list.update(|l| {
        l.retain(|v| *v != value);
        if on {
            l.push(value);
        }
    });
}

#[component]
pub fn MinutesEditor(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = ctx.can_edit();
    view! {
        <div class="card" id="minutes-card">
            <h2 class="card-title">{move || i18n.t().meetings_staff().minutes_title}</h2>
            {move || if can_edit.get() {
                view! { <MinutesForm ctx=ctx /> }.into_any()
            } else {
                let m = ctx.meeting.get();
                view! {
                    <h3 class="roadmap-form-title">{move || i18n.t().meetings().decisions_title}</h3>
                    <DecisionList decisions=m.decisions.clone() />
                    <div class="prose-html minutes-notes" inner_html=m.notes.html.clone()></div>
                    <ul class="action-items">
                        {m.action_items.into_iter().map(|a| view! { <StaffActionItem item=a can_edit=false /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

#[component]
fn MinutesForm(ctx: MeetingCtx) -> impl IntoView {
    let i18n = use_i18n();
    let id = ctx.id;
    let start = ctx.meeting.get_untracked();
    let client = start.client_id;
    let draft = Draft::new(&start);
    Effect::new(move |first: Option<()>| {
        let m = ctx.meeting.get();
        if first.is_some() {
            draft.merge_decisions(&m);
        }
    });
    let directory = LocalResource::new(api::staff::directory);
    let contacts = LocalResource::new(move || api::clients::contacts(client));
    // Attendees who are no longer in the pickers (left, disabled) still show, checked.
    let known_staff = StoredValue::new(start.attendees.staff.clone());
    let known_contacts = StoredValue::new(start.attendees.contacts.clone());
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(false);
        let input = match draft.read() {
            Ok(input) => input,
            Err(p) => return problem.set(Some(p)),
        };
        pending.set(true);
        problem.set(None);
        spawn_local(async move {
            match meetings_api::save_minutes(id, &input).await {
                Ok(fresh) => {
                    draft.reset(&fresh);
                    ctx.meeting.set(fresh);
                    saved.set(true);
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    let staff_people = move || {
        let mut people: Vec<(UserId, String)> = known_staff.get_value().into_iter().map(|s| (s.id, s.name)).collect();
        for m in directory.get().and_then(Result::ok).unwrap_or_default() {
            if !people.iter().any(|(id, _)| *id == m.id) {
                people.push((m.id, m.name));
            }
        }
        people
    };
    let contact_people = move || {
        let mut people: Vec<(ContactId, String)> =
            known_contacts.get_value().into_iter().map(|c| (c.id, c.name)).collect();
        for c in contacts.get().and_then(Result::ok).unwrap_or_default().into_iter().filter(|c| c.left_at.is_none()) {
            if !people.iter().any(|(id, _)| *id == c.id) {
                people.push((c.id, c.name));
            }
        }
        people
    };
    let staff_boxes = move || {
        staff_people()
            .into_iter()
            .map(|(uid, name)| {
                view! {
                    <label class="check attendee">
                        <input type="checkbox" name="attendee_staff" value=uid.to_string()
                            prop:checked=move || draft.staff.with(|s| s.contains(&uid))
                            on:change=move |ev| toggle(draft.staff, uid, event_target_checked(&ev)) />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    let contact_boxes = move || {
        contact_people()
            .into_iter()
            .map(|(cid, name)| {
                view! {
                    <label class="check attendee">
                        <input type="checkbox" name="attendee_contact" value=cid.to_string()
                            prop:checked=move || draft.contacts.with(|c| c.contains(&cid))
                            on:change=move |ev| toggle(draft.contacts, cid, event_target_checked(&ev)) />
                        {name}
                    </label>
                }
            })
            .collect_view()
    };
    let assignee_options = move || {
        let staff = staff_people().into_iter().map(|(uid, name)| (format!("s:{uid}"), name));
        let people = contact_people().into_iter().map(|(cid, name)| (format!("c:{cid}"), name));
        staff.chain(people).collect::<Vec<_>>()
    };
    let discussed_boxes = move || {
        let agenda = ctx.meeting.with(|m| m.agenda.clone());
        if agenda.is_empty() {
            return view! { <p class="muted">{move || i18n.t().meetings().no_agenda}</p> }.into_any();
        }
        agenda
            .into_iter()
            .map(|a| {
                let aid = a.id;
                view! {
                    <label class="check discussed-item">
                        <input type="checkbox" name="discussed" value=aid.to_string()
                            prop:checked=move || draft.discussed.with(|d| d.contains(&aid))
                            on:change=move |ev| toggle(draft.discussed, aid, event_target_checked(&ev)) />
                        {a.title.clone()}
                    </label>
                }
            })
            .collect_view()
            .into_any()
    };

    view! {
        <form id="minutes-form" class="form minutes-form" on:submit=on_submit novalidate=true>
            <fieldset class="form-section minutes-attendees">
                <legend>{move || i18n.t().meetings().attendees_title}</legend>
                <div class="form-grid">
                    <div class="field" id="minutes-staff">
                        <span class="field-label-static">{move || i18n.t().meetings_staff().attendees_staff}</span>
                        {staff_boxes}
                    </div>
                    <div class="field" id="minutes-contacts">
                        <span class="field-label-static">{move || i18n.t().meetings_staff().attendees_contacts}</span>
                        {contact_boxes}
                    </div>
                </div>
                <div class="field">
                    <label for="minutes-guests">{move || i18n.t().meetings_staff().guests}</label>
                    <textarea id="minutes-guests" name="guests" rows="2" bind:value=draft.guests></textarea>
                    <p class="field-hint">{move || i18n.t().meetings_staff().guests_hint}</p>
                </div>
            </fieldset>
            <div class="field">
                <label for="minutes-notes">{move || i18n.t().meetings_staff().notes}</label>
                <textarea id="minutes-notes" name="notes" rows="8" maxlength="50000" bind:value=draft.notes></textarea>
                <p class="field-hint markdown-hint">{move || i18n.t().meetings_staff().notes_hint}</p>
            </div>
            <fieldset class="form-section">
                <legend>{move || i18n.t().meetings().decisions_title}</legend>
                <ol id="minutes-decisions" class="decision-inputs">
                    <For each=move || draft.decisions.get() key=|d| d.key let:row>
                        <li class="decision-input">
                            <input type="text" name="decision" maxlength="2000" class="point-input"
                                aria-label=move || i18n.t().meetings().decisions_title bind:value=row.text />
                            <button type="button" class="btn btn-small btn-ghost remove-decision"
                                title=move || i18n.t().meetings_staff().remove
                                on:click=move |_| draft.decisions.update(|d| d.retain(|r| r.key != row.key))>
                                "✕"
                            </button>
                        </li>
                    </For>
                </ol>
                <button type="button" id="add-decision" class="btn btn-small" on:click=move |_| draft.add_decision()>
                    "+ " {move || i18n.t().meetings_staff().add_decision}
                </button>
            </fieldset>
            <fieldset class="form-section">
                <legend>{move || i18n.t().meetings().action_items_title}</legend>
                <ul id="minutes-actions" class="action-inputs">
                    <For each=move || draft.actions.get() key=|a| a.key let:row>
                        <li class="action-input" data-id=row.id.map(|i| i.to_string())>
                            <div class="field">
                                <label>{move || i18n.t().meetings_staff().action_title}</label>
                                <input type="text" name="action_title" maxlength="300" bind:value=row.title />
                            </div>
                            <div class="field">
                                <label>{move || i18n.t().meetings_staff().side}</label>
                                <select name="action_side" prop:value=move || row.side.get().as_str()
                                    on:change=move |ev| {
                                        if let Some(s) = Side::parse(&event_target_value(&ev)) {
                                            row.side.set(s);
                                        }
                                    }>
                                    {Side::ALL.iter().map(|&s| view! {
                                        <option value=s.as_str() selected=move || row.side.get() == s>{move || side_label(i18n.t(), s)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label>{move || i18n.t().meetings_staff().assignee}</label>
                                <select name="action_assignee" prop:value=move || row.assignee.get()
                                    on:change=move |ev| row.assignee.set(event_target_value(&ev))>
                                    <option value="" selected=move || row.assignee.get().is_empty()>{move || i18n.t().meetings().no_assignee}</option>
                                    {move || assignee_options().into_iter().map(|(value, name)| {
                                        let v = value.clone();
                                        view! { <option value=value selected=move || row.assignee.get() == v>{name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label>{move || i18n.t().meetings_staff().due_on}</label>
                                <input type="date" name="action_due" bind:value=row.due />
                            </div>
                            <button type="button" class="btn btn-small btn-ghost remove-action"
                                title=move || i18n.t().meetings_staff().remove
                                on:click=move |_| draft.actions.update(|a| a.retain(|r| r.key != row.key))>
                                "✕"
                            </button>
                        </li>
                    </For>
                </ul>
                <button type="button" id="add-action-item" class="btn btn-small" on:click=move |_| draft.add_action()>
                    "+ " {move || i18n.t().meetings_staff().add_action_item}
                </button>
            </fieldset>
            <fieldset class="form-section" id="minutes-discussed">
                <legend>{move || i18n.t().meetings_staff().discussed_title}</legend>
                <p class="field-hint">{move || i18n.t().meetings_staff().discussed_hint}</p>
                {discussed_boxes}
            </fieldset>
            {move || problem.get().map(|p| view! {
                <p id="minutes-error" class="form-error" role="alert">{move || match &p {
                    Problem::Unreadable(field) => fill(i18n.t().errors().validation_field, &[&i18n.t().field_label(field)]),
                    other => other.text(i18n.t()),
                }}</p>
            })}
            <div class="form-actions form-actions-start">
                <button type="submit" id="save-minutes" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t().common().saving } else { i18n.t().meetings_staff().save_minutes }}
                </button>
            </div>
            <Show when=move || saved.get()>
                <Notice text=Signal::derive(move || i18n.t().meetings_staff().minutes_saved.to_owned()) />
            </Show>
        </form>
        <MinutesActionList ctx=ctx />
    }
}

/// The saved action items with their buttons (done, move the date), under the editor.
#[component]
fn MinutesActionList(ctx: MeetingCtx) -> impl IntoView {
    let can_edit = ctx.can_edit();
    move || {
        let items = ctx.meeting.with(|m| m.action_items.clone());
        (!items.is_empty()).then(|| {
            view! {
                <ul class="action-items" id="meeting-action-items">
                    {items.into_iter().map(|a| view! { <StaffActionItem item=a can_edit=can_edit /> }).collect_view()}
                </ul>
            }
        })
    }
}

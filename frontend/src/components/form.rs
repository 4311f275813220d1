//! Labelled inputs and the inline error line every form shows under its fields.

use crate::api::ApiError;
use crate::i18n::{error_text, fill, invitation_error_text, use_i18n, Texts};
use leptos::prelude::*;

/// Picks a string out of the current catalogue, so labels follow a language switch.
pub type Text = fn(&'static Texts) -> &'static str;

/// Why a form was not accepted: the server's answer or a check made before sending.
/// `Invitation` is an answer to an invitation call, where `already_exists` means one is waiting.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Api(ApiError),
    Invitation(ApiError),
    PasswordsDiffer,
    PasswordLength {
        min: usize,
        max: usize,
    },
    /// A value this side could not read (a date, a number); names the wire field.
    Unreadable(&'static str),
    /// An amount of money that is not "150 000,50"-like; names the wire field.
    Amount(&'static str),
    /// A moment in the future where only the past makes sense.
    Future(&'static str),
}

impl From<ApiError> for Problem {
    fn from(error: ApiError) -> Self {
        Problem::Api(error)
    }
}

impl Problem {
    /// The input field the server (or the check here) pointed at, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Problem::Api(e) | Problem::Invitation(e) => e.field.as_deref(),
            Problem::PasswordsDiffer | Problem::PasswordLength { .. } => None,
            Problem::Unreadable(field) | Problem::Amount(field) | Problem::Future(field) => Some(field),
        }
    }

    pub fn text(&self, t: &'static Texts) -> String {
        match self {
            Problem::Api(e) => error_text(t, e),
            Problem::Invitation(e) => invitation_error_text(t, e),
            Problem::PasswordsDiffer => t.account().passwords_differ.to_owned(),
            Problem::PasswordLength { min, max } => t.account().password_length.fill(*max as u64, &[min, max]),
            Problem::Unreadable(field) => fill(t.errors().validation_field, &[&t.field_label(field)]),
            Problem::Amount(_) => t.errors().amount.to_owned(),
            Problem::Future(_) => t.errors().future.to_owned(),
        }
    }

    /// The text to show next to one field: the server's message is English-only, so a
    /// validation answer says which field to check in the reader's language instead.
    pub fn field_text(&self, t: &'static Texts) -> String {
        match self {
            Problem::Api(e) if e.is(accord_api::error::Code::ValidationFailed) => field_rule(t, e.field.as_deref()),
            other => other.text(t),
        }
    }
}

/// A field-specific explanation of a `validation_failed` answer where one is known.
fn field_rule(t: &'static Texts, field: Option<&str>) -> String {
    match field {
        Some("ended_on") | Some("ends_on") => t.errors().end_before_start.to_owned(),
        Some("contact_cadence_days") => t.errors().cadence_range.to_owned(),
        Some("account_manager_id") => t.errors().bad_manager.to_owned(),
        Some("occurred_at") => t.errors().future.to_owned(),
        Some(field) => fill(t.errors().validation_field, &[&t.field_label(field)]),
        None => t.errors().validation.to_owned(),
    }
}

/// Whether `problem` names `field` (drives `aria-invalid` and the line under the field).
pub fn names_field(problem: RwSignal<Option<Problem>>, field: &'static str) -> Signal<bool> {
    Signal::derive(move || problem.with(|p| p.as_ref().and_then(Problem::field) == Some(field)))
}

/// The problem's text right under one field, when it names that field.
#[component]
pub fn FieldError(field: &'static str, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().filter(|p| p.field() == Some(field)).map(|p| {
            view! {
                <p class="field-error" role="alert" data-field=field>
                    {move || p.field_text(i18n.t())}
                </p>
            }
        })
    }
}

/// Like [`FormError`], but silent when the problem names one of `inline` (a [`FieldError`]
/// under that field already says it).
#[component]
pub fn FormErrorExcept(
    id: &'static str,
    problem: RwSignal<Option<Problem>>,
    inline: &'static [&'static str],
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().filter(|p| !p.field().is_some_and(|f| inline.contains(&f))).map(|p| {
            view! {
                <p id=id class="form-error" role="alert">
                    {move || p.text(i18n.t())}
                </p>
            }
        })
    }
}

/// The inline error of a form (`role="alert"`), shown only while there is a problem.
#[component]
pub fn FormError(id: &'static str, problem: RwSignal<Option<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        problem.get().map(|p| {
            view! {
                <p id=id class="form-error" role="alert">
                    {move || p.text(i18n.t())}
                </p>
            }
        })
    }
}

/// A label over an input bound to `value`.
#[component]
pub fn TextField(
    id: &'static str,
    label: Text,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] placeholder: Option<Text>,
    #[prop(optional)] maxlength: Option<usize>,
    /// Marks the input `aria-invalid` while true (the server named this field).
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// Shown but not editable (with a hint saying why).
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                required=required
                readonly=readonly
                maxlength=maxlength.map(|m| m.to_string())
                placeholder=move || placeholder.map(|p| p(i18n.t()))
                aria-invalid=move || invalid.map(|i| i.get().to_string())
                bind:value=value
            />
            {hint.map(|h| view! { <p class="field-hint">{move || h(i18n.t())}</p> })}
        </div>
    }
}

/// A label over a multi-line text box bound to `value`.
#[component]
pub fn TextArea(
    id: &'static str,
    label: Text,
    value: RwSignal<String>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<Text>,
    #[prop(optional)] placeholder: Option<Text>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] invalid: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            <textarea
                id=id
                name=id
                rows=rows
                required=required
                maxlength=maxlength.map(|m| m.to_string())
                placeholder=move || placeholder.map(|p| p(i18n.t()))
                aria-invalid=move || invalid.map(|i| i.get().to_string())
                bind:value=value
            ></textarea>
            {hint.map(|h| view! { <p class="field-hint">{move || h(i18n.t())}</p> })}
        </div>
    }
}

/// Moves the first element of `list` that `is_it` picks by `step` places (−1 up, +1 down), if
/// there is room: the ordered lists of editable rows (report sections, template sections,
/// survey criteria) share it.
pub fn shift_in<T>(list: &mut [T], is_it: impl Fn(&T) -> bool, step: isize) {
    let Some(at) = list.iter().position(is_it) else { return };
    let Some(to) = at.checked_add_signed(step).filter(|to| *to < list.len()) else { return };
    list.swap(at, to);
}

#[cfg(test)]
mod shift_tests {
    use super::shift_in;

    #[test]
    fn rows_move_within_the_list_only() {
        let mut list = vec![1, 2, 3];
        shift_in(&mut list, |x| *x == 2, -1);
        assert_eq!(list, [2, 1, 3]);
        shift_in(&mut list, |x| *x == 2, -1);
        assert_eq!(list, [2, 1, 3], "the first stays first");
        shift_in(&mut list, |x| *x == 3, 1);
        assert_eq!(list, [2, 1, 3], "the last stays last");
        shift_in(&mut list, |x| *x == 1, 1);
        assert_eq!(list, [2, 3, 1]);
        shift_in(&mut list, |x| *x == 9, 1);
        assert_eq!(list, [2, 3, 1], "a row not there moves nothing");
    }
}

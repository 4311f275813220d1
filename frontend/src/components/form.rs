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
    PasswordLength { min: usize, max: usize },
}

impl Problem {
    /// The input field the server pointed at, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            Problem::Api(e) | Problem::Invitation(e) => e.field.as_deref(),
            Problem::PasswordsDiffer | Problem::PasswordLength { .. } => None,
        }
    }

    pub fn text(&self, t: &'static Texts) -> String {
        match self {
            Problem::Api(e) => error_text(t, e),
            Problem::Invitation(e) => invitation_error_text(t, e),
            Problem::PasswordsDiffer => t.passwords_differ.to_owned(),
            Problem::PasswordLength { min, max } => fill(t.password_length, &[min, max]),
        }
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
                maxlength=maxlength.map(|m| m.to_string())
                placeholder=move || placeholder.map(|p| p(i18n.t()))
                aria-invalid=move || invalid.map(|i| i.get().to_string())
                bind:value=value
            />
            {hint.map(|h| view! { <p class="field-hint">{move || h(i18n.t())}</p> })}
        </div>
    }
}

//! What the pages behind mailed links share: why a link no longer works, and the form that sets
//! a new password (an invitation's first one, or a reset).

use crate::api::ApiError;
use crate::components::form::Text;
use crate::components::{FormError, Problem, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use accord_api::error::Code;
use accord_api::invitations::InvitationState;
use leptos::prelude::*;

/// Why a one-time link cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadLink {
    Expired,
    Used,
    Revoked,
    Invalid,
}

impl DeadLink {
    pub fn from_state(state: InvitationState) -> Option<DeadLink> {
        match state {
            InvitationState::Pending => None,
            InvitationState::Expired => Some(DeadLink::Expired),
            InvitationState::Accepted => Some(DeadLink::Used),
            InvitationState::Revoked => Some(DeadLink::Revoked),
        }
    }

    /// The link codes the server answers with (410, 409, 404); other errors are not about the link.
    pub fn from_error(error: &ApiError) -> Option<DeadLink> {
        match error.known() {
            Some(Code::LinkExpired) => Some(DeadLink::Expired),
            Some(Code::LinkUsed) => Some(DeadLink::Used),
            Some(Code::LinkRevoked) => Some(DeadLink::Revoked),
            Some(Code::LinkInvalid) => Some(DeadLink::Invalid),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DeadLink::Expired => "expired",
            DeadLink::Used => "used",
            DeadLink::Revoked => "revoked",
            DeadLink::Invalid => "invalid",
        }
    }
}

/// `#link-problem` (with `data-problem`): a heading, what happened, and what to do instead.
#[component]
pub fn LinkProblem(problem: DeadLink, #[prop(into)] message: Signal<String>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div id="link-problem" class="link-problem" data-problem=problem.as_str() role="alert">
            <div class="link-problem-mark" aria-hidden="true">"!"</div>
            <h1>{move || i18n.t().auth().link_problem_title}</h1>
            <p class="link-problem-text">{move || message.get()}</p>
            <div class="link-problem-actions">{children()}</div>
        </div>
    }
}

/// The element ids of one new-password form, so each page keeps its own selectors.
#[derive(Clone, Copy)]
pub struct PasswordFormIds {
    pub form: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub repeat: &'static str,
    pub error: &'static str,
    pub submit: &'static str,
}

/// Password and repeat, checked here (length, equality) before `on_password` gets the password.
/// The page makes the call and reports back through `pending` and `problem`. `email`, when
/// known, is shown read-only (and lets password managers file the new password under it).
#[component]
pub fn NewPasswordForm(
    ids: PasswordFormIds,
    submit_label: Text,
    #[prop(optional)] email: Option<String>,
    pending: RwSignal<bool>,
    problem: RwSignal<Option<Problem>>,
    on_password: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let password = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (min, max) = session.password_limits();
        let len = password.get_untracked().chars().count();
        if len < min || len > max {
            problem.set(Some(Problem::PasswordLength { min, max }));
            return;
        }
        if password.get_untracked() != repeat.get_untracked() {
            problem.set(Some(Problem::PasswordsDiffer));
            return;
        }
        problem.set(None);
        on_password.run(password.get_untracked());
    };
    let hint = move || {
        let (min, max) = session.password_limits();
        Problem::PasswordLength { min, max }.text(i18n.t())
    };
    view! {
        <form id=ids.form class="form" on:submit=on_submit>
            {email.map(|email| view! {
                <div class="field">
                    <label for=ids.email>{move || i18n.t().common().email}</label>
                    <input id=ids.email name=ids.email type="email" autocomplete="username" readonly=true value=email />
                </div>
            })}
            <TextField id=ids.password label=|t| t.account().new_password value=password kind="password" autocomplete="new-password" required=true />
            <TextField id=ids.repeat label=|t| t.account().repeat_password value=repeat kind="password" autocomplete="new-password" required=true />
            <p class="field-hint">{hint}</p>
            <FormError id=ids.error problem=problem />
            <button id=ids.submit type="submit" class="btn btn-primary btn-block" disabled=move || pending.get()>
                {move || if pending.get() { i18n.t().auth().signing_in } else { submit_label(i18n.t()) }}
            </button>
        </form>
    }
}

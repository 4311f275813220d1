//! `/invite#<token>`: the mailed invitation. Shows who invites whom, takes a password, creates
//! the account and signs in; or explains why the link no longer works.

use super::link::{DeadLink, LinkProblem, NewPasswordForm, PasswordFormIds};
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loading, Problem, PublicShell};
use crate::i18n::{fill, use_i18n};
use crate::routes::{link_token, Area, Route};
use crate::session::use_session;
use accord_api::error::Code;
use accord_api::invitations::{AcceptInvitationRequest, InvitationKind, InvitationPreview};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

const IDS: PasswordFormIds = PasswordFormIds {
    form: "accept-form",
    email: "accept-email",
    password: "accept-password",
    repeat: "accept-repeat",
    error: "accept-error",
    submit: "accept-submit",
};

#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let token = StoredValue::new(link_token());
    let preview = LocalResource::new(move || {
        let token = token.get_value();
        async move {
            if token.is_empty() {
                return Err(ApiError::local(Code::LinkInvalid, String::new()));
            }
            api::invitations::preview(token).await
        }
    });
    // The invitation was written in the invitee's language; read it in that one too, unless
    // they chose a language in this browser.
    Effect::new(move |_| {
        if let Some(Ok(p)) = preview.get() {
            i18n.suggest_locale(p.locale);
        }
    });
    // Set when accepting finds the link dead after all (say, revoked meanwhile).
    let dead = RwSignal::new(None::<DeadLink>);
    let body = move || match preview.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => match DeadLink::from_error(&e) {
            Some(problem) => invite_problem(problem, None).into_any(),
            None => view! { <ErrorBanner error=e on_retry=Callback::new(move |_| preview.refetch()) /> }.into_any(),
        },
        Some(Ok(p)) => match dead.get().or_else(|| DeadLink::from_state(p.state)) {
            Some(problem) => invite_problem(problem, Some(p.agency_name)).into_any(),
            None => view! { <AcceptForm preview=p token=token.get_value() dead=dead /> }.into_any(),
        },
    };
    view! {
        <PublicShell>
            <div class="auth-card card invite-card">{body}</div>
        </PublicShell>
    }
}

fn invite_problem(problem: DeadLink, agency: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let message = Signal::derive(move || {
        let t = i18n.t();
        match (problem, &agency) {
            (DeadLink::Expired, Some(agency)) => fill(t.auth().invite_expired, &[agency]),
            (DeadLink::Expired, None) => t.auth().invite_expired_generic.to_owned(),
            (DeadLink::Revoked, Some(agency)) => fill(t.auth().invite_revoked, &[agency]),
            (DeadLink::Revoked, None) => t.auth().invite_revoked_generic.to_owned(),
            (DeadLink::Used, _) => t.auth().invite_used.to_owned(),
            (DeadLink::Invalid, _) => t.auth().invite_invalid.to_owned(),
        }
    });
    view! {
        <LinkProblem problem=problem message=message>
            <Show when=move || problem == DeadLink::Used>
                <A href=Route::SignIn { next: None }.path() attr:id="link-sign-in" attr:class="btn btn-primary btn-block">
                    {move || i18n.t().auth().sign_in_link}
                </A>
            </Show>
        </LinkProblem>
    }
}

#[component]
fn AcceptForm(preview: InvitationPreview, token: String, dead: RwSignal<Option<DeadLink>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let token = StoredValue::new(token);
    let pending = RwSignal::new(false);
    let problem = RwSignal::new(None::<Problem>);
    let on_password = Callback::new(move |password: String| {
        let request = AcceptInvitationRequest { token: token.get_value(), password };
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match api::invitations::accept(&request).await {
                Ok(me) => {
                    // The account starts in the invitation's language; keep the one on screen
                    // if the person picked another (a failure here only costs the preference).
                    let shown = i18n.locale_untracked();
                    let me = if me.locale == shown { me } else { api::auth::set_locale(shown).await.unwrap_or(me) };
                    let home = Area::start(&me).path();
                    session.set_me(me);
                    navigate(&home, NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => match DeadLink::from_error(&e) {
                    Some(d) => dead.set(Some(d)),
                    None => problem.set(Some(Problem::Api(e))),
                },
            }
            pending.set(false);
        });
    });

    let agency = preview.agency_name.clone();
    let subtitle = {
        let client = preview.client_name.clone();
        let kind = preview.kind;
        move || match (kind, &client) {
            (InvitationKind::Contact, Some(client)) => fill(i18n.t().auth().invite_portal_of, &[client]),
            _ => i18n.t().auth().invite_team_subtitle.to_owned(),
        }
    };
    let intro = {
        let kind = preview.kind;
        move || match kind {
            InvitationKind::Staff => i18n.t().auth().invite_staff_intro,
            InvitationKind::Contact => i18n.t().auth().invite_contact_intro,
        }
    };
    let name = preview.name.clone();
    view! {
        <p class="invite-eyebrow">{move || i18n.t().auth().invitation_label}</p>
        <h1 id="invite-title">{move || fill(i18n.t().auth().invite_title, &[&agency])}</h1>
        <p class="subtitle" id="invite-subtitle">{subtitle}</p>
        <p class="invite-hello">{move || fill(i18n.t().auth().invite_hello, &[&name])}</p>
        <p class="invite-intro">{intro}</p>
        <NewPasswordForm
            ids=IDS
            submit_label=|t| t.auth().invite_submit
            email=preview.email.clone()
            pending=pending
            problem=problem
            on_password=on_password
        />
    }
}

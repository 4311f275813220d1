//! Who is signed in: loaded once from `/api/auth/me`, replaced on sign-in, cleared on sign-out
//! or when any call reports the session ended. Also the public configuration.

use crate::api::{self, ApiError};
use crate::i18n::I18n;
use accord_api::auth::{Me, Membership, PublicConfig};
use accord_api::{Locale, StaffRole};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedOutBy {
    /// Never signed in, or the server ended the session: come back here after sign-in.
    Expiry,
    /// The person pressed "Sign out": start fresh.
    Choice,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SessionState {
    Loading,
    SignedOut(SignedOutBy),
    SignedIn(Me),
    /// `/api/auth/me` failed for a reason other than 401 (server down, …).
    Failed(ApiError),
}

#[derive(Clone, Copy)]
pub struct Session {
    pub state: RwSignal<SessionState>,
    /// `None` until `/api/public/config` answered (or if it failed).
    pub config: RwSignal<Option<PublicConfig>>,
}

impl Session {
    pub fn me(&self) -> Option<Me> {
        match self.state.get() {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }

    /// The signed-in staff member's role, or `None` for anyone else.
    pub fn staff_role(&self) -> Option<StaffRole> {
        self.me().and_then(|me| match me.membership {
            Membership::Staff { role, .. } => Some(role),
            _ => None,
        })
    }

    /// Owners and admins: they run the agency (staff, settings, who manages which client).
    pub fn is_agency_admin(&self) -> bool {
        self.staff_role().is_some_and(StaffRole::is_admin)
    }

    pub fn set_me(&self, me: Me) {
        self.state.set(SessionState::SignedIn(me));
    }

    pub fn signed_out(&self, by: SignedOutBy) {
        self.state.set(SessionState::SignedOut(by));
    }

    /// Asks the server who is signed in (again).
    pub fn load(&self) {
        let state = self.state;
        state.set(SessionState::Loading);
        spawn_local(async move {
            let next = match api::auth::me().await {
                Ok(me) => SessionState::SignedIn(me),
                Err(e) if e.status == 401 => SessionState::SignedOut(SignedOutBy::Expiry),
                Err(e) => SessionState::Failed(e),
            };
            state.set(next);
        });
    }

    /// Password length limits, with the documented defaults until the config arrives.
    pub fn password_limits(&self) -> (usize, usize) {
        match self.config.get() {
            Some(c) => (c.password_min_len as usize, c.password_max_len as usize),
            None => (10, 128),
        }
    }
}

/// Creates the session context, starts loading it, and makes the signed-in person's language
/// win over the browser's guess.
pub fn provide_session(i18n: I18n) -> Session {
    let session = Session { state: RwSignal::new(SessionState::Loading), config: RwSignal::new(None) };
    provide_context(session);
    api::set_unauthenticated_handler(move || {
        if matches!(session.state.get_untracked(), SessionState::SignedIn(_)) {
            session.signed_out(SignedOutBy::Expiry);
        }
    });
    session.load();
    spawn_local(async move {
        if let Ok(config) = api::auth::public_config().await {
            session.config.set(Some(config));
        }
    });
    let my_locale = Memo::new(move |_| session.me().map(|me| me.locale));
    Effect::new(move |_| {
        if let Some(locale) = my_locale.get() {
            i18n.set_locale(locale);
        }
    });
    session
}

pub fn use_session() -> Session {
    use_context::<Session>()
        .unwrap_or_else(|| Session { state: RwSignal::new(SessionState::Loading), config: RwSignal::new(None) })
}

/// Switches the language now; if someone is signed in, saves it to their account too.
pub async fn change_locale(i18n: I18n, session: Session, locale: Locale) -> Result<(), ApiError> {
    i18n.set_locale(locale);
    if !matches!(session.state.get_untracked(), SessionState::SignedIn(_)) {
        return Ok(());
    }
    let me = api::auth::set_locale(locale).await?;
    session.set_me(me);
    Ok(())
}

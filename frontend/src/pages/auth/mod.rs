//! Signing in, registering an agency, and the pages behind mailed links: password reset and
//! accepting an invitation. None of them needs a session.

mod forgot;
mod invite;
mod link;
mod reset;
mod sign_in;
mod sign_up;

pub use forgot::ForgotPasswordPage;
pub use invite::InvitePage;
pub use reset::ResetPasswordPage;
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;

use crate::i18n::use_i18n;
use accord_api::Locale;
use leptos::prelude::*;

/// `<option>`s for every language, each named in its own language, `selected` following `current`.
pub fn locale_options(current: RwSignal<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    Locale::ALL
        .iter()
        .map(|&l| {
            view! {
                <option value=l.as_str() selected=move || current.get() == l>
                    {move || i18n.t().locale_name(l)}
                </option>
            }
        })
        .collect_view()
}

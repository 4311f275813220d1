//! The platform operator's "New agency" form: the agency and its first owner.

use crate::api;
use crate::components::{FormError, Notice, Problem, TextField};
use crate::i18n::{lower_case, use_i18n};
use crate::pages::auth::locale_options;
use crate::session::use_session;
use accord_api::platform::CreateAgencyRequest;
use accord_api::Locale;
use leptos::prelude::*;
use leptos::task::spawn_local;

const DEFAULT_TIME_ZONE: &str = "Europe/Moscow";

#[component]
pub fn NewAgencyForm(on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = RwSignal::new(String::new());
    let slug = RwSignal::new(String::new());
    let locale = RwSignal::new(Locale::Ru);
    let time_zone = RwSignal::new(DEFAULT_TIME_ZONE.to_owned());
    let owner_name = RwSignal::new(String::new());
    let owner_email = RwSignal::new(String::new());
    let owner_password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Problem>);
    let pending = RwSignal::new(false);
    let created = RwSignal::new(false);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let (min, max) = session.password_limits();
        let len = owner_password.get_untracked().chars().count();
        if len < min || len > max {
            problem.set(Some(Problem::PasswordLength { min, max }));
            return;
        }
        let request = CreateAgencyRequest {
            name: name.get_untracked().trim().to_owned(),
            slug: lower_case(slug.get_untracked().trim()),
            default_locale: locale.get_untracked(),
            time_zone: time_zone.get_untracked().trim().to_owned(),
            owner_name: owner_name.get_untracked().trim().to_owned(),
            owner_email: owner_email.get_untracked().trim().to_owned(),
            owner_password: owner_password.get_untracked(),
        };
        pending.set(true);
        problem.set(None);
        created.set(false);
        spawn_local(async move {
            match api::platform::create_agency(&request).await {
                Ok(_) => {
                    for field in [name, slug, owner_name, owner_email, owner_password] {
                        field.set(String::new());
                    }
                    created.set(true);
                    on_created.run(());
                }
                Err(e) => problem.set(Some(Problem::Api(e))),
            }
            pending.set(false);
        });
    };

    view! {
        <div class="card">
            <h2 class="card-title">{move || i18n.t().platform().new_agency}</h2>
            <form id="new-agency-form" class="form form-grid" on:submit=on_submit>
                <TextField id="agency-name-field" label=|t| t.auth().agency_name value=name required=true />
                <TextField id="agency-slug" label=|t| t.platform().slug value=slug required=true hint=|t| t.auth().slug_hint />
                <div class="field">
                    <label for="agency-locale">{move || i18n.t().platform().default_locale}</label>
                    <select
                        id="agency-locale"
                        prop:value=move || locale.get().as_str()
                        on:change=move |ev| {
                            if let Some(l) = Locale::parse(&event_target_value(&ev)) {
                                locale.set(l);
                            }
                        }
                    >
                        {locale_options(locale)}
                    </select>
                </div>
                <TextField id="agency-time-zone" label=|t| t.platform().time_zone value=time_zone required=true />
                <TextField id="owner-name" label=|t| t.platform().agency_owner_name value=owner_name required=true />
                <TextField id="owner-email" label=|t| t.platform().owner_email value=owner_email kind="email" required=true />
                <TextField id="owner-password" label=|t| t.platform().owner_password value=owner_password kind="password" autocomplete="new-password" required=true />
                <div class="form-actions">
                    <button id="agency-submit" type="submit" class="btn btn-primary" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t().common().creating } else { i18n.t().common().create }}
                    </button>
                </div>
            </form>
            <FormError id="agency-form-error" problem=problem />
            <Show when=move || created.get()>
                <Notice text=Signal::derive(move || i18n.t().platform().agency_created.to_owned()) />
            </Show>
        </div>
    }
}

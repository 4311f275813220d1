//! The catalogue of every visible string, one file per feature with both languages side by side.
//!
//! Each entry is `key: "Russian", "English";`, or for a counted noun
//! `key: ["one", "few", "many"], ["one", "other"];` (a [`Plural`]). An entry without both
//! languages does not compile, and neither does a language missing from a plural. `{0}`, `{1}`…
//! mark where [`fill`](super::fill) puts the values; a test checks that both languages carry the
//! same ones.

/// The type of one entry: a plain text, or a counted noun in its plural forms.
macro_rules! text_type {
    ($text:literal) => {
        &'static str
    };
    ([$($form:literal),+]) => {
        $crate::i18n::Plural
    };
}

macro_rules! ru_text {
    ($text:literal) => {
        $text
    };
    ([$one:literal, $few:literal, $many:literal]) => {
        $crate::i18n::Plural::ru($one, $few, $many)
    };
}

macro_rules! en_text {
    ($text:literal) => {
        $text
    };
    ([$one:literal, $other:literal]) => {
        $crate::i18n::Plural::en($one, $other)
    };
}

/// A feature's texts: the struct, its Russian (`RU`) and English (`EN`) values, and (in tests)
/// every entry with all its forms.
macro_rules! texts {
    ($(#[$doc:meta])* pub struct $name:ident {
        $($(#[$field_doc:meta])* $field:ident: $ru:tt, $en:tt;)*
    }) => {
        $(#[$doc])*
        pub struct $name {
            $($(#[$field_doc])* pub $field: text_type!($ru),)*
        }

        impl $name {
            pub const RU: Self = Self { $($field: ru_text!($ru),)* };
            pub const EN: Self = Self { $($field: en_text!($en),)* };

            #[cfg(test)]
            pub fn forms(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$((stringify!($field), super::Forms::forms(&self.$field)),)*]
            }
        }
    };
}

mod account;
mod auth;
mod backlog;
mod backlog_form;
mod backlog_item;
mod clients;
mod common;
mod contacts;
mod docs;
mod errors;
mod growth;
mod health;
mod invitations;
mod meetings;
mod meetings_staff;
mod money;
mod overview;
mod platform;
mod portal;
mod portal_backlog;
mod portal_knowledge;
mod portal_meetings;
mod portal_reports;
mod portal_risks;
mod portal_surveys;
mod projects;
mod reports;
mod reports_staff;
mod risks;
mod roadmap;
mod segmentation;
mod surveys_staff;
mod team;
mod touchpoints;

use accord_api::Locale;

pub use growth::{Growth, GrowthCatalogue};
pub use health::Health;
pub use money::Money;
pub use portal_knowledge::{PortalKnowledge, PortalKnowledgeNav};
pub use portal_risks::{PortalRisks, PortalRisksNav, RiskWords};
pub use portal_surveys::{PortalSurveys, SurveyBanner};
pub use risks::Risks;
pub use {
    account::Account, auth::Auth, backlog::Backlog, backlog_form::BacklogForm, backlog_item::BacklogItem,
    clients::Clients, common::Common, contacts::Contacts, docs::Docs, errors::Errors, invitations::Invitations,
    meetings::Meetings, meetings_staff::MeetingsStaff, overview::Overview, platform::Platform, portal::Portal,
    portal_backlog::PortalBacklog, portal_meetings::PortalMeetings, portal_reports::PortalReports, projects::Projects,
    reports::Reports, reports_staff::ReportsStaff, roadmap::Roadmap, segmentation::Segmentation,
    surveys_staff::SurveysStaff, team::Team, touchpoints::Touchpoints,
};

/// Every feature's texts in one language, reached one feature at a time (`t.backlog().title`):
/// a bundle links only the features it reads, so the portal carries no staff page's texts.
pub struct Texts {
    locale: Locale,
}

pub static RU: Texts = Texts { locale: Locale::Ru };
pub static EN: Texts = Texts { locale: Locale::En };

/// One accessor per feature, returning that feature's catalogue in this language.
macro_rules! features {
    ($($field:ident: $ty:ident),* $(,)?) => {
        impl Texts {
            $(
                pub fn $field(&self) -> &'static $ty {
                    match self.locale {
                        Locale::Ru => &$ty::RU,
                        Locale::En => &$ty::EN,
                    }
                }
            )*
        }
    };
}

features! {
    common: Common,
    auth: Auth,
    errors: Errors,
    clients: Clients,
    overview: Overview,
    segmentation: Segmentation,
    contacts: Contacts,
    invitations: Invitations,
    team: Team,
    platform: Platform,
    account: Account,
    docs: Docs,
    projects: Projects,
    touchpoints: Touchpoints,
    roadmap: Roadmap,
    portal: Portal,
    backlog: Backlog,
    backlog_form: BacklogForm,
    backlog_item: BacklogItem,
    portal_backlog: PortalBacklog,
    meetings: Meetings,
    meetings_staff: MeetingsStaff,
    portal_meetings: PortalMeetings,
    reports: Reports,
    reports_staff: ReportsStaff,
    portal_reports: PortalReports,
    surveys_staff: SurveysStaff,
    survey_banner: SurveyBanner,
    portal_surveys: PortalSurveys,
    risks: Risks,
    risk_words: RiskWords,
    portal_risks: PortalRisks,
    portal_risks_nav: PortalRisksNav,
    health: Health,
    growth: Growth,
    growth_catalogue: GrowthCatalogue,
    portal_knowledge: PortalKnowledge,
    portal_knowledge_nav: PortalKnowledgeNav,
    money: Money,
}

/// The forms of one entry (one for a plain text), for the placeholder check.
#[cfg(test)]
trait Forms {
    fn forms(&self) -> Vec<&'static str>;
}

#[cfg(test)]
impl Forms for &'static str {
    fn forms(&self) -> Vec<&'static str> {
        vec![*self]
    }
}

#[cfg(test)]
impl Forms for super::Plural {
    fn forms(&self) -> Vec<&'static str> {
        self.forms().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::{Texts, EN, RU};
    use std::collections::BTreeSet;

    fn catalogue(t: &Texts) -> Vec<(&'static str, Vec<(&'static str, Vec<&'static str>)>)> {
        vec![
            ("common", t.common().forms()),
            ("auth", t.auth().forms()),
            ("errors", t.errors().forms()),
            ("clients", t.clients().forms()),
            ("overview", t.overview().forms()),
            ("segmentation", t.segmentation().forms()),
            ("contacts", t.contacts().forms()),
            ("invitations", t.invitations().forms()),
            ("team", t.team().forms()),
            ("platform", t.platform().forms()),
            ("account", t.account().forms()),
            ("docs", t.docs().forms()),
            ("projects", t.projects().forms()),
            ("touchpoints", t.touchpoints().forms()),
            ("roadmap", t.roadmap().forms()),
            ("portal", t.portal().forms()),
            ("backlog", t.backlog().forms()),
            ("backlog_form", t.backlog_form().forms()),
            ("backlog_item", t.backlog_item().forms()),
            ("portal_backlog", t.portal_backlog().forms()),
            ("meetings", t.meetings().forms()),
            ("meetings_staff", t.meetings_staff().forms()),
            ("portal_meetings", t.portal_meetings().forms()),
            ("reports", t.reports().forms()),
            ("reports_staff", t.reports_staff().forms()),
            ("portal_reports", t.portal_reports().forms()),
            ("surveys_staff", t.surveys_staff().forms()),
            ("survey_banner", t.survey_banner().forms()),
            ("portal_surveys", t.portal_surveys().forms()),
            ("risks", t.risks().forms()),
            ("risk_words", t.risk_words().forms()),
            ("portal_risks", t.portal_risks().forms()),
            ("portal_risks_nav", t.portal_risks_nav().forms()),
            ("health", t.health().forms()),
            ("growth", t.growth().forms()),
            ("growth_catalogue", t.growth_catalogue().forms()),
            ("portal_knowledge", t.portal_knowledge().forms()),
            ("portal_knowledge_nav", t.portal_knowledge_nav().forms()),
            ("money", t.money().forms()),
        ]
    }

    /// The `{n}` marks in `text`; a brace that opens no mark fails the test.
    fn placeholders(key: &str, text: &str) -> BTreeSet<usize> {
        let mut found = BTreeSet::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or_else(|| panic!("{key}: unclosed brace in {text:?}"));
            let index =
                after[..close].parse().unwrap_or_else(|_| panic!("{key}: {text:?} has a brace that is no {{n}}"));
            found.insert(index);
            rest = &after[close + 1..];
        }
        assert!(!rest.contains('}'), "{key}: stray brace in {text:?}");
        found
    }

    #[test]
    fn both_languages_carry_the_same_placeholders() {
        let (ru, en) = (catalogue(&RU), catalogue(&EN));
        assert_eq!(ru.len(), en.len());
        let mut checked = 0;
        for ((feature, ru_entries), (_, en_entries)) in ru.into_iter().zip(en) {
            assert_eq!(ru_entries.len(), en_entries.len(), "{feature}");
            for ((key, ru_forms), (_, en_forms)) in ru_entries.into_iter().zip(en_entries) {
                let key = format!("{feature}.{key}");
                let expected = placeholders(&key, ru_forms[ru_forms.len() - 1]);
                // Every form of a plural, in either language, shows the same values.
                for form in ru_forms.iter().chain(en_forms.iter()) {
                    assert_eq!(placeholders(&key, form), expected, "{key}: {form:?}");
                }
                // Marks are numbered from 0 without gaps, so no value is left out.
                assert!(expected.iter().copied().eq(0..expected.len()), "{key}: {expected:?}");
                checked += 1;
            }
        }
        assert!(checked > 700, "only {checked} texts checked");
    }

    #[test]
    fn no_text_is_empty() {
        for t in [&RU, &EN] {
            for (feature, entries) in catalogue(t) {
                for (key, forms) in entries {
                    assert!(forms.iter().all(|f| !f.trim().is_empty()), "{feature}.{key} is empty");
                }
            }
        }
    }
}

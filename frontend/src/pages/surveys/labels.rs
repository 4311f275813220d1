//! How survey values read on screen: scores with the reader's decimal mark, "no data", and the
//! words for the survey enumerations and for the group keys the analytics send.

use crate::components::charts::{fixed, format_percent};
use crate::i18n::Texts;
use accord_api::surveys::{
    AnswerSource, CampaignRecipients, CampaignStatus, CampaignTarget, FollowupFilter, FollowupOutcome, NpsClass,
    PromoterMark, Quadrant,
};
use accord_api::{Activity, Locale, Temperament, ValueTier};

/// `value` with `places` decimals and the reader's decimal mark: "42,5" / "42.5", "-12,0".
pub fn decimal(locale: Locale, value: f64, places: u32) -> String {
    let text = fixed(value, places);
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// A score (NPS, CSI) with one decimal, or "no data" — never 0 for a missing figure.
pub fn score_or_none(t: &Texts, locale: Locale, score: Option<f64>) -> String {
    score.map_or_else(|| t.surveys_staff().no_data.to_owned(), |s| decimal(locale, s, 1))
}

/// A 0..1 share as a whole percentage ("42 %" / "42%").
pub fn share_percent(locale: Locale, share: f64) -> String {
    format_percent(locale, (share.clamp(0.0, 1.0) * 100.0).round() as u8)
}

/// `part` of `whole` as a whole percentage; `None` when `whole` is 0.
pub fn part_percent(locale: Locale, part: u32, whole: u32) -> Option<String> {
    (whole > 0).then(|| share_percent(locale, f64::from(part) / f64::from(whole)))
}

pub fn class_label(t: &Texts, class: NpsClass) -> &'static str {
    match class {
        NpsClass::Detractor => t.surveys_staff().class_detractor,
        NpsClass::Passive => t.surveys_staff().class_passive,
        NpsClass::Promoter => t.surveys_staff().class_promoter,
    }
}

pub fn source_label(t: &Texts, source: AnswerSource) -> &'static str {
    match source {
        AnswerSource::Portal => t.surveys_staff().source_portal,
        AnswerSource::Link => t.surveys_staff().source_link,
        AnswerSource::Phone => t.surveys_staff().source_phone,
        AnswerSource::Import => t.surveys_staff().source_import,
    }
}

pub fn outcome_label(t: &Texts, outcome: FollowupOutcome) -> &'static str {
    match outcome {
        FollowupOutcome::Called => t.surveys_staff().outcome_called,
        FollowupOutcome::Fixed => t.surveys_staff().outcome_fixed,
        FollowupOutcome::Escalated => t.surveys_staff().outcome_escalated,
        FollowupOutcome::NoAction => t.surveys_staff().outcome_no_action,
    }
}

pub fn filter_label(t: &Texts, filter: FollowupFilter) -> &'static str {
    match filter {
        FollowupFilter::Open => t.surveys_staff().filter_open,
        FollowupFilter::Overdue => t.surveys_staff().filter_overdue,
        FollowupFilter::Closed => t.surveys_staff().filter_closed,
        FollowupFilter::All => t.surveys_staff().filter_all,
    }
}

/// The button that asks for the mark.
pub fn mark_action(t: &Texts, mark: PromoterMark) -> &'static str {
    match mark {
        PromoterMark::Testimonial => t.surveys_staff().mark_testimonial,
        PromoterMark::Referral => t.surveys_staff().mark_referral,
    }
}

pub fn status_label(t: &Texts, status: CampaignStatus) -> &'static str {
    match status {
        CampaignStatus::Draft => t.surveys_staff().status_draft,
        CampaignStatus::Running => t.surveys_staff().status_running,
        CampaignStatus::Stopped => t.surveys_staff().status_stopped,
    }
}

pub fn status_tone(status: CampaignStatus) -> &'static str {
    match status {
        CampaignStatus::Draft => "grey",
        CampaignStatus::Running => "green",
        CampaignStatus::Stopped => "amber",
    }
}

pub fn target_label(t: &Texts, target: CampaignTarget) -> &'static str {
    match target {
        CampaignTarget::All => t.surveys_staff().target_all,
        CampaignTarget::Clients => t.surveys_staff().target_clients,
        CampaignTarget::Segment => t.surveys_staff().target_segment,
    }
}

pub fn recipients_label(t: &Texts, recipients: CampaignRecipients) -> &'static str {
    match recipients {
        CampaignRecipients::Approvers => t.surveys_staff().recipients_approvers,
        CampaignRecipients::AllContacts => t.surveys_staff().recipients_all,
    }
}

/// "Once" or "Every 3 months".
pub fn schedule_label(t: &Texts, repeat_months: Option<u8>) -> String {
    match repeat_months {
        None => t.surveys_staff().schedule_once.to_owned(),
        Some(n) => t.surveys_staff().every_months.count(n.into()),
    }
}

pub fn quadrant_label(t: &Texts, quadrant: Quadrant) -> &'static str {
    match quadrant {
        Quadrant::ConcentrateHere => t.surveys_staff().quadrant_concentrate_here,
        Quadrant::KeepUp => t.surveys_staff().quadrant_keep_up,
        Quadrant::LowPriority => t.surveys_staff().quadrant_low_priority,
        Quadrant::PossibleOverkill => t.surveys_staff().quadrant_possible_overkill,
    }
}

/// Which breakdown a group key belongs to (how its key reads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Manager,
    Client,
    Temperament,
    Activity,
    Tier,
}

/// A group's name: `unknown` (imported without it) and `none` (not set) in words, segment
/// values in the reader's language, otherwise the server's label.
pub fn group_label(t: &Texts, kind: GroupKind, key: &str, label: &str) -> String {
    let words = t.surveys_staff();
    let known = match (kind, key) {
        (_, "unknown") => Some(words.group_unknown),
        (GroupKind::Manager, "none") => Some(words.no_manager),
        (_, "none") => Some(words.group_none),
        (GroupKind::Temperament, key) => Temperament::parse(key).map(|v| t.temperament(v)),
        (GroupKind::Activity, key) => Activity::parse(key).map(|v| t.activity(v)),
        (GroupKind::Tier, key) => ValueTier::parse(key).map(|v| t.value_tier(v)),
        _ => None,
    };
    match known {
        Some(text) => text.to_owned(),
        None if label.is_empty() => key.to_owned(),
        None => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, group_label, GroupKind};
    use crate::i18n::texts;
    use accord_api::Locale;

    #[test]
    fn scores_use_the_readers_decimal_mark() {
        assert_eq!(decimal(Locale::Ru, 42.46, 1), "42,5");
        assert_eq!(decimal(Locale::En, -12.0, 1), "-12.0");
        assert_eq!(decimal(Locale::En, 100.0, 1), "100.0");
    }

    #[test]
    fn unknown_and_none_keys_have_words() {
        let (ru, en) = (texts(Locale::Ru), texts(Locale::En));
        assert_eq!(group_label(en, GroupKind::Manager, "none", "none"), en.surveys_staff().no_manager);
        assert_eq!(group_label(en, GroupKind::Tier, "unknown", ""), en.surveys_staff().group_unknown);
        assert_eq!(group_label(ru, GroupKind::Activity, "none", "none"), ru.surveys_staff().group_none);
        assert_eq!(group_label(en, GroupKind::Tier, "a", "a"), en.segmentation().tier_a);
        assert_eq!(group_label(en, GroupKind::Client, "x", "Acme"), "Acme");
    }
}

//! How health values read on screen: scores and their colour, signal names, risk flags, and
//! each signal's reason worded with correct plurals.

use crate::components::charts::fixed;
use crate::i18n::{fill, Texts};
use accord_api::health::{HealthSettings, Reason, RiskFlag, SignalKey};
use accord_api::surveys::NpsClass;
use accord_api::Locale;
use chrono::NaiveDate;

/// `value` with `places` decimals and the reader's decimal mark: "7,5" / "7.5".
pub fn decimal(locale: Locale, value: f64, places: u32) -> String {
    let text = fixed(value, places);
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// A value with at most one decimal, without a trailing ",0": "72" / "72,5".
pub fn short_decimal(locale: Locale, value: f64) -> String {
    let text = decimal(locale, value, 1);
    text.strip_suffix(",0").or_else(|| text.strip_suffix(".0")).map(str::to_owned).unwrap_or(text)
}

/// The colour of a score: `red` below 50, `amber` below 70, `green` otherwise, `none` without one.
pub fn tone(score: Option<u8>) -> &'static str {
    match score {
        None => "none",
        Some(s) if s < 50 => "red",
        Some(s) if s < 70 => "amber",
        Some(_) => "green",
    }
}

pub fn signal_name(t: &Texts, key: SignalKey) -> &'static str {
    let h = t.health();
    match key {
        SignalKey::Nps => h.signal_nps,
        SignalKey::Csi => h.signal_csi,
        SignalKey::Contact => h.signal_contact,
        SignalKey::OverduePromises => h.signal_overdue_promises,
        SignalKey::BrokenPromises => h.signal_broken_promises,
        SignalKey::Minutes => h.signal_minutes,
        SignalKey::Reports => h.signal_reports,
        SignalKey::Backlog => h.signal_backlog,
        SignalKey::Incidents => h.signal_incidents,
        SignalKey::Money => t.money().signal_money,
    }
}

/// A risk flag in a few words; with the settings the threshold and window are named.
pub fn flag_text(t: &Texts, flag: RiskFlag, drop: Option<u8>, settings: Option<&HealthSettings>) -> String {
    let h = t.health();
    match (flag, settings) {
        (RiskFlag::Low, Some(s)) => fill(h.flag_low, &[&s.at_risk_below]),
        (RiskFlag::Low, None) => h.flag_low_plain.to_owned(),
        (RiskFlag::Drop, Some(s)) => {
            let points = drop.map_or(s.drop_points, u32::from);
            h.flag_drop.fill(points.into(), &[&points, &h.days_n.count(s.drop_days.into())])
        }
        (RiskFlag::Drop, None) => {
            let points = drop.unwrap_or(0);
            h.flag_drop_plain.count(points.into())
        }
    }
}

/// "19 дней назад" / "19 days ago", or "сегодня" / "today".
pub fn days_ago(t: &Texts, days: i64) -> String {
    if days <= 0 {
        t.health().today.to_owned()
    } else {
        t.health().days_ago.count(days.unsigned_abs())
    }
}

fn class_word(t: &Texts, class: NpsClass) -> &'static str {
    match class {
        NpsClass::Promoter => t.health().class_promoter,
        NpsClass::Passive => t.health().class_passive,
        NpsClass::Detractor => t.health().class_detractor,
    }
}

/// The facts behind a signal's grade, in words; `day` writes a calendar day for the locale.
pub fn reason_text(t: &Texts, locale: Locale, reason: &Reason, day: &dyn Fn(&NaiveDate) -> String) -> String {
    let h = t.health();
    match reason {
        Reason::Nps { score, class, on } => fill(h.reason_nps, &[score, &class_word(t, *class), &day(on)]),
        Reason::Csi { csi, on } => fill(h.reason_csi, &[&short_decimal(locale, *csi), &day(on)]),
        Reason::Contact { days, cadence, never } => {
            let cadence = h.days_n.count(u64::from(cadence.unsigned_abs()));
            let template = if *never { h.reason_never } else { h.reason_contact };
            fill(template, &[&days_ago(t, *days), &cadence])
        }
        Reason::OverduePromises { overdue: 0, .. } => h.no_overdue_promises.to_owned(),
        Reason::OverduePromises { overdue, oldest_days } => {
            let oldest = h.days_n.count(oldest_days.unsigned_abs());
            h.reason_overdue_promises.fill((*overdue).into(), &[overdue, &oldest])
        }
        Reason::BrokenPromises { due: 0, window_days, .. } => h.no_promises_due.count((*window_days).into()),
        Reason::BrokenPromises { kept, due, window_days } => {
            let window = h.days_n.count((*window_days).into());
            h.reason_promises_kept.fill((*due).into(), &[kept, due, &window])
        }
        Reason::Minutes { acknowledged, awaiting, disputed } => {
            fill(h.reason_minutes, &[acknowledged, awaiting, disputed])
        }
        Reason::Reports { published, unread, overdue } => fill(h.reason_reports, &[published, unread, overdue]),
        Reason::Backlog { projects: 0, .. } => h.no_projects.to_owned(),
        Reason::Backlog { projects, below: 0, .. } => h.reason_backlog_ok.count((*projects).into()),
        Reason::Backlog { projects, below, fewest } => {
            h.reason_backlog_below.fill((*projects).into(), &[below, projects, fewest])
        }
        Reason::Incidents { open: 0, .. } => h.no_incidents.to_owned(),
        Reason::Incidents { open, too_long: 0 } => h.reason_incidents_fresh.count((*open).into()),
        Reason::Incidents { open, too_long } => h.reason_incidents.fill((*open).into(), &[open, too_long]),
        Reason::Money { overdue: 0, .. } => t.money().reason_money_none.to_owned(),
        Reason::Money { overdue, oldest_days } => {
            t.money().reason_money.fill((*overdue).into(), &[overdue, &h.days_n.count(oldest_days.unsigned_abs())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{flag_text, reason_text, short_decimal, tone};
    use crate::i18n::texts;
    use accord_api::health::{Reason, RiskFlag};
    use accord_api::surveys::NpsClass;
    use accord_api::Locale;
    use chrono::NaiveDate;

    fn words(locale: Locale, reason: Reason) -> String {
        reason_text(texts(locale), locale, &reason, &|d: &NaiveDate| d.to_string())
    }

    #[test]
    fn reasons_read_with_correct_plurals() {
        use Locale::{En, Ru};
        let kept = |kept, due, window_days| Reason::BrokenPromises { kept, due, window_days };
        assert_eq!(words(En, kept(3, 5, 90)), "3 of 5 agency promises kept in 90 days");
        assert_eq!(words(Ru, kept(3, 5, 90)), "Выполнено 3 из 5 обещаний агентства за 90 дней");
        assert_eq!(words(Ru, kept(1, 1, 21)), "Выполнено 1 из 1 обещания агентства за 21 день");
        assert_eq!(words(En, kept(1, 1, 1)), "1 of 1 agency promise kept in 1 day");
        assert_eq!(words(Ru, kept(0, 0, 30)), "За 30 дней сроков по обещаниям агентства не было");

        let contact = |days, cadence, never| Reason::Contact { days, cadence, never };
        assert_eq!(words(En, contact(19, 7, false)), "Last touchpoint 19 days ago, cadence 7 days");
        assert_eq!(words(Ru, contact(19, 7, false)), "Последний контакт 19 дней назад, ритм — 7 дней");
        assert_eq!(words(Ru, contact(22, 1, false)), "Последний контакт 22 дня назад, ритм — 1 день");
        assert_eq!(words(En, contact(0, 14, false)), "Last touchpoint today, cadence 14 days");
        assert!(words(Ru, contact(3, 7, true)).starts_with("Контактов ещё не было: клиент добавлен 3 дня назад"));

        let overdue = |overdue, oldest_days| Reason::OverduePromises { overdue, oldest_days };
        assert_eq!(words(Ru, overdue(2, 11)), "Просрочено 2 обещания агентства, самое давнее — на 11 дней");
        assert_eq!(words(En, overdue(1, 1)), "1 agency promise overdue, the oldest by 1 day");
        assert_eq!(words(En, overdue(0, 0)), "No agency promises overdue");

        let backlog = |projects, below, fewest| Reason::Backlog { projects, below, fewest };
        assert_eq!(
            words(Ru, backlog(3, 1, 0)),
            "1 из 3 активных проектов ниже стандарта; меньше всего согласованных задач — 0"
        );
        assert_eq!(words(En, backlog(1, 0, 2)), "1 active project, at the standard (two agreed items)");
        assert_eq!(words(Ru, backlog(0, 0, 0)), "Активных проектов нет");

        let incidents = |open, too_long| Reason::Incidents { open, too_long };
        assert_eq!(words(Ru, incidents(2, 1)), "2 открытых инцидента, из них слишком долго — 1");
        assert_eq!(words(En, incidents(1, 0)), "1 open incident");
        assert_eq!(words(En, incidents(0, 0)), "No open incidents");

        let on = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let nps = Reason::Nps { score: 6, class: NpsClass::Detractor, on };
        assert_eq!(words(Ru, nps), "Последняя оценка NPS — 6 (критик), 2026-03-05");
        assert_eq!(words(Ru, Reason::Csi { csi: 72.5, on }), "Последний CSI — 72,5, 2026-03-05");
        assert_eq!(words(En, Reason::Csi { csi: 80.0, on }), "Latest CSI: 80, 2026-03-05");
        let minutes = Reason::Minutes { acknowledged: 4, awaiting: 1, disputed: 0 };
        assert_eq!(words(En, minutes), "Minutes: 4 acknowledged, 1 awaiting past the limit, 0 disputed");
    }

    #[test]
    fn scores_take_their_colour() {
        assert_eq!(tone(None), "none");
        assert_eq!(tone(Some(0)), "red");
        assert_eq!(tone(Some(49)), "red");
        assert_eq!(tone(Some(50)), "amber");
        assert_eq!(tone(Some(69)), "amber");
        assert_eq!(tone(Some(70)), "green");
        assert_eq!(tone(Some(100)), "green");
        assert_eq!(short_decimal(Locale::Ru, 45.04), "45");
    }

    #[test]
    fn flags_name_the_threshold_when_known() {
        let settings = accord_api::health::HealthSettings {
            weights: Vec::new(),
            corridor: 10,
            at_risk_below: 50,
            drop_points: 15,
            drop_days: 30,
            incident_days: 14,
        };
        let ru = texts(Locale::Ru);
        assert_eq!(flag_text(ru, RiskFlag::Drop, Some(22), Some(&settings)), "−22 балла за 30 дней");
        assert_eq!(flag_text(ru, RiskFlag::Low, None, Some(&settings)), "ниже 50");
        assert_eq!(flag_text(texts(Locale::En), RiskFlag::Drop, Some(1), None), "−1 point");
    }
}

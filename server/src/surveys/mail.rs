//! Survey mail, in the recipient's language: the invitation (and its reminders) with the
//! one-time link, and the detractor alert to the client's account manager.

use crate::mail::{templates::mail, Mail};
use accord_api::Locale;
use chrono::NaiveDate;

/// To a client's contact: a survey to answer, from the link (no sign-in needed) or the portal.
pub fn invitation(
    to: (&str, &str),
    locale: Locale,
    agency: &str,
    reminder: bool,
    closes_on: NaiveDate,
    link: &str,
) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            if reminder {
                format!("Напоминание: «{agency}» просит вашего мнения")
            } else {
                format!("«{agency}» просит вашего мнения")
            },
            vec![
                format!("Здравствуйте, {}!", to.1),
                format!("Нам важно, как вам работается с «{agency}». Ответ займёт около минуты: одна оценка и пара вопросов."),
                format!("Опрос открыт до {}. Можно начать и вернуться позже — ответ сохранится.", closes_on.format("%d.%m.%Y")),
            ],
            "Ответить на опрос",
            "Ссылка личная и сработает один раз — не пересылайте письмо. Вы получили его как контакт клиента агентства в Accord.",
        ),
        Locale::En => (
            if reminder {
                format!("Reminder: {agency} would like your opinion")
            } else {
                format!("{agency} would like your opinion")
            },
            vec![
                format!("Hello {},", to.1),
                format!("We would like to know how working with {agency} is going for you. It takes about a minute: one score and a couple of questions."),
                format!("The survey is open until {}. You can start now and finish later \u{2014} your answers are kept.", closes_on.format("%b %-d, %Y")),
            ],
            "Answer the survey",
            "The link is personal and works once \u{2014} please do not forward this mail. You receive it as a client contact of the agency in Accord.",
        ),
    };
    mail(
        to,
        locale,
        if reminder { "survey_reminder" } else { "survey_invitation" },
        subject,
        lines,
        (button, link),
        footer,
    )
}

/// What the detractor alert says.
pub struct Detractor<'a> {
    pub client: &'a str,
    pub contact: Option<&'a str>,
    pub score: i32,
    pub why: &'a str,
    pub due_on: NaiveDate,
}

/// To the client's account manager: a detractor's answer and the follow-up it opened.
pub fn detractor(to: (&str, &str), locale: Locale, d: Detractor<'_>, link: &str) -> Mail {
    let Detractor { client, contact, score, why, due_on } = d;
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => {
            let who = contact.map_or_else(|| format!("Клиент «{client}»"), |c| format!("{c} («{client}»)"));
            let mut lines = vec![
                format!("Здравствуйте, {}!", to.1),
                format!("{who} оценил(а) готовность рекомендовать агентство на {score} из 10."),
            ];
            if !why.is_empty() {
                lines.push(format!("Почему: «{why}»"));
            }
            lines.push(format!(
                "Свяжитесь с клиентом и отметьте результат до {}: позвонили, исправили, эскалировали или без действий.",
                due_on.format("%d.%m.%Y")
            ));
            (
                format!("Критик в опросе: «{client}», {score} из 10"),
                lines,
                "Открыть задачи по опросам",
                "Вы получили это письмо как аккаунт-менеджер клиента в Accord.",
            )
        }
        Locale::En => {
            let who = contact.map_or_else(|| format!("The client {client}"), |c| format!("{c} ({client})"));
            let mut lines = vec![
                format!("Hello {},", to.1),
                format!("{who} scored their likelihood to recommend the agency {score} out of 10."),
            ];
            if !why.is_empty() {
                lines.push(format!("Why: \u{201c}{why}\u{201d}"));
            }
            lines.push(format!(
                "Get in touch and record the outcome by {}: called, fixed, escalated or no action.",
                due_on.format("%b %-d, %Y")
            ));
            (
                format!("A detractor in the survey: {client}, {score} of 10"),
                lines,
                "Open the follow-ups",
                "You receive this as the client\u{2019}s account manager in Accord.",
            )
        }
    };
    mail(to, locale, "survey_detractor", subject, lines, (button, link), footer)
}

//! Mail texts in Russian and English, plain text and HTML, with the agency's name.

use super::Mail;
use accord_api::{Locale, StaffRole};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn html_page(lang: &str, heading: &str, paragraphs: &[String], button: (&str, &str), footer: &str) -> String {
    let paras: String = paragraphs.iter().map(|p| format!("<p style=\"margin:0 0 14px\">{}</p>", escape(p))).collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body style=\"margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#1f2430\">\
         <div style=\"max-width:560px;margin:0 auto;background:#fff;border-radius:10px;padding:28px\">\
         <h1 style=\"font-size:20px;margin:0 0 18px\">{title}</h1>{paras}\
         <p style=\"margin:22px 0\"><a href=\"{href}\" style=\"background:#3b5bdb;color:#fff;padding:11px 18px;border-radius:6px;text-decoration:none;display:inline-block\">{label}</a></p>\
         <p style=\"font-size:12px;color:#6b7280;margin:0\">{footer}</p></div></body></html>",
        title = escape(heading),
        href = escape(button.1),
        label = escape(button.0),
        footer = escape(footer),
    )
}

fn role_name(role: StaffRole, locale: Locale) -> &'static str {
    match (locale, role) {
        (Locale::Ru, StaffRole::Owner) => "владелец",
        (Locale::Ru, StaffRole::Admin) => "администратор",
        (Locale::Ru, StaffRole::AccountManager) => "аккаунт-менеджер",
        (Locale::Ru, StaffRole::Specialist) => "специалист",
        (Locale::En, StaffRole::Owner) => "owner",
        (Locale::En, StaffRole::Admin) => "administrator",
        (Locale::En, StaffRole::AccountManager) => "account manager",
        (Locale::En, StaffRole::Specialist) => "specialist",
    }
}

/// Whom an invitation brings in, and as what.
pub enum InviteAs<'a> {
    Staff(StaffRole),
    Contact { client_name: &'a str },
}

pub fn invitation(to_email: &str, to_name: &str, locale: Locale, agency: &str, what: InviteAs, link: &str) -> Mail {
    let (subject, lines, button, footer) = match (locale, &what) {
        (Locale::Ru, InviteAs::Staff(role)) => (
            format!("Приглашение в команду «{agency}» в Accord"),
            vec![
                format!("Здравствуйте, {to_name}!"),
                format!("Вас пригласили в агентство «{agency}» в Accord. Ваша роль: {}.", role_name(*role, locale)),
                "Перейдите по ссылке, чтобы задать пароль и войти. Ссылка действует 7 дней и сработает один раз.".to_string(),
            ],
            "Принять приглашение",
            "Если вы не ждали это письмо, просто не отвечайте на него.",
        ),
        (Locale::Ru, InviteAs::Contact { client_name }) => (
            format!("«{agency}» приглашает вас в клиентский портал"),
            vec![
                format!("Здравствуйте, {to_name}!"),
                format!("Агентство «{agency}» открыло для компании «{client_name}» клиентский портал Accord: дорожная карта, согласования, отчёты и встречи — в одном месте."),
                "Перейдите по ссылке, чтобы задать пароль и войти. Ссылка действует 7 дней и сработает один раз.".to_string(),
            ],
            "Открыть портал",
            "Если вы не ждали это письмо, просто не отвечайте на него.",
        ),
        (Locale::En, InviteAs::Staff(role)) => (
            format!("You are invited to join {agency} on Accord"),
            vec![
                format!("Hello {to_name},"),
                format!("You have been invited to the agency {agency} on Accord as {}.", role_name(*role, locale)),
                "Follow the link to set your password and sign in. It works once and expires in 7 days.".to_string(),
            ],
            "Accept the invitation",
            "If you did not expect this email, you can ignore it.",
        ),
        (Locale::En, InviteAs::Contact { client_name }) => (
            format!("{agency} invites you to your client portal"),
            vec![
                format!("Hello {to_name},"),
                format!("{agency} has opened an Accord client portal for {client_name}: roadmap, approvals, reports and meetings in one place."),
                "Follow the link to set your password and sign in. It works once and expires in 7 days.".to_string(),
            ],
            "Open the portal",
            "If you did not expect this email, you can ignore it.",
        ),
    };
    let template = match what {
        InviteAs::Staff(_) => "staff_invitation",
        InviteAs::Contact { .. } => "contact_invitation",
    };
    mail((to_email, to_name), locale, template, subject, lines, (button, link), footer)
}

pub fn password_reset(to_email: &str, to_name: &str, locale: Locale, agency: Option<&str>, link: &str) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            "Восстановление пароля в Accord".to_string(),
            vec![
                format!("Здравствуйте, {to_name}!"),
                match agency {
                    Some(a) => format!("Кто-то (надеемся, вы) запросил сброс пароля для вашей учётной записи в «{a}»."),
                    None => "Кто-то (надеемся, вы) запросил сброс пароля для вашей учётной записи.".to_string(),
                },
                "Ссылка действует один час и сработает один раз.".to_string(),
            ],
            "Задать новый пароль",
            "Если вы не запрашивали сброс, ничего не делайте: пароль останется прежним.",
        ),
        Locale::En => (
            "Reset your Accord password".to_string(),
            vec![
                format!("Hello {to_name},"),
                match agency {
                    Some(a) => format!("Someone (hopefully you) asked to reset the password of your account at {a}."),
                    None => "Someone (hopefully you) asked to reset the password of your account.".to_string(),
                },
                "The link works once and expires in one hour.".to_string(),
            ],
            "Set a new password",
            "If you did not ask for this, do nothing: your password stays the same.",
        ),
    };
    mail((to_email, to_name), locale, "password_reset", subject, lines, (button, link), footer)
}

pub(crate) fn mail(
    to: (&str, &str),
    locale: Locale,
    template: &'static str,
    subject: String,
    lines: Vec<String>,
    button: (&str, &str),
    footer: &str,
) -> Mail {
    let text = format!("{}\n\n{}: {}\n\n{footer}\n", lines.join("\n\n"), button.0, button.1);
    let html = html_page(locale.as_str(), &subject, &lines, button, footer);
    Mail { to_email: to.0.into(), to_name: Some(to.1.into()), locale, template, subject, text, html, attachment: None }
}

/// To a client's approver: backlog items wait for their decision.
pub fn items_await_decision(to: (&str, &str), locale: Locale, agency: &str, titles: &[String], link: &str) -> Mail {
    let list = titles.iter().map(|t| format!("• {t}")).collect::<Vec<_>>().join("\n");
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("«{agency}» ждёт вашего решения: {} шт.", titles.len()),
            vec![
                format!("Здравствуйте, {}!", to.1),
                format!("«{agency}» предлагает согласовать задачи бэклога:"),
                list,
                "Откройте портал, чтобы одобрить, отклонить или задать вопрос. Оценка и цена фиксируются в момент одобрения.".to_string(),
            ],
            "Открыть бэклог",
            "Вы получили это письмо как лицо, принимающее решения, в клиентском портале Accord.",
        ),
        Locale::En => (
            format!("{agency} awaits your decision on {} item(s)", titles.len()),
            vec![
                format!("Hello {},", to.1),
                format!("{agency} proposes these backlog items for your approval:"),
                list,
                "Open the portal to approve, decline or ask a question. The estimate and price are frozen when you approve.".to_string(),
            ],
            "Open the backlog",
            "You receive this as an approver in your Accord client portal.",
        ),
    };
    mail(to, locale, "items_await_decision", subject, lines, (button, link), footer)
}

/// What the client decided, for [`client_decided`].
pub struct Decided<'a> {
    pub client: &'a str,
    pub contact: &'a str,
    pub title: &'a str,
    pub approved: bool,
    pub reason: Option<&'a str>,
}

/// To the account manager: the client approved or declined an item.
pub fn client_decided(to: (&str, &str), locale: Locale, d: Decided, link: &str) -> Mail {
    let Decided { client, contact, title, approved, reason } = d;
    let (subject, mut lines, button, footer) = match (locale, approved) {
        (Locale::Ru, true) => (
            format!("«{client}» одобрил: {title}"),
            vec![format!("{contact} одобрил(а) задачу «{title}». Оценка и цена зафиксированы.")],
            "Открыть задачу",
            "Письмо от Accord о решении клиента.",
        ),
        (Locale::Ru, false) => (
            format!("«{client}» отклонил: {title}"),
            vec![format!("{contact} отклонил(а) задачу «{title}».")],
            "Открыть задачу",
            "Письмо от Accord о решении клиента.",
        ),
        (Locale::En, true) => (
            format!("{client} approved: {title}"),
            vec![format!("{contact} approved “{title}”. The estimate and price are now frozen.")],
            "Open the item",
            "Accord tells you about your clients' decisions.",
        ),
        (Locale::En, false) => (
            format!("{client} declined: {title}"),
            vec![format!("{contact} declined “{title}”.")],
            "Open the item",
            "Accord tells you about your clients' decisions.",
        ),
    };
    if let Some(reason) = reason.filter(|r| !r.is_empty()) {
        lines.push(match locale {
            Locale::Ru => format!("Комментарий: {reason}"),
            Locale::En => format!("Comment: {reason}"),
        });
    }
    mail(to, locale, "client_decided", subject, lines, (button, link), footer)
}

/// To a client's approver: minutes were published (or revised) and wait for acknowledgement.
pub fn minutes_published(
    to: (&str, &str),
    locale: Locale,
    agency: &str,
    meeting: &str,
    when: &str,
    link: &str,
) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("Протокол встречи «{meeting}» — подтвердите, пожалуйста"),
            vec![
                format!("Здравствуйте, {}!", to.1),
                format!("«{agency}» опубликовало протокол встречи «{meeting}» ({when})."),
                "Прочитайте решения и договорённости и подтвердите их — или оспорьте решение, с которым не согласны, с комментарием.".to_string(),
            ],
            "Открыть протокол",
            "Вы получили это письмо как лицо, принимающее решения, в клиентском портале Accord.",
        ),
        Locale::En => (
            format!("Minutes of \u{201c}{meeting}\u{201d} \u{2014} please acknowledge"),
            vec![
                format!("Hello {},", to.1),
                format!("{agency} published the minutes of \u{201c}{meeting}\u{201d} ({when})."),
                "Read the decisions and agreements and acknowledge them \u{2014} or dispute a decision you disagree with, with a comment.".to_string(),
            ],
            "Open the minutes",
            "You receive this as an approver in your Accord client portal.",
        ),
    };
    mail(to, locale, "minutes_published", subject, lines, (button, link), footer)
}

/// What the client disputed, for [`minutes_disputed`].
pub struct Dispute<'a> {
    pub client: &'a str,
    pub contact: &'a str,
    pub meeting: &'a str,
    pub decision: u16,
    pub comment: &'a str,
}

/// To the account manager: the client disputed a decision.
pub fn minutes_disputed(to: (&str, &str), locale: Locale, d: Dispute, link: &str) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("{}: оспорено решение №{} встречи «{}»", d.client, d.decision, d.meeting),
            vec![
                format!("{} оспаривает решение №{}:", d.contact, d.decision),
                format!("«{}»", d.comment),
                "Исправьте протокол и опубликуйте новую редакцию — клиент увидит, что изменилось, и подтвердит заново.".to_string(),
            ],
            "Открыть встречу",
            "Письмо от Accord: вы аккаунт-менеджер этого клиента.",
        ),
        Locale::En => (
            format!("{}: decision {} of \u{201c}{}\u{201d} disputed", d.client, d.decision, d.meeting),
            vec![
                format!("{} disputes decision {}:", d.contact, d.decision),
                format!("\u{201c}{}\u{201d}", d.comment),
                "Revise the minutes and publish a new revision \u{2014} the client sees what changed and acknowledges again.".to_string(),
            ],
            "Open the meeting",
            "Sent by Accord: you are this client's account manager.",
        ),
    };
    mail(to, locale, "minutes_disputed", subject, lines, (button, link), footer)
}

/// A meeting change, for [`meeting_scheduled`].
pub struct Scheduled<'a> {
    pub agency: &'a str,
    pub title: &'a str,
    pub when: &'a str,
    pub changed: bool,
    pub cancelled: bool,
}

/// To the client's portal users: a meeting was set, moved, cancelled or restored.
pub fn meeting_scheduled(to: (&str, &str), locale: Locale, s: Scheduled, link: &str) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => {
            let what = match (s.cancelled, s.changed) {
                (true, _) => format!("Встреча «{}» отменена", s.title),
                (false, true) => format!("Встреча «{}» перенесена: {}", s.title, s.when),
                (false, false) => format!("Встреча «{}» назначена: {}", s.title, s.when),
            };
            (
                what.clone(),
                vec![
                    format!("Здравствуйте, {}!", to.1),
                    format!("{what}. Организатор — «{}».", s.agency),
                    "В портале можно посмотреть повестку и добавить свой вопрос к встрече, а также подключить календарь.".to_string(),
                ],
                "Открыть встречи",
                "Вы получили это письмо как пользователь клиентского портала Accord.",
            )
        }
        Locale::En => {
            let what = match (s.cancelled, s.changed) {
                (true, _) => format!("Meeting \u{201c}{}\u{201d} cancelled", s.title),
                (false, true) => format!("Meeting \u{201c}{}\u{201d} moved to {}", s.title, s.when),
                (false, false) => format!("Meeting \u{201c}{}\u{201d} scheduled for {}", s.title, s.when),
            };
            (
                what.clone(),
                vec![
                    format!("Hello {},", to.1),
                    format!("{what}. Organised by {}.", s.agency),
                    "In the portal you can see the agenda, add your own question and subscribe your calendar."
                        .to_string(),
                ],
                "Open meetings",
                "You receive this as a user of your Accord client portal.",
            )
        }
    };
    mail(to, locale, "meeting_scheduled", subject, lines, (button, link), footer)
}

/// A meeting reminder, for [`meeting_reminder`].
pub struct Reminder<'a> {
    pub with: &'a str,
    pub title: &'a str,
    pub when: &'a str,
    pub place: Option<&'a str>,
    pub agenda: &'a [String],
}

/// To the client's portal users and the account manager, a day before: when, where, the agenda.
pub fn meeting_reminder(to: (&str, &str), locale: Locale, r: Reminder, link: &str) -> Mail {
    let agenda = r.agenda.iter().enumerate().map(|(i, a)| format!("{}. {a}", i + 1)).collect::<Vec<_>>().join("\n");
    let (subject, mut lines, button, footer) = match locale {
        Locale::Ru => (
            format!("Завтра: {} — {}", r.title, r.when),
            vec![
                format!("Здравствуйте, {}!", to.1),
                format!("Напоминаем о встрече «{}» ({}): {}.", r.title, r.with, r.when),
            ],
            "Открыть встречу",
            "Письмо от Accord за сутки до встречи.",
        ),
        Locale::En => (
            format!("Tomorrow: {} \u{2014} {}", r.title, r.when),
            vec![
                format!("Hello {},", to.1),
                format!("A reminder of \u{201c}{}\u{201d} ({}): {}.", r.title, r.with, r.when),
            ],
            "Open the meeting",
            "Sent by Accord a day before the meeting.",
        ),
    };
    if let Some(place) = r.place.filter(|p| !p.is_empty()) {
        lines.push(match locale {
            Locale::Ru => format!("Место: {place}"),
            Locale::En => format!("Where: {place}"),
        });
    }
    lines.push(match (locale, agenda.is_empty()) {
        (Locale::Ru, true) => "Повестка пока пуста — добавьте свои вопросы.".to_string(),
        (Locale::En, true) => "The agenda is empty so far \u{2014} add your questions.".to_string(),
        (Locale::Ru, false) => format!("Повестка:\n{agenda}"),
        (Locale::En, false) => format!("Agenda:\n{agenda}"),
    });
    mail(to, locale, "meeting_reminder", subject, lines, (button, link), footer)
}

/// To a client's contact: a report was published (or published again after changes).
pub fn report_published(
    to: (&str, &str),
    locale: Locale,
    agency: &str,
    title: &str,
    revision: i32,
    link: &str,
) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => {
            (
                if revision > 1 {
                    format!("Отчёт обновлён: {title}")
                } else {
                    format!("Новый отчёт: {title}")
                },
                vec![
                    format!("Здравствуйте, {}!", to.1),
                    if revision > 1 {
                        format!("«{agency}» обновило отчёт «{title}». Изменённые разделы отмечены.")
                    } else {
                        format!("«{agency}» опубликовало отчёт «{title}»: что сделано, что дальше и как меняются показатели.")
                    },
                    "Если что-то непонятно, задайте вопрос прямо в отчёте — менеджер ответит там же.".to_string(),
                ],
                "Открыть отчёт",
                "Вы получили это письмо как контакт клиента в портале Accord.",
            )
        }
        Locale::En => (
            if revision > 1 { format!("Report updated: {title}") } else { format!("New report: {title}") },
            vec![
                format!("Hello {},", to.1),
                if revision > 1 {
                    format!("{agency} updated the report \u{201c}{title}\u{201d}. Changed sections are marked.")
                } else {
                    format!("{agency} published the report \u{201c}{title}\u{201d}: what was done, what comes next and how the KPIs move.")
                },
                "If anything is unclear, ask a question right in the report \u{2014} your manager answers there."
                    .to_string(),
            ],
            "Open the report",
            "You receive this as a client contact in your Accord portal.",
        ),
    };
    mail(to, locale, "report_published", subject, lines, (button, link), footer)
}

/// To the account manager: a client asked a question on a report.
pub fn report_question(to: (&str, &str), locale: Locale, client: &str, contact: &str, title: &str, link: &str) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("Вопрос по отчёту от «{client}»"),
            vec![
                format!("{contact} ({client}) задал вопрос по отчёту «{title}»."),
                "Ответьте в отчёте — клиент увидит ответ в портале.".to_string(),
            ],
            "Открыть отчёт",
            "Вы получили это письмо как аккаунт-менеджер клиента в Accord.",
        ),
        Locale::En => (
            format!("A question on a report from {client}"),
            vec![
                format!("{contact} ({client}) asked a question on the report \u{201c}{title}\u{201d}."),
                "Answer in the report \u{2014} the client sees the answer in the portal.".to_string(),
            ],
            "Open the report",
            "You receive this as the client's account manager in Accord.",
        ),
    };
    mail(to, locale, "report_question", subject, lines, (button, link), footer)
}

/// To the contact who asked: the agency answered their question on a report.
pub fn report_answered(to: (&str, &str), locale: Locale, agency: &str, title: &str, link: &str) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("Ответ на ваш вопрос по отчёту «{title}»"),
            vec![format!("Здравствуйте, {}!", to.1), format!("«{agency}» ответило на ваш вопрос по отчёту «{title}».")],
            "Прочитать ответ",
            "Вы получили это письмо как контакт клиента в портале Accord.",
        ),
        Locale::En => (
            format!("An answer to your question on \u{201c}{title}\u{201d}"),
            vec![
                format!("Hello {},", to.1),
                format!("{agency} answered your question on the report \u{201c}{title}\u{201d}."),
            ],
            "Read the answer",
            "You receive this as a client contact in your Accord portal.",
        ),
    };
    mail(to, locale, "report_answered", subject, lines, (button, link), footer)
}

/// What the "draft ready" mail says of the report.
pub struct Drafted<'a> {
    pub client: &'a str,
    pub title: &'a str,
    pub due_on: chrono::NaiveDate,
    /// Drafted after its due date (the scan catches up within a week).
    pub late: bool,
    /// Sent to the client's account manager (else to an owner, for a client without one).
    pub as_manager: bool,
}

/// To the client's manager (or an owner): the due report was drafted from the period's work
/// and waits for review (nothing reaches the client until someone publishes it).
pub fn report_drafted(to: (&str, &str), locale: Locale, d: Drafted<'_>, link: &str) -> Mail {
    let Drafted { client, title, due_on, late, as_manager } = d;
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("Черновик отчёта для «{client}» готов к проверке"),
            vec![
                format!("Здравствуйте, {}!", to.1),
                if late {
                    format!("Срок отчёта «{title}» для «{client}» был {}. Accord собрал черновик из работы за период: сделанные задачи, планы и показатели.", due_on.format("%d.%m.%Y"))
                } else {
                    format!("Сегодня срок отчёта «{title}» для «{client}». Accord собрал черновик из работы за период: сделанные задачи, планы и показатели.")
                },
                "Проверьте его, допишите проблемы и предлагаемые шаги и опубликуйте — клиент ничего не увидит до публикации.".to_string(),
            ],
            "Проверить черновик",
            if as_manager {
                "Вы получили это письмо как аккаунт-менеджер клиента в Accord (агентство включило автоматические черновики отчётов)."
            } else {
                "Вы получили это письмо как владелец агентства в Accord: у клиента нет аккаунт-менеджера (агентство включило автоматические черновики отчётов)."
            },
        ),
        Locale::En => (
            format!("The report draft for {client} is ready for review"),
            vec![
                format!("Hello {},", to.1),
                if late {
                    format!("The report \u{201c}{title}\u{201d} for {client} was due on {}. Accord drafted it from the period\u{2019}s work: items done, plans and KPIs.", due_on.format("%b %-d, %Y"))
                } else {
                    format!("The report \u{201c}{title}\u{201d} for {client} is due today. Accord drafted it from the period\u{2019}s work: items done, plans and KPIs.")
                },
                "Review it, add the problems and the steps you propose, and publish \u{2014} the client sees nothing until you do.".to_string(),
            ],
            "Review the draft",
            if as_manager {
                "You receive this as the client\u{2019}s account manager in Accord (your agency turned on automatic report drafts)."
            } else {
                "You receive this as an owner of the agency in Accord: the client has no account manager (your agency turned on automatic report drafts)."
            },
        ),
    };
    mail(to, locale, "report_drafted", subject, lines, (button, link), footer)
}

/// To a client's contact without portal access: a report, as the PDF attached.
pub fn report_pdf(to: (&str, &str), locale: Locale, agency: &str, title: &str, site: &str) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("Отчёт: {title}"),
            vec![
                format!("Здравствуйте, {}!", to.1),
                format!("«{agency}» прислало отчёт «{title}» — он во вложении (PDF)."),
                "Вопросы по отчёту можно задать вашему менеджеру в ответном письме.".to_string(),
            ],
            "Accord",
            "Вы получили это письмо как контакт клиента агентства.",
        ),
        Locale::En => (
            format!("Report: {title}"),
            vec![
                format!("Hello {},", to.1),
                format!("{agency} sent you the report \u{201c}{title}\u{201d} \u{2014} it is attached (PDF)."),
                "Questions about the report can go to your manager in a reply.".to_string(),
            ],
            "Accord",
            "You receive this as a contact of the agency's client.",
        ),
    };
    mail(to, locale, "report_pdf", subject, lines, (button, site), footer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_in_html_and_link_is_in_both_bodies() {
        let m = invitation(
            "a@b.test",
            "<script>x</script>",
            Locale::Ru,
            "Студия & Co",
            InviteAs::Contact { client_name: "Ромашка" },
            "http://x/invite#t",
        );
        assert!(!m.html.contains("<script>x"));
        assert!(m.html.contains("Студия &amp; Co"));
        assert!(m.text.contains("http://x/invite#t") && m.html.contains("http://x/invite#t"));
        assert!(m.subject.contains("Студия & Co"));
        let en = password_reset("a@b.test", "Ann", Locale::En, None, "http://x/r#t");
        assert!(en.subject.starts_with("Reset"));
    }
}

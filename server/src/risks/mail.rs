//! Incident mail, written to the outbox in the step's own transaction: step 1 tells each of the
//! client's approvers with an active portal account, in their own language, what happened.

use crate::db::ClientTx;
use crate::error::ApiResult;
use crate::mail::{self, templates::mail, Mail};
use crate::state::AppState;
use accord_api::{Locale, PortalRole, PrincipalKind, UserId, UserStatus};
use accord_entity::{agencies, contacts, incidents, users};
use sea_orm::{ColumnTrait, QueryFilter};

/// To a client's approver: the agency admits a mistake and says what happened.
pub fn incident_notified(
    to: (&str, &str),
    locale: Locale,
    agency: &str,
    title: &str,
    message: &str,
    link: &str,
) -> Mail {
    let (subject, lines, button, footer) = match locale {
        Locale::Ru => (
            format!("«{agency}»: сообщение об инциденте — {title}"),
            vec![
                format!("Здравствуйте, {}!", to.1),
                format!("«{agency}» сообщает об ошибке в работе: «{title}». Мы сообщаем сразу, как обнаружили её."),
                message.to_string(),
                "Дальше в портале появятся оценка последствий и план исправления — его можно будет подтвердить."
                    .to_string(),
            ],
            "Открыть в портале",
            "Вы получили это письмо как контакт клиента с правом согласования в портале Accord.",
        ),
        Locale::En => (
            format!("{agency}: an incident report \u{2014} {title}"),
            vec![
                format!("Hello {},", to.1),
                format!("{agency} reports a mistake in the work: \u{201c}{title}\u{201d}. We are telling you as soon as we found it."),
                message.to_string(),
                "The assessment of the damage and the fix plan will follow in the portal, where you can acknowledge the plan."
                    .to_string(),
            ],
            "Open in the portal",
            "You receive this as a client contact who approves in your Accord portal.",
        ),
    };
    mail(to, locale, "incident_notified", subject, lines, (button, link), footer)
}

/// Mails every approver of the client who has an active portal account.
pub async fn notify_approvers(tx: &ClientTx, state: &AppState, incident: &incidents::Model) -> ApiResult<()> {
    let user_ids: Vec<UserId> = tx
        .find::<contacts::Entity>()
        .filter(contacts::Column::PortalRole.eq(PortalRole::Approver))
        .filter(contacts::Column::LeftAt.is_null())
        .filter(contacts::Column::UserId.is_not_null())
        .all()
        .await?
        .into_iter()
        .filter_map(|c| c.user_id)
        .collect();
    if user_ids.is_empty() {
        return Ok(());
    }
    let people = tx
        .agency()
        .find::<users::Entity>()
        .filter(users::Column::Id.is_in(user_ids))
        .filter(users::Column::Kind.eq(PrincipalKind::Contact))
        .filter(users::Column::Status.eq(UserStatus::Active))
        .all()
        .await?;
    let agency = tx.agency().find::<agencies::Entity>().one().await?.map(|a| a.name).unwrap_or_default();
    let link = format!("{}/portal/risks", state.settings.public_url);
    for u in people {
        let m = incident_notified((&u.email, &u.name), u.locale, &agency, &incident.title, &incident.message, &link);
        mail::enqueue(tx, Some(tx.agency_id()), m).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mail_carries_the_message_and_the_portal_link_in_either_language() {
        let ru = incident_notified(
            ("a@b.test", "Анна"),
            Locale::Ru,
            "Студия",
            "Сайт лежал",
            "Мы уронили сайт.",
            "http://x/portal/risks",
        );
        assert!(
            ru.subject.contains("Сайт лежал")
                && ru.text.contains("Мы уронили сайт.")
                && ru.text.contains("http://x/portal/risks")
        );
        assert_eq!(ru.template, "incident_notified");
        let en = incident_notified(
            ("a@b.test", "Ann"),
            Locale::En,
            "Studio",
            "Site down",
            "<b>We</b>",
            "http://x/portal/risks",
        );
        assert!(en.subject.starts_with("Studio: an incident"));
        assert!(!en.html.contains("<b>We</b>"), "the message is escaped in HTML");
    }
}

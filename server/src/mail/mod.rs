//! Outgoing mail. A change that causes a mail writes it to the `outbox` table in its own
//! transaction ([`enqueue`]); the [`sender`] delivers it in the background via SMTP, or into
//! `.eml` files when no SMTP server is configured.

pub mod sender;
pub mod templates;

use crate::error::ApiError;
use accord_api::{AgencyId, Locale};
use accord_entity::outbox;
use sea_orm::ActiveValue::Set;

/// A rendered message, ready for the outbox.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to_email: String,
    pub to_name: Option<String>,
    pub locale: Locale,
    pub template: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub attachment: Option<Attachment>,
}

/// An attachment: text for `text/*` types (a calendar file), base64 for the others (a PDF).
#[derive(Clone, Debug)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

impl Attachment {
    /// A binary file (stored as base64, decoded by the sender).
    pub fn binary(name: &str, content_type: &str, bytes: &[u8]) -> Self {
        use base64::Engine;
        Self {
            name: name.to_string(),
            content_type: content_type.to_string(),
            body: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}

impl Mail {
    pub fn with_attachment(mut self, attachment: Attachment) -> Self {
        self.attachment = Some(attachment);
        self
    }
}

pub async fn enqueue(tx: &impl crate::db::Writes, agency: Option<AgencyId>, mail: Mail) -> Result<(), ApiError> {
    let now = tx.now();
    let row = outbox::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        agency_id: Set(agency),
        to_email: Set(mail.to_email),
        to_name: Set(mail.to_name),
        locale: Set(mail.locale),
        template: Set(mail.template.into()),
        subject: Set(mail.subject),
        body_text: Set(mail.text),
        body_html: Set(mail.html),
        status: Set(sender::PENDING.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        claim: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        attachment_name: Set(mail.attachment.as_ref().map(|a| a.name.clone())),
        attachment_type: Set(mail.attachment.as_ref().map(|a| a.content_type.clone())),
        attachment: Set(mail.attachment.map(|a| a.body)),
    };
    tx.write_row(row).await?;
    Ok(())
}

//! The background sender: claims due outbox rows, delivers them, records the outcome.
//!
//! A claim marks rows `sending` with a random claim id and a lease. On PostgreSQL the claim
//! query locks with `FOR UPDATE SKIP LOCKED`, so two app instances never take the same row;
//! a row whose lease runs out (its instance died mid-send) becomes claimable again.
//! Failures retry with exponential backoff up to `max_attempts`, then stay `failed`.

use crate::config::Settings;
use crate::db::Db;
use crate::error::ApiError;
use accord_entity::outbox;
use chrono::{DateTime, Duration, Utc};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};
use secrecy::ExposeSecret;
use std::path::PathBuf;

pub const PENDING: &str = "pending";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";
const BATCH: i64 = 10;
const LEASE_SECONDS: i64 = 120;

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

impl Transport {
    fn from_settings(settings: &Settings) -> Result<(Self, String), String> {
        match &settings.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                    .map_err(|e| format!("ACCORD_SMTP_URL: {e}"))?
                    .build();
                Ok((Transport::Smtp(transport), "SMTP".into()))
            }
            None => {
                let dir = mail_dir(settings);
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                Ok((Transport::Files(AsyncFileTransport::<Tokio1Executor>::new(&dir)), dir.display().to_string()))
            }
        }
    }

    async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// Where mail goes when no SMTP server is configured.
pub fn mail_dir(settings: &Settings) -> PathBuf {
    settings.data_dir.join("mail")
}

/// Starts the sender on the current runtime; returns a description of where mail goes.
pub fn spawn(db: Db, settings: std::sync::Arc<Settings>) -> Result<String, String> {
    let (transport, target) = Transport::from_settings(&settings)?;
    let from: Mailbox = settings.mail_from.parse().map_err(|e| format!("ACCORD_MAIL_FROM: {e}"))?;
    let interval = std::time::Duration::from_millis(settings.mail_poll_ms.max(50));
    tokio::spawn(async move {
        loop {
            match deliver_due(&db, &transport, &from, &settings).await {
                Ok(n) if n > 0 => continue, // more may be waiting
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail sender pass failed"),
            }
            tokio::time::sleep(interval).await;
        }
    });
    Ok(target)
}

/// One pass: claim a batch, send each, record the outcome. Returns how many were claimed.
async fn deliver_due(db: &Db, transport: &Transport, from: &Mailbox, settings: &Settings) -> Result<usize, ApiError> {
    let claim = uuid::Uuid::new_v4();
    let tx = db.unscoped("mail sender claims").await?;
    let now = tx.now();
    let sql = match db.backend() {
        DbBackend::Postgres => {
            "UPDATE outbox SET status = 'sending', claim = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox \
               WHERE (status = 'pending' AND next_attempt_at <= $3) OR (status = 'sending' AND locked_until < $3) \
               ORDER BY created_at LIMIT $4 FOR UPDATE SKIP LOCKED)"
        }
        _ => {
            "UPDATE outbox SET status = 'sending', claim = ?, locked_until = ?, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox \
               WHERE (status = 'pending' AND next_attempt_at <= ?3) OR (status = 'sending' AND locked_until < ?3) \
               ORDER BY created_at LIMIT ?4)"
        }
    };
    let lease = now + Duration::seconds(LEASE_SECONDS);
    tx.conn()
        .execute(Statement::from_sql_and_values(
            db.backend(),
            sql,
            [claim.into(), lease.into(), now.into(), BATCH.into()],
        ))
        .await?;
    let rows = outbox::Entity::find().filter(outbox::Column::Claim.eq(claim)).all(tx.conn()).await?;
    tx.commit().await?;

    for row in &rows {
        let outcome = match build_message(row, from) {
            Ok(message) => transport.send(message).await,
            Err(e) => Err(e),
        };
        let tx = db.unscoped("mail sender records").await?;
        let now = tx.now();
        let update = outbox::Entity::update_many()
            .filter(outbox::Column::Id.eq(row.id))
            .filter(outbox::Column::Claim.eq(claim))
            .col_expr(outbox::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None));
        match outcome {
            Ok(()) => {
                tracing::info!(outbox_id = %row.id, template = %row.template, "mail sent");
                update
                    .col_expr(outbox::Column::Status, Expr::value(SENT))
                    .col_expr(outbox::Column::SentAt, Expr::value(now))
                    .col_expr(outbox::Column::LastError, Expr::value(Option::<String>::None))
                    .exec(tx.conn())
                    .await?;
            }
            Err(error) => {
                let give_up = row.attempts >= settings.mail_max_attempts;
                tracing::warn!(outbox_id = %row.id, attempts = row.attempts, give_up, %error, "mail not sent");
                let backoff = Duration::seconds((5_i64 << row.attempts.clamp(0, 10)).min(3600));
                update
                    .col_expr(outbox::Column::Status, Expr::value(if give_up { FAILED } else { PENDING }))
                    .col_expr(outbox::Column::NextAttemptAt, Expr::value(now + backoff))
                    .col_expr(outbox::Column::LastError, Expr::value(error.chars().take(500).collect::<String>()))
                    .exec(tx.conn())
                    .await?;
            }
        }
        tx.commit().await?;
    }
    Ok(rows.len())
}

fn build_message(row: &outbox::Model, from: &Mailbox) -> Result<Message, String> {
    let to = Mailbox::new(row.to_name.clone(), row.to_email.parse().map_err(|e| format!("recipient: {e}"))?);
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(row.subject.clone())
        // Stable per outbox row: a retried delivery is recognisably the same message.
        .message_id(Some(format!("<{}@accord>", row.id)))
        .multipart(body(row)?)
        .map_err(|e| e.to_string())
}

/// Plain text and HTML, plus the attachment when the row has one.
fn body(row: &outbox::Model) -> Result<MultiPart, String> {
    let alternative = MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
    let (Some(name), Some(kind), Some(body)) = (&row.attachment_name, &row.attachment_type, &row.attachment) else {
        return Ok(alternative);
    };
    let content_type =
        lettre::message::header::ContentType::parse(kind).map_err(|e| format!("attachment type: {e}"))?;
    let attachment = lettre::message::Attachment::new(name.clone());
    let part = if kind.starts_with("text/") {
        attachment.body(body.clone(), content_type)
    } else {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD.decode(body).map_err(|e| format!("attachment: {e}"))?;
        attachment.body(bytes, content_type)
    };
    Ok(MultiPart::mixed().multipart(alternative).singlepart(part))
}

//! `outbox`: mail written in the same transaction as the change that causes it; a background
//! sender delivers it.

use accord_api::{AgencyId, Locale};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agency_id: Option<AgencyId>,
    pub to_email: String,
    pub to_name: Option<String>,
    pub locale: Locale,
    pub template: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// pending → sending → sent, or failed after the last attempt.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub claim: Option<Uuid>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// One optional attachment (a meeting's `.ics`): file name, MIME type, text.
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

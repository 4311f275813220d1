//! Mail outbox, invitations (staff and client contacts) and password resets.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    AgencyId,
    ToEmail,
    ToName,
    Locale,
    Template,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    Claim,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    AgencyId,
    Kind,
    Email,
    Name,
    StaffRole,
    ContactId,
    Locale,
    TokenHash,
    ExpiresAt,
    AcceptedAt,
    RevokedAt,
    CreatedBy,
    CreatedAt,
    SentCount,
}

#[derive(DeriveIden)]
enum PasswordResets {
    Table,
    Id,
    UserId,
    AgencyId,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_uuid(Outbox::Id))
                    .col(uuid_null(Outbox::AgencyId))
                    .col(string(Outbox::ToEmail))
                    .col(string_null(Outbox::ToName))
                    .col(string(Outbox::Locale))
                    .col(string(Outbox::Template))
                    .col(string(Outbox::Subject))
                    .col(text(Outbox::BodyText))
                    .col(text(Outbox::BodyHtml))
                    .col(string(Outbox::Status))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(Outbox::LockedUntil))
                    .col(uuid_null(Outbox::Claim))
                    .col(text_null(Outbox::LastError))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .col(pk_uuid(Invitations::Id))
                    .col(uuid(Invitations::AgencyId))
                    .col(string(Invitations::Kind))
                    .col(string(Invitations::Email))
                    .col(string(Invitations::Name))
                    .col(string_null(Invitations::StaffRole))
                    .col(uuid_null(Invitations::ContactId))
                    .col(string(Invitations::Locale))
                    .col(string_uniq(Invitations::TokenHash))
                    .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitations::AcceptedAt))
                    .col(timestamp_with_time_zone_null(Invitations::RevokedAt))
                    .col(uuid(Invitations::CreatedBy))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .col(integer(Invitations::SentCount).default(1))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_agency")
                            .from(Invitations::Table, Invitations::AgencyId)
                            .to(Alias::new("agencies"), Alias::new("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PasswordResets::Table)
                    .col(pk_uuid(PasswordResets::Id))
                    .col(uuid(PasswordResets::UserId))
                    .col(uuid_null(PasswordResets::AgencyId))
                    .col(string_uniq(PasswordResets::TokenHash))
                    .col(timestamp_with_time_zone(PasswordResets::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordResets::UsedAt))
                    .col(timestamp_with_time_zone(PasswordResets::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_password_resets_user")
                            .from(PasswordResets::Table, PasswordResets::UserId)
                            .to(Alias::new("users"), Alias::new("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for sql in [
            "CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at)",
            "CREATE INDEX ix_invitations_agency_pending ON invitations (agency_id, kind, accepted_at, revoked_at)",
            "CREATE INDEX ix_invitations_contact ON invitations (contact_id)",
            "CREATE INDEX ix_password_resets_user ON password_resets (user_id)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            rls::protect_table(manager, "outbox", "agency_id", None).await?;
            rls::protect_table(manager, "invitations", "agency_id", None).await?;
            rls::protect_table(manager, "password_resets", "agency_id", None).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["password_resets", "invitations", "outbox"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}

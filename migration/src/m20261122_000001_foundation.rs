//! Foundation: agencies, users, clients, contacts, sessions, audit log, login attempts.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agencies {
    Table,
    Id,
    Name,
    Slug,
    Status,
    DefaultLocale,
    TimeZone,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    AgencyId,
    Kind,
    Email,
    Name,
    PasswordHash,
    Locale,
    Status,
    StaffRole,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Clients {
    Table,
    Id,
    AgencyId,
    Name,
    NameSearch,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Contacts {
    Table,
    Id,
    AgencyId,
    ClientId,
    UserId,
    Name,
    Email,
    PortalRole,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    TokenHash,
    UserId,
    AgencyId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    AgencyId,
    ActorUserId,
    Action,
    Subject,
    Detail,
    Ip,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LoginAttempts {
    Table,
    Id,
    Key,
    CreatedAt,
}

fn fk(
    name: &str,
    from: (impl IntoIden + 'static, impl IntoIden),
    to: (impl IntoIden + 'static, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create().name(name).from(from.0, from.1).to(to.0, to.1).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Agencies::Table)
                    .col(pk_uuid(Agencies::Id))
                    .col(string(Agencies::Name))
                    .col(string_uniq(Agencies::Slug))
                    .col(string(Agencies::Status))
                    .col(string(Agencies::DefaultLocale))
                    .col(string(Agencies::TimeZone))
                    .col(timestamp_with_time_zone(Agencies::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_uuid(Users::Id))
                    .col(uuid_null(Users::AgencyId))
                    .col(string(Users::Kind))
                    .col(string(Users::Email))
                    .col(string(Users::Name))
                    .col(string(Users::PasswordHash))
                    .col(string(Users::Locale))
                    .col(string(Users::Status))
                    .col(string_null(Users::StaffRole))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_users_agency",
                        (Users::Table, Users::AgencyId),
                        (Agencies::Table, Agencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Clients::Table)
                    .col(pk_uuid(Clients::Id))
                    .col(uuid(Clients::AgencyId))
                    .col(string(Clients::Name))
                    .col(string(Clients::NameSearch))
                    .col(string(Clients::Status))
                    .col(timestamp_with_time_zone(Clients::CreatedAt))
                    .col(timestamp_with_time_zone(Clients::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_clients_agency",
                        (Clients::Table, Clients::AgencyId),
                        (Agencies::Table, Agencies::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Contacts::Table)
                    .col(pk_uuid(Contacts::Id))
                    .col(uuid(Contacts::AgencyId))
                    .col(uuid(Contacts::ClientId))
                    .col(uuid_null(Contacts::UserId))
                    .col(string(Contacts::Name))
                    .col(string(Contacts::Email))
                    .col(string(Contacts::PortalRole))
                    .col(timestamp_with_time_zone(Contacts::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_contacts_agency",
                        (Contacts::Table, Contacts::AgencyId),
                        (Agencies::Table, Agencies::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_contacts_client",
                        (Contacts::Table, Contacts::ClientId),
                        (Clients::Table, Clients::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_contacts_user",
                        (Contacts::Table, Contacts::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(string(Sessions::TokenHash).primary_key())
                    .col(uuid(Sessions::UserId))
                    .col(uuid_null(Sessions::AgencyId))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(string_null(Sessions::Ip))
                    .col(string_null(Sessions::UserAgent))
                    .foreign_key(&mut fk(
                        "fk_sessions_user",
                        (Sessions::Table, Sessions::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_uuid(AuditLog::Id))
                    .col(uuid_null(AuditLog::AgencyId))
                    .col(uuid_null(AuditLog::ActorUserId))
                    .col(string(AuditLog::Action))
                    .col(string_null(AuditLog::Subject))
                    .col(text_null(AuditLog::Detail))
                    .col(string_null(AuditLog::Ip))
                    .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LoginAttempts::Table)
                    .col(pk_uuid(LoginAttempts::Id))
                    .col(string(LoginAttempts::Key))
                    .col(timestamp_with_time_zone(LoginAttempts::CreatedAt))
                    .to_owned(),
            )
            .await?;

        // Indexes for every lookup and list the server serves.
        for sql in [
            "CREATE UNIQUE INDEX ux_users_agency_email ON users (agency_id, email) WHERE agency_id IS NOT NULL",
            "CREATE UNIQUE INDEX ux_users_platform_email ON users (email) WHERE agency_id IS NULL",
            "CREATE INDEX ix_users_email ON users (email)",
            "CREATE INDEX ix_clients_agency_name ON clients (agency_id, name)",
            "CREATE INDEX ix_clients_agency_search ON clients (agency_id, name_search)",
            "CREATE INDEX ix_contacts_agency_client ON contacts (agency_id, client_id)",
            "CREATE UNIQUE INDEX ux_contacts_user ON contacts (user_id) WHERE user_id IS NOT NULL",
            "CREATE INDEX ix_sessions_user ON sessions (user_id)",
            "CREATE INDEX ix_audit_agency_time ON audit_log (agency_id, created_at)",
            "CREATE INDEX ix_login_attempts_key_time ON login_attempts (key, created_at)",
        ] {
            rls::exec(manager, sql).await?;
        }

        if rls::is_postgres(manager) {
            rls::install_functions(manager).await?;
            rls::protect_table(manager, "agencies", "id", None).await?;
            rls::protect_table(manager, "users", "agency_id", None).await?;
            rls::protect_table(manager, "clients", "agency_id", Some("id")).await?;
            rls::protect_table(manager, "contacts", "agency_id", Some("client_id")).await?;
            rls::protect_table(manager, "sessions", "agency_id", None).await?;
            rls::protect_table(manager, "audit_log", "agency_id", None).await?;
            // Not tenant data: throttling counters keyed by address and email hash.
            rls::exec(manager, &format!("GRANT SELECT, INSERT, DELETE ON login_attempts TO {}", rls::APP_ROLE)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["login_attempts", "audit_log", "sessions", "contacts", "clients", "users", "agencies"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}

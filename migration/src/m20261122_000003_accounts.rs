//! Client accounts in full: profile, status history, segmentation, contact history, projects
//! with their teams, touchpoints, and the agency's visibility setting.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Clients {
    Table,
    AccountManagerId,
    StartedOn,
    EndedOn,
    BusinessModel,
    Audience,
    Market,
    ProductRole,
    Included,
    Excluded,
    ContactCadenceDays,
    ReportCadence,
    Temperament,
    Activity,
    ValueTier,
    ArchivedAt,
    LastTouchAt,
}

#[derive(DeriveIden)]
enum Contacts {
    Table,
    Position,
    Phone,
    DecisionMaker,
    LeftAt,
    ReplacedBy,
}

#[derive(DeriveIden)]
enum Agencies {
    Table,
    ManagersSeeAll,
}

#[derive(DeriveIden)]
enum ClientStatusChanges {
    Table,
    Id,
    AgencyId,
    ClientId,
    FromStatus,
    ToStatus,
    ChangedBy,
    ChangedAt,
}

#[derive(DeriveIden)]
enum ContactEvents {
    Table,
    Id,
    AgencyId,
    ClientId,
    ContactId,
    Kind,
    Detail,
    ActorId,
    At,
}

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
    AgencyId,
    ClientId,
    Name,
    Kind,
    Status,
    StartsOn,
    EndsOn,
    BudgetMinor,
    Currency,
    BudgetShared,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProjectMembers {
    Table,
    AgencyId,
    ProjectId,
    UserId,
}

#[derive(DeriveIden)]
enum Touchpoints {
    Table,
    Id,
    AgencyId,
    ClientId,
    Kind,
    OccurredAt,
    ContactId,
    Summary,
    CreatedBy,
    CreatedAt,
}

fn cascade(name: &str, from: (impl IntoIden + 'static, impl IntoIden), to: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(Alias::new(to), Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let client_columns = [
            uuid_null(Clients::AccountManagerId),
            date_null(Clients::StartedOn),
            date_null(Clients::EndedOn),
            text_null(Clients::BusinessModel),
            text_null(Clients::Audience),
            text_null(Clients::Market),
            text_null(Clients::ProductRole),
            text(Clients::Included).default("[]").to_owned(),
            text(Clients::Excluded).default("[]").to_owned(),
            integer_null(Clients::ContactCadenceDays),
            string_null(Clients::ReportCadence),
            string_null(Clients::Temperament),
            string_null(Clients::Activity),
            string_null(Clients::ValueTier),
            timestamp_with_time_zone_null(Clients::ArchivedAt),
            timestamp_with_time_zone_null(Clients::LastTouchAt),
        ];
        for mut col in client_columns {
            manager.alter_table(Table::alter().table(Clients::Table).add_column(&mut col).to_owned()).await?;
        }
        let contact_columns = [
            string_null(Contacts::Position),
            string_null(Contacts::Phone),
            boolean(Contacts::DecisionMaker).default(false).to_owned(),
            timestamp_with_time_zone_null(Contacts::LeftAt),
            uuid_null(Contacts::ReplacedBy),
        ];
        for mut col in contact_columns {
            manager.alter_table(Table::alter().table(Contacts::Table).add_column(&mut col).to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Agencies::Table)
                    .add_column(boolean(Agencies::ManagersSeeAll).default(false))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ClientStatusChanges::Table)
                    .col(pk_uuid(ClientStatusChanges::Id))
                    .col(uuid(ClientStatusChanges::AgencyId))
                    .col(uuid(ClientStatusChanges::ClientId))
                    .col(string_null(ClientStatusChanges::FromStatus))
                    .col(string(ClientStatusChanges::ToStatus))
                    .col(uuid_null(ClientStatusChanges::ChangedBy))
                    .col(timestamp_with_time_zone(ClientStatusChanges::ChangedAt))
                    .foreign_key(&mut cascade(
                        "fk_status_changes_client",
                        (ClientStatusChanges::Table, ClientStatusChanges::ClientId),
                        "clients",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ContactEvents::Table)
                    .col(pk_uuid(ContactEvents::Id))
                    .col(uuid(ContactEvents::AgencyId))
                    .col(uuid(ContactEvents::ClientId))
                    .col(uuid(ContactEvents::ContactId))
                    .col(string(ContactEvents::Kind))
                    .col(text_null(ContactEvents::Detail))
                    .col(uuid_null(ContactEvents::ActorId))
                    .col(timestamp_with_time_zone(ContactEvents::At))
                    .foreign_key(&mut cascade(
                        "fk_contact_events_client",
                        (ContactEvents::Table, ContactEvents::ClientId),
                        "clients",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Projects::Table)
                    .col(pk_uuid(Projects::Id))
                    .col(uuid(Projects::AgencyId))
                    .col(uuid(Projects::ClientId))
                    .col(string(Projects::Name))
                    .col(string(Projects::Kind))
                    .col(string(Projects::Status))
                    .col(date_null(Projects::StartsOn))
                    .col(date_null(Projects::EndsOn))
                    .col(big_integer_null(Projects::BudgetMinor))
                    .col(string(Projects::Currency))
                    .col(boolean(Projects::BudgetShared).default(false))
                    .col(timestamp_with_time_zone(Projects::CreatedAt))
                    .col(timestamp_with_time_zone(Projects::UpdatedAt))
                    .foreign_key(&mut cascade("fk_projects_client", (Projects::Table, Projects::ClientId), "clients"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjectMembers::Table)
                    .col(uuid(ProjectMembers::AgencyId))
                    .col(uuid(ProjectMembers::ProjectId))
                    .col(uuid(ProjectMembers::UserId))
                    .primary_key(Index::create().col(ProjectMembers::ProjectId).col(ProjectMembers::UserId))
                    .foreign_key(&mut cascade(
                        "fk_project_members_project",
                        (ProjectMembers::Table, ProjectMembers::ProjectId),
                        "projects",
                    ))
                    .foreign_key(&mut cascade(
                        "fk_project_members_user",
                        (ProjectMembers::Table, ProjectMembers::UserId),
                        "users",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Touchpoints::Table)
                    .col(pk_uuid(Touchpoints::Id))
                    .col(uuid(Touchpoints::AgencyId))
                    .col(uuid(Touchpoints::ClientId))
                    .col(string(Touchpoints::Kind))
                    .col(timestamp_with_time_zone(Touchpoints::OccurredAt))
                    .col(uuid_null(Touchpoints::ContactId))
                    .col(text(Touchpoints::Summary))
                    .col(uuid(Touchpoints::CreatedBy))
                    .col(timestamp_with_time_zone(Touchpoints::CreatedAt))
                    .foreign_key(&mut cascade(
                        "fk_touchpoints_client",
                        (Touchpoints::Table, Touchpoints::ClientId),
                        "clients",
                    ))
                    .to_owned(),
            )
            .await?;
        for sql in [
            "CREATE INDEX ix_clients_agency_manager ON clients (agency_id, account_manager_id)",
            "CREATE INDEX ix_clients_agency_status ON clients (agency_id, status)",
            "CREATE INDEX ix_status_changes_client ON client_status_changes (client_id, changed_at)",
            "CREATE INDEX ix_contact_events_client ON contact_events (client_id, at)",
            "CREATE INDEX ix_projects_client ON projects (agency_id, client_id)",
            "CREATE INDEX ix_project_members_user ON project_members (user_id)",
            "CREATE INDEX ix_touchpoints_client_time ON touchpoints (client_id, occurred_at)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            rls::protect_table(manager, "client_status_changes", "agency_id", Some("client_id")).await?;
            rls::protect_table(manager, "contact_events", "agency_id", Some("client_id")).await?;
            rls::protect_table(manager, "projects", "agency_id", Some("client_id")).await?;
            rls::protect_table(manager, "project_members", "agency_id", None).await?;
            rls::protect_table(manager, "touchpoints", "agency_id", Some("client_id")).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["touchpoints", "project_members", "projects", "contact_events", "client_status_changes"] {
            manager.drop_table(Table::drop().table(Alias::new(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}

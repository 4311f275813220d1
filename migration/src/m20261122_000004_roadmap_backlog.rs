//! Roadmaps (points A and B, goals with dated KPI values, stages) and project backlogs (items
//! with the client's decisions and frozen estimates, comments, history).

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Roadmaps {
    Table,
    ClientId,
    AgencyId,
    PointA,
    PointB,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RoadmapGoals {
    Table,
    Id,
    AgencyId,
    ClientId,
    Name,
    Unit,
    Baseline,
    Target,
    CreatedAt,
}

#[derive(DeriveIden)]
enum GoalValues {
    Table,
    Id,
    AgencyId,
    ClientId,
    GoalId,
    Value,
    MeasuredOn,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum RoadmapStages {
    Table,
    Id,
    AgencyId,
    ClientId,
    Title,
    StartsOn,
    EndsOn,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BacklogItems {
    Table,
    Id,
    AgencyId,
    ClientId,
    ProjectId,
    Title,
    TitleSearch,
    Description,
    Benefit,
    EstimateMinutes,
    PriceMinor,
    Currency,
    Rank,
    Priority,
    Source,
    Status,
    ChangeRequest,
    StageId,
    Version,
    DecisionKind,
    DecidedBy,
    DecidedAt,
    DecisionComment,
    FrozenEstimateMinutes,
    FrozenPriceMinor,
    HasPrevious,
    PreviousEstimateMinutes,
    PreviousPriceMinor,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BacklogComments {
    Table,
    Id,
    AgencyId,
    ClientId,
    ItemId,
    AuthorId,
    Side,
    Internal,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BacklogEvents {
    Table,
    Id,
    AgencyId,
    ClientId,
    ItemId,
    Kind,
    ActorId,
    Side,
    Changes,
    At,
}

fn fk(
    name: &str,
    from: (impl IntoIden + 'static, impl IntoIden),
    to: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(Alias::new(to), Alias::new("id"))
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, SetNull};
        manager
            .create_table(
                Table::create()
                    .table(Roadmaps::Table)
                    .col(uuid(Roadmaps::ClientId).primary_key())
                    .col(uuid(Roadmaps::AgencyId))
                    .col(text(Roadmaps::PointA))
                    .col(text(Roadmaps::PointB))
                    .col(uuid_null(Roadmaps::UpdatedBy))
                    .col(timestamp_with_time_zone(Roadmaps::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_roadmaps_client",
                        (Roadmaps::Table, Roadmaps::ClientId),
                        "clients",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoadmapGoals::Table)
                    .col(pk_uuid(RoadmapGoals::Id))
                    .col(uuid(RoadmapGoals::AgencyId))
                    .col(uuid(RoadmapGoals::ClientId))
                    .col(string(RoadmapGoals::Name))
                    .col(string(RoadmapGoals::Unit))
                    .col(double(RoadmapGoals::Baseline))
                    .col(double(RoadmapGoals::Target))
                    .col(timestamp_with_time_zone(RoadmapGoals::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_goals_client",
                        (RoadmapGoals::Table, RoadmapGoals::ClientId),
                        "clients",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GoalValues::Table)
                    .col(pk_uuid(GoalValues::Id))
                    .col(uuid(GoalValues::AgencyId))
                    .col(uuid(GoalValues::ClientId))
                    .col(uuid(GoalValues::GoalId))
                    .col(double(GoalValues::Value))
                    .col(date(GoalValues::MeasuredOn))
                    .col(uuid_null(GoalValues::RecordedBy))
                    .col(timestamp_with_time_zone(GoalValues::RecordedAt))
                    .foreign_key(&mut fk(
                        "fk_goal_values_goal",
                        (GoalValues::Table, GoalValues::GoalId),
                        "roadmap_goals",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoadmapStages::Table)
                    .col(pk_uuid(RoadmapStages::Id))
                    .col(uuid(RoadmapStages::AgencyId))
                    .col(uuid(RoadmapStages::ClientId))
                    .col(string(RoadmapStages::Title))
                    .col(date(RoadmapStages::StartsOn))
                    .col(date(RoadmapStages::EndsOn))
                    .col(string(RoadmapStages::Status))
                    .col(timestamp_with_time_zone(RoadmapStages::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_stages_client",
                        (RoadmapStages::Table, RoadmapStages::ClientId),
                        "clients",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BacklogItems::Table)
                    .col(pk_uuid(BacklogItems::Id))
                    .col(uuid(BacklogItems::AgencyId))
                    .col(uuid(BacklogItems::ClientId))
                    .col(uuid(BacklogItems::ProjectId))
                    .col(string(BacklogItems::Title))
                    .col(string(BacklogItems::TitleSearch))
                    .col(text(BacklogItems::Description))
                    .col(text(BacklogItems::Benefit))
                    .col(big_integer_null(BacklogItems::EstimateMinutes))
                    .col(big_integer_null(BacklogItems::PriceMinor))
                    .col(string(BacklogItems::Currency))
                    .col(big_integer(BacklogItems::Rank))
                    .col(string(BacklogItems::Priority))
                    .col(string(BacklogItems::Source))
                    .col(string(BacklogItems::Status))
                    .col(boolean(BacklogItems::ChangeRequest).default(false))
                    .col(uuid_null(BacklogItems::StageId))
                    .col(integer(BacklogItems::Version))
                    .col(string_null(BacklogItems::DecisionKind))
                    .col(uuid_null(BacklogItems::DecidedBy))
                    .col(timestamp_with_time_zone_null(BacklogItems::DecidedAt))
                    .col(text_null(BacklogItems::DecisionComment))
                    .col(big_integer_null(BacklogItems::FrozenEstimateMinutes))
                    .col(big_integer_null(BacklogItems::FrozenPriceMinor))
                    .col(boolean(BacklogItems::HasPrevious).default(false))
                    .col(big_integer_null(BacklogItems::PreviousEstimateMinutes))
                    .col(big_integer_null(BacklogItems::PreviousPriceMinor))
                    .col(uuid_null(BacklogItems::CreatedBy))
                    .col(timestamp_with_time_zone(BacklogItems::CreatedAt))
                    .col(timestamp_with_time_zone(BacklogItems::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_items_project",
                        (BacklogItems::Table, BacklogItems::ProjectId),
                        "projects",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_items_stage",
                        (BacklogItems::Table, BacklogItems::StageId),
                        "roadmap_stages",
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BacklogComments::Table)
                    .col(pk_uuid(BacklogComments::Id))
                    .col(uuid(BacklogComments::AgencyId))
                    .col(uuid(BacklogComments::ClientId))
                    .col(uuid(BacklogComments::ItemId))
                    .col(uuid(BacklogComments::AuthorId))
                    .col(string(BacklogComments::Side))
                    .col(boolean(BacklogComments::Internal))
                    .col(text(BacklogComments::Body))
                    .col(timestamp_with_time_zone(BacklogComments::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_comments_item",
                        (BacklogComments::Table, BacklogComments::ItemId),
                        "backlog_items",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BacklogEvents::Table)
                    .col(pk_uuid(BacklogEvents::Id))
                    .col(uuid(BacklogEvents::AgencyId))
                    .col(uuid(BacklogEvents::ClientId))
                    .col(uuid(BacklogEvents::ItemId))
                    .col(string(BacklogEvents::Kind))
                    .col(uuid_null(BacklogEvents::ActorId))
                    .col(string(BacklogEvents::Side))
                    .col(text(BacklogEvents::Changes))
                    .col(timestamp_with_time_zone(BacklogEvents::At))
                    .foreign_key(&mut fk(
                        "fk_events_item",
                        (BacklogEvents::Table, BacklogEvents::ItemId),
                        "backlog_items",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        for sql in [
            "CREATE INDEX ix_goals_client ON roadmap_goals (agency_id, client_id, created_at)",
            "CREATE UNIQUE INDEX ux_goal_values_day ON goal_values (goal_id, measured_on)",
            "CREATE INDEX ix_goal_values_client ON goal_values (client_id)",
            "CREATE INDEX ix_stages_client ON roadmap_stages (agency_id, client_id, starts_on)",
            "CREATE INDEX ix_items_project_rank ON backlog_items (project_id, rank)",
            "CREATE INDEX ix_items_project_status ON backlog_items (project_id, status)",
            "CREATE INDEX ix_items_agency_status ON backlog_items (agency_id, status, project_id)",
            "CREATE INDEX ix_items_client_status ON backlog_items (client_id, status)",
            "CREATE INDEX ix_items_stage ON backlog_items (stage_id)",
            "CREATE INDEX ix_comments_item ON backlog_comments (item_id, created_at)",
            "CREATE INDEX ix_events_item ON backlog_events (item_id, at)",
        ] {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            for table in [
                "roadmaps",
                "roadmap_goals",
                "goal_values",
                "roadmap_stages",
                "backlog_items",
                "backlog_comments",
                "backlog_events",
            ] {
                rls::protect_table(manager, table, "agency_id", Some("client_id")).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "backlog_events",
            "backlog_comments",
            "backlog_items",
            "roadmap_stages",
            "goal_values",
            "roadmap_goals",
            "roadmaps",
        ] {
            manager.drop_table(Table::drop().table(Alias::new(table)).if_exists().to_owned()).await?;
        }
        Ok(())
    }
}

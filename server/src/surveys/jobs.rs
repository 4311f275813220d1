//! The surveys' clock: every 30 minutes a scan finds the agencies with survey work due (a wave
//! whose time is up, a repeating campaign whose next wave's day has come, an unanswered
//! invitation due a reminder) and queues one [`RunAgencySurveys`] per agency and half hour,
//! which closes, opens and reminds inside that agency's own scope.

use super::campaigns;
use super::store::agency_today;
use crate::db::TenantScope;
use crate::error::ApiError;
use crate::jobs::{self, Job, JobContext, JobError, NewJob};
use crate::state::AppState;
use accord_api::surveys::CampaignStatus;
use accord_api::{AgencyId, AgencyStatus};
use accord_entity::{agencies, survey_campaigns, survey_waves};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The periodic scan.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SurveyClock {}

impl Job for SurveyClock {
    const KIND: &'static str = "surveys.clock";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        // Platform-level by nature: it finds which agencies have work, and does none itself.
        let tx = state.db.unscoped("survey clock").await?;
        let now = tx.now();
        let mut agencies: BTreeSet<AgencyId> = BTreeSet::new();
        // Waves still open: to close, or to remind in (two small indexed scans).
        agencies.extend(
            survey_waves::Entity::find()
                .select_only()
                .column(survey_waves::Column::AgencyId)
                .filter(survey_waves::Column::ClosedAt.is_null())
                .distinct()
                .into_tuple::<AgencyId>()
                .all(tx.conn())
                .await?,
        );
        let tomorrow = (now + chrono::Duration::days(1)).date_naive();
        agencies.extend(
            survey_campaigns::Entity::find()
                .select_only()
                .column(survey_campaigns::Column::AgencyId)
                .filter(survey_campaigns::Column::Status.eq(CampaignStatus::Running))
                .filter(survey_campaigns::Column::NextWaveOn.lte(tomorrow))
                .distinct()
                .into_tuple::<AgencyId>()
                .all(tx.conn())
                .await?,
        );
        // Suspended agencies wait (their surveys resume with them).
        let active: BTreeSet<AgencyId> = agencies::Entity::find()
            .select_only()
            .column(agencies::Column::Id)
            .filter(agencies::Column::Id.is_in(agencies.iter().copied()))
            .filter(agencies::Column::Status.eq(AgencyStatus::Active))
            .into_tuple::<AgencyId>()
            .all(tx.conn())
            .await?
            .into_iter()
            .collect();
        agencies.retain(|a| active.contains(a));
        // One run per agency and half hour, however many instances scan.
        let slot = now.timestamp().div_euclid(1800);
        for agency in agencies {
            let job = RunAgencySurveys { agency };
            jobs::enqueue(&tx, NewJob::new(&job)?.dedupe(format!("{}:{agency}:{slot}", RunAgencySurveys::KIND)))
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// One agency's survey work: close waves whose time is up, open due waves, send reminders.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunAgencySurveys {
    pub agency: AgencyId,
}

impl Job for RunAgencySurveys {
    const KIND: &'static str = "surveys.run";

    async fn run(self, state: &AppState, _cx: JobContext) -> Result<(), JobError> {
        // The agency comes from rows the scan read, never from a request.
        let tx = state.db.tenant(TenantScope::for_job(self.agency)).await.map_err(ApiError::from)?;
        let Some(agency) = tx.find::<agencies::Entity>().one().await? else { return Ok(()) };
        if agency.status != AgencyStatus::Active {
            return Ok(());
        }
        let today = agency_today(&agency, tx.now());
        let (closed, opened) = campaigns::close_and_open(&tx, state, today).await?;
        let reminded = campaigns::send_reminders(&tx, state).await?;
        tx.commit().await?;
        if closed + opened as u64 + reminded as u64 > 0 {
            tracing::info!(agency = %self.agency, closed, opened, reminded, "survey work done");
        }
        Ok(())
    }
}

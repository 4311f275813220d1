//! The agency's finance settings: the base currency figures are converted to and how many days
//! a closing document may stay unsigned. Built-in (RUB, 30 days) until an owner or admin saves
//! them. Everyone who may see money reads them.

use super::FinanceError;
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::finance::{
    FinanceSettingsInput, FinanceSettingsView, ACT_UNSIGNED_DAYS_MAX, DEFAULT_ACT_UNSIGNED_DAYS, DEFAULT_BASE_CURRENCY,
};
use accord_api::money::parse_currency;
use accord_entity::{agencies, contracts, finance_settings, invoices};
use chrono::NaiveDate;
use sea_orm::ActiveModelTrait;

/// The settings in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Settings {
    pub base: String,
    pub act_days: u32,
    pub saved: bool,
}

/// The stored settings or the built-in ones (one query).
pub(crate) async fn load(tx: &TenantTx) -> ApiResult<Settings> {
    Ok(match tx.find::<finance_settings::Entity>().one().await? {
        Some(row) => Settings {
            base: row.base_currency,
            act_days: u32::try_from(row.act_unsigned_days).unwrap_or(DEFAULT_ACT_UNSIGNED_DAYS),
            saved: true,
        },
        None => Settings { base: DEFAULT_BASE_CURRENCY.to_string(), act_days: DEFAULT_ACT_UNSIGNED_DAYS, saved: false },
    })
}

/// What the views need besides the rows: today in the agency's zone and the settings.
pub(crate) struct Ctx {
    pub today: NaiveDate,
    pub settings: Settings,
}

pub(crate) async fn ctx(tx: &TenantTx) -> ApiResult<Ctx> {
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(crate::error::ApiError::not_found)?;
    let today = crate::surveys::store::agency_today(&agency, tx.now());
    Ok(Ctx { today, settings: load(tx).await? })
}

fn view(s: Settings, staff: &Staff) -> FinanceSettingsView {
    FinanceSettingsView {
        base_currency: s.base,
        act_unsigned_days: s.act_days,
        saved: s.saved,
        can_edit: staff.role().is_admin(),
    }
}

pub async fn get(state: &AppState, staff: &Staff) -> ApiResult<FinanceSettingsView> {
    super::require_money(staff)?;
    let tx = state.db.tenant_read(staff).await?;
    let s = load(&tx).await?;
    tx.commit().await?;
    Ok(view(s, staff))
}

#[tracing::instrument(skip(state))]
pub async fn save(state: &AppState, staff: &Staff, input: FinanceSettingsInput) -> ApiResult<FinanceSettingsView> {
    staff.require_admin()?;
    let base = parse_currency(&input.base_currency).ok_or(FinanceError::UnknownCurrency { field: "base_currency" })?;
    if !(1..=ACT_UNSIGNED_DAYS_MAX).contains(&input.act_unsigned_days) {
        return Err(FinanceError::BadDays.into());
    }
    let days = i32::try_from(input.act_unsigned_days).map_err(|_| FinanceError::BadDays)?;
    let tx = state.db.tenant(staff).await?;
    let now = tx.now();
    // Stored amounts are converted to the base at each invoice's rate: another base would add
    // old conversions to new ones.
    let every = VisibleClients::for_existence_checks();
    if load(&tx).await?.base != base
        && (tx.find_in::<invoices::Entity>(&every).count().await? > 0
            || tx.find_in::<contracts::Entity>(&every).count().await? > 0)
    {
        return Err(FinanceError::BaseInUse.into());
    }
    match tx.find::<finance_settings::Entity>().one().await? {
        Some(row) => {
            let row = finance_settings::Model {
                base_currency: base.clone(),
                act_unsigned_days: days,
                updated_by: staff.user(),
                updated_at: now,
                ..row
            };
            tx.update(finance_settings::ActiveModel::from(row).reset_all()).await?;
        }
        None => {
            tx.insert(finance_settings::ActiveModel::from(finance_settings::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: tx.agency_id(),
                base_currency: base.clone(),
                act_unsigned_days: days,
                updated_by: staff.user(),
                updated_at: now,
            }))
            .await?;
        }
    }
    tx.commit().await?;
    Ok(view(Settings { base, act_days: input.act_unsigned_days, saved: true }, staff))
}

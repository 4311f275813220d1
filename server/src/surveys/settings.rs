//! An agency's survey settings: the NPS question and its "why?" follow-up per class in Russian
//! and English, the CSI criteria (1–10, ordered, named in both languages), the recontact guard
//! and the follow-up days. Built-in until an owner or admin saves them. Saving replaces the
//! list of criteria: one taken off the list stays stored inactive (past answers name it) and
//! comes back under its key if it is put back.

use crate::db::TenantTx;
use crate::domain::Field;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::Code;
use accord_api::input;
use accord_api::surveys::{presets, NpsTexts, SurveyCriterion, SurveySettings, SurveySettingsPage, MAX_CRITERIA};
use accord_api::Locale;
use accord_entity::{survey_criteria, survey_settings};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A contact is asked at most this many times in six months, by default.
const RECONTACT_MAX: u8 = 2;
/// A detractor's follow-up is due in this many working days, by default.
const FOLLOWUP_DAYS: u8 = 2;

/// The NPS wording Accord starts with.
pub fn built_in_texts(locale: Locale) -> NpsTexts {
    let t = |q: &str, d: &str, pa: &str, pr: &str| NpsTexts {
        question: q.into(),
        why_detractor: d.into(),
        why_passive: pa.into(),
        why_promoter: pr.into(),
    };
    match locale {
        Locale::Ru => t(
            "Насколько вероятно, что вы порекомендуете {agency} коллеге или знакомому?",
            "Жаль, что так. Что нам стоит исправить в первую очередь?",
            "Спасибо! Что помогло бы нам заслужить 9 или 10?",
            "Спасибо! Что вам больше всего нравится в работе с нами?",
        ),
        Locale::En => t(
            "How likely are you to recommend {agency} to a colleague?",
            "We are sorry to hear that. What should we fix first?",
            "Thank you! What would make it a 9 or a 10?",
            "Thank you! What do you value most in working with us?",
        ),
    }
}

#[derive(Serialize, Deserialize)]
struct StoredTexts {
    ru: NpsTexts,
    en: NpsTexts,
}

fn built_in() -> SurveySettings {
    SurveySettings {
        nps_ru: built_in_texts(Locale::Ru),
        nps_en: built_in_texts(Locale::En),
        criteria: presets().into_iter().next().map(|p| p.criteria).unwrap_or_default(),
        recontact_max: RECONTACT_MAX,
        followup_days: FOLLOWUP_DAYS,
        built_in: true,
    }
}

/// The agency's settings as stored, or the built-in ones (two queries).
pub async fn load(tx: &TenantTx) -> ApiResult<SurveySettings> {
    let Some(row) = tx.find::<survey_settings::Entity>().one().await? else { return Ok(built_in()) };
    let texts: StoredTexts =
        serde_json::from_str(&row.nps_texts).map_err(|e| ApiError::internal(format!("survey texts: {e}")))?;
    let criteria = tx
        .find::<survey_criteria::Entity>()
        .filter(survey_criteria::Column::Active.eq(true))
        .order_by_asc(survey_criteria::Column::Position)
        .all()
        .await?
        .into_iter()
        .map(|c| SurveyCriterion { key: Some(c.key), name_ru: c.name_ru, name_en: c.name_en })
        .collect();
    Ok(SurveySettings {
        nps_ru: texts.ru,
        nps_en: texts.en,
        criteria,
        recontact_max: u8::try_from(row.recontact_max).unwrap_or(RECONTACT_MAX),
        followup_days: u8::try_from(row.followup_days).unwrap_or(FOLLOWUP_DAYS),
        built_in: false,
    })
}

/// The settings page (owners, admins and account managers; specialists see no surveys).
pub async fn page(state: &AppState, staff: &Staff) -> ApiResult<SurveySettingsPage> {
    staff.require_client_manager()?;
    let tx = state.db.tenant_read(staff).await?;
    let settings = load(&tx).await?;
    tx.commit().await?;
    Ok(SurveySettingsPage { settings, presets: presets(), can_edit: staff.role().is_admin() })
}

fn texts(field: &str, t: &NpsTexts) -> ApiResult<NpsTexts> {
    Ok(NpsTexts {
        question: input::Question::parse(&t.question).field(&format!("{field}.question"))?,
        why_detractor: input::Question::parse(&t.why_detractor).field(&format!("{field}.why_detractor"))?,
        why_passive: input::Question::parse(&t.why_passive).field(&format!("{field}.why_passive"))?,
        why_promoter: input::Question::parse(&t.why_promoter).field(&format!("{field}.why_promoter"))?,
    })
}

/// A criterion key: 1–32 of a–z, 0–9 and `_`, starting with a letter.
fn key_ok(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && key.len() <= 32
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Checks the whole input before anything is written; every criterion gets its key.
fn parse(new: &SurveySettings) -> ApiResult<SurveySettings> {
    if new.criteria.is_empty() || new.criteria.len() > MAX_CRITERIA {
        return Err(ApiError::invalid("criteria", Code::ValidationFailed, "Ask about 1 to 10 criteria."));
    }
    if !(1..=12).contains(&new.recontact_max) {
        return Err(ApiError::invalid(
            "recontact_max",
            Code::ValidationFailed,
            "A contact may be asked 1 to 12 times in six months.",
        ));
    }
    if new.followup_days > 10 {
        return Err(ApiError::invalid(
            "followup_days",
            Code::ValidationFailed,
            "A follow-up falls due 0 to 10 working days after the answer.",
        ));
    }
    let mut keys = HashSet::new();
    let mut criteria = Vec::with_capacity(new.criteria.len());
    for (i, c) in new.criteria.iter().enumerate() {
        let key = match c.key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            Some(k) if key_ok(k) => k.to_string(),
            Some(_) => {
                return Err(ApiError::invalid(
                    &format!("criteria[{i}].key"),
                    Code::ValidationFailed,
                    "A criterion key is 1–32 of a–z, 0–9 and _, starting with a letter.",
                ))
            }
            None => format!("c_{}", &uuid::Uuid::new_v4().simple().to_string()[..10]),
        };
        if !keys.insert(key.clone()) {
            return Err(ApiError::invalid(
                &format!("criteria[{i}].key"),
                Code::ValidationFailed,
                "Each criterion appears once.",
            ));
        }
        criteria.push(SurveyCriterion {
            key: Some(key),
            name_ru: input::Name::parse(&c.name_ru).field(&format!("criteria[{i}].name_ru"))?,
            name_en: input::Name::parse(&c.name_en).field(&format!("criteria[{i}].name_en"))?,
        });
    }
    Ok(SurveySettings {
        nps_ru: texts("nps_ru", &new.nps_ru)?,
        nps_en: texts("nps_en", &new.nps_en)?,
        criteria,
        recontact_max: new.recontact_max,
        followup_days: new.followup_days,
        built_in: false,
    })
}

/// Saves the settings (owners and admins), all or nothing.
#[tracing::instrument(skip(state, new))]
pub async fn save(state: &AppState, staff: &Staff, new: SurveySettings) -> ApiResult<SurveySettingsPage> {
    staff.require_admin()?;
    let settings = parse(&new)?;
    let tx = state.db.tenant(staff).await?;
    let now = tx.now();
    let nps_texts = serde_json::to_string(&StoredTexts { ru: settings.nps_ru.clone(), en: settings.nps_en.clone() })
        .map_err(|e| ApiError::internal(format!("survey texts: {e}")))?;
    match tx.find::<survey_settings::Entity>().one().await? {
        Some(row) => {
            let mut row: survey_settings::ActiveModel = row.into();
            row.nps_texts = sea_orm::Set(nps_texts);
            row.recontact_max = sea_orm::Set(i32::from(settings.recontact_max));
            row.followup_days = sea_orm::Set(i32::from(settings.followup_days));
            row.updated_by = sea_orm::Set(staff.user());
            row.updated_at = sea_orm::Set(now);
            tx.update(row.reset_all()).await?;
        }
        None => {
            tx.insert(survey_settings::ActiveModel::from(survey_settings::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: tx.agency_id(),
                nps_texts,
                recontact_max: i32::from(settings.recontact_max),
                followup_days: i32::from(settings.followup_days),
                updated_by: staff.user(),
                updated_at: now,
            }))
            .await?;
        }
    }
    // Every stored criterion goes inactive, then the list is written back in its order.
    tx.update_many::<survey_criteria::Entity>()
        .col_expr(survey_criteria::Column::Active, Expr::value(false))
        .exec()
        .await?;
    let stored: HashSet<String> =
        tx.find::<survey_criteria::Entity>().all().await?.into_iter().map(|c| c.key).collect();
    let mut fresh = Vec::new();
    for (position, c) in settings.criteria.iter().enumerate() {
        let key = c.key.clone().unwrap_or_default();
        let position = i32::try_from(position).unwrap_or(0);
        if stored.contains(&key) {
            tx.update_many::<survey_criteria::Entity>()
                .col_expr(survey_criteria::Column::NameRu, Expr::value(c.name_ru.clone()))
                .col_expr(survey_criteria::Column::NameEn, Expr::value(c.name_en.clone()))
                .col_expr(survey_criteria::Column::Position, Expr::value(position))
                .col_expr(survey_criteria::Column::Active, Expr::value(true))
                .filter(survey_criteria::Column::Key.eq(key))
                .exec()
                .await?;
        } else {
            fresh.push(survey_criteria::ActiveModel::from(survey_criteria::Model {
                id: uuid::Uuid::new_v4(),
                agency_id: tx.agency_id(),
                key,
                name_ru: c.name_ru.clone(),
                name_en: c.name_en.clone(),
                position,
                active: true,
                created_at: now,
            }));
        }
    }
    if !fresh.is_empty() {
        tx.insert_many(fresh).await?;
    }
    let saved = load(&tx).await?;
    tx.commit().await?;
    Ok(SurveySettingsPage { settings: saved, presets: presets(), can_edit: true })
}

/// Every criterion answers may name — the active ones in order, then those taken off the list —
/// as (key, Russian name, English name, active). The built-in ones until the agency saves its
/// own (one query).
pub async fn all_criteria(tx: &TenantTx) -> ApiResult<Vec<(String, String, String, bool)>> {
    let stored = tx
        .find::<survey_criteria::Entity>()
        .order_by_desc(survey_criteria::Column::Active)
        .order_by_asc(survey_criteria::Column::Position)
        .all()
        .await?;
    if stored.is_empty() {
        return Ok(built_in()
            .criteria
            .into_iter()
            .map(|c| (c.key.unwrap_or_default(), c.name_ru, c.name_en, true))
            .collect());
    }
    Ok(stored.into_iter().map(|c| (c.key, c.name_ru, c.name_en, c.active)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_plain_names() {
        assert!(key_ok("price") && key_ok("c_1a2b") && key_ok("five_p"));
        assert!(!key_ok("") && !key_ok("1st") && !key_ok("Price") && !key_ok("цена") && !key_ok(&"a".repeat(33)));
    }

    #[test]
    fn the_built_in_settings_parse_as_they_are() {
        let b = built_in();
        let parsed = parse(&b).expect("the defaults are valid");
        assert_eq!(parsed.criteria, b.criteria);
        assert_eq!(parsed.nps_ru, b.nps_ru);
        assert!(!parsed.built_in);
    }

    #[test]
    fn bad_settings_are_refused_whole() {
        let mut b = built_in();
        b.criteria.push(b.criteria[0].clone());
        assert!(parse(&b).is_err(), "a criterion twice");
        let mut b = built_in();
        b.criteria.clear();
        assert!(parse(&b).is_err(), "no criteria");
        let mut b = built_in();
        b.recontact_max = 0;
        assert!(parse(&b).is_err());
        let mut b = built_in();
        b.nps_en.why_passive = " ".into();
        assert!(parse(&b).is_err());
        let mut b = built_in();
        b.criteria.push(SurveyCriterion { key: None, name_ru: "Качество".into(), name_en: "Quality".into() });
        let parsed = parse(&b).unwrap();
        assert!(parsed.criteria[3].key.as_deref().is_some_and(|k| k.starts_with("c_") && key_ok(k)));
    }
}

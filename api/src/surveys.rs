//! Satisfaction figures (NPS and CSI) as the staff analytics send them. The formulas are in
//! `server/src/surveys/score.rs` and follow `shared/PRODUCT.md` exactly; a group without answers
//! has no figure at all (`None`), never 0.

use crate::types::wire_enum;
use serde::{Deserialize, Serialize};

wire_enum!(
    /// Where an NPS answer falls: 0–6 detractor, 7–8 passive, 9–10 promoter.
    NpsClass { Detractor = "detractor", Passive = "passive", Promoter = "promoter" }
);

impl NpsClass {
    /// The class of a 0–10 score (`None` above 10).
    pub fn of(score: u8) -> Option<Self> {
        match score {
            0..=6 => Some(Self::Detractor),
            7..=8 => Some(Self::Passive),
            9..=10 => Some(Self::Promoter),
            _ => None,
        }
    }
}

wire_enum!(
    /// A CSI criterion's place in the importance–performance grid, split at the means of the
    /// criteria's mean importance and mean satisfaction (a value at a mean counts as high):
    /// important and below-average satisfaction — concentrate here; important and satisfied —
    /// keep up; neither — low priority; satisfying beyond its importance — possible overkill.
    Quadrant {
        ConcentrateHere = "concentrate_here",
        KeepUp = "keep_up",
        LowPriority = "low_priority",
        PossibleOverkill = "possible_overkill",
    }
);

/// NPS of a set of answers: % promoters − % detractors over all of them (passives count in the
/// denominator), −100..100, rounded to one decimal; `n` beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsFigure {
    pub score: f64,
    pub n: u32,
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
}

/// One criterion over a set of answers: its mean importance and mean satisfaction (1–10, two
/// decimals), how many answers rated it, its weight in the CSI and its quadrant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionFigure {
    /// The criterion's key within the agency (e.g. `price`).
    pub key: String,
    pub importance: f64,
    pub satisfaction: f64,
    pub n: u32,
    /// Mean importance over the sum of the criteria's mean importances (four decimals).
    pub weight: f64,
    pub quadrant: Quadrant,
}

/// CSI of a set of answers: 10 × Σ wᵢ·Sᵢ with wᵢ = Iᵢ / ΣI over the criteria's mean importance and
/// satisfaction, on 10..100, rounded to one decimal; `n` answers rated at least one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CsiFigure {
    pub score: f64,
    pub n: u32,
    /// The importance and satisfaction means the quadrants are split at.
    pub importance_mean: f64,
    pub satisfaction_mean: f64,
    pub criteria: Vec<CriterionFigure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_score() {
        let classes: Vec<_> = (0..=11).map(NpsClass::of).collect();
        assert_eq!(&classes[..7], &[Some(NpsClass::Detractor); 7]);
        assert_eq!(&classes[7..9], &[Some(NpsClass::Passive); 2]);
        assert_eq!(&classes[9..11], &[Some(NpsClass::Promoter); 2]);
        assert_eq!(classes[11], None);
    }
}

/// The NPS question and its "why?" follow-up for each class, in one language. `{agency}` in
/// the question is replaced by the agency's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsTexts {
    pub question: String,
    pub why_detractor: String,
    pub why_passive: String,
    pub why_promoter: String,
}

/// A CSI criterion: rated for importance and for satisfaction, 1–10 each. `key` is stable
/// within the agency (past answers refer to it); a new criterion is sent without one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveyCriterion {
    #[serde(default)]
    pub key: Option<String>,
    pub name_ru: String,
    pub name_en: String,
}

/// An agency's survey settings (the built-in ones until an owner or admin saves them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySettings {
    pub nps_ru: NpsTexts,
    pub nps_en: NpsTexts,
    /// 1–10 CSI criteria, in the order they are asked.
    pub criteria: Vec<SurveyCriterion>,
    /// A contact is asked at most this many times in six months across campaigns (1–12).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub recontact_max: u8,
    /// Working days (Monday–Friday) a detractor's follow-up is due in (0–10).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 10))]
    pub followup_days: u8,
    /// Nothing saved yet: these are Accord's defaults (ignored on save).
    #[serde(default)]
    pub built_in: bool,
}

/// A ready-made set of CSI criteria the settings form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriteriaPreset {
    /// `default` (price, timeline, service) or `five_p` (product, price, place, promotion, people).
    pub key: String,
    pub criteria: Vec<SurveyCriterion>,
}

/// The settings page: the agency's settings and the presets to start criteria from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SurveySettingsPage {
    pub settings: SurveySettings,
    pub presets: Vec<CriteriaPreset>,
    /// Whether the caller may change them (owners and admins).
    pub can_edit: bool,
}

/// At most this many CSI criteria per agency.
pub const MAX_CRITERIA: usize = 10;

/// The criteria sets every agency may start from, in their order.
pub fn presets() -> Vec<CriteriaPreset> {
    let c = |key: &str, ru: &str, en: &str| SurveyCriterion {
        key: Some(key.to_string()),
        name_ru: ru.to_string(),
        name_en: en.to_string(),
    };
    vec![
        CriteriaPreset {
            key: "default".into(),
            criteria: vec![
                c("price", "Цена", "Price"),
                c("timeline", "Сроки", "Timeline"),
                c("service", "Сервис", "Service"),
            ],
        },
        CriteriaPreset {
            key: "five_p".into(),
            criteria: vec![
                c("product", "Продукт", "Product"),
                c("price", "Цена", "Price"),
                c("place", "Доступность", "Place"),
                c("promotion", "Продвижение", "Promotion"),
                c("people", "Люди", "People"),
            ],
        },
    ]
}

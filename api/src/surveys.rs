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

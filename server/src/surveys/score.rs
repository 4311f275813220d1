//! The satisfaction formulas, exactly as `shared/PRODUCT.md` states them. Figures are made from
//! tallies, which take single answers or the sums a grouped SQL query returns, so a group of
//! 100,000 answers is summed by the database and finished here.
//!
//! - NPS = % promoters (9–10) − % detractors (0–6) over all answers in the set; passives (7–8)
//!   count in the denominator; −100..100, with n beside it.
//! - CSI of a group = 10 × Σ wᵢ·S̄ᵢ, wᵢ = Īᵢ / ΣĪ, where Īᵢ and S̄ᵢ are criterion i's mean
//!   importance and mean satisfaction over the group's answers (one answer is a group of one):
//!   10..100. Quadrants split at the means of the Īᵢ and of the S̄ᵢ.
//! - No answers: no figure (`None`), never 0.

use accord_api::surveys::{CriterionFigure, CsiFigure, NpsClass, NpsFigure, Quadrant};

/// Tolerance for "at the mean" (a value at a mean counts as high).
const EPS: f64 = 1e-9;

fn round_to(value: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (value * f).round() / f
}

/// The NPS classes counted over a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NpsTally {
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
}

impl NpsTally {
    /// Counts one 0–10 answer (a score above 10 is not an answer and is left out).
    pub fn add(&mut self, score: u8) {
        match NpsClass::of(score) {
            Some(NpsClass::Promoter) => self.promoters += 1,
            Some(NpsClass::Passive) => self.passives += 1,
            Some(NpsClass::Detractor) => self.detractors += 1,
            None => {}
        }
    }

    /// Adds another tally (e.g. a group's counts from SQL).
    pub fn merge(&mut self, other: NpsTally) {
        self.promoters += other.promoters;
        self.passives += other.passives;
        self.detractors += other.detractors;
    }

    pub fn n(&self) -> u32 {
        self.promoters + self.passives + self.detractors
    }

    /// The figure, or `None` without answers.
    pub fn figure(&self) -> Option<NpsFigure> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        let score = 100.0 * (f64::from(self.promoters) - f64::from(self.detractors)) / f64::from(n);
        Some(NpsFigure {
            score: round_to(score, 1),
            n,
            promoters: self.promoters,
            passives: self.passives,
            detractors: self.detractors,
        })
    }
}

/// One criterion's sums over a group: importance and satisfaction (each 1–10) and how many
/// answers rated it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Sums {
    importance: u64,
    satisfaction: u64,
    n: u32,
}

/// The CSI ratings of a group, per criterion, in the order the criteria are first met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsiTally {
    criteria: Vec<(String, Sums)>,
    answers: u32,
}

impl CsiTally {
    /// A tally whose criteria come in `order` (criteria nobody rated are left out of figures).
    pub fn with_order<'a>(order: impl IntoIterator<Item = &'a str>) -> Self {
        Self { criteria: order.into_iter().map(|k| (k.to_string(), Sums::default())).collect(), answers: 0 }
    }

    fn sums(&mut self, key: &str) -> &mut Sums {
        let at = match self.criteria.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                self.criteria.push((key.to_string(), Sums::default()));
                self.criteria.len() - 1
            }
        };
        &mut self.criteria[at].1
    }

    /// Counts one answer: (criterion, importance, satisfaction) for each criterion it rated.
    /// A rating outside 1–10 is not a rating and is left out (as a score above 10 is for NPS).
    pub fn add_answer<'a>(&mut self, ratings: impl IntoIterator<Item = (&'a str, u8, u8)>) {
        let mut any = false;
        for (key, importance, satisfaction) in ratings {
            if !(1..=10).contains(&importance) || !(1..=10).contains(&satisfaction) {
                continue;
            }
            let s = self.sums(key);
            s.importance += u64::from(importance);
            s.satisfaction += u64::from(satisfaction);
            s.n += 1;
            any = true;
        }
        if any {
            self.answers += 1;
        }
    }

    /// Adds a criterion's sums over `n` ratings (from a grouped SQL query).
    pub fn add_sums(&mut self, key: &str, importance: u64, satisfaction: u64, n: u32) {
        let s = self.sums(key);
        s.importance += importance;
        s.satisfaction += satisfaction;
        s.n += n;
    }

    /// Adds `n` answers that rated at least one criterion (with [`CsiTally::add_sums`]).
    pub fn add_answers(&mut self, n: u32) {
        self.answers += n;
    }

    /// The figure, or `None` when no criterion was rated.
    pub fn figure(&self) -> Option<CsiFigure> {
        let means: Vec<(&str, f64, f64, u32)> = self
            .criteria
            .iter()
            .filter(|(_, s)| s.n > 0)
            .map(|(k, s)| {
                let n = f64::from(s.n);
                (k.as_str(), s.importance as f64 / n, s.satisfaction as f64 / n, s.n)
            })
            .collect();
        if means.is_empty() {
            return None;
        }
        let total_importance: f64 = means.iter().map(|m| m.1).sum();
        // Sums from SQL come from stored 1–10 ratings; a zero total would be no data.
        if total_importance <= 0.0 {
            return None;
        }
        let k = means.len() as f64;
        let importance_mean = total_importance / k;
        let satisfaction_mean = means.iter().map(|m| m.2).sum::<f64>() / k;
        let score = 10.0 * means.iter().map(|m| m.1 / total_importance * m.2).sum::<f64>();
        let criteria = means
            .iter()
            .map(|&(key, importance, satisfaction, n)| CriterionFigure {
                key: key.to_string(),
                importance: round_to(importance, 2),
                satisfaction: round_to(satisfaction, 2),
                n,
                weight: round_to(importance / total_importance, 4),
                quadrant: quadrant(importance, satisfaction, importance_mean, satisfaction_mean),
            })
            .collect();
        Some(CsiFigure {
            score: round_to(score, 1),
            n: self.answers,
            importance_mean: round_to(importance_mean, 2),
            satisfaction_mean: round_to(satisfaction_mean, 2),
            criteria,
        })
    }
}

/// The quadrant of a criterion with mean importance `i` and mean satisfaction `s`, split at
/// the means (a value at a mean counts as high).
pub fn quadrant(i: f64, s: f64, importance_mean: f64, satisfaction_mean: f64) -> Quadrant {
    match (i + EPS >= importance_mean, s + EPS >= satisfaction_mean) {
        (true, false) => Quadrant::ConcentrateHere,
        (true, true) => Quadrant::KeepUp,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nps(scores: &[u8]) -> Option<NpsFigure> {
        let mut t = NpsTally::default();
        scores.iter().for_each(|&s| t.add(s));
        t.figure()
    }

    #[test]
    fn nps_by_hand() {
        // No answers: no data, never 0.
        assert_eq!(nps(&[]), None);
        // All passives: 0, with n.
        let all_passive = nps(&[7, 8, 8, 7]).unwrap();
        assert_eq!((all_passive.score, all_passive.n, all_passive.passives), (0.0, 4, 4));
        // One respondent.
        assert_eq!(nps(&[10]).unwrap().score, 100.0);
        assert_eq!(nps(&[0]).unwrap().score, -100.0);
        assert_eq!(nps(&[6]).unwrap().score, -100.0);
        // 5 promoters, 3 passives, 2 detractors of 10: 50 % − 20 % = 30.
        let mixed = nps(&[9, 10, 9, 10, 9, 7, 8, 7, 3, 6]).unwrap();
        assert_eq!(mixed, NpsFigure { score: 30.0, n: 10, promoters: 5, passives: 3, detractors: 2 });
        // 1 promoter and 2 detractors: (1 − 2) / 3 = −33.3…
        assert_eq!(nps(&[9, 2, 5]).unwrap().score, -33.3);
        // 2 promoters of 3: 66.66… → 66.7.
        assert_eq!(nps(&[9, 10, 7]).unwrap().score, 66.7);
        // Out-of-range scores are not answers.
        assert_eq!(nps(&[11]), None);
    }

    #[test]
    fn nps_tallies_merge_like_answers() {
        let mut a = NpsTally::default();
        [9, 3].iter().for_each(|&s| a.add(s));
        let b = NpsTally { promoters: 1, passives: 2, detractors: 0 };
        a.merge(b);
        assert_eq!(a.figure(), nps(&[9, 3, 10, 7, 8]));
    }

    #[test]
    fn csi_of_one_answer_by_hand() {
        let mut t = CsiTally::with_order(["price", "timeline", "service"]);
        t.add_answer([("price", 8, 6), ("timeline", 6, 9), ("service", 10, 7)]);
        let f = t.figure().unwrap();
        // ΣI = 24; Σ I·S = 48 + 54 + 70 = 172; CSI = 10 × 172 / 24 = 71.67.
        assert_eq!(f.score, 71.7);
        assert_eq!(f.n, 1);
        // Means: importance 8, satisfaction 7.33.
        assert_eq!((f.importance_mean, f.satisfaction_mean), (8.0, 7.33));
        let q: Vec<_> = f.criteria.iter().map(|c| (c.key.as_str(), c.weight, c.quadrant)).collect();
        assert_eq!(
            q,
            [
                ("price", 0.3333, Quadrant::ConcentrateHere),
                ("timeline", 0.25, Quadrant::PossibleOverkill),
                ("service", 0.4167, Quadrant::ConcentrateHere),
            ]
        );
    }

    #[test]
    fn csi_of_a_group_uses_the_criteria_means() {
        // A: price (10, 4), service (5, 10); B: price (6, 8), service (5, 6).
        // Price: Ī 8, S̄ 6; service: Ī 5, S̄ 8. CSI = 10 × (8·6 + 5·8) / 13 = 67.69 — not the
        // mean of the answers' own CSIs (60 and 70.9).
        let mut t = CsiTally::default();
        t.add_answer([("price", 10, 4), ("service", 5, 10)]);
        t.add_answer([("price", 6, 8), ("service", 5, 6)]);
        let f = t.figure().unwrap();
        assert_eq!((f.score, f.n), (67.7, 2));
        assert_eq!(f.criteria[0].quadrant, Quadrant::ConcentrateHere);
        assert_eq!(f.criteria[1].quadrant, Quadrant::PossibleOverkill);
        // The same from SQL sums.
        let mut s = CsiTally::default();
        s.add_sums("price", 16, 12, 2);
        s.add_sums("service", 10, 16, 2);
        s.add_answers(2);
        assert_eq!(s.figure(), Some(f));
    }

    #[test]
    fn csi_bounds_equal_ratings_and_no_data() {
        assert_eq!(CsiTally::with_order(["price"]).figure(), None);
        let mut none_rated = CsiTally::default();
        none_rated.add_answer([]);
        assert_eq!(none_rated.figure(), None);
        // Ratings outside 1–10 are not ratings.
        let mut out_of_range = CsiTally::default();
        out_of_range.add_answer([("price", 0, 5), ("service", 5, 11)]);
        assert_eq!(out_of_range.figure(), None);
        let mut low = CsiTally::default();
        low.add_answer([("price", 3, 1), ("service", 9, 1)]);
        assert_eq!(low.figure().unwrap().score, 10.0);
        let mut high = CsiTally::default();
        high.add_answer([("price", 3, 10), ("service", 9, 10)]);
        let high = high.figure().unwrap();
        assert_eq!(high.score, 100.0);
        // Everything at the means: keep up.
        let mut flat = CsiTally::default();
        flat.add_answer([("price", 5, 5), ("timeline", 5, 5), ("service", 5, 5)]);
        assert!(flat.figure().unwrap().criteria.iter().all(|c| c.quadrant == Quadrant::KeepUp));
        // A criterion nobody rated stays out (and out of the weights).
        let mut partial = CsiTally::with_order(["price", "timeline", "service"]);
        partial.add_answer([("price", 4, 10), ("service", 6, 5)]);
        let p = partial.figure().unwrap();
        assert_eq!(p.criteria.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["price", "service"]);
        assert_eq!(p.score, 70.0);
    }

    #[test]
    fn quadrants_split_at_the_means() {
        assert_eq!(quadrant(8.0, 5.0, 7.0, 6.0), Quadrant::ConcentrateHere);
        assert_eq!(quadrant(8.0, 7.0, 7.0, 6.0), Quadrant::KeepUp);
        assert_eq!(quadrant(6.0, 5.0, 7.0, 6.0), Quadrant::LowPriority);
        assert_eq!(quadrant(6.0, 7.0, 7.0, 6.0), Quadrant::PossibleOverkill);
        assert_eq!(quadrant(7.0, 6.0, 7.0, 6.0), Quadrant::KeepUp);
    }
}

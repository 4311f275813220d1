//! What a survey asks — the NPS texts in both languages, the CSI criteria, extra questions — as
//! frozen on a wave when it opens (a later change of the settings does not change a wave that
//! is out), and how an answer to it is checked: a draft may be partial, a submitted answer is
//! complete (NPS when asked; both ratings of every criterion when CSI is asked).

use crate::error::{ApiError, ApiResult};
use accord_api::error::Code;
use accord_api::input;
use accord_api::surveys::{
    AnswerInput, ExtraAnswer, ExtraKind, ExtraQuestion, FormCriterion, FormExtra, NpsTexts, RatingInput,
    SurveyCriterion, SurveySettings,
};
use accord_api::Locale;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The NPS texts in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsBoth {
    pub ru: NpsTexts,
    pub en: NpsTexts,
}

/// The questions of a wave (or of a phone answer outside a campaign).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Questions {
    pub nps: Option<NpsBoth>,
    /// Criteria with their keys; empty when CSI is not asked.
    pub criteria: Vec<SurveyCriterion>,
    pub extras: Vec<ExtraQuestion>,
}

impl Questions {
    /// The questions of a campaign as the settings stand now.
    pub fn of(settings: &SurveySettings, nps: bool, csi: bool, extras: &[ExtraQuestion]) -> Self {
        Self {
            nps: nps.then(|| NpsBoth { ru: settings.nps_ru.clone(), en: settings.nps_en.clone() }),
            criteria: if csi { settings.criteria.clone() } else { Vec::new() },
            extras: extras.to_vec(),
        }
    }

    pub fn parse(json: &str) -> ApiResult<Self> {
        serde_json::from_str(json).map_err(|e| ApiError::internal(format!("survey questions: {e}")))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// The NPS texts in `locale` with `{agency}` filled in.
    pub fn nps_texts(&self, locale: Locale, agency: &str) -> Option<NpsTexts> {
        let both = self.nps.as_ref()?;
        let t = match locale {
            Locale::Ru => &both.ru,
            Locale::En => &both.en,
        };
        Some(NpsTexts { question: t.question.replace("{agency}", agency), ..t.clone() })
    }

    pub fn form_criteria(&self, locale: Locale) -> Vec<FormCriterion> {
        self.criteria
            .iter()
            .map(|c| FormCriterion {
                key: c.key.clone().unwrap_or_default(),
                name: match locale {
                    Locale::Ru => c.name_ru.clone(),
                    Locale::En => c.name_en.clone(),
                },
            })
            .collect()
    }

    pub fn form_extras(&self, locale: Locale) -> Vec<FormExtra> {
        self.extras
            .iter()
            .map(|e| FormExtra {
                key: e.key.clone().unwrap_or_default(),
                kind: e.kind,
                text: match locale {
                    Locale::Ru => e.text_ru.clone(),
                    Locale::En => e.text_en.clone(),
                },
                options: match locale {
                    Locale::Ru => e.options_ru.clone(),
                    Locale::En => e.options_en.clone(),
                },
            })
            .collect()
    }
}

/// An answer checked against its questions: ratings in the criteria's order, both given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub nps: Option<u8>,
    pub why: String,
    /// (criterion key, importance, satisfaction).
    pub ratings: Vec<(String, u8, u8)>,
    pub extras: Vec<ExtraAnswer>,
}

fn invalid(field: String, message: impl Into<String>) -> ApiError {
    ApiError::invalid(&field, Code::ValidationFailed, message)
}

fn rating(field: String, value: Option<u8>) -> ApiResult<Option<u8>> {
    match value {
        Some(v) if !(1..=10).contains(&v) => Err(invalid(field, "Rate from 1 to 10.")),
        v => Ok(v),
    }
}

/// Checks a draft: every value given must fit its question; anything may be missing. Returns
/// the draft as it will be stored.
pub fn check_draft(q: &Questions, a: &AnswerInput) -> ApiResult<AnswerInput> {
    check(q, a, false).map(|(draft, _)| draft)
}

/// Checks a submitted answer: complete, and every value fits its question.
pub fn check_submit(q: &Questions, a: &AnswerInput) -> ApiResult<Checked> {
    let (_, checked) = check(q, a, true)?;
    checked.ok_or_else(|| invalid("nps".into(), "Answer the questions before sending."))
}

fn check(q: &Questions, a: &AnswerInput, complete: bool) -> ApiResult<(AnswerInput, Option<Checked>)> {
    if let Some(n) = a.nps {
        if n > 10 {
            return Err(invalid("nps".into(), "Choose a score from 0 to 10."));
        }
        if q.nps.is_none() {
            return Err(invalid("nps".into(), "This survey does not ask for a score."));
        }
    } else if complete && q.nps.is_some() {
        return Err(invalid("nps".into(), "Choose a score from 0 to 10."));
    }
    let why = input::Note::parse(&a.why).map_err(|e| invalid("why".into(), e.message()))?.to_string();
    let known: Vec<String> = q.criteria.iter().filter_map(|c| c.key.clone()).collect();
    let mut seen = HashSet::new();
    let mut given: Vec<RatingInput> = Vec::new();
    for (i, r) in a.ratings.iter().enumerate() {
        if !known.contains(&r.key) {
            return Err(invalid(format!("ratings[{i}].key"), "Rate the survey's own criteria."));
        }
        if !seen.insert(r.key.clone()) {
            return Err(invalid(format!("ratings[{i}].key"), "Each criterion is rated once."));
        }
        given.push(RatingInput {
            key: r.key.clone(),
            importance: rating(format!("ratings[{i}].importance"), r.importance)?,
            satisfaction: rating(format!("ratings[{i}].satisfaction"), r.satisfaction)?,
        });
    }
    let mut ratings = Vec::new();
    if complete {
        for key in &known {
            let r = given.iter().find(|r| &r.key == key);
            match r.and_then(|r| r.importance.zip(r.satisfaction)) {
                Some((i, s)) => ratings.push((key.clone(), i, s)),
                None => {
                    let at = given.iter().position(|r| &r.key == key).unwrap_or(given.len());
                    return Err(invalid(
                        format!("ratings[{at}]"),
                        "Rate how important and how satisfying each point is.",
                    ));
                }
            }
        }
    }
    let mut extras = Vec::new();
    let mut seen = HashSet::new();
    for (i, e) in a.extras.iter().enumerate() {
        let Some(question) = q.extras.iter().find(|x| x.key.as_deref() == Some(e.key.as_str())) else {
            return Err(invalid(format!("extras[{i}].key"), "Answer the survey's own questions."));
        };
        if !seen.insert(e.key.clone()) {
            return Err(invalid(format!("extras[{i}].key"), "Each question is answered once."));
        }
        let value = match question.kind {
            ExtraKind::Text => input::Note::parse(&e.value)
                .map_err(|err| invalid(format!("extras[{i}].value"), err.message()))?
                .to_string(),
            ExtraKind::Choice if e.value.trim().is_empty() => String::new(),
            ExtraKind::Choice => match e.value.trim().parse::<usize>() {
                Ok(n) if n < question.options_en.len() => n.to_string(),
                _ => return Err(invalid(format!("extras[{i}].value"), "Choose one of the options.")),
            },
        };
        if !value.is_empty() {
            extras.push(ExtraAnswer { key: e.key.clone(), value });
        }
    }
    let draft = AnswerInput { nps: a.nps, why: why.clone(), ratings: given, extras: extras.clone() };
    let checked = complete.then_some(Checked { nps: a.nps, why, ratings, extras });
    Ok((draft, checked))
}

/// Checks the extra questions of a campaign and gives each its key.
pub fn parse_extras(extras: &[ExtraQuestion]) -> ApiResult<Vec<ExtraQuestion>> {
    if extras.len() > 5 {
        return Err(invalid("extras".into(), "Ask at most 5 extra questions."));
    }
    let mut out = Vec::with_capacity(extras.len());
    for (i, e) in extras.iter().enumerate() {
        let f = |name: &str| format!("extras[{i}].{name}");
        let text_ru =
            input::Question::parse(&e.text_ru).map_err(|err| invalid(f("text_ru"), err.message()))?.to_string();
        let text_en =
            input::Question::parse(&e.text_en).map_err(|err| invalid(f("text_en"), err.message()))?.to_string();
        let (options_ru, options_en) = match e.kind {
            ExtraKind::Text => (Vec::new(), Vec::new()),
            ExtraKind::Choice => {
                if !(2..=10).contains(&e.options_ru.len()) || e.options_ru.len() != e.options_en.len() {
                    return Err(invalid(f("options_en"), "A choice has 2 to 10 options, the same in both languages."));
                }
                let parse = |list: &[String], name: &str| -> ApiResult<Vec<String>> {
                    list.iter()
                        .enumerate()
                        .map(|(j, o)| {
                            input::Name::parse(o)
                                .map(|n| n.to_string())
                                .map_err(|err| invalid(format!("extras[{i}].{name}[{j}]"), err.message()))
                        })
                        .collect()
                };
                (parse(&e.options_ru, "options_ru")?, parse(&e.options_en, "options_en")?)
            }
        };
        let key = match e.key.as_deref().filter(|k| !k.is_empty()) {
            Some(k) if k.len() <= 32 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => k.to_string(),
            Some(_) => return Err(invalid(f("key"), "Leave the key out for a new question.")),
            None => format!("x_{}", &uuid::Uuid::new_v4().simple().to_string()[..10]),
        };
        out.push(ExtraQuestion { key: Some(key), kind: e.kind, text_ru, text_en, options_ru, options_en });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_api::surveys::presets;

    fn questions(nps: bool, csi: bool) -> Questions {
        let texts = crate::surveys::settings::built_in_texts(Locale::En);
        Questions {
            nps: nps.then(|| NpsBoth { ru: texts.clone(), en: texts }),
            criteria: if csi { presets()[0].criteria.clone() } else { Vec::new() },
            extras: vec![ExtraQuestion {
                key: Some("x_pick".into()),
                kind: ExtraKind::Choice,
                text_ru: "Выбор".into(),
                text_en: "Pick".into(),
                options_ru: vec!["А".into(), "Б".into()],
                options_en: vec!["A".into(), "B".into()],
            }],
        }
    }

    fn r(key: &str, i: Option<u8>, s: Option<u8>) -> RatingInput {
        RatingInput { key: key.into(), importance: i, satisfaction: s }
    }

    #[test]
    fn a_draft_may_be_partial_but_never_wrong() {
        let q = questions(true, true);
        let partial = AnswerInput { nps: Some(4), ratings: vec![r("price", Some(9), None)], ..Default::default() };
        assert_eq!(check_draft(&q, &partial).unwrap().ratings.len(), 1);
        for bad in [
            AnswerInput { nps: Some(11), ..Default::default() },
            AnswerInput { ratings: vec![r("price", Some(0), None)], ..Default::default() },
            AnswerInput { ratings: vec![r("quality", Some(5), None)], ..Default::default() },
            AnswerInput { ratings: vec![r("price", Some(5), None), r("price", Some(5), None)], ..Default::default() },
            AnswerInput { extras: vec![ExtraAnswer { key: "x_pick".into(), value: "2".into() }], ..Default::default() },
        ] {
            assert!(check_draft(&q, &bad).is_err(), "{bad:?}");
        }
        assert!(check_draft(&questions(false, true), &AnswerInput { nps: Some(5), ..Default::default() }).is_err());
    }

    #[test]
    fn a_submitted_answer_is_complete() {
        let q = questions(true, true);
        let full = AnswerInput {
            nps: Some(9),
            why: "Fast".into(),
            ratings: vec![
                r("service", Some(6), Some(7)),
                r("price", Some(9), Some(5)),
                r("timeline", Some(8), Some(8)),
            ],
            extras: vec![ExtraAnswer { key: "x_pick".into(), value: "1".into() }],
        };
        let c = check_submit(&q, &full).unwrap();
        let keys: Vec<_> = c.ratings.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(keys, ["price", "timeline", "service"], "in the criteria's order");
        let no_score = AnswerInput { nps: None, ..full.clone() };
        assert_eq!(check_submit(&q, &no_score).unwrap_err().field(), Some("nps"));
        let half = AnswerInput { ratings: vec![r("price", Some(9), None)], ..full.clone() };
        assert!(check_submit(&q, &half).is_err());
        let nps_only = AnswerInput { nps: Some(3), ..Default::default() };
        assert!(check_submit(&questions(true, false), &nps_only).is_ok());
    }
}

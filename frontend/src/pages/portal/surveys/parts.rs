//! The parts of a survey form a mark can point at, which of them a submit still needs, and
//! which one the server's `validation_failed` names.

/// A part of the form: the NPS score, its "why?", one criterion's ratings (by key), the CSI
/// section as a whole, one extra question (by key), or the form as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Nps,
    Why,
    Criterion(String),
    Csi,
    Extra(String),
    Whole,
}

/// What a submit needs and is not there yet: the score when NPS is asked, and both ratings of
/// every criterion (`(key, importance, satisfaction)`). Drafts need nothing.
pub fn missing_parts(asks_nps: bool, nps: Option<u8>, ratings: &[(&str, Option<u8>, Option<u8>)]) -> Vec<Part> {
    let score = (asks_nps && nps.is_none()).then_some(Part::Nps);
    let unrated = ratings
        .iter()
        .filter(|(_, importance, satisfaction)| importance.is_none() || satisfaction.is_none())
        .map(|(key, _, _)| Part::Criterion((*key).to_owned()));
    score.into_iter().chain(unrated).collect()
}

/// The part a 422's `field` names. The server may spell a criterion or an extra by key or by
/// position (`ratings.price.importance`, `ratings[0]`, `extras/1`); one this form does not know
/// falls back to its section, and anything else to the whole form.
pub fn part_named(field: &str, criteria: &[String], extras: &[String]) -> Part {
    let mut words = field.split(['.', '[', ']', '/']).filter(|w| !w.is_empty());
    let head = words.next().unwrap_or_default();
    let pick = |keys: &[String], word: Option<&str>| {
        let word = word?;
        keys.iter().find(|k| *k == word).or_else(|| word.parse::<usize>().ok().and_then(|i| keys.get(i))).cloned()
    };
    match head {
        "nps" => Part::Nps,
        "why" => Part::Why,
        "ratings" | "criteria" => pick(criteria, words.next()).map_or(Part::Csi, Part::Criterion),
        "extras" => pick(extras, words.next()).map_or(Part::Whole, Part::Extra),
        key if criteria.iter().any(|k| k == key) => Part::Criterion(key.to_owned()),
        key if extras.iter().any(|k| k == key) => Part::Extra(key.to_owned()),
        _ => Part::Whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| (*k).to_owned()).collect()
    }

    #[test]
    fn a_submit_needs_the_score_and_both_ratings() {
        let ratings = [("price", Some(3), Some(9)), ("timeline", Some(5), None), ("service", None, None)];
        assert_eq!(
            missing_parts(true, None, &ratings),
            [Part::Nps, Part::Criterion("timeline".into()), Part::Criterion("service".into())]
        );
        assert_eq!(missing_parts(false, None, &ratings[..1]), []);
        assert_eq!(missing_parts(true, Some(0), &[]), [], "0 is a score");
    }

    #[test]
    fn the_field_names_a_part_by_key_or_position() {
        let (criteria, extras) = (keys(&["price", "timeline"]), keys(&["x1"]));
        let named = |field| part_named(field, &criteria, &extras);
        assert_eq!(named("nps"), Part::Nps);
        assert_eq!(named("why"), Part::Why);
        assert_eq!(named("ratings.timeline.importance"), Part::Criterion("timeline".into()));
        assert_eq!(named("ratings[0].satisfaction"), Part::Criterion("price".into()));
        assert_eq!(named("ratings/1"), Part::Criterion("timeline".into()));
        assert_eq!(named("ratings"), Part::Csi);
        assert_eq!(named("ratings.unknown"), Part::Csi);
        assert_eq!(named("extras.x1"), Part::Extra("x1".into()));
        assert_eq!(named("extras[0].value"), Part::Extra("x1".into()));
        assert_eq!(named("price"), Part::Criterion("price".into()));
        assert_eq!(named(""), Part::Whole);
        assert_eq!(named("campaign"), Part::Whole);
    }
}

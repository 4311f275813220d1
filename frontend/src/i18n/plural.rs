//! Counted nouns: the CLDR plural rules of Russian and English, and [`Plural`], a text in the
//! forms its language needs ("1 задача, 2 задачи, 5 задач"; "1 item, 2 items").

use super::fill;
use accord_api::Locale;

/// A CLDR plural category (the ones Russian and English use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// The category of a number with integer part `i` and `v` visible fraction digits ("1,5" is
/// `i = 1, v = 1`), after CLDR:
/// - ru: one `v = 0 and i % 10 = 1 and i % 100 != 11`; few `v = 0 and i % 10 = 2..4 and
///   i % 100 != 12..14`; many for the other whole numbers; other for fractions;
/// - en: one `i = 1 and v = 0`; other.
pub fn category(locale: Locale, i: u64, v: u32) -> Category {
    match locale {
        Locale::Ru if v > 0 => Category::Other,
        Locale::Ru => match (i % 10, i % 100) {
            (1, n100) if n100 != 11 => Category::One,
            (2..=4, n100) if !(12..=14).contains(&n100) => Category::Few,
            _ => Category::Many,
        },
        Locale::En if i == 1 && v == 0 => Category::One,
        Locale::En => Category::Other,
    }
}

/// A text about a count, in each form its language uses; `{0}` is the count.
#[derive(Clone, Copy)]
pub struct Plural {
    locale: Locale,
    /// ru: one, few, many; en: one, other, other.
    forms: [&'static str; 3],
}

impl Plural {
    pub const fn ru(one: &'static str, few: &'static str, many: &'static str) -> Self {
        Self { locale: Locale::Ru, forms: [one, few, many] }
    }

    pub const fn en(one: &'static str, other: &'static str) -> Self {
        Self { locale: Locale::En, forms: [one, other, other] }
    }

    /// The form for `n` whole things.
    pub fn form(&self, n: u64) -> &'static str {
        match category(self.locale, n, 0) {
            Category::One => self.forms[0],
            // Russian puts fractions in the genitive singular, as after 2–4 ("1,5 часа").
            Category::Few | Category::Other => self.forms[1],
            Category::Many => self.forms[2],
        }
    }

    /// "5 задач": the form for `n` with `n` as `{0}`.
    pub fn count(&self, n: u64) -> String {
        fill(self.form(n), &[&n])
    }

    /// The form for `n` with `values` as `{0}`, `{1}`… (the count among them where it is shown).
    pub fn fill(&self, n: u64, values: &[&dyn std::fmt::Display]) -> String {
        fill(self.form(n), values)
    }

    #[cfg(test)]
    pub fn forms(&self) -> Vec<&'static str> {
        match self.locale {
            Locale::Ru => self.forms.to_vec(),
            Locale::En => self.forms[..2].to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{category, Category, Plural};
    use accord_api::Locale;

    const NUMBERS: [u64; 12] = [0, 1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111];

    #[test]
    fn russian_has_one_few_many() {
        use Category::*;
        let expected = [Many, One, Few, Many, Many, Many, Many, One, Few, Many, One, Many];
        for (n, want) in NUMBERS.into_iter().zip(expected) {
            assert_eq!(category(Locale::Ru, n, 0), want, "{n}");
        }
        // Fractions: "1,5 задачи", "0,5 задачи".
        assert_eq!(category(Locale::Ru, 1, 1), Other);
        assert_eq!(category(Locale::Ru, 0, 1), Other);
    }

    #[test]
    fn english_has_one_other() {
        use Category::*;
        let expected = [Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other];
        for (n, want) in NUMBERS.into_iter().zip(expected) {
            assert_eq!(category(Locale::En, n, 0), want, "{n}");
        }
        assert_eq!(category(Locale::En, 1, 1), Other);
    }

    #[test]
    fn counts_pick_their_form() {
        let ru = Plural::ru("{0} задача", "{0} задачи", "{0} задач");
        let shown: Vec<String> = NUMBERS.into_iter().map(|n| ru.count(n)).collect();
        assert_eq!(
            shown,
            [
                "0 задач",
                "1 задача",
                "2 задачи",
                "5 задач",
                "11 задач",
                "12 задач",
                "14 задач",
                "21 задача",
                "22 задачи",
                "25 задач",
                "101 задача",
                "111 задач"
            ]
        );
        let en = Plural::en("{0} item", "{0} items");
        assert_eq!(en.count(1), "1 item");
        assert_eq!(en.count(0), "0 items");
        assert_eq!(en.count(21), "21 items");
        assert_eq!(en.fill(2, &[&2, &"a.csv"]), "2 items");
    }
}

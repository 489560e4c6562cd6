//! The two languages sverka knows.

use std::fmt;
use std::str::FromStr;

/// A language of one side of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, written as en-GB in translation memories.
    En,
    /// Russian, written as ru-RU in translation memories.
    Ru,
}

impl Lang {
    /// The short code used on the command line: `en` or `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The locale written into TMX files (`xml:lang`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Ru => "ru-RU",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "en-gb" | "eng" | "english" => Ok(Lang::En),
            "ru" | "ru-ru" | "rus" | "russian" => Ok(Lang::Ru),
            _ => Err(format!("unknown language `{s}` (expected `en` or `ru`)")),
        }
    }
}

/// One value per language: the English and the Russian side of something
/// (two files, two texts, two counts), indexed by [`Lang`].
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sides<T> {
    /// The English side.
    pub en: T,
    /// The Russian side.
    pub ru: T,
}

impl<T> Sides<T> {
    /// Both sides from their two values.
    pub fn new(en: T, ru: T) -> Sides<T> {
        Sides { en, ru }
    }

    /// Applies `f` to each side, English first.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Sides<U> {
        Sides {
            en: f(self.en),
            ru: f(self.ru),
        }
    }

    /// Borrows both sides.
    pub fn as_ref(&self) -> Sides<&T> {
        Sides {
            en: &self.en,
            ru: &self.ru,
        }
    }
}

impl<T> std::ops::Index<Lang> for Sides<T> {
    type Output = T;

    fn index(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

impl<T> std::ops::IndexMut<Lang> for Sides<T> {
    fn index_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::En => &mut self.en,
            Lang::Ru => &mut self.ru,
        }
    }
}

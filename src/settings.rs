//! The visitor's display settings: theme and language, as spelled in the URL and in local
//! storage. Plain Rust, tested on the host: reading a stored or typed value never fails, it
//! falls back to the default and says what it could not use.

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follows the operating system's light or dark setting.
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Light or dark, given whether the system prefers dark.
    pub fn resolve(self, system_dark: bool) -> Theme {
        match self {
            Theme::System if system_dark => Theme::Dark,
            Theme::System => Theme::Light,
            other => other,
        }
    }
}

/// The language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The URL and storage spelling, and the value of `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }
}

/// Reads a stored setting: `None` (nothing stored) is the default; a value that is not
/// understood is the default too, with the text that was not understood (at most 40
/// characters) for the page to report.
pub fn read_stored<T: Copy>(raw: Option<&str>, default: T, parse: fn(&str) -> Option<T>) -> (T, Option<String>) {
    match raw {
        None => (default, None),
        Some(text) => match parse(text) {
            Some(v) => (v, None),
            None => (default, Some(text.chars().take(40).collect())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_read_stored_settings_and_refuse_junk_with_a_message() {
        assert_eq!(read_stored(None, Theme::System, Theme::from_code), (Theme::System, None));
        assert_eq!(read_stored(Some("dark"), Theme::System, Theme::from_code), (Theme::Dark, None));
        assert_eq!(read_stored(Some("<b>purple</b>"), Theme::System, Theme::from_code), (Theme::System, Some("<b>purple</b>".to_owned())));
        assert_eq!(read_stored(Some("ja"), Lang::En, Lang::from_code), (Lang::Ja, None));
        assert_eq!(read_stored(Some(&"x".repeat(100)), Lang::En, Lang::from_code).1.map(|s| s.len()), Some(40));
    }

    #[test]
    fn it_can_resolve_the_system_theme() {
        assert_eq!([Theme::System.resolve(true), Theme::System.resolve(false), Theme::Light.resolve(true), Theme::Dark.resolve(false)], [Theme::Dark, Theme::Light, Theme::Light, Theme::Dark]);
    }
}

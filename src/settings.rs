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

/// Reads a stored setting: `None` (nothing stored) is the default without comment; a value
/// that is not understood is the default with a message naming it.
pub fn read_stored<T: Copy>(raw: Option<&str>, what: &str, default: T, parse: fn(&str) -> Option<T>, default_name: &str) -> (T, Option<String>) {
    match raw {
        None => (default, None),
        Some(text) => match parse(text) {
            Some(v) => (v, None),
            None => (default, Some(format!("The saved {what} “{}” is not understood; {default_name} is used.", text.chars().take(40).collect::<String>()))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_read_stored_settings_and_refuse_junk_with_a_message() {
        assert_eq!(read_stored(None, "theme", Theme::System, Theme::from_code, "the system setting"), (Theme::System, None));
        assert_eq!(read_stored(Some("dark"), "theme", Theme::System, Theme::from_code, "the system setting"), (Theme::Dark, None));
        let (t, msg) = read_stored(Some("<b>purple</b>"), "theme", Theme::System, Theme::from_code, "the system setting");
        assert_eq!(t, Theme::System);
        assert_eq!(msg.as_deref(), Some("The saved theme “<b>purple</b>” is not understood; the system setting is used."));
        assert_eq!(read_stored(Some("ja"), "language", Lang::En, Lang::from_code, "English"), (Lang::Ja, None));
    }

    #[test]
    fn it_can_resolve_the_system_theme() {
        assert_eq!([Theme::System.resolve(true), Theme::System.resolve(false), Theme::Light.resolve(true), Theme::Dark.resolve(false)], [Theme::Dark, Theme::Light, Theme::Light, Theme::Dark]);
    }
}

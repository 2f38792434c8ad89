//! The URL scheme: which view a visitor is on and the view's parameters, parsed from and
//! written to the location's fragment (`#/statements?unit=m`).
//!
//! The route lives in the fragment, never in the server path, so the app works on any static
//! host with no rewrite rules, under any sub-path, and from `file://`; every change of view is
//! a new history entry, so back and forward work. Plain Rust: no leptos, web-sys or gloo here,
//! so the parser is tested on the host, and it never panics on any string a visitor can type.

use std::fmt;

/// The views of the explorer, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Overview,
    Statements,
    Ratios,
    Scenarios,
    Charts,
    Sources,
    Documents,
}

impl View {
    /// Every view, in the order the navigation shows them.
    pub const ALL: [View; 7] = [
        View::Overview,
        View::Statements,
        View::Ratios,
        View::Scenarios,
        View::Charts,
        View::Sources,
        View::Documents,
    ];

    /// The path segment of the view in the fragment (`#/ratios`).
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Statements => "statements",
            View::Ratios => "ratios",
            View::Scenarios => "scenarios",
            View::Charts => "charts",
            View::Sources => "sources",
            View::Documents => "documents",
        }
    }

    /// The view's name in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Statements => "Statements",
            View::Ratios => "Ratios",
            View::Scenarios => "Scenarios",
            View::Charts => "Charts",
            View::Sources => "Sources & checks",
            View::Documents => "Documents",
        }
    }

    /// The view whose slug is `slug`, if any.
    pub fn from_slug(slug: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// The fragment that opens this view with no parameters.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }
}

/// Where the fragment points: a view with its parameters, or nowhere the app knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    View {
        view: View,
        /// Query parameters in the order written, percent-decoded. Each view reads the ones
        /// it knows and reports the ones it cannot use.
        params: Vec<(String, String)>,
    },
    /// A fragment that names no view; `path` is the decoded path as the visitor typed it.
    NotFound { path: String },
    /// A deliberate panic, so the end-to-end suite can prove on the release build that the
    /// panic hook replaces a dead page with a message. Reached only by typing `#/selftest/panic`.
    SelfTestPanic,
}

/// The element id a fragment names when it is an in-page anchor rather than a route:
/// `#main-content` (the skip link's target, followed before the app has taken over) is
/// `Some("main-content")`. A route starts with `/` (`#/ratios`); a bare view name (`#ratios`)
/// is still read as the view, and anything else that is not an id's shape is a route too
/// (junk, shown as "Page not found"). The caller decides by whether the page holds the id.
pub fn anchor_id(fragment: &str) -> Option<&str> {
    let id = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut chars = id.chars();
    let shaped = chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (shaped && View::from_slug(&id.to_ascii_lowercase()).is_none()).then_some(id)
}

impl Route {
    /// Parses a location fragment (`#/ratios?id=roe`, `#ratios`, `` or `#`).
    /// An empty fragment is the Overview. Never fails: junk is a `NotFound`.
    pub fn parse(fragment: &str) -> Route {
        let frag = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = match frag.split_once('?') {
            Some((p, q)) => (p, q),
            None => (frag, ""),
        };
        let path = percent_decode(path.trim_matches('/'));
        let params = parse_query(query);
        if path.is_empty() {
            return Route::View { view: View::Overview, params };
        }
        if path == "selftest/panic" {
            return Route::SelfTestPanic;
        }
        match View::from_slug(&path.to_ascii_lowercase()) {
            Some(view) => Route::View { view, params },
            None => Route::NotFound { path },
        }
    }

    /// The view shown, if the route names one.
    pub fn view(&self) -> Option<View> {
        match self {
            Route::View { view, .. } => Some(*view),
            _ => None,
        }
    }

    /// The same route with parameter `key` set to `value` (replacing any earlier value), or
    /// removed when `value` is `None` or empty. Other routes are returned unchanged.
    pub fn with_param(&self, key: &str, value: Option<&str>) -> Route {
        match self {
            Route::View { view, params } => {
                let mut params: Vec<(String, String)> = params.iter().filter(|(k, _)| k != key).cloned().collect();
                if let Some(v) = value.filter(|v| !v.is_empty()) {
                    params.push((key.to_owned(), v.to_owned()));
                }
                Route::View { view: *view, params }
            }
            other => other.clone(),
        }
    }

    /// The first value of query parameter `key`, if present.
    pub fn param(&self, key: &str) -> Option<&str> {
        match self {
            Route::View { params, .. } => params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

impl fmt::Display for Route {
    /// Writes the canonical fragment for the route, parameters percent-encoded.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Route::View { view, params } => {
                write!(f, "#/{}", view.slug())?;
                for (i, (k, v)) in params.iter().enumerate() {
                    let sep = if i == 0 { '?' } else { '&' };
                    write!(f, "{sep}{}={}", percent_encode(k), percent_encode(v))?;
                }
                Ok(())
            }
            Route::NotFound { path } => {
                // A slash at either end would be trimmed when the fragment is read back.
                let encoded = percent_encode(path);
                let inner = encoded.trim_matches('/');
                let lead = encoded.len() - encoded.trim_start_matches('/').len();
                let trail = encoded.len() - lead - inner.len();
                write!(f, "#/{}{inner}{}", "%2F".repeat(lead), "%2F".repeat(trail))
            }
            Route::SelfTestPanic => f.write_str("#/selftest/panic"),
        }
    }
}

/// Splits `a=1&b=two` into decoded pairs; a key with no `=` gets an empty value, empty pieces
/// are skipped.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| match piece.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(piece), String::new()),
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as a space. Malformed escapes are kept as typed, and bytes
/// that do not form UTF-8 become U+FFFD: a hand-edited URL never fails to decode.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters (RFC 3986) and `/`, so fragments stay
/// readable and survive copy-paste.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_write_a_path_with_slashes_at_its_ends_so_that_it_reads_back() {
        // Found by proptest (tests/properties.rs): `#/%2F` is a path "/" that no view has.
        for path in ["/", "//", "/a", "a/", "/a/b/", "ratios/extra"] {
            let route = Route::NotFound { path: path.into() };
            assert_eq!(Route::parse(&route.to_string()), route, "{path}: {route}");
        }
        assert_eq!(Route::NotFound { path: "ratios/extra".into() }.to_string(), "#/ratios/extra");
    }

    #[test]
    fn it_can_tell_an_in_page_anchor_from_a_route() {
        assert_eq!(anchor_id("#main-content"), Some("main-content"));
        assert_eq!(anchor_id("main-content"), Some("main-content"));
        assert_eq!(anchor_id("#fig_1"), Some("fig_1"));
        for route in ["", "#", "#/", "#/ratios", "#ratios", "#Ratios", "#/nope", "#/main-content", "#main-content?x=1", "#1abc", "#a b", "#%41"] {
            assert_eq!(anchor_id(route), None, "{route}");
        }
    }

    fn view_of(fragment: &str) -> Option<View> {
        Route::parse(fragment).view()
    }

    #[test]
    fn it_can_parse_every_view_by_its_slug() {
        let table = [
            ("#/overview", View::Overview),
            ("#/statements", View::Statements),
            ("#/ratios", View::Ratios),
            ("#/scenarios", View::Scenarios),
            ("#/charts", View::Charts),
            ("#/sources", View::Sources),
            ("#sources", View::Sources),
            ("#/Sources/", View::Sources),
            ("", View::Overview),
            ("#", View::Overview),
            ("#/", View::Overview),
            ("#/?lang=ja", View::Overview),
        ];
        for (fragment, expected) in table {
            assert_eq!(view_of(fragment), Some(expected), "fragment {fragment:?}");
        }
    }

    #[test]
    fn it_can_tell_a_junk_route_from_a_view() {
        assert_eq!(Route::parse("#/nope"), Route::NotFound { path: "nope".into() });
        assert_eq!(Route::parse("#/ratios/extra"), Route::NotFound { path: "ratios/extra".into() });
        assert_eq!(Route::parse("#/%3Cscript%3E"), Route::NotFound { path: "<script>".into() });
        assert_eq!(Route::parse("#/selftest/panic"), Route::SelfTestPanic);
    }

    #[test]
    fn it_can_read_query_parameters() {
        let r = Route::parse("#/statements?unit=m&fig=cbs.cash&flag&&x=a%20b+c");
        assert_eq!(r.view(), Some(View::Statements));
        assert_eq!(r.param("unit"), Some("m"));
        assert_eq!(r.param("fig"), Some("cbs.cash"));
        assert_eq!(r.param("flag"), Some(""));
        assert_eq!(r.param("x"), Some("a b c"));
        assert_eq!(r.param("missing"), None);
    }

    #[test]
    fn it_can_set_and_clear_one_parameter() {
        let r = Route::parse("#/sources?q=cash&fact=cbs.cash");
        assert_eq!(r.with_param("fact", Some("cis.revenue")).to_string(), "#/sources?q=cash&fact=cis.revenue");
        assert_eq!(r.with_param("q", None).to_string(), "#/sources?fact=cbs.cash");
        assert_eq!(r.with_param("q", Some("")).to_string(), "#/sources?fact=cbs.cash");
        assert_eq!(Route::parse("#/x").with_param("q", Some("a")), Route::parse("#/x"));
    }

    #[test]
    fn it_can_survive_malformed_escapes() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("%E6%97%A5"), "日");
    }

    #[test]
    fn it_can_round_trip_a_route_through_its_fragment() {
        let r = Route::View {
            view: View::Scenarios,
            params: vec![("name".into(), "My plan & more/日".into()), ("g".into(), "0.12".into())],
        };
        let text = r.to_string();
        assert_eq!(text, "#/scenarios?name=My%20plan%20%26%20more/%E6%97%A5&g=0.12");
        assert_eq!(Route::parse(&text), r);
    }

    #[test]
    fn it_can_give_each_view_a_unique_slug_and_href() {
        for v in View::ALL {
            assert_eq!(View::from_slug(v.slug()), Some(v));
            assert_eq!(Route::parse(&v.href()).view(), Some(v));
        }
    }
}

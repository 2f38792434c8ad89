//! The levers goal seek (Scenarios view) and the sensitivity grid can move, by the key their
//! controls carry: one list for both, so neither imports the other.

use leptos::prelude::*;

use crate::i18n::n_;
use crate::model::scenario::Lever;
use crate::ui::i18n::t;

/// (key, label, lever).
pub const LEVERS: [(&str, &str, Lever); 6] = [
    ("margin", n_("the operating margin (every year)"), Lever::OperatingMargin { from: 0 }),
    ("growth", n_("revenue growth (every segment, every year)"), Lever::UniformGrowth { from: 0 }),
    ("g_cvas", n_("connectivity and VAS growth"), Lever::SegmentGrowth(0)),
    ("g_si", n_("systems integration growth"), Lever::SegmentGrowth(1)),
    ("gm_cvas", n_("connectivity and VAS gross margin"), Lever::SegmentGrossMargin(0)),
    ("gm_si", n_("systems integration gross margin"), Lever::SegmentGrossMargin(1)),
];

/// The lever with key `key` (the operating margin if unknown).
pub fn lever(key: &str) -> Lever {
    LEVERS.iter().find(|(k, _, _)| *k == key).map_or(LEVERS[0].2, |(_, _, l)| *l)
}

/// The label of the lever with key `key` (empty if unknown), untranslated.
pub fn label(key: &str) -> &'static str {
    LEVERS.iter().find(|(k, _, _)| *k == key).map_or("", |(_, l, _)| *l)
}

/// One `<option>` per lever, for a lever's `<select>`.
pub fn options() -> impl IntoView {
    LEVERS.iter().map(|(k, l, _)| view! { <option value=*k>{t(l)}</option> }).collect_view()
}

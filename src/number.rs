//! Numbers as text, the one piece both the formatter (`format`) and the translations (`i18n`)
//! need; it depends on nothing else of the crate, so neither imports the other for it.

use rust_decimal::{Decimal, RoundingStrategy};

/// `d` rounded half away from zero to `dp` decimals, with `,` between thousands and a
/// leading `-` for negatives: `group(-1234567.891, 2)` is `-1,234,567.89`.
pub fn group(d: Decimal, dp: u32) -> String {
    let rounded = d.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{:.*}", dp as usize, rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

//! Interval arithmetic over exact decimals, for checks of rounded figures.
//!
//! A value printed to the nearest N stands for every value within N/2 of it (the approach of
//! Arelle's ixbrl-viewer for consistency of totals). A check holds within rounding when the
//! interval of one side meets the interval of the other. All operations are `checked_*`: an
//! overflow or a division by an interval containing zero is an error, never a panic.

use rust_decimal::Decimal;

/// A closed interval `[lo, hi]` with `lo <= hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

/// Why an interval operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalError {
    Overflow,
    DivisionByZero,
    /// A root of a value that is not positive (a CAGR from or to a loss).
    NotPositive,
}

type R = Result<Interval, IntervalError>;

impl Interval {
    /// The single exact value `v`.
    pub fn exact(v: Decimal) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// `center ± half_width` (a negative half width is taken as its absolute value).
    pub fn around(center: Decimal, half_width: Decimal) -> R {
        let h = half_width.abs();
        Ok(Interval {
            lo: center.checked_sub(h).ok_or(IntervalError::Overflow)?,
            hi: center.checked_add(h).ok_or(IntervalError::Overflow)?,
        })
    }

    /// The midpoint: the value the printed figures themselves give.
    pub fn center(&self) -> Result<Decimal, IntervalError> {
        let sum = self.lo.checked_add(self.hi).ok_or(IntervalError::Overflow)?;
        sum.checked_div(Decimal::TWO).ok_or(IntervalError::Overflow)
    }

    /// Half the width.
    pub fn radius(&self) -> Result<Decimal, IntervalError> {
        let w = self.hi.checked_sub(self.lo).ok_or(IntervalError::Overflow)?;
        w.checked_div(Decimal::TWO).ok_or(IntervalError::Overflow)
    }

    /// The largest distance from `point` to either end: the half width of the narrowest
    /// `point ± h` that holds the whole interval.
    pub fn reach_from(&self, point: Decimal) -> Result<Decimal, IntervalError> {
        // point - [lo, hi] = [point - hi, point - lo]
        let d = Interval::exact(point).sub(self)?;
        Ok(d.lo.abs().max(d.hi.abs()))
    }

    /// True when the two intervals share at least one value.
    pub fn meets(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn add(&self, o: &Interval) -> R {
        Ok(Interval {
            lo: self.lo.checked_add(o.lo).ok_or(IntervalError::Overflow)?,
            hi: self.hi.checked_add(o.hi).ok_or(IntervalError::Overflow)?,
        })
    }

    pub fn sub(&self, o: &Interval) -> R {
        Ok(Interval {
            lo: self.lo.checked_sub(o.hi).ok_or(IntervalError::Overflow)?,
            hi: self.hi.checked_sub(o.lo).ok_or(IntervalError::Overflow)?,
        })
    }

    pub fn neg(&self) -> Interval {
        // Negating a Decimal flips its sign bit: it cannot overflow.
        #[allow(clippy::arithmetic_side_effects)]
        Interval { lo: -self.hi, hi: -self.lo }
    }

    pub fn mul(&self, o: &Interval) -> R {
        let products = [
            self.lo.checked_mul(o.lo),
            self.lo.checked_mul(o.hi),
            self.hi.checked_mul(o.lo),
            self.hi.checked_mul(o.hi),
        ];
        min_max(products)
    }

    pub fn div(&self, o: &Interval) -> R {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return Err(IntervalError::DivisionByZero);
        }
        let quotients = [
            self.lo.checked_div(o.lo),
            self.lo.checked_div(o.hi),
            self.hi.checked_div(o.lo),
            self.hi.checked_div(o.hi),
        ];
        min_max(quotients)
    }
}

/// The real `n`-th root of `x > 0` by Newton's method, y ← ((n−1)·y + x / y^(n−1)) / n,
/// started at 1 + (x − 1)/n and stopped when a step changes y by less than 1e-20 (about 20
/// significant digits for the growth factors the explorer meets, well beyond the 10 asked
/// for), or after 200 steps. Every operation is checked.
pub fn nth_root(x: Decimal, n: u32) -> Result<Decimal, IntervalError> {
    if x <= Decimal::ZERO {
        return Err(IntervalError::NotPositive);
    }
    if n == 0 {
        return Err(IntervalError::DivisionByZero);
    }
    if n == 1 {
        return Ok(x);
    }
    let nd = Decimal::from(n);
    let n1 = Decimal::from(n.saturating_sub(1));
    let tolerance = Decimal::new(1, 20);
    let mut y = x
        .checked_sub(Decimal::ONE)
        .and_then(|d| d.checked_div(nd))
        .and_then(|d| d.checked_add(Decimal::ONE))
        .ok_or(IntervalError::Overflow)?;
    if y <= Decimal::ZERO {
        y = x.min(Decimal::ONE);
    }
    for _ in 0..200 {
        let mut power = Decimal::ONE;
        for _ in 0..n.saturating_sub(1) {
            power = power.checked_mul(y).ok_or(IntervalError::Overflow)?;
        }
        let next = n1
            .checked_mul(y)
            .and_then(|a| x.checked_div(power).and_then(|b| a.checked_add(b)))
            .and_then(|s| s.checked_div(nd))
            .ok_or(IntervalError::Overflow)?;
        let step = next.checked_sub(y).ok_or(IntervalError::Overflow)?.abs();
        y = next;
        if step < tolerance {
            break;
        }
    }
    Ok(y)
}

/// Compound annual growth in percent from `start` to `end` over `years`:
/// ((end / start)^(1/years) − 1) × 100.
pub fn cagr(end: Decimal, start: Decimal, years: u32) -> Result<Decimal, IntervalError> {
    if start <= Decimal::ZERO || end <= Decimal::ZERO {
        return Err(IntervalError::NotPositive);
    }
    let ratio = end.checked_div(start).ok_or(IntervalError::Overflow)?;
    let root = nth_root(ratio, years)?;
    root.checked_sub(Decimal::ONE).and_then(|g| g.checked_mul(Decimal::ONE_HUNDRED)).ok_or(IntervalError::Overflow)
}

impl Interval {
    /// CAGR over intervals: growth rises with `end` and falls with `start`, so the extremes
    /// come from the corners.
    pub fn cagr(&self, start: &Interval, years: u32) -> R {
        Ok(Interval { lo: cagr(self.lo, start.hi, years)?, hi: cagr(self.hi, start.lo, years)? })
    }
}

fn min_max(values: [Option<Decimal>; 4]) -> R {
    let mut lo: Option<Decimal> = None;
    let mut hi: Option<Decimal> = None;
    for v in values {
        let v = v.ok_or(IntervalError::Overflow)?;
        lo = Some(lo.map_or(v, |l| l.min(v)));
        hi = Some(hi.map_or(v, |h| h.max(v)));
    }
    match (lo, hi) {
        (Some(lo), Some(hi)) => Ok(Interval { lo, hi }),
        _ => Err(IntervalError::Overflow),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn iv(lo: &str, hi: &str) -> Interval {
        Interval { lo: d(lo), hi: d(hi) }
    }

    #[test]
    fn it_can_do_the_four_operations() {
        let a = iv("1", "2");
        let b = iv("-3", "4");
        assert_eq!(a.add(&b).unwrap(), iv("-2", "6"));
        assert_eq!(a.sub(&b).unwrap(), iv("-3", "5"));
        assert_eq!(a.mul(&b).unwrap(), iv("-6", "8"));
        assert_eq!(b.neg(), iv("-4", "3"));
        assert_eq!(iv("6", "8").div(&iv("2", "4")).unwrap(), iv("1.5", "4"));
    }

    #[test]
    fn it_can_measure_its_reach_from_a_point_off_centre() {
        // 45.3 to 50.1 from 47.6: 2.5 above, 2.3 below.
        assert_eq!(iv("45.3", "50.1").reach_from(d("47.6")).unwrap(), d("2.5"));
        assert_eq!(iv("1", "2").reach_from(d("1")).unwrap(), d("1"));
        assert_eq!(iv("-2", "2").reach_from(d("0")).unwrap(), d("2"));
    }

    #[test]
    fn it_can_refuse_a_divisor_that_contains_zero() {
        assert_eq!(iv("1", "2").div(&iv("-1", "1")), Err(IntervalError::DivisionByZero));
        assert_eq!(iv("1", "2").div(&Interval::exact(Decimal::ZERO)), Err(IntervalError::DivisionByZero));
    }

    #[test]
    fn it_can_report_overflow_instead_of_panicking() {
        let big = Interval::exact(Decimal::MAX);
        assert_eq!(big.add(&big), Err(IntervalError::Overflow));
        assert_eq!(big.mul(&big), Err(IntervalError::Overflow));
        assert_eq!(Interval::around(Decimal::MAX, d("1")), Err(IntervalError::Overflow));
    }

    #[test]
    fn it_can_take_roots_to_twenty_digits() {
        assert_eq!(nth_root(d("8"), 3).unwrap().round_dp(18), d("2"));
        // sqrt(2) = 1.41421356237309504880...
        assert_eq!(nth_root(d("2"), 2).unwrap().round_dp(18), d("1.414213562373095049"));
        // (100 / 66.835299)^(1/3) = 1.1437506877935..., from Python's decimal module at 40 digits.
        assert_eq!(nth_root(d("100") / d("66.835299"), 3).unwrap().round_dp(12), d("1.143750687794"));
        assert_eq!(nth_root(d("0"), 3), Err(IntervalError::NotPositive));
        assert_eq!(nth_root(d("-8"), 3), Err(IntervalError::NotPositive));
        assert_eq!(nth_root(d("5"), 0), Err(IntervalError::DivisionByZero));
        assert_eq!(nth_root(d("0.000000001"), 7).unwrap().round_dp(10), d("0.0517947468"));
    }

    #[test]
    fn it_can_compute_compound_growth() {
        // Revenues FY2004 41,702,567 to FY2007 66,835,299 thousand over 3 years: 17.02564285...%
        // (Python's decimal module at 40 digits).
        assert_eq!(cagr(d("66835299"), d("41702567"), 3).unwrap().round_dp(8), d("17.02564285"));
        assert_eq!(cagr(d("1"), d("-1"), 3), Err(IntervalError::NotPositive));
    }

    #[test]
    fn it_can_tell_whether_rounded_figures_agree() {
        // 66.8 billion printed to 0.1 stands for [66.75, 66.85]: it meets the exact 66.835299.
        let printed = Interval::around(d("66.8"), d("0.05")).unwrap();
        assert!(printed.meets(&Interval::exact(d("66.835299"))));
        // 66.9 does not.
        let other = Interval::around(d("66.9"), d("0.05")).unwrap();
        assert!(!other.meets(&Interval::exact(d("66.835299"))));
        assert_eq!(printed.center().unwrap(), d("66.8"));
        assert_eq!(printed.radius().unwrap(), d("0.05"));
    }
}

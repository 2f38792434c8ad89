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

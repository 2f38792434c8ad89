//! Facts: one number as printed in a source document, with what it measures and where it
//! was printed. Units, periods, bases and scopes are typed; the data file spells them as
//! short strings, read here with an error that names the fact when a string is unknown.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::interval::{Interval, IntervalError};

/// The unit a fact is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    JpyThousands,
    JpyMillions,
    JpyBillions,
    /// Yen: amounts printed in yen.
    Jpy,
    /// Yen per share: earnings, equity and dividends per share.
    JpyPerShare,
    Usd,
    Shares,
    Persons,
    /// A count of contracts, accounts, customers or companies.
    Count,
    Percent,
    /// Percentage points (a change of a ratio).
    Points,
    /// A multiple ("2.5 times", a split ratio).
    Times,
    /// A length of time (useful lives, amortization periods).
    Years,
}

/// What a unit measures; facts are comparable in checks only within one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Yen,
    YenPerShare,
    Dollars,
    Shares,
    Persons,
    Count,
    Percent,
    Points,
    Times,
    Years,
}

impl Unit {
    /// Every unit, in the order the data file's documentation lists them.
    pub const ALL: [Unit; 13] = [
        Unit::JpyThousands,
        Unit::JpyMillions,
        Unit::JpyBillions,
        Unit::Jpy,
        Unit::JpyPerShare,
        Unit::Usd,
        Unit::Shares,
        Unit::Persons,
        Unit::Count,
        Unit::Percent,
        Unit::Points,
        Unit::Times,
        Unit::Years,
    ];

    /// The spelling in the data file.
    pub fn code(self) -> &'static str {
        match self {
            Unit::JpyThousands => "jpy_thousands",
            Unit::JpyMillions => "jpy_millions",
            Unit::JpyBillions => "jpy_billions",
            Unit::Jpy => "jpy",
            Unit::JpyPerShare => "jpy_per_share",
            Unit::Usd => "usd",
            Unit::Shares => "shares",
            Unit::Persons => "persons",
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Points => "points",
            Unit::Times => "times",
            Unit::Years => "years",
        }
    }

    /// How a reader names the unit.
    pub fn label(self) -> &'static str {
        match self {
            Unit::JpyThousands => "JPY thousands",
            Unit::JpyMillions => "JPY millions",
            Unit::JpyBillions => "JPY billions",
            Unit::Jpy => "JPY",
            Unit::JpyPerShare => "JPY per share",
            Unit::Usd => "USD",
            Unit::Shares => "shares",
            Unit::Persons => "persons",
            Unit::Count => "count",
            Unit::Percent => "%",
            Unit::Points => "percentage points",
            Unit::Times => "times",
            Unit::Years => "years",
        }
    }

    /// How many base units (yen, dollars, shares …) one of this unit holds.
    pub fn factor(self) -> Decimal {
        match self {
            Unit::JpyThousands => Decimal::from(1_000),
            Unit::JpyMillions => Decimal::from(1_000_000),
            Unit::JpyBillions => Decimal::from(1_000_000_000),
            _ => Decimal::ONE,
        }
    }

    pub fn dimension(self) -> Dimension {
        match self {
            Unit::JpyThousands | Unit::JpyMillions | Unit::JpyBillions | Unit::Jpy => Dimension::Yen,
            Unit::JpyPerShare => Dimension::YenPerShare,
            Unit::Usd => Dimension::Dollars,
            Unit::Shares => Dimension::Shares,
            Unit::Persons => Dimension::Persons,
            Unit::Count => Dimension::Count,
            Unit::Percent => Dimension::Percent,
            Unit::Points => Dimension::Points,
            Unit::Times => Dimension::Times,
            Unit::Years => Dimension::Years,
        }
    }

    /// The unit spelled `code` in the data file.
    pub fn from_code(code: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.code() == code)
    }
}

/// When a fact holds: over a fiscal year or quarter, at an instant, or over calendar years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// The fiscal year ending March 31 of the following calendar year (FY2007 ends 2008-03-31).
    FiscalYear(u16),
    /// A fiscal quarter: `Quarter(2007, 4)` is January to March 2008.
    Quarter(u16, u8),
    /// A balance at a date.
    Instant { year: u16, month: u8, day: u8 },
    /// A calendar year (market data).
    CalendarYear(u16),
    /// A span of calendar years (market growth "from 2005 to 2007").
    Span(u16, u16),
}

impl FromStr for Period {
    type Err = ();

    /// Reads `FY2007`, `FY2007Q4`, `@2008-03-31`, `CY2012` or `2007-2012`.
    fn from_str(s: &str) -> Result<Period, ()> {
        let year = |t: &str| -> Result<u16, ()> {
            let y: u16 = t.parse().map_err(|_| ())?;
            if (1900..=2100).contains(&y) && t.len() == 4 {
                Ok(y)
            } else {
                Err(())
            }
        };
        if let Some(rest) = s.strip_prefix("FY") {
            return match rest.split_once('Q') {
                Some((y, q)) => {
                    let q: u8 = q.parse().map_err(|_| ())?;
                    if (1..=4).contains(&q) && Some(q.to_string().len()) == rest.len().checked_sub(5) {
                        Ok(Period::Quarter(year(y)?, q))
                    } else {
                        Err(())
                    }
                }
                None => Ok(Period::FiscalYear(year(rest)?)),
            };
        }
        if let Some(rest) = s.strip_prefix("CY") {
            return Ok(Period::CalendarYear(year(rest)?));
        }
        if let Some(date) = s.strip_prefix('@') {
            let mut parts = date.split('-');
            let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
                return Err(());
            };
            let (month, day): (u8, u8) = (m.parse().map_err(|_| ())?, d.parse().map_err(|_| ())?);
            if m.len() != 2 || d.len() != 2 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                return Err(());
            }
            return Ok(Period::Instant { year: year(y)?, month, day });
        }
        if let Some((a, b)) = s.split_once('-') {
            let (a, b) = (year(a)?, year(b)?);
            return if a < b { Ok(Period::Span(a, b)) } else { Err(()) };
        }
        Err(())
    }
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

impl fmt::Display for Period {
    /// The period as a reader sees it: `FY2007`, `4Q FY2007`, `March 31, 2008`, `2012`, `2005–2007`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::FiscalYear(y) => write!(f, "FY{y}"),
            Period::Quarter(y, q) => write!(f, "{q}Q FY{y}"),
            Period::Instant { year, month, day } => {
                let name = MONTHS.get(usize::from(month).saturating_sub(1)).copied().unwrap_or("?");
                write!(f, "{name} {day}, {year}")
            }
            Period::CalendarYear(y) => write!(f, "{y}"),
            Period::Span(a, b) => write!(f, "{a}–{b}"),
        }
    }
}

/// Whether a fact reports what happened, what the company expects, or what it aims for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    Actual,
    Forecast,
    Target,
}

impl Basis {
    pub fn from_code(code: &str) -> Option<Basis> {
        match code {
            "actual" => Some(Basis::Actual),
            "forecast" => Some(Basis::Forecast),
            "target" => Some(Basis::Target),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Basis::Actual => "actual",
            Basis::Forecast => "forecast",
            Basis::Target => "target",
        }
    }
}

/// Whose figure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The IIJ group, consolidated under US GAAP.
    Consolidated,
    /// IIJ alone, under Japanese GAAP.
    NonConsolidated,
    /// One of the group's business segments or service lines.
    Segment,
    /// Facts about the company: shares, officers, subsidiaries, borrowings.
    Company,
    /// Market figures the presentation quotes.
    Market,
}

impl Scope {
    pub fn from_code(code: &str) -> Option<Scope> {
        match code {
            "consolidated" => Some(Scope::Consolidated),
            "non-consolidated" => Some(Scope::NonConsolidated),
            "segment" => Some(Scope::Segment),
            "company" => Some(Scope::Company),
            "market" => Some(Scope::Market),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Scope::Consolidated => "consolidated",
            Scope::NonConsolidated => "non-consolidated",
            Scope::Segment => "segment",
            Scope::Company => "company",
            Scope::Market => "market",
        }
    }
}

/// One number printed in a source document.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Stable id (`cis.revenue`); links, checks and ratios refer to it.
    pub id: String,
    pub label: String,
    /// The value the explorer uses, in `unit`. Equal to the printed number unless a sign is
    /// worked out from wording or arithmetic (see `note`) or an erratum corrects it.
    pub value: Decimal,
    /// The text exactly as printed (`(19,555,489)`, `JPY 25,100`, `17.1%`).
    pub printed: String,
    pub unit: Unit,
    /// The step the figure was printed to, in `unit`: it stands for `value ± precision / 2`.
    pub precision: Decimal,
    pub period: Period,
    pub basis: Basis,
    pub scope: Scope,
    /// Index of the section it was printed in (`Dataset::sections`).
    pub section: usize,
    /// The 1-based line of the transcription it was printed on.
    pub line: u32,
    /// The row label (or phrase) as printed on that line.
    pub row: String,
    /// The column heading, for tables with several value columns.
    pub col: Option<String>,
    pub note: Option<String>,
    /// Index of the erratum that concerns this fact (`Dataset::errata`).
    pub erratum: Option<usize>,
}

impl Fact {
    /// The value in base units (yen, dollars, shares, percent …).
    pub fn base_value(&self) -> Result<Decimal, IntervalError> {
        self.value.checked_mul(self.unit.factor()).ok_or(IntervalError::Overflow)
    }

    /// The interval of values the printed figure stands for, in base units.
    pub fn interval(&self) -> Result<Interval, IntervalError> {
        let half = self
            .precision
            .checked_mul(self.unit.factor())
            .and_then(|p| p.checked_div(Decimal::TWO))
            .ok_or(IntervalError::Overflow)?;
        Interval::around(self.base_value()?, half)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_can_read_every_period_form() {
        let table = [
            ("FY2007", Some(Period::FiscalYear(2007))),
            ("FY2007Q4", Some(Period::Quarter(2007, 4))),
            ("@2008-03-31", Some(Period::Instant { year: 2008, month: 3, day: 31 })),
            ("CY2012", Some(Period::CalendarYear(2012))),
            ("2005-2007", Some(Period::Span(2005, 2007))),
            ("FY07", None),
            ("FY2007Q5", None),
            ("FY2007Q44", None),
            ("@2008-13-01", None),
            ("@2008-3-31", None),
            ("2007-2005", None),
            ("", None),
            ("FY", None),
        ];
        for (text, expected) in table {
            assert_eq!(text.parse::<Period>().ok(), expected, "{text:?}");
        }
    }

    #[test]
    fn it_can_show_periods_as_a_reader_expects() {
        assert_eq!(Period::FiscalYear(2007).to_string(), "FY2007");
        assert_eq!(Period::Quarter(2007, 4).to_string(), "4Q FY2007");
        assert_eq!(Period::Instant { year: 2008, month: 3, day: 31 }.to_string(), "March 31, 2008");
        assert_eq!(Period::Span(2005, 2007).to_string(), "2005–2007");
    }

    #[test]
    fn it_can_round_trip_every_unit_code() {
        for u in Unit::ALL {
            assert_eq!(Unit::from_code(u.code()), Some(u));
        }
        assert_eq!(Unit::from_code("jpy_trillions"), None);
    }
}

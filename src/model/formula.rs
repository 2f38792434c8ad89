//! Formulas over fact ids: `cis.revenue - cis.costs_and_expenses`,
//! `growth(cis.revenue, trend.revenue.fy2006)`, `cbs.total_equity / shares.issued`.
//!
//! Grammar: sums and differences of products and quotients of numbers, fact ids,
//! parenthesised formulas, unary minus and three functions: `growth(a, b)` = (a / b - 1) x 100,
//! `pct(a, b)` = a / b x 100 and `cagr(end, start, years)` = ((end / start)^(1/years) - 1) x 100
//! with `years` a whole number from 1 to 50. A fact id starts with a letter and holds `a-z 0-9 . _`.
//! Facts enter in base units (yen, shares, percent), so mixed printed units compare directly.
//! Parsing never panics; depth is bounded so a hostile string cannot exhaust the stack.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::interval::{Interval, IntervalError};

/// A parsed formula; `F` is how a fact is named (an id while parsing, an index once resolved).
#[derive(Debug, Clone, PartialEq)]
pub enum Expr<F> {
    Number(Decimal),
    Fact(F),
    Neg(Box<Expr<F>>),
    Add(Box<Expr<F>>, Box<Expr<F>>),
    Sub(Box<Expr<F>>, Box<Expr<F>>),
    Mul(Box<Expr<F>>, Box<Expr<F>>),
    Div(Box<Expr<F>>, Box<Expr<F>>),
    /// Percentage growth of the first over the second.
    Growth(Box<Expr<F>>, Box<Expr<F>>),
    /// The first as a percentage of the second.
    Pct(Box<Expr<F>>, Box<Expr<F>>),
    /// Compound annual growth in percent from the second to the first over a whole number
    /// of years (see `interval::cagr`).
    Cagr(Box<Expr<F>>, Box<Expr<F>>, u32),
}

/// The deepest nesting a formula may have.
const MAX_DEPTH: usize = 64;

/// Parses `text`. The error says what was expected and where.
pub fn parse(text: &str) -> Result<Expr<String>, String> {
    let mut p = Parser { s: text.as_bytes(), pos: 0, depth: 0 };
    let e = p.expr()?;
    p.skip_ws();
    if p.pos < p.s.len() {
        return Err(format!("unexpected “{}” at position {}", p.rest(), p.pos.saturating_add(1)));
    }
    Ok(e)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn rest(&self) -> String {
        String::from_utf8_lossy(&self.s[self.pos.min(self.s.len())..]).chars().take(12).collect()
    }

    fn skip_ws(&mut self) {
        while self.s.get(self.pos).is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos = self.pos.saturating_add(1);
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_ws();
        if self.s.get(self.pos) == Some(&c) {
            self.pos = self.pos.saturating_add(1);
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), String> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            Err(format!("nested more than {MAX_DEPTH} deep"))
        } else {
            Ok(())
        }
    }

    fn expr(&mut self) -> Result<Expr<String>, String> {
        self.enter()?;
        let mut left = self.term()?;
        loop {
            if self.eat(b'+') {
                left = Expr::Add(Box::new(left), Box::new(self.term()?));
            } else if self.eat(b'-') {
                left = Expr::Sub(Box::new(left), Box::new(self.term()?));
            } else {
                break;
            }
        }
        self.depth = self.depth.saturating_sub(1);
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr<String>, String> {
        let mut left = self.factor()?;
        loop {
            if self.eat(b'*') {
                left = Expr::Mul(Box::new(left), Box::new(self.factor()?));
            } else if self.eat(b'/') {
                left = Expr::Div(Box::new(left), Box::new(self.factor()?));
            } else {
                break;
            }
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr<String>, String> {
        self.enter()?;
        self.skip_ws();
        let e = if self.eat(b'-') {
            Expr::Neg(Box::new(self.factor()?))
        } else if self.eat(b'(') {
            let inner = self.expr()?;
            if !self.eat(b')') {
                return Err(format!("expected “)” at position {}", self.pos.saturating_add(1)));
            }
            inner
        } else {
            match self.s.get(self.pos) {
                Some(b) if b.is_ascii_digit() => self.number()?,
                Some(b) if b.is_ascii_lowercase() => self.name()?,
                Some(_) => return Err(format!("unexpected “{}” at position {}", self.rest(), self.pos.saturating_add(1))),
                None => return Err("the formula ends too early".to_owned()),
            }
        };
        self.depth = self.depth.saturating_sub(1);
        Ok(e)
    }

    fn number(&mut self) -> Result<Expr<String>, String> {
        let start = self.pos;
        while self.s.get(self.pos).is_some_and(|b| b.is_ascii_digit() || *b == b'.') {
            self.pos = self.pos.saturating_add(1);
        }
        let text = std::str::from_utf8(&self.s[start..self.pos]).map_err(|e| e.to_string())?;
        Decimal::from_str(text).map(Expr::Number).map_err(|_| format!("“{text}” is not a number"))
    }

    fn name(&mut self) -> Result<Expr<String>, String> {
        let start = self.pos;
        while self
            .s
            .get(self.pos)
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_' || *b == b'.')
        {
            self.pos = self.pos.saturating_add(1);
        }
        let name = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
        if self.eat(b'(') {
            let a = self.expr()?;
            if !self.eat(b',') {
                return Err(format!("{name}() takes two arguments"));
            }
            let b = self.expr()?;
            if name == "cagr" {
                if !self.eat(b',') {
                    return Err("cagr() takes three arguments".to_owned());
                }
                let years = match self.expr()? {
                    Expr::Number(n) if n.fract().is_zero() && (Decimal::ONE..=Decimal::from(50)).contains(&n) => n.normalize().to_string().parse::<u32>().ok(),
                    _ => None,
                };
                let Some(years) = years else { return Err("cagr() needs a whole number of years from 1 to 50".to_owned()) };
                if !self.eat(b')') {
                    return Err("expected “)” after the arguments of cagr()".to_owned());
                }
                return Ok(Expr::Cagr(Box::new(a), Box::new(b), years));
            }
            if !self.eat(b')') {
                return Err(format!("expected “)” after the arguments of {name}()"));
            }
            return match name.as_str() {
                "growth" => Ok(Expr::Growth(Box::new(a), Box::new(b))),
                "pct" => Ok(Expr::Pct(Box::new(a), Box::new(b))),
                _ => Err(format!("unknown function “{name}”")),
            };
        }
        if name.ends_with('.') || name.contains("..") {
            return Err(format!("“{name}” is not a fact id"));
        }
        Ok(Expr::Fact(name))
    }
}

impl<F> Expr<F> {
    /// The same formula with every fact name mapped by `f`; the first failure is returned.
    pub fn resolve<G, E>(self, f: &mut dyn FnMut(F) -> Result<G, E>) -> Result<Expr<G>, E> {
        fn b<F, G, E>(e: Expr<F>, f: &mut dyn FnMut(F) -> Result<G, E>) -> Result<Box<Expr<G>>, E> {
            Ok(Box::new(e.resolve(f)?))
        }
        Ok(match self {
            Expr::Number(n) => Expr::Number(n),
            Expr::Fact(x) => Expr::Fact(f(x)?),
            Expr::Neg(a) => Expr::Neg(b(*a, f)?),
            Expr::Add(x, y) => Expr::Add(b(*x, f)?, b(*y, f)?),
            Expr::Sub(x, y) => Expr::Sub(b(*x, f)?, b(*y, f)?),
            Expr::Mul(x, y) => Expr::Mul(b(*x, f)?, b(*y, f)?),
            Expr::Div(x, y) => Expr::Div(b(*x, f)?, b(*y, f)?),
            Expr::Growth(x, y) => Expr::Growth(b(*x, f)?, b(*y, f)?),
            Expr::Pct(x, y) => Expr::Pct(b(*x, f)?, b(*y, f)?),
            Expr::Cagr(x, y, n) => Expr::Cagr(b(*x, f)?, b(*y, f)?, n),
        })
    }

    /// Every fact the formula names, in order of appearance (with repeats).
    pub fn facts(&self) -> Vec<&F> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a F>) {
        match self {
            Expr::Number(_) => {}
            Expr::Fact(x) => out.push(x),
            Expr::Neg(a) => a.collect(out),
            Expr::Add(x, y) | Expr::Sub(x, y) | Expr::Mul(x, y) | Expr::Div(x, y) | Expr::Growth(x, y) | Expr::Pct(x, y) | Expr::Cagr(x, y, _) => {
                x.collect(out);
                y.collect(out);
            }
        }
    }

    /// Evaluates in interval arithmetic, each fact's interval given by `value`.
    /// Takes `&dyn Fn` so one copy of the evaluator serves every caller (smaller wasm).
    pub fn eval(&self, value: &dyn Fn(&F) -> Result<Interval, IntervalError>) -> Result<Interval, IntervalError> {
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        Ok(match self {
            Expr::Number(n) => Interval::exact(*n),
            Expr::Fact(x) => value(x)?,
            Expr::Neg(a) => a.eval(value)?.neg(),
            Expr::Add(x, y) => x.eval(value)?.add(&y.eval(value)?)?,
            Expr::Sub(x, y) => x.eval(value)?.sub(&y.eval(value)?)?,
            Expr::Mul(x, y) => x.eval(value)?.mul(&y.eval(value)?)?,
            Expr::Div(x, y) => x.eval(value)?.div(&y.eval(value)?)?,
            Expr::Growth(x, y) => x.eval(value)?.div(&y.eval(value)?)?.sub(&Interval::exact(Decimal::ONE))?.mul(&hundred)?,
            Expr::Pct(x, y) => x.eval(value)?.div(&y.eval(value)?)?.mul(&hundred)?,
            Expr::Cagr(x, y, n) => x.eval(value)?.cagr(&y.eval(value)?, *n)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Evaluates with a = 10, b = 4, c.d_e = 2 (exact).
    fn eval(text: &str) -> Result<Decimal, String> {
        let e = parse(text)?;
        let v = e
            .eval(&|name: &String| match name.as_str() {
                "a" => Ok(Interval::exact(d("10"))),
                "b" => Ok(Interval::exact(d("4"))),
                "c.d_e" => Ok(Interval::exact(d("2"))),
                _ => Err(IntervalError::Overflow),
            })
            .map_err(|e| format!("{e:?}"))?;
        v.center().map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn it_can_evaluate_a_table_of_formulas() {
        let table = [
            ("a + b", "14"),
            ("a - b - c.d_e", "4"),
            ("a - b * c.d_e", "2"),
            ("(a - b) * c.d_e", "12"),
            ("a / b", "2.5"),
            ("-a + b", "-6"),
            ("--a", "10"),
            ("growth(a, b)", "150"),
            ("pct(b, a)", "40"),
            ("a * 1.5 + 0.25", "15.25"),
            ("  a+b  ", "14"),
            ("cagr(a * 0.8, b / 2, 2)", "100"),
        ];
        for (text, expected) in table {
            assert_eq!(eval(text), Ok(d(expected)), "{text}");
        }
    }

    #[test]
    fn it_can_reject_malformed_formulas_with_a_reason() {
        for bad in ["", "a +", "(a", "a)", "f(a, b)", "growth(a)", "a $ b", "1.2.3", "a..b", "a.", "A", "a b", "cagr(a, b)", "cagr(a, b, 1.5)", "cagr(a, b, 0)", "cagr(a, b, b)", "cagr(a, b, 51)"] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
        assert_eq!(parse("f(a, b)").unwrap_err(), "unknown function “f”");
    }

    #[test]
    fn it_can_refuse_formulas_nested_too_deep() {
        let deep = "(".repeat(10_000) + "a" + &")".repeat(10_000);
        assert!(parse(&deep).unwrap_err().contains("nested"));
        let negs = "-".repeat(10_000) + "a";
        assert!(parse(&negs).is_err());
    }

    #[test]
    fn it_can_list_and_resolve_the_facts_it_names() {
        let e = parse("growth(a, b) + a").unwrap();
        assert_eq!(e.facts(), vec!["a", "b", "a"]);
        let r: Result<Expr<usize>, String> = e.resolve(&mut |n: String| if n == "a" { Ok(0) } else { Err(n) });
        assert_eq!(r.unwrap_err(), "b");
    }

    #[test]
    fn it_can_report_division_by_zero() {
        let e = parse("a / (b - b)").unwrap();
        let r = e.eval(&|n: &String| Ok(Interval::exact(if n == "a" { d("1") } else { d("4") })));
        assert_eq!(r, Err(IntervalError::DivisionByZero));
    }
}

//! Monte Carlo over the scenario: each path shocks every year's revenue growth (one shock for
//! all segments) and operating margin with normal noise of the spreads the visitor sets, from
//! a fixed, visible seed, so a run reproduces exactly. Sampling and the per-path arithmetic
//! use `f64` for speed (10,000 paths × 5 years); the deterministic engine keeps money in
//! `Decimal`, and the view says so. Runs in chunks so the page can show progress.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::scenario::{project, Base, Scenario, ScenarioError, YEARS};

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast, and its output stream is fixed by
/// the seed on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1]: never 0, so its logarithm is finite.
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 1.0) / (1u64 << 53) as f64
    }

    /// Standard normal by the Box–Muller transform.
    pub fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform(), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// What the visitor sets for a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Standard deviation of each year's revenue-growth shock, in percentage points.
    pub growth_spread: f64,
    /// Standard deviation of each year's operating-margin shock, in percentage points.
    pub margin_spread: f64,
    pub seed: u64,
    pub paths: usize,
    /// Index into `YEARS` of the target year.
    pub target_year: usize,
}

impl Default for Settings {
    /// 10,000 paths, ±3 points of growth and ±1.5 points of margin a year, seed 2008, FY2010.
    fn default() -> Settings {
        Settings { growth_spread: 3.0, margin_spread: 1.5, seed: 2008, paths: 10_000, target_year: 2 }
    }
}

/// Percentiles of one metric in one year, in yen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub year: u16,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The outcome of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub paths: usize,
    /// Share of paths (0 to 1) meeting each target in the target year, and both.
    pub p_revenue: f64,
    pub p_operating_income: f64,
    pub p_both: f64,
    pub revenue: Vec<Band>,
    pub operating_income: Vec<Band>,
}

/// A run in progress: call `step` until `done`, then `outcome`.
#[derive(Debug, Clone)]
pub struct Run {
    settings: Settings,
    rng: Rng,
    /// Per year: base revenue path inputs, from the deterministic projection.
    start_revenue: f64,
    growth: [f64; 5],
    margin: [f64; 5],
    targets: (f64, f64),
    revenue: Vec<Vec<f64>>,
    operating_income: Vec<Vec<f64>>,
    hits: (usize, usize, usize),
}

fn f(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

impl Run {
    /// Prepares a run around the deterministic projection of `scenario`: each year's blended
    /// revenue growth and operating margin are the centres the shocks spread around.
    pub fn new(base: &Base, scenario: &Scenario, targets: (Decimal, Decimal), settings: Settings) -> Result<Run, ScenarioError> {
        let years = project(base, scenario)?;
        let mut growth = [0.0; 5];
        let mut margin = [0.0; 5];
        let mut previous = f(base.total_revenue());
        for (i, y) in years.iter().enumerate() {
            let revenue = f(y.total_revenue);
            growth[i] = if previous > 0.0 { revenue / previous - 1.0 } else { 0.0 };
            margin[i] = f(y.operating_margin) / 100.0;
            previous = revenue;
        }
        let n = settings.paths;
        Ok(Run {
            settings,
            rng: Rng::new(settings.seed),
            start_revenue: f(base.total_revenue()),
            growth,
            margin,
            targets: (f(targets.0), f(targets.1)),
            revenue: (0..YEARS.len()).map(|_| Vec::with_capacity(n)).collect(),
            operating_income: (0..YEARS.len()).map(|_| Vec::with_capacity(n)).collect(),
            hits: (0, 0, 0),
        })
    }

    /// Paths done so far.
    pub fn done_paths(&self) -> usize {
        self.revenue[0].len()
    }

    pub fn done(&self) -> bool {
        self.done_paths() >= self.settings.paths
    }

    /// Runs up to `n` more paths.
    pub fn step(&mut self, n: usize) {
        let todo = n.min(self.settings.paths.saturating_sub(self.done_paths()));
        for _ in 0..todo {
            let mut revenue = self.start_revenue;
            let mut met = (false, false);
            for year in 0..YEARS.len() {
                let g = self.growth[year] + self.settings.growth_spread / 100.0 * self.rng.normal();
                let m = self.margin[year] + self.settings.margin_spread / 100.0 * self.rng.normal();
                revenue *= (1.0 + g).max(0.0);
                let oi = revenue * m;
                self.revenue[year].push(revenue);
                self.operating_income[year].push(oi);
                if year == self.settings.target_year {
                    met = (revenue >= self.targets.0, oi >= self.targets.1);
                }
            }
            self.hits.0 = self.hits.0.saturating_add(usize::from(met.0));
            self.hits.1 = self.hits.1.saturating_add(usize::from(met.1));
            self.hits.2 = self.hits.2.saturating_add(usize::from(met.0 && met.1));
        }
    }

    /// The result over the paths run so far.
    pub fn outcome(&self) -> Outcome {
        let n = self.done_paths().max(1) as f64;
        let bands = |series: &[Vec<f64>]| -> Vec<Band> {
            series
                .iter()
                .zip(YEARS)
                .map(|(values, year)| {
                    let mut v = values.clone();
                    v.sort_by(|a, b| a.total_cmp(b));
                    let at = |q: f64| v.get(((v.len().saturating_sub(1)) as f64 * q).round() as usize).copied().unwrap_or(0.0);
                    Band { year, p10: at(0.1), p50: at(0.5), p90: at(0.9) }
                })
                .collect()
        };
        Outcome {
            paths: self.done_paths(),
            p_revenue: self.hits.0 as f64 / n,
            p_operating_income: self.hits.1 as f64 / n,
            p_both: self.hits.2 as f64 / n,
            revenue: bands(&self.revenue),
            operating_income: bands(&self.operating_income),
        }
    }
}

/// Runs every path at once.
pub fn run(base: &Base, scenario: &Scenario, targets: (Decimal, Decimal), settings: Settings) -> Result<Outcome, ScenarioError> {
    let mut r = Run::new(base, scenario, targets, settings)?;
    r.step(settings.paths);
    Ok(r.outcome())
}

//! Host tests of the charts: the numbers each chart carries (checked against figures worked
//! out by hand from the documents), the bridge's arithmetic, the text alternatives, the
//! themes, and SVG snapshots of every chart at phone and desktop widths.
//!
//! Snapshots live in tests/snapshots/. After an intended change to a chart, review the new
//! drawing and run `UPDATE_SNAPSHOTS=1 cargo test --test charts` to rewrite them.
#![cfg(not(target_arch = "wasm32"))]

use std::str::FromStr;

use iij_explorer::charts::{self, data, Chart, Plot, INKS};
use iij_explorer::i18n::Lang;
use iij_explorer::model::monte_carlo::{self, Settings};
use iij_explorer::model::scenario::{preset, project, sensitivity, steps, Base, Lever, Metric, Plan, Preset, Scenario};
use iij_explorer::model::Dataset;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn setup() -> (Dataset, Base, Plan) {
    let ds = Dataset::bundled().unwrap();
    let base = Base::from_dataset(&ds).unwrap();
    let plan = Plan::from_dataset(&ds).unwrap();
    (ds, base, plan)
}

fn cells(chart: &Chart, row: &str) -> Vec<String> {
    chart.table.rows.iter().find(|r| r.0 == row).unwrap_or_else(|| panic!("no row {row} in {}", chart.key)).1.clone()
}

/// Every chart the app draws, at fixed inputs.
fn all_charts() -> Vec<Chart> {
    let (ds, base, plan) = setup();
    let s = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    let years = project(&base, &s).unwrap();
    let targets = (d("100000000000"), d("10000000000"));
    let outcome = monte_carlo::run(&base, &s, targets, Settings { paths: 2_000, ..Settings::default() }).unwrap();
    let margins = steps(d("4"), d("14"), 6).unwrap();
    let growths = steps(d("0"), d("20"), 5).unwrap();
    let grid = sensitivity(&base, &s, (Lever::OperatingMargin { from: 0 }, &margins), (Lever::UniformGrowth { from: 0 }, &growths), Metric::OperatingIncome, 2).unwrap();
    vec![
        data::trend(Lang::En, &ds).unwrap(),
        data::segments(Lang::En, &ds).unwrap(),
        data::balance(Lang::En, &ds).unwrap(),
        data::bridge(Lang::En, &base, &s.years[0], &years[0], "forecast").unwrap(),
        data::projection(Lang::En, &ds, &years, targets, 2, Some(&outcome)).unwrap(),
        data::heatmap(Lang::En, &grid, ("operating margin (%)", "revenue growth (%)"), targets.1, 2010).unwrap(),
    ]
}

#[test]
fn it_can_chart_the_trend_with_the_printed_figures() {
    let (ds, ..) = setup();
    let c = data::trend(Lang::En, &ds).unwrap();
    // Notice, trend of assets and income (JPY thousands), rounded to JPY 0.1 billion by hand:
    // 41,702,567 -> 41.7; 1,247,651 -> 1.2; the presentation's forecast 78.5 / 5.2; target 100 / 10.
    assert_eq!(cells(&c, "FY2004")[..2], ["41.7", "1.2"]);
    assert_eq!(cells(&c, "FY2005")[..2], ["49.8", "2.4"]);
    assert_eq!(cells(&c, "FY2006")[..2], ["57.1", "3.5"]);
    assert_eq!(cells(&c, "FY2007")[..2], ["66.8", "4.8"]);
    assert_eq!(cells(&c, "FY2008"), ["78.5", "5.2", "Forecast"]);
    assert_eq!(cells(&c, "FY2010")[..2], ["over 100", "over 10"]);
    assert!(c.description.contains("FY2007 66.8 actual; FY2008 forecast 78.5; mid-term target over 100"), "{}", c.description);
}

#[test]
fn it_can_derive_fy2006_segment_revenues_from_the_printed_growth() {
    let (ds, ..) = setup();
    let c = data::segments(Lang::En, &ds).unwrap();
    // FY2007 / (1 + growth): 31,302,663 / 1.285 = 24,360,049; 34,018,093 / 1.114 = 30,536,888;
    // 1,514,543 / 0.697 = 2,172,945 (JPY thousands). Ratios: (31,302,663 - 26,039,660) /
    // 31,302,663 = 16.81%; (34,018,093 - 25,543,168) / 34,018,093 = 24.91%;
    // (1,514,543 - 1,299,793) / 1,514,543 = 14.18%; FY2006 15.6% and 22.9% as printed.
    assert_eq!(cells(&c, "Connectivity and VAS"), ["≈24.4", "31.3", "15.6%", "16.8%"]);
    assert_eq!(cells(&c, "Systems integration"), ["≈30.5", "34.0", "22.9%", "24.9%"]);
    assert_eq!(cells(&c, "Equipment sales"), ["≈2.2", "1.5", "not printed", "14.2%"]);
    assert_eq!(cells(&c, "Total")[..2], ["57.1", "66.8"]);
    // The derived FY2006 segments sum to 57,069,882 thousand: 57.1 against 57.1 printed.
    assert!(c.table.note.contains("They sum to 57.1 against 57.1 printed"), "{}", c.table.note);
}

#[test]
fn it_can_stack_the_balance_sheet_to_its_totals() {
    let (ds, ..) = setup();
    let c = data::balance(Lang::En, &ds).unwrap();
    // The presentation, JPY millions. March 2007: 47,693 - 13,555 - 9,676 - (9,832 + 2,877)
    // = 11,753 not itemised; liabilities 47,693 - 20,112 - 6,340 = 21,241.
    // March 2008: 55,703 - 11,471 - 12,255 - (11,740 + 5,907) = 14,330; 55,703 - 24,981 - 9,150 = 21,572.
    assert_eq!(cells(&c, "Cash"), ["13.6", "11.5"]);
    assert_eq!(cells(&c, "Property, equipment and intangibles"), ["12.7", "17.6"]);
    assert_eq!(cells(&c, "Other assets (not itemised)"), ["11.8", "14.3"]);
    assert_eq!(cells(&c, "Other liabilities and minority interest (not itemised)"), ["21.2", "21.6"]);
    assert_eq!(cells(&c, "Total assets = total liabilities and equity"), ["47.7", "55.7"]);
    // The geometry stacks each side to the total (in JPY millions).
    let Plot::Panels(p) = &c.plot else { panic!("panels") };
    let top = |cat: usize, slot: u8| p[0].bars.iter().filter(|b| b.category == cat && b.slot == slot && b.from != b.to).map(|b| b.to).max().unwrap();
    assert_eq!([top(0, 0), top(0, 1), top(1, 0), top(1, 1)], [47_693, 47_693, 55_703, 55_703]);
}

#[test]
fn it_can_bridge_operating_income_so_the_steps_add_up() {
    let (_, base, plan) = setup();
    for p in [Preset::CompanyPlan, Preset::Trend, Preset::TargetMet, Preset::Cautious] {
        let s = preset(p, &base, &plan).unwrap();
        let y = project(&base, &s).unwrap()[0];
        let steps = data::bridge_steps(&base, &s.years[0], &y).unwrap();
        let sum: Decimal = steps.iter().map(|s| s.amount).sum();
        // FY2007 operating income, the notice: JPY 4,759,364 thousand.
        let change = y.operating_income - d("4759364000");
        assert!((sum - change).abs() < d("0.001"), "{p:?}: steps {sum} against {change}");
    }
}

#[test]
fn it_can_attribute_growth_and_margin_separately() {
    let (_, base, plan) = setup();
    let mut s: Scenario = preset(Preset::CompanyPlan, &base, &plan).unwrap();
    // FY2008 at FY2007's ratios with 10% growth everywhere: only the growth steps move.
    for seg in 0..3 {
        s.years[0].growth[seg] = d("10");
        s.years[0].gross_margin[seg] = base.gross_margin(seg).unwrap();
    }
    for k in 0..3 {
        s.years[0].opex[k] = base.opex_pct(k).unwrap();
    }
    let y = project(&base, &s).unwrap()[0];
    let steps = data::bridge_steps(&base, &s.years[0], &y).unwrap();
    // At constant ratios operating income grows 10% too: 4,759,364 x 0.1 = 475,936.4 thousand.
    let growth: Decimal = steps[..3].iter().map(|s| s.amount).sum();
    assert!((growth - d("475936400")).abs() < d("0.01"), "{growth}");
    assert!(steps[3..].iter().all(|s| s.amount.abs() < d("0.000001")), "{steps:?}");
    // CVAS alone: 3,130,266.3 thousand more revenue at (5,263,003 / 31,302,663 - 9,193,314 /
    // 66,835,299) = 16.81328% - 13.75518%: JPY 95,726,614.69 (Python decimal, 40 digits).
    assert!((steps[0].amount - d("95726614.69")).abs() < d("0.01"), "{}", steps[0].amount);
    // One point more CVAS gross margin, no growth: the step is 1% of CVAS revenues,
    // 31,302,663 thousand x 0.01 = JPY 313,026,630.
    let mut t = s;
    for seg in 0..3 {
        t.years[0].growth[seg] = Decimal::ZERO;
    }
    t.years[0].gross_margin[0] += Decimal::ONE;
    let y = project(&base, &t).unwrap()[0];
    let steps = data::bridge_steps(&base, &t.years[0], &y).unwrap();
    assert!((steps[3].amount - d("313026630")).abs() < d("0.001"), "{}", steps[3].amount);
}

#[test]
fn it_can_name_and_describe_every_chart() {
    for c in all_charts() {
        let svg = charts::render(&c, 960, &format!("c-{}", c.key)).unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{}", c.key);
        assert!(svg.contains(r#"role="img""#) && svg.contains(&format!(r#"aria-labelledby="c-{0}-t" aria-describedby="c-{0}-d""#, c.key)), "{}", c.key);
        assert!(svg.contains(&format!("<title id=\"c-{}-t\">", c.key)), "{}", c.key);
        assert!(c.description.len() > 60, "{}: {}", c.key, c.description);
        assert!(!c.table.rows.is_empty() && !c.table.columns.is_empty(), "{}", c.key);
        // Every colour is an ink class the themes define: no literal colour on the page.
        assert!(!svg.contains("=\"#"), "{}: literal colour in {svg}", c.key);
        // Axis units are written on the chart.
        assert!(svg.contains("JPY billions") || svg.contains("% of segment revenues") || svg.contains("(%)"), "{}", c.key);
    }
}

#[test]
fn it_can_draw_every_chart_with_plotters_own_svg_backend() {
    for c in all_charts() {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (800, 600)).into_drawing_area();
            charts::draw::draw(&c, &area).unwrap();
        }
        assert!(out.contains("<svg") && out.contains("<rect"), "{}", c.key);
    }
}

#[test]
fn it_can_theme_charts_from_the_stylesheet() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap();
    for (_, name, light, dark) in INKS {
        assert!(css.contains(&format!("--ink-{name}: {light};")), "light --ink-{name}");
        assert!(css.contains(&format!("--ink-{name}: {dark};")), "dark --ink-{name}");
        assert!(css.contains(&format!(".f-{name} {{ fill: var(--ink-{name}); }}")), ".f-{name}");
        assert!(css.contains(&format!(".s-{name} {{ stroke: var(--ink-{name}); }}")), ".s-{name}");
    }
    let svg = charts::render(&data::trend(Lang::En, &Dataset::bundled().unwrap()).unwrap(), 600, "x").unwrap();
    let light = charts::standalone(&svg, false);
    let dark = charts::standalone(&svg, true);
    // Literal colours of the chosen theme, as attributes: no stylesheet needed.
    assert!(light.contains(r##"fill="#ffffff""##) && dark.contains(r##"fill="#161b22""##));
    assert!(light.contains(r##"stroke="#7b2cbf" stroke-dasharray="6 4""##), "the target line stays dashed");
    assert!(!light.contains("class=\"f-") && !light.contains("class=\"s-") && !light.contains("<style"));
    assert!(light.starts_with("<?xml") && light.ends_with("</svg>"));
}

#[test]
fn it_can_draw_a_sparkline_with_a_name() {
    let svg = charts::sparkline(&[1, 5, 3], 80, 20, "FY2005 1, FY2006 5, FY2007 3");
    assert!(svg.contains(r#"aria-label="FY2005 1, FY2006 5, FY2007 3""#) && svg.contains("<polyline"), "{svg}");
    assert_eq!(charts::sparkline(&[1], 80, 20, "x"), "");
}

#[test]
fn it_can_match_the_svg_snapshots() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for c in all_charts() {
        for width in [360, 960] {
            let svg = charts::render(&c, width, &format!("c-{}", c.key)).unwrap();
            let path = format!("{dir}/{}-{width}.svg", c.key);
            if update {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(&path, &svg).unwrap();
            } else if std::fs::read_to_string(&path).map_or(true, |s| s != svg) {
                failures.push(path);
            }
        }
    }
    assert!(failures.is_empty(), "differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept after review): {failures:?}");
}

/// A chart drawn at its layout's reference width and scaled to a box is as tall as the one
/// drawn at the box's width (the prerendered page and the app), to the pixel: the page does
/// not shift when the app takes over. Reference widths 360 (narrow) and 960 (wide); the
/// layouts change at 640.
#[test]
fn it_can_keep_a_charts_aspect_ratio_within_a_layout() {
    for c in all_charts() {
        for (reference, widths) in [(360u32, [300u32, 330, 390, 430, 600, 639]), (960, [640, 700, 800, 1024, 1100, 1200])] {
            let (_, at_reference) = charts::draw::size(&c, reference);
            for w in widths {
                let (drawn, h) = charts::draw::size(&c, w);
                assert_eq!(drawn, w, "{} is drawn at the box's width", c.key);
                let scaled = f64::from(at_reference) * f64::from(w) / f64::from(reference);
                assert!((f64::from(h) - scaled).abs() <= 1.0, "{} at {w}: {h} px drawn, {scaled:.1} px scaled from {reference}", c.key);
            }
        }
    }
}

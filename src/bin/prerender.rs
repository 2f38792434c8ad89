//! The prerender step of the release build (scripts/build.sh): writes into DIR, for
//! scripts/postbuild.py to publish,
//! - `pages.tsv`: file, view, language, title and description of every page, and
//!   `<file>.body.html`: the body the app draws for that view and language;
//! - `ja.txt`, `lines.txt`, `notice.txt` and `forum.txt`: the Japanese table, the quoted source
//!   lines and the two transcriptions, which the hosted wasm leaves out and fetches when needed;
//! - `og-trend.svg` and `og-trend.png`: the trend chart, standalone, for link previews;
//! - `icon-192.png`, `icon-512.png`: the app icon (style/favicon.svg) for the web app manifest;
//! - `iij-explorer.xlsx`, `iij-explorer-ja.xlsx`: the analyst's workbooks (`workbook.rs`).
//!
//! Usage: `cargo run --features prerender --bin prerender -- DIR`

use std::fmt::Write as _;
use std::path::PathBuf;

const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fn main() -> Result<(), String> {
    let dir = PathBuf::from(std::env::args().nth(1).ok_or("usage: prerender DIR")?);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"));
    let mut index = String::new();
    for page in iij_explorer::ui::prerender::pages() {
        for field in [&page.title, &page.description] {
            if field.contains(['\t', '\n']) {
                return Err(format!("{}: a title or description holds a tab or line break", page.file));
            }
        }
        let _ = writeln!(index, "{}\t{}\t{}\t{}\t{}", page.file, page.view.slug(), page.lang.code(), page.title, page.description);
        write(&format!("{}.body.html", page.file), &page.body)?;
    }
    write("pages.tsv", &index)?;
    write("ja.txt", iij_explorer::i18n::ja_text().ok_or("this build has no Japanese table inside")?)?;
    write("lines.txt", iij_explorer::model::documents::quoted_lines_text().ok_or("this build has no quoted lines inside")?)?;
    for doc in iij_explorer::model::DocumentId::ALL {
        let text = iij_explorer::model::documents::full_text_bundled(doc).ok_or("this build has no transcriptions inside")?;
        write(&format!("{}.txt", doc.code()), text)?;
    }
    let data = iij_explorer::model::Dataset::bundled().map_err(|e| e.to_string())?;
    for (lang, file) in [(iij_explorer::i18n::Lang::En, "iij-explorer.xlsx"), (iij_explorer::i18n::Lang::Ja, "iij-explorer-ja.xlsx")] {
        let options = iij_explorer::workbook::Options::published(lang, env!("CARGO_PKG_VERSION"));
        let bytes = iij_explorer::workbook::workbook(&data, &options)?;
        std::fs::write(dir.join(file), bytes).map_err(|e| format!("{file}: {e}"))?;
    }
    let chart = iij_explorer::charts::data::trend(iij_explorer::i18n::Lang::En, &data).map_err(|e| e.to_string())?;
    let svg = iij_explorer::charts::render(&chart, 1200, "og").map_err(|e| e.to_string())?;
    let og = preview_card(&iij_explorer::charts::standalone(&svg, false));
    write("og-trend.svg", &og)?;
    // Text needs a font file: DejaVu Sans, which scripts/setup.sh installs where it is missing.
    let font = std::path::Path::new(FONT);
    let write_bytes = |name: &str, bytes: Vec<u8>| std::fs::write(dir.join(name), bytes).map_err(|e| format!("{name}: {e}"));
    write_bytes("og-trend.png", png(&og, 1200, font)?)?;
    let icon = std::fs::read_to_string("style/favicon.svg").map_err(|e| format!("style/favicon.svg: {e}"))?;
    for size in [192, 512] {
        write_bytes(&format!("icon-{size}.png"), png(&icon, size, font)?)?;
    }
    Ok(())
}

/// `svg` drawn to a PNG `width` pixels wide, its text in the font file `font`.
fn png(svg: &str, width: u32, font: &std::path::Path) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    let data = std::fs::read(font).map_err(|e| format!("{}: {e}", font.display()))?;
    options.fontdb_mut().load_font_data(data);
    options.fontdb_mut().set_sans_serif_family("DejaVu Sans");
    options.font_family = "DejaVu Sans".to_owned();
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("empty image")?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The link-preview card (1200 x 630, as Open Graph and Twitter cards expect): the product,
/// the company and the trend chart below them.
fn preview_card(chart: &str) -> String {
    let chart = chart.trim_start_matches(|c| c != '>').trim_start_matches('>').trim_start();
    let chart = chart.replacen("<svg ", "<svg x=\"0\" y=\"200\" ", 1);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" font-family=\"sans-serif\">\
         <rect width=\"1200\" height=\"630\" fill=\"#ffffff\"/><rect width=\"1200\" height=\"12\" fill=\"#0b4f8a\"/>\
         <text x=\"48\" y=\"92\" font-size=\"52\" font-weight=\"bold\" fill=\"#0b4f8a\">IIJ Financial Explorer</text>\
         <text x=\"48\" y=\"146\" font-size=\"28\" fill=\"#333333\">Internet Initiative Japan: FY2007 results, FY2008 forecast, mid-term target</text>\
         {chart}</svg>"
    )
}

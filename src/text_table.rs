//! A table read from tab-separated text once, on first use: from a text built into the binary
//! or, in the hosted release build (`--cfg iij_split`, scripts/build.sh), which leaves such
//! texts out of the wasm, from one fetched at run time and installed. The Japanese table
//! (`i18n`) and the quoted source lines (`model::documents`) are two of them. Plain Rust.

use std::sync::OnceLock;

/// Entries of type `T` read from a text by `parse`; empty until there is a text.
pub struct TextTable<T: 'static> {
    entries: OnceLock<Vec<T>>,
    /// The text built into this binary, if it carries one.
    bundled: Option<&'static str>,
    /// The entries of a text, or `None` if it is not such a table.
    parse: fn(&'static str) -> Option<Vec<T>>,
    /// Why a text that does not parse cannot be used.
    not_a_table: &'static str,
}

impl<T> TextTable<T> {
    pub const fn new(bundled: Option<&'static str>, parse: fn(&'static str) -> Option<Vec<T>>, not_a_table: &'static str) -> Self {
        TextTable { entries: OnceLock::new(), bundled, parse, not_a_table }
    }

    /// The entries: read from the bundled text on first use, or those installed.
    pub fn entries(&self) -> &[T] {
        match self.bundled {
            Some(text) => self.entries.get_or_init(|| (self.parse)(text).unwrap_or_default()),
            None => self.entries.get().map_or(&[], Vec::as_slice),
        }
    }

    /// Whether there are entries to read.
    pub fn ready(&self) -> bool {
        !self.entries().is_empty()
    }

    /// The text built into this binary, if any (the prerender step publishes it).
    pub fn bundled(&self) -> Option<&'static str> {
        self.bundled
    }

    /// Installs the entries of a text fetched at run time; `Err` says why it cannot be used
    /// (and nothing is installed). A table that has entries keeps them.
    pub fn install(&self, text: String) -> Result<(), &'static str> {
        if self.ready() {
            return Ok(());
        }
        let entries = (self.parse)(Box::leak(text.into_boxed_str())).ok_or(self.not_a_table)?;
        let _ = self.entries.set(entries);
        Ok(())
    }
}

/// `entries` if there are some and their keys rise strictly (sorted for binary search, no key
/// twice), else `None`.
pub fn sorted_by<T, K: Ord>(entries: Vec<T>, key: impl Fn(&T) -> K) -> Option<Vec<T>> {
    let sorted = entries.windows(2).all(|w| matches!(w, [a, b] if key(a) < key(b)));
    (sorted && !entries.is_empty()).then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &'static str) -> Option<Vec<(&'static str, &'static str)>> {
        sorted_by(text.lines().map(|l| l.split_once('\t')).collect::<Option<_>>()?, |p| p.0)
    }

    #[test]
    fn it_installs_a_fetched_text_once_and_refuses_a_bad_one() {
        let table = TextTable::new(None, pairs, "not pairs");
        assert!(!table.ready());
        assert_eq!(table.install("b\tx\na\ty".to_owned()), Err("not pairs"), "not sorted");
        assert!(!table.ready(), "nothing installed");
        assert_eq!(table.install("a\t1\nb\t2".to_owned()), Ok(()));
        assert_eq!(table.entries(), &[("a", "1"), ("b", "2")]);
        assert_eq!(table.install("c\t3".to_owned()), Ok(()), "the first stays");
        assert_eq!(table.entries().len(), 2);
    }

    #[test]
    fn it_reads_a_bundled_text_on_first_use() {
        let table = TextTable::new(Some("a\t1\n"), pairs, "not pairs");
        assert_eq!(table.entries(), &[("a", "1")]);
        assert_eq!(table.bundled(), Some("a\t1\n"));
        assert_eq!(table.install("junk".to_owned()), Ok(()), "the bundled table stays");
        assert_eq!(sorted_by(Vec::<(u8, u8)>::new(), |p| p.0), None, "empty");
    }
}

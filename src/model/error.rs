//! The one error type of the model. Every fallible step returns it; nothing panics.

use std::fmt;

/// What can go wrong loading the dataset or computing from it. Each variant names the fact,
/// check or formula at fault so a failing test or a message on the page says where to look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The data file is not JSON of the expected shape.
    Parse(String),
    /// Two items (facts, sections, checks or errata) share an id.
    DuplicateId { kind: &'static str, id: String },
    /// An id is empty or has characters outside `a-z 0-9 . _ -`.
    BadId { kind: &'static str, id: String },
    /// A value is not a decimal number.
    BadDecimal { item: String, text: String },
    /// A fact names a unit the model does not know.
    UnknownUnit { fact: String, unit: String },
    /// A fact names a period the model cannot read.
    BadPeriod { fact: String, period: String },
    /// A fact names a scope or basis the model does not know.
    UnknownTag { fact: String, field: &'static str, value: String },
    /// An item refers to a section, fact or erratum that does not exist.
    MissingRef { item: String, kind: &'static str, id: String },
    /// A formula cannot be parsed.
    Formula { item: String, message: String },
    /// Arithmetic left the range of `Decimal`.
    Overflow { item: String },
    /// A division by zero, or by an interval that contains zero.
    DivisionByZero { item: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Parse(m) => write!(f, "the data file cannot be read: {m}"),
            Error::DuplicateId { kind, id } => write!(f, "two {kind}s have the id “{id}”"),
            Error::BadId { kind, id } => write!(f, "the {kind} id “{id}” is not of the form a-z, 0-9, '.', '_', '-'"),
            Error::BadDecimal { item, text } => write!(f, "{item}: “{text}” is not a decimal number"),
            Error::UnknownUnit { fact, unit } => write!(f, "fact {fact}: unknown unit “{unit}”"),
            Error::BadPeriod { fact, period } => write!(f, "fact {fact}: cannot read the period “{period}”"),
            Error::UnknownTag { fact, field, value } => write!(f, "fact {fact}: unknown {field} “{value}”"),
            Error::MissingRef { item, kind, id } => write!(f, "{item} refers to the {kind} “{id}”, which does not exist"),
            Error::Formula { item, message } => write!(f, "{item}: formula error: {message}"),
            Error::Overflow { item } => write!(f, "{item}: the arithmetic overflowed"),
            Error::DivisionByZero { item } => write!(f, "{item}: division by zero"),
        }
    }
}

impl std::error::Error for Error {}

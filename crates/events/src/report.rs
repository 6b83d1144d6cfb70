//! Aligned text tables for the scorers' reports.
use std::fmt;

/// A table: first column left-aligned, the others right-aligned.
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.header.len();
        let mut w = vec![0; n];
        for r in std::iter::once(&self.header).chain(&self.rows) {
            for (i, c) in r.iter().enumerate().take(n) {
                w[i] = w[i].max(c.chars().count());
            }
        }
        for r in std::iter::once(&self.header).chain(&self.rows) {
            for (i, c) in r.iter().enumerate().take(n) {
                if i == 0 {
                    write!(f, "{c:<width$}", width = w[i])?;
                } else {
                    write!(f, "  {c:>width$}", width = w[i])?;
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// `n/d (p%)`, or `n/0` when there is nothing to divide by.
pub(crate) fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        format!("{n}/0")
    } else {
        format!("{n}/{d} ({:.1}%)", 100.0 * n as f64 / d as f64)
    }
}

/// A fraction, 0 when the denominator is 0.
pub(crate) fn frac(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

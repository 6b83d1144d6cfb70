use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
///
/// `u32` keeps annotation arrays small; documents are limited far below 4 GiB by the
/// readers' `--max-bytes`. Serialised as a two-element array `[start, end]`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[u32; 2]", into = "[u32; 2]")]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds if `end < start`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `usize` range for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// True when `other` lies inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved right by `delta` bytes.
    pub fn shift(self, delta: usize) -> Span {
        Span {
            start: self.start + delta as u32,
            end: self.end + delta as u32,
        }
    }
}

impl From<[u32; 2]> for Span {
    fn from([start, end]: [u32; 2]) -> Span {
        Span { start, end }
    }
}

impl From<Span> for [u32; 2] {
    fn from(s: Span) -> [u32; 2] {
        [s.start, s.end]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

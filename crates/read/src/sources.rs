//! Walking paths and streaming documents out of them.

use crate::parse::{parse_jsonl_line, parse_text_file};
use crate::{ReadError, ReadErrorKind, ReadOptions};
use dyad_core::{Document, Origin};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Directory nesting beyond this is treated as a symlink loop.
const MAX_DEPTH: usize = 64;

/// An iterator over every document under the given paths, in a deterministic order: paths as
/// given, directory entries sorted by name. Each item is a document or the error of one.
pub struct Sources {
    opts: ReadOptions,
    queue: VecDeque<(PathBuf, usize)>,
    lines: Option<LineReader>,
}

struct LineReader {
    path: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
}

impl Sources {
    /// Reads `paths` (files, directories or `-` for standard input).
    pub fn new(paths: Vec<PathBuf>, opts: ReadOptions) -> Sources {
        Sources {
            opts,
            queue: paths.into_iter().map(|p| (p, 0)).collect(),
            lines: None,
        }
    }

    fn next_line(&mut self) -> Option<Result<Document, ReadError>> {
        let max = self.opts.max_bytes;
        loop {
            let lr = self.lines.as_mut()?;
            lr.buf.clear();
            lr.line += 1;
            let read = (&mut lr.reader)
                .take((max as u64).saturating_add(1))
                .read_until(b'\n', &mut lr.buf);
            let loc = format!("{}:{}", lr.path, lr.line);
            match read {
                Err(e) => {
                    self.lines = None;
                    return Some(Err(ReadError::new(loc, e)));
                }
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => {}
            }
            if lr.buf.len() > max && lr.buf.last() != Some(&b'\n') {
                // Skip the rest of the oversized line without holding it in memory.
                let mut size = lr.buf.len() as u64;
                loop {
                    lr.buf.clear();
                    match (&mut lr.reader)
                        .take(1 << 20)
                        .read_until(b'\n', &mut lr.buf)
                    {
                        Ok(0) | Err(_) => break,
                        Ok(n) => size += n as u64,
                    }
                    if lr.buf.last() == Some(&b'\n') {
                        break;
                    }
                }
                return Some(Err(ReadError::new(
                    loc,
                    ReadErrorKind::TooLarge { size, limit: max },
                )));
            }
            let line = lr.buf.trim_ascii();
            if line.is_empty() {
                continue;
            }
            let origin = Origin {
                path: lr.path.clone(),
                line: Some(lr.line),
            };
            let stem = &lr.stem;
            let n = lr.line;
            let parsed = parse_jsonl_line(line, || format!("{stem}:{n}"), &self.opts);
            return Some(
                parsed
                    .map(|mut d| {
                        d.origin = origin;
                        d
                    })
                    .map_err(|k| ReadError::new(loc, k)),
            );
        }
    }

    fn open(&mut self, path: PathBuf, depth: usize) -> Option<Result<Document, ReadError>> {
        let shown = path.display().to_string();
        if path.as_os_str() == "-" {
            return self.open_stdin();
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(ReadError::new(shown, e))),
        };
        if meta.is_dir() {
            if depth >= MAX_DEPTH {
                return Some(Err(ReadError::new(shown, ReadErrorKind::UnsupportedFile)));
            }
            return match list_dir(&path) {
                Ok(entries) => {
                    for p in entries.into_iter().rev() {
                        self.queue.push_front((p, depth + 1));
                    }
                    None
                }
                Err(e) => Some(Err(ReadError::new(shown, e))),
            };
        }
        if !meta.is_file() {
            return Some(Err(ReadError::new(shown, ReadErrorKind::UnsupportedFile)));
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => return Some(Err(ReadError::new(shown, e))),
        };
        let mut reader = BufReader::new(file);
        let jsonl = match ext.as_deref() {
            Some("jsonl") => true,
            Some("txt") => false,
            _ => starts_with_brace(&mut reader),
        };
        if jsonl {
            self.lines = Some(LineReader {
                path: shown,
                stem,
                reader: Box::new(reader),
                line: 0,
                buf: Vec::new(),
            });
            return None;
        }
        if meta.len() > self.opts.max_bytes as u64 {
            let kind = ReadErrorKind::TooLarge {
                size: meta.len(),
                limit: self.opts.max_bytes,
            };
            return Some(Err(ReadError::new(shown, kind)));
        }
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Some(self.text_document(reader, shown, &stem, &name))
    }

    fn open_stdin(&mut self) -> Option<Result<Document, ReadError>> {
        let mut reader = BufReader::new(std::io::stdin());
        if starts_with_brace(&mut reader) {
            self.lines = Some(LineReader {
                path: "-".into(),
                stem: "stdin".into(),
                reader: Box::new(reader),
                line: 0,
                buf: Vec::new(),
            });
            return None;
        }
        Some(self.text_document(reader, "-".into(), "stdin", ""))
    }

    fn text_document(
        &self,
        reader: impl Read,
        shown: String,
        stem: &str,
        name: &str,
    ) -> Result<Document, ReadError> {
        let max = self.opts.max_bytes;
        let mut bytes = Vec::new();
        reader
            .take((max as u64).saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| ReadError::new(&shown, e))?;
        let mut doc = parse_text_file(&bytes, stem, name, &self.opts)
            .map_err(|k| ReadError::new(&shown, k))?;
        doc.origin = Origin {
            path: shown,
            line: None,
        };
        Ok(doc)
    }
}

impl Iterator for Sources {
    type Item = Result<Document, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let (path, depth) = self.queue.pop_front()?;
            if let Some(item) = self.open(path, depth) {
                return Some(item);
            }
        }
    }
}

/// Sorted `.txt` and `.jsonl` files and all subdirectories, skipping hidden entries.
fn list_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let is_dir =
            entry.file_type()?.is_dir() || (entry.file_type()?.is_symlink() && path.is_dir());
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if is_dir || matches!(ext.as_deref(), Some("txt" | "jsonl")) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Peeks past leading whitespace for a `{` without consuming anything but that whitespace.
fn starts_with_brace(reader: &mut impl BufRead) -> bool {
    loop {
        let Ok(buf) = reader.fill_buf() else {
            return false;
        };
        if buf.is_empty() {
            return false;
        }
        let ws = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if ws < buf.len() {
            let brace = buf[ws] == b'{';
            reader.consume(ws);
            return brace;
        }
        let n = buf.len();
        reader.consume(n);
    }
}

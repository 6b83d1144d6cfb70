//! One small SQL surface over the two databases a store can live in: an SQLite file or a
//! PostgreSQL database.
//!
//! Every query of the store is written once, in the SQL both accept (`?1` placeholders,
//! `INSERT … RETURNING rowid`, `ON CONFLICT DO NOTHING`, the column `"end"` quoted); the
//! PostgreSQL side rewrites `?N` to `$N` when it prepares a statement. The few places where
//! the two differ for real (full-text search, a join-order hint, transactions and locking)
//! ask [`Db::dialect`]. Values travel as [`Val`], so the clustering and bookkeeping code
//! above is the same code for both, and so is the result: the canonical dump of a store
//! built in PostgreSQL equals that of one built in SQLite from the same documents.
use crate::error::StoreError;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

/// Which SQL dialect a statement is for, where the two differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value going into or coming out of a statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}
impl From<usize> for Val {
    fn from(v: usize) -> Val {
        Val::Int(v as i64)
    }
}
impl From<u32> for Val {
    fn from(v: u32) -> Val {
        Val::Int(v as i64)
    }
}
impl From<u8> for Val {
    fn from(v: u8) -> Val {
        Val::Int(v as i64)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::Real(v)
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Text(v.to_string())
    }
}
impl From<&String> for Val {
    fn from(v: &String) -> Val {
        Val::Text(v.clone())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::Text(v)
    }
}
impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Val {
        v.map_or(Val::Null, Into::into)
    }
}
impl From<&Option<String>> for Val {
    fn from(v: &Option<String>) -> Val {
        v.as_deref().map_or(Val::Null, Val::from)
    }
}

/// Builds a `&[Val]` from mixed values: `vals![id, name, 3]`.
macro_rules! vals {
    ($($v:expr),* $(,)?) => { &[$($crate::db::Val::from($v)),*][..] };
}
pub(crate) use vals;

/// A database failure, before the store names the database it happened in.
#[derive(Debug, thiserror::Error)]
pub(crate) enum DbError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Postgres(#[from] postgres::Error),
    /// A value could not be encoded for storage (a record that does not serialise).
    #[error("cannot encode: {0}")]
    Encode(String),
    /// A column held a type the reading code did not expect (a damaged or foreign table).
    #[error("column {col}: expected {want}, found {got}")]
    Type {
        col: usize,
        want: &'static str,
        got: String,
    },
}

impl DbError {
    /// True when the failure is the fault of the data written (a constraint, a value the
    /// database refuses), not of the database: the writer then skips one document instead
    /// of failing the batch.
    pub(crate) fn is_data_fault(&self) -> bool {
        match self {
            DbError::Sqlite(e) => {
                use rusqlite::ErrorCode as C;
                match e {
                    rusqlite::Error::SqliteFailure(f, _) => {
                        matches!(f.code, C::ConstraintViolation | C::TooBig | C::TypeMismatch)
                    }
                    rusqlite::Error::ToSqlConversionFailure(_) => true,
                    _ => false,
                }
            }
            // Class 22 is "data exception" (a NUL byte, a value out of range), 23 "integrity
            // constraint violation", 54 "program limit exceeded" (a value too large).
            DbError::Postgres(e) => e
                .code()
                .is_some_and(|c| ["22", "23", "54"].iter().any(|k| c.code().starts_with(k))),
            DbError::Encode(_) => true,
            DbError::Type { .. } => false,
        }
    }
}

/// An error of a streaming read ([`Db::each`]): the database's own, or the row callback's,
/// which passes through untouched.
pub(crate) enum EachError {
    Db(DbError),
    Out(StoreError),
}

impl From<DbError> for EachError {
    fn from(e: DbError) -> EachError {
        EachError::Db(e)
    }
}

/// One result row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row(pub(crate) Vec<Val>);

impl Row {
    fn get(&self, i: usize) -> &Val {
        self.0.get(i).unwrap_or(&Val::Null)
    }

    fn wrong(&self, i: usize, want: &'static str) -> DbError {
        DbError::Type {
            col: i,
            want,
            got: format!("{:?}", self.get(i)),
        }
    }

    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>, DbError> {
        match self.get(i) {
            Val::Null => Ok(None),
            Val::Int(v) => Ok(Some(*v)),
            _ => Err(self.wrong(i, "an integer")),
        }
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64, DbError> {
        self.opt_int(i)?.ok_or_else(|| self.wrong(i, "an integer"))
    }

    pub(crate) fn opt_real(&self, i: usize) -> Result<Option<f64>, DbError> {
        match self.get(i) {
            Val::Null => Ok(None),
            Val::Real(v) => Ok(Some(*v)),
            Val::Int(v) => Ok(Some(*v as f64)),
            _ => Err(self.wrong(i, "a number")),
        }
    }

    pub(crate) fn real(&self, i: usize) -> Result<f64, DbError> {
        self.opt_real(i)?.ok_or_else(|| self.wrong(i, "a number"))
    }

    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, DbError> {
        match self.get(i) {
            Val::Null => Ok(None),
            Val::Text(s) => Ok(Some(s.clone())),
            _ => Err(self.wrong(i, "text")),
        }
    }

    pub(crate) fn text(&self, i: usize) -> Result<String, DbError> {
        self.opt_text(i)?.ok_or_else(|| self.wrong(i, "text"))
    }

    /// The row as JSON values, reals written with Rust's round-trip formatting so that both
    /// databases dump the same bytes.
    pub(crate) fn to_json(&self) -> Vec<serde_json::Value> {
        self.0
            .iter()
            .map(|v| match v {
                Val::Null => serde_json::Value::Null,
                Val::Int(i) => (*i).into(),
                Val::Real(f) => serde_json::Value::String(format!("{f:?}")),
                Val::Text(t) => t.clone().into(),
            })
            .collect()
    }
}

impl rusqlite::ToSql for Val {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Val::Null => ValueRef::Null,
            Val::Int(v) => ValueRef::Integer(*v),
            Val::Real(v) => ValueRef::Real(*v),
            Val::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

impl ToSql for Val {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        // PostgreSQL infers each parameter's type from the statement; the value follows it.
        match self {
            Val::Null => Ok(IsNull::Yes),
            Val::Int(v) => match *ty {
                Type::INT2 => (*v as i16).to_sql(ty, out),
                Type::INT4 => (*v as i32).to_sql(ty, out),
                Type::FLOAT8 => (*v as f64).to_sql(ty, out),
                Type::FLOAT4 => (*v as f32).to_sql(ty, out),
                Type::BOOL => (*v != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR | Type::UNKNOWN => v.to_string().to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Val::Real(v) => match *ty {
                Type::FLOAT4 => (*v as f32).to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Val::Text(s) => s.as_str().to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn sqlite_row(r: &rusqlite::Row<'_>, n: usize) -> Result<Row, DbError> {
    use rusqlite::types::ValueRef as V;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(match r.get_ref(i)? {
            V::Null => Val::Null,
            V::Integer(v) => Val::Int(v),
            V::Real(v) => Val::Real(v),
            V::Text(t) => Val::Text(String::from_utf8_lossy(t).into_owned()),
            V::Blob(b) => Val::Text(format!("{b:02x?}")),
        });
    }
    Ok(Row(out))
}

fn pg_row(r: &postgres::Row) -> Result<Row, DbError> {
    let mut out = Vec::with_capacity(r.len());
    for (i, c) in r.columns().iter().enumerate() {
        let v = match *c.type_() {
            Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map_or(Val::Null, Val::Int),
            Type::INT4 => r
                .try_get::<_, Option<i32>>(i)?
                .map_or(Val::Null, |v| Val::Int(v.into())),
            Type::INT2 => r
                .try_get::<_, Option<i16>>(i)?
                .map_or(Val::Null, |v| Val::Int(v.into())),
            Type::BOOL => r
                .try_get::<_, Option<bool>>(i)?
                .map_or(Val::Null, |v| Val::Int(v.into())),
            Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map_or(Val::Null, Val::Real),
            Type::FLOAT4 => r
                .try_get::<_, Option<f32>>(i)?
                .map_or(Val::Null, |v| Val::Real(v.into())),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => r
                .try_get::<_, Option<String>>(i)?
                .map_or(Val::Null, Val::Text),
            ref t => {
                return Err(DbError::Type {
                    col: i,
                    want: "an integer, a number or text",
                    got: t.name().to_string(),
                });
            }
        };
        out.push(v);
    }
    Ok(Row(out))
}

/// `?N` placeholders to PostgreSQL's `$N`, outside quoted strings and identifiers.
pub(crate) fn pg_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '?' => {
                out.push('$');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    out
}

/// A PostgreSQL connection with its prepared statements, keyed by the store's SQL text.
pub(crate) struct PgConn {
    pub(crate) client: postgres::Client,
    cache: HashMap<String, postgres::Statement>,
}

impl PgConn {
    pub(crate) fn new(client: postgres::Client) -> PgConn {
        PgConn {
            client,
            cache: HashMap::new(),
        }
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, DbError> {
        if let Some(st) = self.cache.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(&pg_placeholders(sql))?;
        // Statements built from user filters vary without bound; keep the cache small.
        if self.cache.len() > 512 {
            self.cache.clear();
        }
        self.cache.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// The database under a store.
pub(crate) enum Db {
    Sqlite(rusqlite::Connection),
    // `RefCell`: the store's reads take `&self`, as they do with SQLite; a store is used by
    // one thread at a time (it is `Send`, not `Sync`).
    Postgres(Box<RefCell<PgConn>>),
}

fn params(p: &[Val]) -> Vec<&(dyn ToSql + Sync)> {
    p.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl Db {
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a statement; returns the rows it changed.
    pub(crate) fn exec(&self, sql: &str, p: &[Val]) -> Result<u64, DbError> {
        match self {
            Db::Sqlite(c) => {
                Ok(c.prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(p.iter()))? as u64)
            }
            Db::Postgres(c) => {
                let mut c = c.borrow_mut();
                let st = c.statement(sql)?;
                Ok(c.client.execute(&st, &params(p))?)
            }
        }
    }

    /// Every row of a query.
    pub(crate) fn rows(&self, sql: &str, p: &[Val]) -> Result<Vec<Row>, DbError> {
        let mut out = Vec::new();
        self.each(sql, p, |r| {
            out.push(r);
            Ok::<(), DbError>(())
        })?;
        Ok(out)
    }

    /// The first row of a query, if any.
    pub(crate) fn one(&self, sql: &str, p: &[Val]) -> Result<Option<Row>, DbError> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.column_count();
                let mut rows = st.query(rusqlite::params_from_iter(p.iter()))?;
                match rows.next()? {
                    Some(r) => Ok(Some(sqlite_row(r, n)?)),
                    None => Ok(None),
                }
            }
            Db::Postgres(c) => {
                let mut c = c.borrow_mut();
                let st = c.statement(sql)?;
                match c.client.query_opt(&st, &params(p))? {
                    Some(r) => Ok(Some(pg_row(&r)?)),
                    None => Ok(None),
                }
            }
        }
    }

    /// Streams the rows of a query to `f`, stopping at its first error. `f` must not use
    /// the database itself.
    pub(crate) fn each<E: From<DbError>>(
        &self,
        sql: &str,
        p: &[Val],
        mut f: impl FnMut(Row) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            Db::Sqlite(c) => {
                let mut st = c.prepare_cached(sql).map_err(DbError::from)?;
                let n = st.column_count();
                let mut rows = st
                    .query(rusqlite::params_from_iter(p.iter()))
                    .map_err(DbError::from)?;
                while let Some(r) = rows.next().map_err(DbError::from)? {
                    f(sqlite_row(r, n)?)?;
                }
                Ok(())
            }
            Db::Postgres(c) => {
                let mut c = c.borrow_mut();
                let st = c.statement(sql)?;
                let mut rows = c
                    .client
                    .query_raw(&st, p.iter().map(|v| v as &(dyn ToSql + Sync)))
                    .map_err(DbError::from)?;
                while let Some(r) = rows.next().map_err(DbError::from)? {
                    f(pg_row(&r)?)?;
                }
                Ok(())
            }
        }
    }

    /// Runs statements without parameters or results (`BEGIN`, `SAVEPOINT s`, DDL).
    pub(crate) fn batch(&self, sql: &str) -> Result<(), DbError> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(c) => Ok(c.borrow_mut().client.batch_execute(sql)?),
        }
    }

    /// Begins the single writer's transaction: SQLite takes its write lock at once
    /// (`IMMEDIATE`); PostgreSQL takes a transaction-scoped advisory lock, so writers from
    /// several processes or machines run one batch at a time, as with SQLite. Clustering
    /// reads and rewrites whole blocks, so two batches interleaved could both miss each
    /// other's reports.
    pub(crate) fn begin_write(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(_) => self.batch("BEGIN IMMEDIATE"),
            Db::Postgres(_) => {
                self.batch("BEGIN")?;
                self.exec("SELECT pg_advisory_xact_lock(?1)", &[Val::Int(WRITE_LOCK)])
                    .map(drop)
                    .inspect_err(|_| {
                        let _ = self.batch("ROLLBACK");
                    })
            }
        }
    }

    /// Begins a read transaction that sees one snapshot throughout.
    pub(crate) fn begin_read(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(_) => self.batch("BEGIN"),
            Db::Postgres(_) => self.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
        }
    }
}

/// The advisory lock id of the writer: `dyad` in ASCII, like SQLite's application id.
pub(crate) const WRITE_LOCK: i64 = 0x6479_6164;

/// Where a store lives, from a `--db` argument: `postgres://…` (or `postgresql://…`) is a
/// PostgreSQL database, `sqlite:FILE` or any other string a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection string.
    Postgres(String),
}

impl Target {
    /// Reads a `--db` argument.
    pub fn parse(s: &str) -> Target {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Target::Postgres(s.to_string())
        } else {
            Target::Sqlite(PathBuf::from(s.strip_prefix("sqlite:").unwrap_or(s)))
        }
    }

    /// How messages name the store: the file, or the URL without its password.
    pub fn label(&self) -> PathBuf {
        match self {
            Target::Sqlite(p) => p.clone(),
            Target::Postgres(url) => PathBuf::from(redact(url)),
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.label().display())
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((cred, host)) if cred.contains(':') => {
            let user = cred.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_string(),
    }
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> StoreError {
        match e {
            DbError::Sqlite(e) => StoreError::Sqlite(e),
            DbError::Postgres(e) => StoreError::Postgres(crate::store::pg_message(&e)),
            e @ (DbError::Type { .. } | DbError::Encode(_)) => StoreError::Query(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_outside_quotes() {
        assert_eq!(
            pg_placeholders("SELECT '?1', \"a?\" FROM t WHERE x = ?1 AND y = ?12"),
            "SELECT '?1', \"a?\" FROM t WHERE x = $1 AND y = $12"
        );
    }

    #[test]
    fn targets() {
        assert_eq!(
            Target::parse("postgres://u:pw@h/db"),
            Target::Postgres("postgres://u:pw@h/db".into())
        );
        assert_eq!(Target::parse("sqlite:a.db"), Target::Sqlite("a.db".into()));
        assert_eq!(Target::parse("a.db"), Target::Sqlite("a.db".into()));
        assert_eq!(redact("postgres://u:pw@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://h/db"), "postgres://h/db");
    }
}

//! The versioned schema and its migrations.
//!
//! `PRAGMA user_version` holds the schema version and `PRAGMA application_id` marks the file
//! as a dyad store. Migration `i` takes version `i` to `i + 1` inside one transaction, so a
//! crash during a migration leaves the previous version.

/// `dyad` in ASCII, so `file` and other tools can tell a store from any SQLite file.
pub(crate) const APPLICATION_ID: i64 = 0x6479_6164;

/// Migrations in order; the schema version is the number applied.
pub(crate) const MIGRATIONS: &[&str] = &[V1];

/// Newest schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE documents (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    report_date   TEXT NOT NULL,
    source        TEXT,
    url           TEXT,
    title         TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL
);
CREATE INDEX documents_report_date ON documents(report_date);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid'
);
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Entities: one row per distinct (name, country, sector, code).
CREATE TABLE actors (
    rowid    INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    name     TEXT,
    country  TEXT,
    sector   TEXT,
    code     TEXT
);

-- Places: one row per distinct resolved place.
CREATE TABLE places (
    rowid       INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT,
    country     TEXT,
    admin1      TEXT,
    lat         REAL,
    lon         REAL,
    geonames_id INTEGER
);

-- Cross-report clusters: reports of one happening (see DESIGN-section.md).
CREATE TABLE clusters (
    rowid         INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    block         TEXT NOT NULL,
    anchor        TEXT NOT NULL,
    event_date    TEXT NOT NULL,
    n_reports     INTEGER NOT NULL,
    n_documents   INTEGER NOT NULL,
    n_mentions    INTEGER NOT NULL,
    n_sources     INTEGER NOT NULL,
    first_report  TEXT NOT NULL,
    last_report   TEXT NOT NULL,
    rep_event     TEXT NOT NULL
);
CREATE INDEX clusters_block ON clusters(block);

CREATE TABLE events (
    rowid          INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    doc            INTEGER NOT NULL REFERENCES documents(rowid),
    sentence       INTEGER NOT NULL,
    event          TEXT NOT NULL,
    mode           TEXT,
    context        TEXT NOT NULL,
    status         TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    goldstein      REAL NOT NULL,
    quad_class     INTEGER NOT NULL,
    plover_score   REAL NOT NULL,
    trigger        TEXT NOT NULL,
    date_value     TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    date_from      TEXT NOT NULL,
    date_lo        TEXT NOT NULL,
    date_hi        TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    report_date    TEXT NOT NULL,
    actor_name     TEXT,
    actor_code     TEXT,
    actor_country  TEXT,
    actor_sector   TEXT,
    recipient_name TEXT,
    recipient_code TEXT,
    recipient_country TEXT,
    recipient_sector TEXT,
    place          INTEGER REFERENCES places(rowid),
    place_key      TEXT,
    block          TEXT NOT NULL,
    n_mentions     INTEGER NOT NULL,
    cluster        INTEGER REFERENCES clusters(rowid),
    record         TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_block ON events(block, date_lo, date_hi);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_event ON events(event, event_date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_place ON events(place);

-- Where each event is reported: the trigger and every further mention in its document.
CREATE TABLE mentions (
    event     INTEGER NOT NULL REFERENCES events(rowid),
    ord       INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (event, ord)
) WITHOUT ROWID;

-- Actors (role 0) and recipients (role 1) of each event, with their spans.
CREATE TABLE participants (
    event   INTEGER NOT NULL REFERENCES events(rowid),
    role    INTEGER NOT NULL,
    ord     INTEGER NOT NULL,
    actor   INTEGER REFERENCES actors(rowid),
    text    TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    PRIMARY KEY (event, role, ord)
) WITHOUT ROWID;
CREATE INDEX participants_actor ON participants(actor);

-- Every (actor, recipient) pair of every event, 0 standing for none or unresolved: the
-- index behind dyad, actor and recipient queries.
CREATE TABLE dyads (
    actor      INTEGER NOT NULL,
    recipient  INTEGER NOT NULL,
    event_date TEXT NOT NULL,
    event      INTEGER NOT NULL,
    PRIMARY KEY (actor, recipient, event_date, event)
) WITHOUT ROWID;
CREATE INDEX dyads_recipient ON dyads(recipient, event_date);
CREATE INDEX dyads_event ON dyads(event);
"#;

/// PostgreSQL migrations, in step with [`MIGRATIONS`]: the same tables and columns, so every
/// query of the store runs on both. Differences: identity columns stand for SQLite's rowid;
/// every text column uses the "C" collation, so text sorts by code point as in SQLite and a
/// canonical dump is byte-identical across the two; full text is a generated `tsvector`
/// column with a GIN index instead of an FTS5 table.
pub(crate) const PG_MIGRATIONS: &[&str] = &[PG_V1];

const PG_V1: &str = r#"
CREATE TABLE documents (
    rowid         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id            TEXT COLLATE "C" NOT NULL UNIQUE,
    report_date   TEXT COLLATE "C" NOT NULL,
    source        TEXT COLLATE "C",
    url           TEXT COLLATE "C",
    title         TEXT COLLATE "C",
    language      TEXT COLLATE "C",
    text          TEXT COLLATE "C" NOT NULL,
    content_hash  TEXT COLLATE "C" NOT NULL,
    fts           tsvector GENERATED ALWAYS AS
                  (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX documents_report_date ON documents(report_date);
CREATE INDEX documents_fts ON documents USING gin(fts);

CREATE TABLE actors (
    rowid    BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key      TEXT COLLATE "C" NOT NULL UNIQUE,
    name     TEXT COLLATE "C",
    country  TEXT COLLATE "C",
    sector   TEXT COLLATE "C",
    code     TEXT COLLATE "C"
);

CREATE TABLE places (
    rowid       BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key         TEXT COLLATE "C" NOT NULL UNIQUE,
    name        TEXT COLLATE "C",
    country     TEXT COLLATE "C",
    admin1      TEXT COLLATE "C",
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    geonames_id BIGINT
);

CREATE TABLE clusters (
    rowid         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key           TEXT COLLATE "C" NOT NULL UNIQUE,
    block         TEXT COLLATE "C" NOT NULL,
    anchor        TEXT COLLATE "C" NOT NULL,
    event_date    TEXT COLLATE "C" NOT NULL,
    n_reports     BIGINT NOT NULL,
    n_documents   BIGINT NOT NULL,
    n_mentions    BIGINT NOT NULL,
    n_sources     BIGINT NOT NULL,
    first_report  TEXT COLLATE "C" NOT NULL,
    last_report   TEXT COLLATE "C" NOT NULL,
    rep_event     TEXT COLLATE "C" NOT NULL
);
CREATE INDEX clusters_block ON clusters(block);

CREATE TABLE events (
    rowid          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id             TEXT COLLATE "C" NOT NULL UNIQUE,
    doc            BIGINT NOT NULL REFERENCES documents(rowid),
    sentence       BIGINT NOT NULL,
    event          TEXT COLLATE "C" NOT NULL,
    mode           TEXT COLLATE "C",
    context        TEXT COLLATE "C" NOT NULL,
    status         TEXT COLLATE "C" NOT NULL,
    cameo          TEXT COLLATE "C" NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    quad_class     BIGINT NOT NULL,
    plover_score   DOUBLE PRECISION NOT NULL,
    trigger        TEXT COLLATE "C" NOT NULL,
    date_value     TEXT COLLATE "C" NOT NULL,
    date_precision TEXT COLLATE "C" NOT NULL,
    date_from      TEXT COLLATE "C" NOT NULL,
    date_lo        TEXT COLLATE "C" NOT NULL,
    date_hi        TEXT COLLATE "C" NOT NULL,
    event_date     TEXT COLLATE "C" NOT NULL,
    report_date    TEXT COLLATE "C" NOT NULL,
    actor_name     TEXT COLLATE "C",
    actor_code     TEXT COLLATE "C",
    actor_country  TEXT COLLATE "C",
    actor_sector   TEXT COLLATE "C",
    recipient_name TEXT COLLATE "C",
    recipient_code TEXT COLLATE "C",
    recipient_country TEXT COLLATE "C",
    recipient_sector TEXT COLLATE "C",
    place          BIGINT REFERENCES places(rowid),
    place_key      TEXT COLLATE "C",
    block          TEXT COLLATE "C" NOT NULL,
    n_mentions     BIGINT NOT NULL,
    cluster        BIGINT REFERENCES clusters(rowid),
    record         TEXT COLLATE "C" NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_block ON events(block, date_lo, date_hi);
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_event ON events(event, event_date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_place ON events(place);

CREATE TABLE mentions (
    event     BIGINT NOT NULL REFERENCES events(rowid),
    ord       BIGINT NOT NULL,
    sentence  BIGINT NOT NULL,
    start     BIGINT NOT NULL,
    "end"     BIGINT NOT NULL,
    PRIMARY KEY (event, ord)
);

CREATE TABLE participants (
    event   BIGINT NOT NULL REFERENCES events(rowid),
    role    BIGINT NOT NULL,
    ord     BIGINT NOT NULL,
    actor   BIGINT REFERENCES actors(rowid),
    text    TEXT COLLATE "C" NOT NULL,
    start   BIGINT NOT NULL,
    "end"   BIGINT NOT NULL,
    PRIMARY KEY (event, role, ord)
);
CREATE INDEX participants_actor ON participants(actor);

CREATE TABLE dyads (
    actor      BIGINT NOT NULL,
    recipient  BIGINT NOT NULL,
    event_date TEXT COLLATE "C" NOT NULL,
    event      BIGINT NOT NULL,
    PRIMARY KEY (actor, recipient, event_date, event)
);
CREATE INDEX dyads_recipient ON dyads(recipient, event_date);
CREATE INDEX dyads_event ON dyads(event);
"#;

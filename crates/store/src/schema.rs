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

-- PolicyLens clause store, schema version 1.
-- Readable as it is in Datasette or the sqlite3 shell: one row per document,
-- section, clause, amount, deadline and citation; offsets index into
-- document_texts.text; foreign keys cascade so replacing a document is one
-- DELETE + INSERTs inside one transaction.

-- One row per input file indexed: the unit of idempotence. A file whose
-- sha256 and extraction version match is skipped; a changed one has all its
-- documents replaced in the same transaction that rewrites this row.
CREATE TABLE sources (
    path               TEXT PRIMARY KEY,
    sha256             TEXT NOT NULL,
    extraction_version TEXT NOT NULL,
    n_documents        INTEGER NOT NULL,
    indexed_at         TEXT NOT NULL
);

CREATE TABLE documents (
    id                 INTEGER PRIMARY KEY,
    source_path        TEXT NOT NULL REFERENCES sources(path) ON DELETE CASCADE,
    path               TEXT NOT NULL UNIQUE,      -- file path, or "archive.zip!member/path"
    sha256             TEXT NOT NULL,
    format             TEXT NOT NULL,
    title              TEXT,
    doc_number         TEXT,                      -- 文号, e.g. 市中发〔2020〕12号
    issuer             TEXT,                      -- first issuer, for display
    date               TEXT,                      -- 成文日期, ISO yyyy-mm-dd
    year               INTEGER,
    n_chars            INTEGER NOT NULL,
    n_clauses          INTEGER NOT NULL DEFAULT 0,
    extraction_version TEXT NOT NULL,
    indexed_at         TEXT NOT NULL
);
CREATE INDEX documents_year ON documents(year);
CREATE INDEX documents_source ON documents(source_path);
CREATE INDEX documents_doc_number ON documents(doc_number);

CREATE TABLE document_texts (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text        TEXT NOT NULL
);

CREATE TABLE issuers (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT 'issuer'     -- issuer | recipient
);
CREATE INDEX issuers_document ON issuers(document_id);
CREATE INDEX issuers_name ON issuers(name);

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_key TEXT NOT NULL,                     -- the id inside the document (s1, s1.2 …)
    parent_key  TEXT,
    level       INTEGER NOT NULL,
    number      TEXT,
    title       TEXT NOT NULL,
    path        TEXT NOT NULL,                     -- "一、推动外贸转型升级 › 1.加大对外贸企业扶持力度"
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX sections_document ON sections(document_id);

CREATE TABLE clauses (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_key   TEXT NOT NULL,
    section_id   INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    section_path TEXT,
    kind         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX clauses_document ON clauses(document_id);
CREATE INDEX clauses_kind ON clauses(kind);

CREATE TABLE amounts (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id      INTEGER REFERENCES clauses(id) ON DELETE CASCADE,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    value          REAL,                           -- in units of the currency (yuan for CNY)
    currency       TEXT NOT NULL,
    kind           TEXT NOT NULL,                  -- exact cap floor range rate percent per_unit
    low            REAL,
    high           REAL,
    low_inclusive  INTEGER,
    high_inclusive INTEGER,
    percent        REAL,
    base           TEXT,
    cap            REAL,
    per            TEXT,
    role           TEXT,
    tier_group     TEXT,
    tier_index     INTEGER,
    magnitude      REAL                            -- the largest money figure it states: value, high or cap
);
CREATE INDEX amounts_clause ON amounts(clause_id);
CREATE INDEX amounts_magnitude ON amounts(currency, magnitude);

CREATE TABLE deadlines (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_id      INTEGER REFERENCES clauses(id) ON DELETE CASCADE,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    date           TEXT,                           -- ISO, when resolvable
    duration_value REAL,
    duration_unit  TEXT,
    recurrence     TEXT,
    kind           TEXT NOT NULL,
    actor          TEXT,
    action         TEXT
);
CREATE INDEX deadlines_clause ON deadlines(clause_id);
CREATE INDEX deadlines_date ON deadlines(date);

CREATE TABLE citations (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    title       TEXT,
    doc_number  TEXT,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX citations_document ON citations(document_id);
CREATE INDEX citations_doc_number ON citations(doc_number);

CREATE TABLE failures (
    path       TEXT PRIMARY KEY,
    error      TEXT NOT NULL,
    failed_at  TEXT NOT NULL
);

-- Full text over clause text. Two indexes, chosen per query by length (see
-- pipeline/store/fts.py and the benchmark): trigram for queries of 3+
-- characters, and a per-character index queried as an FTS5 phrase for 1–2
-- character queries (公示, 奖), where trigram MATCH silently returns nothing.
CREATE VIRTUAL TABLE clause_trigram USING fts5(
    text, content='clauses', content_rowid='id', tokenize='trigram'
);
-- Stored (not contentless): SQLite 3.40 has no contentless_delete, and a
-- replaced document must be able to drop its rows by rowid.
CREATE VIRTUAL TABLE clause_chars USING fts5(
    chars, tokenize='unicode61 remove_diacritics 0', detail='full'
);

CREATE TRIGGER clauses_ai AFTER INSERT ON clauses BEGIN
    INSERT INTO clause_trigram(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER clauses_ad AFTER DELETE ON clauses BEGIN
    INSERT INTO clause_trigram(clause_trigram, rowid, text) VALUES ('delete', old.id, old.text);
    DELETE FROM clause_chars WHERE rowid = old.id;
END;

-- Views for the common questions (also the Datasette landing points).
CREATE VIEW reward_clauses AS
SELECT d.title, d.doc_number, d.issuer, d.date, c.section_path, c.text AS clause,
       a.text AS amount_text, a.kind AS amount_kind, a.value, a.low, a.high, a.percent,
       a.base, a.cap, a.currency, c.id AS clause_id, d.id AS document_id
FROM clauses c
JOIN documents d ON d.id = c.document_id
LEFT JOIN amounts a ON a.clause_id = c.id
WHERE c.kind = 'funding_reward';

CREATE VIEW deadlines_by_date AS
SELECT dl.date, dl.kind, dl.text AS deadline_text, dl.actor, dl.action,
       dl.duration_value, dl.duration_unit, dl.recurrence,
       d.title, d.doc_number, d.issuer, c.text AS clause, dl.clause_id, d.id AS document_id
FROM deadlines dl
JOIN documents d ON d.id = dl.document_id
LEFT JOIN clauses c ON c.id = dl.clause_id
ORDER BY dl.date IS NULL, dl.date;

CREATE VIEW citation_edges AS
SELECT d.doc_number AS citing_doc_number, d.title AS citing_title,
       ci.doc_number AS cited_doc_number, ci.title AS cited_title, d.id AS document_id
FROM citations ci JOIN documents d ON d.id = ci.document_id;

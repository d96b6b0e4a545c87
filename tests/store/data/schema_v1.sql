-- newsgraph store, schema version 1.  Offsets are source offsets (CONTRACT.md);
-- articles.text holds source_text[source_start:source_end], so evidence is
-- text[start - source_start : end - source_start].
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    uri TEXT NOT NULL,
    format TEXT NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    title TEXT,
    published TEXT,
    language TEXT,
    duplicate_of TEXT,
    story TEXT,
    text TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL,
    n_entities INTEGER NOT NULL,
    doc TEXT NOT NULL,              -- the whole article as CONTRACT.md JSON
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT, role TEXT, wikidata TEXT
);
CREATE TABLE IF NOT EXISTS article_actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, actor TEXT,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, category TEXT NOT NULL, cameo TEXT,
    source TEXT, target TEXT, date TEXT, place TEXT,
    negated INTEGER NOT NULL, modality TEXT NOT NULL, attributed_to TEXT,
    intensity REAL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    trigger_start INTEGER, trigger_end INTEGER, pattern TEXT, date_from TEXT,
    confidence REAL, sentence TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_category ON events(category);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    speaker TEXT, speaker_text TEXT, cue TEXT, direct INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, lat REAL, lon REAL
);
CREATE TABLE IF NOT EXISTS article_places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    place_id TEXT NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, place_id)
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61'
);

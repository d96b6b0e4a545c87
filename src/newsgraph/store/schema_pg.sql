-- newsgraph store on PostgreSQL, schema version 1: the same tables and columns as
-- schema.sql (SQLite), so both backends give the same rows.  Offsets are source
-- offsets (CONTRACT.md); articles.text holds source_text[source_start:source_end].
-- Sorted and compared text columns use COLLATE "C" (byte order, like SQLite's
-- BINARY), so ORDER BY and date-range filters agree with SQLite whatever the
-- database's locale.  Full-text search: a stored tsvector column with a GIN index,
-- 'simple' configuration (lower-cased words, no stemming, no stop words: like FTS5's
-- unicode61 tokenizer).
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT COLLATE "C" PRIMARY KEY,
    uri TEXT NOT NULL,
    format TEXT NOT NULL,
    source_start BIGINT NOT NULL,
    source_end BIGINT NOT NULL,
    title TEXT,
    published TEXT COLLATE "C",
    language TEXT,
    duplicate_of TEXT,
    story TEXT,
    text TEXT NOT NULL,
    n_events INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL,
    n_entities INTEGER NOT NULL,
    doc TEXT NOT NULL,              -- the whole article as CONTRACT.md JSON, as written
    ingested_at TEXT NOT NULL,
    -- a tsvector holds at most 1 MB: index the first 300,000 characters of a text (the
    -- worst case, all words distinct, stays near half that limit)
    tsv TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', left(coalesce(title, ''), 2000)), 'A')
        || setweight(to_tsvector('simple', left(text, 300000)), 'B')) STORED
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv);

CREATE TABLE IF NOT EXISTS actors (
    id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT COLLATE "C",
    role TEXT, wikidata TEXT
);
CREATE TABLE IF NOT EXISTS article_actors (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT COLLATE "C" NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_id);
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
    start BIGINT NOT NULL, "end" BIGINT NOT NULL, actor TEXT,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, category TEXT COLLATE "C" NOT NULL, cameo TEXT,
    source TEXT COLLATE "C", target TEXT COLLATE "C", date TEXT COLLATE "C", place TEXT,
    negated INTEGER NOT NULL, modality TEXT NOT NULL, attributed_to TEXT,
    intensity DOUBLE PRECISION, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
    trigger_start BIGINT, trigger_end BIGINT, pattern TEXT, date_from TEXT,
    confidence DOUBLE PRECISION, sentence TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_category ON events(category);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL, text TEXT NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
    speaker TEXT, speaker_text TEXT, cue TEXT, direct INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS places (
    id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, country TEXT,
    lat DOUBLE PRECISION, lon DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS article_places (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    place_id TEXT COLLATE "C" NOT NULL, mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, place_id)
);

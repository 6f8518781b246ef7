import { fingerprintsOf } from '../findings/corpus/fingerprint.js';
import type { Db } from './database.js';
import { LibraryError } from './errors.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/*
 * Adding a migration: append a new entry with the next version number. Never edit or reorder a
 * migration that has shipped; each one runs once, in its own transaction, and PRAGMA user_version
 * records how far a library has come. Add the new version to the migration tests' fixtures.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sources, articles, blocks, revisions, settings',
    up(db) {
      db.exec(`
        CREATE TABLE sources (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          path TEXT NOT NULL,
          sha256 TEXT NOT NULL UNIQUE,
          encoding TEXT NOT NULL,
          byte_size INTEGER NOT NULL,
          replacement_count INTEGER NOT NULL DEFAULT 0,
          imported_at TEXT NOT NULL,
          text TEXT NOT NULL
        );
        CREATE TRIGGER sources_are_immutable BEFORE UPDATE ON sources
        BEGIN SELECT RAISE(ABORT, 'imported sources are immutable'); END;

        CREATE TABLE articles (
          id INTEGER PRIMARY KEY,
          source_id INTEGER NOT NULL REFERENCES sources(id),
          ordinal REAL NOT NULL,
          section TEXT,
          status TEXT NOT NULL DEFAULT 'raw'
            CHECK (status IN ('raw', 'in_review', 'clean', 'approved')),
          retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
          headline TEXT,
          subheads TEXT NOT NULL DEFAULT '[]',
          reporters TEXT NOT NULL DEFAULT '[]',
          created_at TEXT NOT NULL
        );
        CREATE INDEX articles_in_page_order ON articles(source_id, ordinal);

        CREATE TABLE blocks (
          id INTEGER PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id),
          ordinal REAL NOT NULL,
          class TEXT NOT NULL,
          text TEXT NOT NULL,
          source_id INTEGER NOT NULL REFERENCES sources(id),
          src_start INTEGER NOT NULL,
          src_end INTEGER NOT NULL,
          orig_class TEXT NOT NULL
        );
        CREATE INDEX blocks_in_article_order ON blocks(article_id, ordinal);

        CREATE TABLE revisions (
          id INTEGER PRIMARY KEY,
          created_at TEXT NOT NULL,
          author TEXT NOT NULL,
          kind TEXT NOT NULL,
          summary TEXT NOT NULL,
          reverts INTEGER REFERENCES revisions(id),
          changes TEXT NOT NULL
        );
        CREATE TRIGGER revisions_are_append_only_update BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TRIGGER revisions_are_append_only_delete BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

        CREATE TABLE revision_articles (
          article_id INTEGER NOT NULL REFERENCES articles(id),
          revision_id INTEGER NOT NULL REFERENCES revisions(id),
          PRIMARY KEY (article_id, revision_id)
        ) WITHOUT ROWID;

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    name: 'findings, winnowing fingerprints, retired blocks, script verdicts',
    up(db) {
      db.exec(`
        ALTER TABLE blocks ADD COLUMN retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1));
        ALTER TABLE articles ADD COLUMN script TEXT;

        CREATE TABLE source_scripts (
          source_id INTEGER PRIMARY KEY REFERENCES sources(id),
          script TEXT NOT NULL
        );

        CREATE TABLE findings (
          id INTEGER PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id),
          source_id INTEGER NOT NULL REFERENCES sources(id),
          block_id INTEGER NOT NULL REFERENCES blocks(id),
          start_offset INTEGER NOT NULL,
          end_block_id INTEGER NOT NULL REFERENCES blocks(id),
          end_offset INTEGER NOT NULL,
          kind TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          flagged TEXT NOT NULL,
          message_zh TEXT NOT NULL,
          message_en TEXT NOT NULL,
          confidence REAL NOT NULL,
          fixes TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected', 'retired')),
          detected_at TEXT NOT NULL,
          UNIQUE (article_id, fingerprint)
        );
        CREATE INDEX findings_by_state_kind ON findings(state, kind, confidence);
        CREATE INDEX findings_by_article ON findings(article_id, state);
        CREATE INDEX findings_by_source ON findings(source_id, state);

        CREATE TABLE fingerprints (
          hash INTEGER NOT NULL,
          block_id INTEGER NOT NULL REFERENCES blocks(id),
          pos INTEGER NOT NULL
        );
        CREATE INDEX fingerprints_by_hash ON fingerprints(hash);
        CREATE INDEX fingerprints_by_block ON fingerprints(block_id);
      `);
    },
  },
  {
    version: 3,
    name: 'tags, span tags, anchors, comments, saved searches, campaigns, gazetteer, full-text index',
    up(db) {
      db.exec(`
        -- Tag vocabularies: a root tag is a vocabulary (Place, Person, Campaign ...). Tags are
        -- retired (merged into another), never deleted, so old revisions still name real rows.
        CREATE TABLE tags (
          id INTEGER PRIMARY KEY,
          parent_id INTEGER REFERENCES tags(id),
          name TEXT NOT NULL CHECK (length(name) > 0 AND instr(name, '/') = 0),
          retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
          merged_into INTEGER REFERENCES tags(id),
          keywords TEXT NOT NULL DEFAULT '[]',
          created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX tags_live_names ON tags(ifnull(parent_id, 0), name) WHERE retired = 0;
        CREATE INDEX tags_by_parent ON tags(parent_id);

        -- One row per (article, tag) ever given; untagging sets removed, tagging again clears it.
        CREATE TABLE article_tags (
          id INTEGER PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id),
          tag_id INTEGER NOT NULL REFERENCES tags(id),
          removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
          created_at TEXT NOT NULL,
          author TEXT NOT NULL,
          UNIQUE (article_id, tag_id)
        );
        CREATE INDEX article_tags_by_tag ON article_tags(tag_id, removed, article_id);

        -- Where a text range lies in an article's current text. Kept in step with edits (mapped
        -- through each block's diff, or found again by its quote and context); detached when its
        -- text is gone, keeping the last place it had.
        CREATE TABLE anchors (
          id INTEGER PRIMARY KEY,
          article_id INTEGER NOT NULL REFERENCES articles(id),
          block_id INTEGER NOT NULL REFERENCES blocks(id),
          start_offset INTEGER NOT NULL,
          end_block_id INTEGER NOT NULL REFERENCES blocks(id),
          end_offset INTEGER NOT NULL,
          quote TEXT NOT NULL,
          prefix TEXT NOT NULL,
          suffix TEXT NOT NULL,
          detached INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
          updated_at TEXT NOT NULL
        );
        CREATE INDEX anchors_by_block ON anchors(block_id);
        CREATE INDEX anchors_by_end_block ON anchors(end_block_id);
        CREATE INDEX anchors_by_article ON anchors(article_id, detached);

        CREATE TABLE span_tags (
          id INTEGER PRIMARY KEY,
          anchor_id INTEGER NOT NULL REFERENCES anchors(id),
          tag_id INTEGER NOT NULL REFERENCES tags(id),
          removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
          created_at TEXT NOT NULL,
          author TEXT NOT NULL
        );
        CREATE INDEX span_tags_by_tag ON span_tags(tag_id, removed);
        CREATE INDEX span_tags_by_anchor ON span_tags(anchor_id);

        -- Comments are not revisions: a thread and its entries are appended, only its state changes.
        CREATE TABLE comments (
          id INTEGER PRIMARY KEY,
          anchor_id INTEGER NOT NULL REFERENCES anchors(id),
          author TEXT NOT NULL,
          body TEXT NOT NULL,
          quote TEXT NOT NULL,
          created_at TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved'))
        );
        CREATE INDEX comments_by_state ON comments(state, created_at);
        CREATE INDEX comments_by_anchor ON comments(anchor_id);
        CREATE TABLE comment_entries (
          id INTEGER PRIMARY KEY,
          comment_id INTEGER NOT NULL REFERENCES comments(id),
          kind TEXT NOT NULL CHECK (kind IN ('reply', 'resolve', 'reopen')),
          author TEXT NOT NULL,
          body TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX comment_entries_by_comment ON comment_entries(comment_id, id);
        CREATE TRIGGER comment_entries_are_append_only BEFORE UPDATE ON comment_entries
        BEGIN SELECT RAISE(ABORT, 'comment entries are append-only'); END;

        CREATE TABLE saved_searches (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          query TEXT NOT NULL DEFAULT '',
          filters TEXT NOT NULL DEFAULT '{}',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );

        CREATE TABLE campaigns (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          tag_id INTEGER NOT NULL REFERENCES tags(id),
          search_id INTEGER NOT NULL REFERENCES saved_searches(id),
          created_at TEXT NOT NULL
        );

        CREATE TABLE tag_suggestion_dismissals (
          article_id INTEGER NOT NULL REFERENCES articles(id),
          tag_path TEXT NOT NULL,
          dismissed_at TEXT NOT NULL,
          author TEXT NOT NULL,
          PRIMARY KEY (article_id, tag_path)
        ) WITHOUT ROWID;

        -- Places the editor adds to the general gazetteer that ships with the code.
        CREATE TABLE gazetteer (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          aliases TEXT NOT NULL DEFAULT '[]',
          tag_path TEXT NOT NULL,
          region TEXT,
          created_at TEXT NOT NULL,
          UNIQUE (name, tag_path)
        );

        -- Full text of articles' current blocks, folded (traditional → simplified, NFKC, lower
        -- case): every CJK character a token in search_chars, every pair of neighbouring tokens
        -- within a block a token in search_bigrams. rowid = article id.
        CREATE VIRTUAL TABLE search_chars USING fts5(
          tokens, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE search_bigrams USING fts5(
          tokens, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
      `);
      // An empty library's (empty) index is complete in index format 1; a library with articles
      // is indexed on first search (app/search/indexer.ts).
      db.prepare(`INSERT INTO settings (key, value) SELECT 'search_index_format', '1'
                  WHERE NOT EXISTS (SELECT 1 FROM articles)`).run();
    },
  },
  {
    version: 4,
    name: 'editions (named, ordered selections of articles to export)',
    up(db) {
      db.exec(`
        -- An edition is saved so it can be exported again, identically: uid names it in EPUB
        -- packages, date is the edition's (and the fixed timestamp inside its zip files), options
        -- (JSON) the script, punctuation, captions/credits, notes and approved-only choices.
        CREATE TABLE editions (
          id INTEGER PRIMARY KEY,
          uid TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
          title TEXT NOT NULL,
          date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          options TEXT NOT NULL DEFAULT '{}',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );

        -- The edition's articles in reading order (position 0, 1, 2 … kept dense by app/export).
        CREATE TABLE edition_articles (
          edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
          article_id INTEGER NOT NULL REFERENCES articles(id),
          position INTEGER NOT NULL,
          PRIMARY KEY (edition_id, article_id)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX edition_articles_in_order ON edition_articles(edition_id, position);
      `);
    },
  },
  {
    version: 5,
    name: 'fingerprints fold traditional characters to simplified ones',
    up(db) {
      // The duplicate index now compares the two scripts alike (findings/corpus/fingerprint.ts),
      // so every block that has fingerprints gets them computed again the new way.
      const blocks = db
        .prepare('SELECT id, text FROM blocks WHERE id IN (SELECT DISTINCT block_id FROM fingerprints)')
        .all() as { id: number; text: string }[];
      db.exec('DELETE FROM fingerprints');
      const insert = db.prepare('INSERT INTO fingerprints (hash, block_id, pos) VALUES (?, ?, ?)');
      for (const block of blocks) {
        const { hashes, positions, count } = fingerprintsOf(block.text);
        for (let f = 0; f < count; f++) insert.run(hashes[f]!, block.id, positions[f]!);
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, target: number = SCHEMA_VERSION): void {
  const found = schemaVersion(db);
  if (found > SCHEMA_VERSION) {
    throw new LibraryError(
      `This library was written by a newer version of Qinggao (schema ${found}; this version knows up to ${SCHEMA_VERSION}). Update Qinggao to open it.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version > target) break;
    // Read the version inside the write lock: another process may have migrated meanwhile.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

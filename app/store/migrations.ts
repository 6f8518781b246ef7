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

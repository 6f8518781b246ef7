import type { Db } from '../../store/database.js';
import { analyzeDocument } from '../analyze.js';
import type { DocBlock } from '../model.js';
import { scriptVerdict } from '../script/script.js';
import { articlePairHolders, MIN_FRAGMENT, type CorpusView } from '../structure/dup-fragment.js';
import { blockCorpusEntry, refreshFingerprints, sharedRunsInLibrary } from './corpus.js';
import { retireArticleFindings, storeArticleFindings } from './findings-store.js';

interface PageBlockRow {
  id: number;
  article_id: number;
  class: DocBlock['cls'];
  text: string;
}

/** A page as the detectors see it: its live articles' live blocks, in page order. */
function loadPage(db: Db, sourceId: number): { doc: DocBlock[]; ids: number[] } {
  const rows = db
    .prepare(`SELECT b.id, b.article_id, b.class, b.text FROM blocks b JOIN articles a ON a.id = b.article_id
              WHERE a.source_id = ? AND a.retired = 0 AND b.retired = 0 ORDER BY a.ordinal, b.ordinal`)
    .all(sourceId) as PageBlockRow[];
  return {
    doc: rows.map((r) => ({ cls: r.class, text: r.text, article: r.article_id })),
    ids: rows.map((r) => r.id),
  };
}

/**
 * Analyses articles again after they changed (or were imported) and stores their findings. The
 * page around them is context for structural findings; only these articles' findings are
 * rewritten, and only their blocks' fingerprints are refreshed.
 */
export function analyzeArticles(db: Db, articleIds: readonly number[]): void {
  if (articleIds.length === 0) return;
  const marks = articleIds.map(() => '?').join(', ');
  const articles = db
    .prepare(`SELECT id, source_id, retired FROM articles WHERE id IN (${marks})`)
    .all(...articleIds) as { id: number; source_id: number; retired: number }[];

  db.prepare(`DELETE FROM fingerprints WHERE block_id IN (
                SELECT id FROM blocks WHERE article_id IN (${marks}) AND retired = 1)`).run(...articleIds);
  for (const a of articles.filter((a) => a.retired === 1)) retireArticleFindings(db, a.id);

  const live = articles.filter((a) => a.retired === 0);
  const bySource = new Map<number, Set<number>>();
  for (const a of live) bySource.set(a.source_id, (bySource.get(a.source_id) ?? new Set()).add(a.id));

  const articlePairs = articlePairsInLibrary(db);
  for (const [sourceId, targets] of bySource) {
    const { doc, ids } = loadPage(db, sourceId);
    const inTarget = (i: number) => targets.has(doc[i]!.article);
    const focus = doc.map((_, i) => i).filter(inTarget);
    for (const i of focus) refreshFingerprints(db, ids[i]!, doc[i]!.text);

    const entries = focus.map((i) => blockCorpusEntry(ids[i]!, doc[i]!.text, doc[i]!.cls, sourceId));
    const runs = sharedRunsInLibrary(db, entries, MIN_FRAGMENT);
    const corpus: CorpusView = {
      sharedRuns: (i) => runs.get(String(ids[i])) ?? [],
      orders: ids,
      page: String(sourceId),
      articlePairs: (other) => articlePairs(other.key),
    };
    const findings = analyzeDocument(doc, { corpus, focus: inTarget });
    for (const articleId of targets) {
      const own = findings.filter((f) => doc[f.start.block]!.article === articleId);
      storeArticleFindings(db, articleId, sourceId, doc, ids, own);
      const text = doc.filter((b) => b.article === articleId).map((b) => b.text).join('\n');
      db.prepare('UPDATE articles SET script = ? WHERE id = ?').run(scriptVerdict(text).verdict, articleId);
    }
  }
}

/** The article a block stands in, as CorpusView.articlePairs gives it; each article read once. */
function articlePairsInLibrary(db: Db): (blockKey: string) => ReadonlyMap<string, number> {
  const articleOf = db.prepare('SELECT article_id FROM blocks WHERE id = ?').pluck();
  const texts = db.prepare('SELECT text FROM blocks WHERE article_id = ? AND retired = 0 ORDER BY ordinal').pluck();
  const cache = new Map<number, Map<string, number>>();
  return (blockKey) => {
    const article = articleOf.get(Number(blockKey)) as number;
    let pairs = cache.get(article);
    if (!pairs) cache.set(article, (pairs = articlePairHolders(texts.all(article) as string[])));
    return pairs;
  };
}

/** The page's script verdict, kept beside the immutable source. */
export function recordSourceScript(db: Db, sourceId: number, text: string): void {
  db.prepare('INSERT INTO source_scripts (source_id, script) VALUES (?, ?) ON CONFLICT(source_id) DO UPDATE SET script = excluded.script')
    .run(sourceId, scriptVerdict(text).verdict);
}

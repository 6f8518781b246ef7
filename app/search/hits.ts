import type { Db } from '../store/database.js';
import type { ArticleListItem, ArticleStatus } from '../store/articles.js';
import type { BlockClass } from '../segment/types.js';
import type { HighlightBlock } from './highlight.js';

/*
 * The articles of a page of hits, loaded in two statements: their list items, and their live
 * blocks' current text for marking. (getArticle, one article at a time, also reads each block's
 * original OCR text out of its page, which a search result does not show: it cost a third of a
 * broad search.) The list items have the same shape as listArticles gives.
 */

interface ItemRow {
  id: number;
  source_id: number;
  source_name: string;
  ordinal: number;
  section: string | null;
  status: ArticleStatus;
  headline: string | null;
  subheads: string;
  reporters: string;
  block_count: number;
}

export interface HitArticle {
  item: ArticleListItem;
  blocks: HighlightBlock[];
}

export function loadHitArticles(db: Db, ids: readonly number[]): Map<number, HitArticle> {
  const out = new Map<number, HitArticle>();
  if (ids.length === 0) return out;
  const json = JSON.stringify(ids);
  const items = db
    .prepare(`SELECT a.id, a.source_id, s.name AS source_name, a.ordinal, a.section, a.status, a.headline,
                     a.subheads, a.reporters,
                     (SELECT count(*) FROM blocks b WHERE b.article_id = a.id AND b.retired = 0) AS block_count
              FROM articles a JOIN sources s ON s.id = a.source_id
              WHERE a.id IN (SELECT value FROM json_each(?)) AND a.retired = 0`)
    .all(json) as ItemRow[];
  for (const r of items) {
    out.set(r.id, {
      item: {
        id: r.id,
        sourceId: r.source_id,
        sourceName: r.source_name,
        ordinal: r.ordinal,
        section: r.section,
        status: r.status,
        headline: r.headline,
        subheads: JSON.parse(r.subheads) as string[],
        reporters: JSON.parse(r.reporters) as string[],
        blockCount: r.block_count,
      },
      blocks: [],
    });
  }
  const blocks = db
    .prepare(`SELECT article_id, id, class AS cls, text FROM blocks
              WHERE article_id IN (SELECT value FROM json_each(?)) AND retired = 0 ORDER BY article_id, ordinal`)
    .all(json) as { article_id: number; id: number; cls: BlockClass; text: string }[];
  for (const b of blocks) out.get(b.article_id)?.blocks.push({ id: b.id, cls: b.cls, text: b.text });
  return out;
}

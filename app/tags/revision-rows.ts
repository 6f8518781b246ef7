import type { Db } from '../store/database.js';
import type { TrackedTable } from '../revisions/changes.js';
import { subtreeIds } from './vocabulary.js';

/*
 * Which articles a tracked tag row concerns, for linking a revision to its articles
 * (touchedArticles in app/revisions/changes.ts): a span tag's article is its anchor's; a tag
 * renamed, moved or merged concerns every live article carrying it or a tag below it.
 */
export function articlesOfTagRow(db: Db, table: TrackedTable, id: number): number[] {
  if (table === 'span_tag') {
    return db
      .prepare('SELECT an.article_id FROM span_tags st JOIN anchors an ON an.id = st.anchor_id WHERE st.id = ?')
      .pluck()
      .all(id) as number[];
  }
  if (table === 'tag') {
    const ids = JSON.stringify(subtreeIds(db, id));
    return db
      .prepare(`SELECT at.article_id FROM article_tags at JOIN articles a ON a.id = at.article_id
                WHERE at.removed = 0 AND a.retired = 0 AND at.tag_id IN (SELECT value FROM json_each(?))
                UNION
                SELECT an.article_id FROM span_tags st JOIN anchors an ON an.id = st.anchor_id
                JOIN articles a ON a.id = an.article_id
                WHERE st.removed = 0 AND a.retired = 0 AND st.tag_id IN (SELECT value FROM json_each(?))
                ORDER BY 1`)
      .pluck()
      .all(ids, ids) as number[];
  }
  return [];
}

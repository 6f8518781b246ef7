import type { Db } from '../../store/database.js';
import { writeTransaction } from '../../store/database.js';
import { LibraryError } from '../../store/errors.js';
import { nowIso } from '../../store/clock.js';
import { currentAuthor } from '../../store/settings.js';
import { getArticle } from '../../store/articles.js';
import { findTagByPath, formatTagPath, liveTagId, parseTagPath, tagPath, type TagRow } from '../vocabulary.js';
import { findPlaces } from './gazetteer.js';
import { extractKeywords, TOPIC_VOCABULARY } from './keywords.js';
import { countOccurrences, foldedText } from './text.js';

/*
 * Tags offered for an article, which the editor accepts (tagArticle with the suggested path) or
 * dismisses. Suggestions are never applied on their own. Four sources:
 *   rule      a tag's keyword rules (创城, 文明城市 → Campaign/创建全国文明城市);
 *   place     places of the gazetteer named in the text;
 *   reporter  the reporters of the byline (Person/…);
 *   keyword   the strongest TF-IDF keywords (an existing tag of that name, else Topic/…).
 * Tags the article carries (on the article or a span) and suggestions dismissed for it are left out.
 */

export const PERSON_VOCABULARY = 'Person';

export type SuggestionKind = 'rule' | 'place' | 'reporter' | 'keyword';

export interface TagSuggestion {
  tagPath: string;
  /** The tag, or null when accepting would create it. */
  tagId: number | null;
  kinds: SuggestionKind[];
  /** Why: the words found, with counts ("创城 ×3"). */
  evidence: string[];
  score: number;
}

const MAX_KEYWORDS = 3;

/** Ordering: a rule the desk wrote first, then the byline, the places, and keywords last. */
const SCORE: Record<SuggestionKind, number> = { rule: 20, reporter: 12, place: 6, keyword: 1 };

const NOT_PROSE: ReadonlySet<string> = new Set(['byline', 'credit', 'section']);

/** The live tag named `name` anywhere, preferring one in the Topic vocabulary. */
function tagNamed(db: Db, name: string): number | undefined {
  const ids = db.prepare('SELECT id FROM tags WHERE name = ? AND retired = 0 ORDER BY id').pluck().all(name) as number[];
  return ids.find((id) => tagPath(db, id)[0] === TOPIC_VOCABULARY) ?? ids[0];
}

export function suggestTags(db: Db, articleId: number): TagSuggestion[] {
  const article = getArticle(db, articleId);
  if (!article) throw new LibraryError(`No article ${articleId} in this library.`);
  const text = foldedText(article.blocks.map((b) => b.text).join('\n'));
  // Keywords from what the article says, not from its byline or photo credits.
  const prose = text.fold(article.blocks.filter((b) => !NOT_PROSE.has(b.cls)).map((b) => b.text).join('\n'));
  const byPath = new Map<string, TagSuggestion>();
  const offer = (path: string, tagId: number | null, kind: SuggestionKind, evidence: string, score: number) => {
    const s = byPath.get(path) ?? { tagPath: path, tagId, kinds: [], evidence: [], score: 0 };
    if (!s.kinds.includes(kind)) s.kinds.push(kind);
    s.evidence.push(evidence);
    s.score += score;
    byPath.set(path, s);
  };
  const existing = (path: string) => findTagByPath(db, parseTagPath(path)) ?? null;

  // Keyword rules; a rule of a tag merged away suggests the tag it went into.
  const ruled = db.prepare("SELECT * FROM tags WHERE keywords <> '[]'").all() as TagRow[];
  for (const row of ruled) {
    const tagId = liveTagId(db, row.id);
    if (tagId === undefined) continue;
    const hits = (JSON.parse(row.keywords) as string[])
      .map((k) => ({ k, n: countOccurrences(text.folded, text.fold(k)) }))
      .filter((h) => h.n > 0);
    if (hits.length === 0) continue;
    const total = hits.reduce((sum, h) => sum + h.n, 0);
    offer(formatTagPath(tagPath(db, tagId)), tagId, 'rule', hits.map((h) => `${h.k} ×${h.n}`).join(', '), SCORE.rule + Math.min(total, 10));
  }

  const placeForms = new Set<string>();
  for (const place of findPlaces(db, text)) {
    for (const f of place.forms) placeForms.add(f);
    offer(place.entry.tagPath, existing(place.entry.tagPath), 'place', `${place.forms.join('/')} ×${place.count}`, SCORE.place + Math.min(place.count, 5));
  }

  // A reporter already in the Person vocabulary in the other script (張繼馳 / 张继驰) is that tag.
  const personRoot = findTagByPath(db, [PERSON_VOCABULARY]);
  const people = personRoot === undefined
    ? []
    : (db.prepare('SELECT id, name FROM tags WHERE parent_id = ? AND retired = 0').all(personRoot) as { id: number; name: string }[]);
  const reporters = new Set(article.reporters.map((r) => text.fold(r)));
  for (const reporter of article.reporters) {
    const known = people.find((p) => text.fold(p.name) === text.fold(reporter));
    const path = formatTagPath([PERSON_VOCABULARY, known?.name ?? reporter]);
    offer(path, known?.id ?? null, 'reporter', reporter, SCORE.reporter);
  }

  let kept = 0;
  for (const k of extractKeywords(prose, 12)) {
    if (kept >= MAX_KEYWORDS) break;
    if (placeForms.has(k.word) || reporters.has(k.word) || [...placeForms].some((p) => k.word.startsWith(p))) continue;
    const tagId = tagNamed(db, k.word);
    const path = tagId !== undefined ? formatTagPath(tagPath(db, tagId)) : formatTagPath([TOPIC_VOCABULARY, k.word]);
    offer(path, tagId ?? null, 'keyword', k.word, SCORE.keyword + Math.min(k.weight, 1));
    kept++;
  }

  const carried = new Set(
    db.prepare(`SELECT tag_id FROM article_tags WHERE article_id = ? AND removed = 0
                UNION SELECT st.tag_id FROM span_tags st JOIN anchors an ON an.id = st.anchor_id
                WHERE an.article_id = ? AND st.removed = 0`).pluck().all(articleId, articleId) as number[],
  );
  const dismissed = new Set(
    db.prepare('SELECT tag_path FROM tag_suggestion_dismissals WHERE article_id = ?').pluck().all(articleId) as string[],
  );
  return [...byPath.values()]
    .filter((s) => !(s.tagId !== null && carried.has(s.tagId)) && !dismissed.has(s.tagPath))
    .sort((a, b) => b.score - a.score || a.tagPath.localeCompare(b.tagPath, 'zh'));
}

/** Dismisses a suggestion for an article: it is not offered for that article again. */
export function dismissSuggestion(db: Db, articleId: number, path: string): TagSuggestion[] {
  const normalised = formatTagPath(parseTagPath(path));
  writeTransaction(db, () => {
    db.prepare(`INSERT INTO tag_suggestion_dismissals (article_id, tag_path, dismissed_at, author) VALUES (?, ?, ?, ?)
                ON CONFLICT (article_id, tag_path) DO NOTHING`).run(articleId, normalised, nowIso(), currentAuthor(db));
  });
  return suggestTags(db, articleId);
}

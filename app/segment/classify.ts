/**
 * Block classes. Three passes, from what a line says about itself to what its neighbours say:
 *   1. formulas: lines whose wording fixes their role (本报讯, 本报记者, 摄, 核心提示, banners);
 *   2. layout: captions, lead paragraphs, title-shaped lines (minus broken paragraphs),
 *      bare-name bylines, column banners without a romanised name, adverts;
 *   3. titles: each remaining title becomes a headline or a subhead, depending on what follows
 *      it and on what kind of article is running.
 * Whatever is left is body text.
 */
import type { BlockClass } from './types.js';
import { gapFlags, type RawBlock } from './blocks.js';
import {
  hasColumnSuffix,
  isAdvertLine,
  isBareName,
  isBriefOpener,
  isCaptionWithCredit,
  isCredit,
  isFormulaByline,
  isRomanisedBanner,
  leadLabel,
} from './formulas.js';
import {
  continuesSentence,
  endsSentence,
  isLatinLine,
  looksLikeCommaTitle,
  looksLikeTitle,
  startsWithDash,
  visibleLength,
} from './typography.js';

/** Classes decided so far; 'title' is a title-like line whose role pass 3 settles. */
type Draft = BlockClass | 'title' | null;

function formulaClass(block: RawBlock): Draft {
  const t = block.text;
  if (leadLabel(t).isLead) return 'lead';
  if (isBriefOpener(t)) return 'brief_opener';
  if (isRomanisedBanner(t)) return 'section';
  if (isCredit(t)) return 'credit';
  if (isCaptionWithCredit(t)) return 'caption';
  if (isFormulaByline(t)) return 'byline';
  if (isLatinLine(t) || isAdvertLine(t)) return 'other';
  return null;
}

/** Markdown headings are titles whatever their wording; otherwise the line's shape decides. */
function isTitleShaped(block: RawBlock): boolean {
  if (block.headingLevel > 0) return true;
  if (startsWithDash(block.text)) return visibleLength(block.text) <= 60 && !/。/.test(block.text);
  return looksLikeTitle(block.text);
}

const CAPTION_MAX = 45;
/** Without a credit next to it, only a short sentence under an image hole reads as a caption. */
const GAP_CAPTION_MAX = 40;

function isCaptionShaped(text: string): boolean {
  const n = visibleLength(text);
  return n >= 6 && n <= CAPTION_MAX && (text.match(/[。！!]/g) ?? []).length <= 2;
}

export function classifyBlocks(blocks: readonly RawBlock[]): BlockClass[] {
  const n = blocks.length;
  const draft: Draft[] = blocks.map(formulaClass);
  const gap = gapFlags(blocks);
  const text = (i: number) => blocks[i]!.text;

  // Pass 2a: captions sit next to a credit, or alone under an image hole.
  for (let i = 0; i < n; i++) {
    if (draft[i] !== null || blocks[i]!.headingLevel > 0) continue;
    const t = text(i);
    if (!isCaptionShaped(t)) continue;
    const creditNext = i + 1 < n && draft[i + 1] === 'credit';
    const underHole = gap[i]! && endsSentence(t) && visibleLength(t) <= GAP_CAPTION_MAX;
    // The last short paragraph of a photo story also sits just above its credit. A caption
    // there reads as one statement; running text that ends a finished paragraph runs on.
    const afterFinishedParagraph = i > 0 && !gap[i] && draft[i - 1] === null && endsSentence(text(i - 1));
    const oneStatement = (t.match(/[，,；;]/g) ?? []).length <= 1;
    if (creditNext && (endsSentence(t) || looksLikeTitle(t)) && (!afterFinishedParagraph || oneStatement)) {
      draft[i] = 'caption';
    } else if (underHole) {
      draft[i] = 'caption';
    }
  }

  // Pass 2b: a bare "核心提示" label makes the paragraph after it the lead.
  for (let i = 0; i + 1 < n; i++) {
    if (draft[i] === 'lead' && leadLabel(text(i)).labelOnly && draft[i + 1] === null) {
      draft[i + 1] = 'lead';
    }
  }

  // Pass 2c: title-shaped lines, minus those that are really the start of a broken paragraph.
  for (let i = 0; i < n; i++) {
    if (draft[i] !== null || !isTitleShaped(blocks[i]!)) continue;
    const level = blocks[i]!.headingLevel;
    if (level === 0 && !startsWithDash(text(i))) {
      let j = i + 1;
      while (j < n && (draft[j] === 'caption' || draft[j] === 'credit')) j++;
      if (j < n && draft[j] === null && continuesSentence(text(j))) continue;
    }
    draft[i] = 'title';
  }
  // Comma titles need article furniture under them to be believed.
  for (let i = 0; i < n; i++) {
    if (draft[i] !== null || !looksLikeCommaTitle(text(i))) continue;
    const next = nextReading(draft, i + 1);
    // A dash subtitle ("——访…") under it is article furniture too.
    const furniture = next < n && (draft[next] === 'brief_opener' || draft[next] === 'byline' || (draft[next] === 'title' && startsWithDash(text(next))));
    if (furniture) draft[i] = 'title';
  }

  // Pass 2d: a lone name right under a title is the columnist's byline.
  for (let i = 1; i < n; i++) {
    const unmarked = draft[i] === null || (draft[i] === 'title' && blocks[i]!.headingLevel === 0);
    if (unmarked && draft[i - 1] === 'title' && isBareName(text(i))) draft[i] = 'byline';
  }

  // Pass 2e: column banners without a romanised name ("县区传真") are told by the word they end
  // in, or by heading a title that opens a brief; either way a title must follow.
  for (let i = 0; i + 1 < n; i++) {
    if (draft[i] !== 'title' || startsWithDash(text(i))) continue;
    const t = text(i).trim();
    if (!/^[\p{Script=Han}]{2,6}$/u.test(t)) continue;
    const nextIsTitle = draft[i + 1] === 'title' && !startsWithDash(text(i + 1));
    if (!nextIsTitle) continue;
    if (hasColumnSuffix(t) || (i + 2 < n && draft[i + 2] === 'brief_opener')) draft[i] = 'section';
  }

  markAdverts(draft);
  settleTitles(blocks, draft);

  return draft.map((d) => (d === null || d === 'title' ? 'body' : d));
}

const CONTENT: ReadonlySet<Draft> = new Set<Draft>(['byline', 'brief_opener', 'lead', 'caption', null]);

/**
 * Title-like lines in a run of advert lines (an English line, event dates) are the advert's own
 * titles, as is a title with nothing after it: a headline always has article text under it.
 * Spreads outwards from the advert lines, one neighbour at a time.
 */
function markAdverts(draft: Draft[]): void {
  const n = draft.length;
  const withoutText = (i: number): boolean => {
    let j = i + 1;
    while (j < n && draft[j] === 'credit') j++;
    return !(j < n && CONTENT.has(draft[j]!));
  };
  const queue: number[] = [];
  draft.forEach((d, i) => {
    if (d === 'other') queue.push(i);
  });
  if (n > 0 && draft[n - 1] === 'title') {
    draft[n - 1] = 'other';
    queue.push(n - 1);
  }
  while (queue.length > 0) {
    const i = queue.pop()!;
    for (const k of [i - 1, i + 1]) {
      if (k >= 0 && k < n && draft[k] === 'title' && withoutText(k)) {
        draft[k] = 'other';
        queue.push(k);
      }
    }
  }
}

type ArticleKind = 'none' | 'feature' | 'brief';

/** Index of the next block that is not a caption or a credit (photos interrupt everything). */
function nextReading(draft: readonly Draft[], from: number): number {
  let j = from;
  while (j < draft.length && (draft[j] === 'caption' || draft[j] === 'credit')) j++;
  return j;
}

/**
 * Headline or cross-head. A title opens a new article when article furniture follows it
 * (byline, brief opener, lead, a "——" subtitle), when it sits under a banner, or inside a column
 * of briefs (briefs have no cross-heads). Inside a feature, a title between paragraphs is a
 * cross-head. Markdown levels break the ties that typography leaves open.
 */
function settleTitles(blocks: readonly RawBlock[], draft: Draft[]): void {
  let kind: ArticleKind = 'none';
  let bannerSeen = false;
  /** The Markdown level of the current article's headline (0: none, or no marker). */
  let headlineLevel = 0;
  for (let i = 0; i < draft.length; i++) {
    const d = draft[i];
    if (d === 'section') {
      bannerSeen = true;
      kind = 'none';
      headlineLevel = 0;
      continue;
    }
    if (d === 'brief_opener' && kind !== 'feature') kind = 'brief';
    if (d !== 'title') continue;

    const text = blocks[i]!.text;
    const level = blocks[i]!.headingLevel;
    const next = nextReading(draft, i + 1);
    const nextDraft = next < draft.length ? draft[next] : undefined;
    const furnitureNext =
      nextDraft === 'byline' ||
      nextDraft === 'brief_opener' ||
      nextDraft === 'lead' ||
      (nextDraft === 'title' && startsWithDash(blocks[next]!.text));

    let headline: boolean;
    if (startsWithDash(text)) headline = false;
    else if (isDeck(blocks, draft, i)) headline = false;
    else if (isKicker(blocks, draft, i)) headline = false;
    else if (level === 3 && kind === 'feature' && headlineLevel > 0 && headlineLevel < 3 && !furnitureNext) {
      // Under a feature's "#" or "##" headline, a "###" title between paragraphs is a cross-head.
      headline = false;
    } else if (level === 1 || level === 3) headline = true;
    else if (furnitureNext) headline = true;
    else if (i > 0 && draft[i - 1] === 'section') headline = true;
    else if (kind === 'none') headline = true;
    else if (level === 2) headline = false;
    else headline = kind === 'brief';

    draft[i] = headline ? 'headline' : 'subhead';
    if (headline) {
      kind = kindOf(draft, i, bannerSeen);
      headlineLevel = level;
    }
  }
}

/**
 * A kicker (引题) is a short title line set above the main headline: the next line is a title
 * that itself has a byline, brief opener, lead or "——" subtitle under it. It belongs to the
 * headline's article as a subhead.
 */
function isKicker(blocks: readonly RawBlock[], draft: readonly Draft[], i: number): boolean {
  const j = i + 1;
  if (j >= draft.length || draft[j] !== 'title' || startsWithDash(blocks[j]!.text)) return false;
  if (outranks(blocks[i]!, blocks[j]!)) return false;
  const after = nextReading(draft, j + 1);
  const d = after < draft.length ? draft[after] : undefined;
  if (d === 'title') return startsWithDash(blocks[after]!.text);
  return d === 'byline' || d === 'brief_opener' || d === 'lead';
}

/** Markdown rank: "#" over "##" over "###"; lines without a marker have no rank. */
function outranks(a: RawBlock, b: RawBlock): boolean {
  return a.headingLevel > 0 && b.headingLevel > a.headingLevel;
}

/** A deck: a title set directly under its headline with a lower Markdown rank ("#" then "##"). */
function isDeck(blocks: readonly RawBlock[], draft: readonly Draft[], i: number): boolean {
  return i > 0 && draft[i - 1] === 'headline' && outranks(blocks[i - 1]!, blocks[i]!);
}

/** A feature announces itself under the headline (byline, lead, subtitle); a brief does not. */
function kindOf(draft: readonly Draft[], headline: number, bannerSeen: boolean): ArticleKind {
  for (let j = headline + 1; j < draft.length && j <= headline + 5; j++) {
    const d = draft[j];
    // Photos, subtitles and decks can sit between a headline and its byline.
    if (d === 'caption' || d === 'credit' || d === 'title') continue;
    if (d === 'byline' || d === 'lead') return 'feature';
    if (d === 'brief_opener') return 'brief';
    break;
  }
  return bannerSeen ? 'brief' : 'feature';
}

import type { DocBlock, DocFinding } from '../model.js';
import { cutWords } from '../lexicon/segmenter.js';
import { RUNNING_TEXT, SKIPPABLE } from './classes.js';
import { continuationConfidence, readingSuccessor } from './broken-paragraph.js';
import {
  closesUnopenedQuote,
  countsAcross,
  endsMidClause,
  endsNeedingComplement,
  endsSentence,
  junctionCohesion,
  leavesQuoteOpen,
  opensSentence,
  opensWithReport,
  startsBound,
  startsWithBoundWord,
  startsWithLoneCharacter,
  wordAcross,
  wordSpansJunction,
} from './junction.js';
import { topicModel, type TopicModel } from './topic.js';
import { echoAcross, pagePhrases, type PhraseIndex } from './echo.js';
import { lookup, toSimplified } from '../lexicon/dictionary.js';

/**
 * Log-probability gain a junction must show before a block is moved across the page: a word cut
 * in two gains about 10; chance pairs of a single character and a name or a place gain 1 to 6.
 */
const MIN_COHESION = 8;
/**
 * Less will do for a block more about the cut's article than about its own that does not open a
 * sentence (无|菌 in a page on mushroom growing gains about 5): a chance pair seldom also shares
 * the topic.
 */
const TOPICAL_COHESION = 4;
/** What a lone first character must gain by joining a cut's last word (采摘|期, 披碱|草) to go there by that alone. */
const LONE_COHESION = 2;
/**
 * A junction between two whole words gaining this much reads as one set compound (毛细|血管 gains
 * about 12); ordinary neighbours gain nothing, a word cut in two about 10.
 */
const COMPOUND_COHESION = 11;
/** Junction gains are compared to this precision: two whole words side by side gain 0 give or take rounding. */
const COHESION_STEP = 0.1;

function startsMidWord(text: string): boolean {
  return (cutWords(text.trimStart().slice(0, 6))[0] ?? '').length === 1;
}

interface Candidate {
  cut: number;
  confidence: number;
  reason: { zh: string; en: string };
}

/** A cut that the block continues because `text` reads across the junction (and, for `onTopic`, the topic agrees). */
function spanning(cut: number, text: string, confidence: number, onTopic = false): Candidate {
  return {
    cut,
    confidence,
    reason: onTopic
      ? { zh: `“${text}”跨段，且话题相同`, en: `“${text}” spans the cut, on the same topic` }
      : { zh: `“${text}”跨段`, en: `“${text}” spans the cut` },
  };
}

/**
 * A cut after a word that cannot end a sentence (和, 是, 截至) looks for its continuation by topic
 * when no word crosses the junction. Where the cut ends its article, the article plainly goes on
 * elsewhere and the block it shares most with is taken. Where the cut has a successor that
 * might continue it, the block elsewhere must be plainly about the cut's article (its rare
 * character pairs there outweigh those it shares with its own neighbours by this much) and
 * hardly about its own.
 */
const MIN_TOPIC_MARGIN = 0.1;
/**
 * Half that margin will do for a block at least this many times as much about the cut's article
 * as about its own: a short continuation shares few rare pairs with anything, but none with the
 * article it landed in.
 */
const TOPIC_RATIO = 4;

export function clearTopic(margin: number, own: number): boolean {
  return margin >= MIN_TOPIC_MARGIN || (margin >= MIN_TOPIC_MARGIN / 2 && margin + own >= TOPIC_RATIO * own);
}
const MAX_OWN_TOPIC = 0.05;

/**
 * A block that continues a sentence cut somewhere other than just before it: another article, or
 * further away in its own. The first evidence is a word read across the junction with the cut
 * ("發|展鄉村" → 發展), which the cut's own successor does not offer, or a block that cannot open a
 * sentence. A cut between two whole words ("這是|青崖港…") leaves no trace a unigram word model
 * can read; there the page's topics decide (see MIN_TOPIC_MARGIN).
 */
export function detectMisorderedParagraphs(doc: readonly DocBlock[]): DocFinding[] {
  const successor = doc.map((_, i) => readingSuccessor(doc, i));
  const predecessor = new Map<number, number>();
  // The block a reader comes from: captions and credits between a cut's parts are skipped, so
  // they are nobody's predecessor.
  successor.forEach((next, i) => {
    if (next !== null && !SKIPPABLE.has(doc[i]!.cls)) predecessor.set(next, i);
  });
  /** Running-text blocks ending mid-sentence that their successor does not visibly continue. */
  /** How surely each block's own successor continues it (0 where it has none). */
  const continued = doc.map((b, i) => (successor[i] === null ? 0 : continuationConfidence(b, doc[successor[i]!]!)));
  const openCuts = doc
    .map((_, i) => i)
    .filter((i) => RUNNING_TEXT.has(doc[i]!.cls) && !endsSentence(doc[i]!.text))
    .filter((i) => successor[i] === null || continued[i]! < 0.9);
  const articleOf = (i: number) => doc[i]!.article;
  /** A block that reads on from the cut just before it is where it belongs. */
  const readsOnFromBefore = (j: number) => {
    const before = predecessor.get(j);
    return before !== undefined && continuationConfidence(doc[before]!, doc[j]!) >= 0.7;
  };
  /** The first running text of its article, under the headline and byline: where a sentence opens. */
  const opensArticleText = (j: number) => !doc.slice(0, j).some((b) => b.article === doc[j]!.article && RUNNING_TEXT.has(b.cls));
  let model: TopicModel | null = null;
  const topics = () => (model ??= topicModel(doc));
  /** Block j is more about cut i's article than about its own. */
  const moreAboutCut = (j: number, i: number) => topics().affinity(j, doc[i]!.article) > topics().affinity(j, doc[j]!.article);
  let topical: Map<number, Candidate> | null = null;
  let phrases: PhraseIndex | null = null;

  const findings: DocFinding[] = [];
  for (let j = 0; j < doc.length; j++) {
    const block = doc[j]!;
    if (!RUNNING_TEXT.has(block.cls)) continue;
    // A block that reads on from the cut just before it is where it belongs.
    if (readsOnFromBefore(j)) continue;

    const candidates: Candidate[] = [];
    for (const i of openCuts) {
      if (i === j || successor[i] === j) continue;
      const cut = doc[i]!.text;
      const word = wordSpansJunction(cut, block.text);
      if (word && startsMidWord(block.text)) {
        const cohesion = junctionCohesion(cut, block.text);
        if (cohesion >= MIN_COHESION) {
          candidates.push(spanning(i, word, 0.8));
        } else if (cohesion >= TOPICAL_COHESION && !opensSentence(block.text) && !opensArticleText(j) && moreAboutCut(j, i)) {
          candidates.push(spanning(i, word, 0.7, true));
        }
        continue;
      }
      // Read together, the two make one phrase: two whole words a set compound (毛细|血管), a
      // measure left bare and the figure it takes (面积|约300亩), a time left bare and what places
      // an event around it (告诉记者，2021年|以前).
      const compound = wordAcross(cut, block.text);
      const phrase = (compound && junctionCohesion(cut, block.text) >= COMPOUND_COHESION ? compound : null) ??
        measureAcross(cut, block.text) ?? timeAround(cut, block.text);
      if (phrase) {
        candidates.push(spanning(i, phrase, 0.75));
        continue;
      }
      // The page's own wording met again across a cut nothing else continues, in a block no less
      // about the cut's article than its own: a place's name before a village's (柳坪镇|杨柳村…)
      // recurs too, but there the block is about its own article.
      const leftOpen = successor[i] === null || continued[i] === 0;
      const echo = leftOpen && moreAboutCut(j, i)
        ? echoAcross(doc, (phrases ??= pagePhrases(doc)), i, j)
        : null;
      if (echo) {
        candidates.push({ cut: i, confidence: 0.75, reason: { zh: `跨段连读为本版别处的“${echo}”`, en: `read across the cut it is “${echo}”, as elsewhere on the page` } });
      }
    }
    // A block closing a quotation it never opened continues a cut that left one open; among
    // several, the one whose article it shares most with.
    if (candidates.length === 0 && closesUnopenedQuote(block.text)) {
      const quoting = openCuts.filter((i) => i !== j && successor[i] !== j && leavesQuoteOpen(doc[i]!.text) &&
        !(successor[i] !== null && closesUnopenedQuote(doc[successor[i]!]!.text)));
      quoting.sort((x, y) => topics().affinity(j, doc[y]!.article) - topics().affinity(j, doc[x]!.article));
      for (const i of quoting) {
        candidates.push({ cut: i, confidence: 0.75, reason: { zh: '引号在该处打开', en: 'the quotation it closes opens there' } });
      }
    }
    // A block opening with a bound particle (的, 了, 、…) or a lone character (期。…) cannot start
    // a sentence: it continues one of the page's open cuts, the one it reads on from best first;
    // where no junction reads better than another, the one whose article the block is about, then
    // a cut that nothing after it continues before one its own successor might, then the nearest
    // (text bleeds into a neighbouring column more often than across the page).
    if (candidates.length === 0 && startsBound(block.text)) {
      const scored = openCuts
        .filter((i) => i !== j && successor[i] !== j)
        .map((i) => ({
          i,
          cohesion: Math.round(junctionCohesion(doc[i]!.text, block.text) / COHESION_STEP),
          continued: continued[i]!,
          topic: topics().affinity(j, doc[i]!.article),
        }))
        .sort((x, y) => y.cohesion - x.cohesion || y.topic - x.topic || x.continued - y.continued || Math.abs(x.i - j) - Math.abs(y.i - j));
      // A lone first character may also be what is left of a paragraph whose first character was
      // lost (过去，… read as 去，…): it goes only where it completes a word or plainly fits the topic.
      const own = topics().affinity(j, block.article);
      const fits = (x: (typeof scored)[number]) =>
        !startsWithLoneCharacter(block.text) || startsWithBoundWord(block.text) ||
        x.cohesion * COHESION_STEP >= LONE_COHESION || clearTopic(x.topic - own, own) ||
        countsAcross(doc[x.i]!.text, block.text);
      for (const { i } of scored.filter(fits)) {
        candidates.push({ cut: i, confidence: 0.7, reason: { zh: '段首不能起句', en: 'it cannot open a sentence' } });
      }
    }
    if (candidates.length === 0) {
      topical ??= topicalPairs(doc, topics(), openCuts, successor, (b) => !readsOnFromBefore(b));
      const pair = topical.get(j);
      if (pair) candidates.push(pair);
    }
    if (candidates.length === 0) continue;
    // Stable sort: within one confidence the evidence's own order (cohesion, then page order) holds.
    const ranked = [...candidates].sort((x, y) => y.confidence - x.confidence);
    const best = ranked[0]!;
    findings.push({
      kind: 'misordered_paragraph',
      start: { block: j, offset: 0 },
      end: { block: j, offset: block.text.length },
      message: {
        zh: `此段接续别处断开的句子（${best.reason.zh}）：应移到该处`,
        en: `This block continues a sentence cut elsewhere (${best.reason.en}): move it there`,
      },
      confidence: ranked.length === 1 ? best.confidence : best.confidence - 0.1,
      fixes: ranked.map(({ cut }) => ({
        label: { zh: `移到第${cut + 1}段之后`, en: `Move after block ${cut + 1}` },
        edits: [
          successor[cut] === null
            ? { op: 'move' as const, block: j, toEndOfArticle: articleOf(cut) }
            : { op: 'move' as const, block: j, before: successor[cut]! },
        ],
      })),
    });
  }
  return findings;
}

/** Nouns of size and amount that a figure follows (面积|约300亩, 总投资|1.2亿元). */
const MEASURES = new Set(['面积', '总面积', '占地', '占地面积', '全长', '总长', '长度', '宽度', '高度', '深度', '总投资', '投资',
  '总产值', '产值', '规模', '库容', '容量', '距离', '海拔', '产量', '年产量', '总量']);
/** A figure, perhaps approximate, not a date: 约300亩, 近两万, 超过1.2亿, 三千多 (but not 2021年，…). */
const FIGURE = /^(?:约|近|超过|达到|达|逾|共|总计|将近)?[\d〇零一二三四五六七八九十百千万两几][\d.〇零一二三四五六七八九十百千万亿两几多余]*(?![\d.年月日号])/u;

/** The measure the cut leaves bare and the figure the block opens with ("面积约300亩"), or null. */
function measureAcross(cut: string, block: string): string | null {
  // The block side first: few blocks open with a figure, and it is the cheaper test.
  const figure = FIGURE.exec(toSimplified(block.trimStart().slice(0, 16)))?.[0];
  if (!figure) return null;
  const last = cutWords(toSimplified(cut.trimEnd().slice(-6))).at(-1) ?? '';
  return MEASURES.has(last) ? cut.trimEnd().slice(-last.length) + block.trimStart().slice(0, figure.length) : null;
}

/** A year, a month or a day, standing last. */
const TIME_POINT = /(?:\d{2,4}|[〇零一二三四五六七八九]{2,4})年$|\d{1,2}月(?:\d{1,2}[日号])?$|\d{1,2}[日号]$/u;
/** Words that place an event before, after or since a time, and cannot open a sentence right after one. */
const TIME_POSTPOSITION = /^(?:以前|以来|以后|之前|之后|至今)/u;

/** The time the cut leaves bare and the postposition the block opens with, read together ("2021年以前"), or null. */
function timeAround(cut: string, block: string): string | null {
  const postposition = TIME_POSTPOSITION.exec(toSimplified(block.trimStart().slice(0, 2)))?.[0];
  if (!postposition) return null;
  const point = TIME_POINT.exec(toSimplified(cut.trimEnd().slice(-8)))?.[0];
  return point ? cut.trimEnd().slice(-point.length) + block.trimStart().slice(0, postposition.length) : null;
}

/** Auxiliaries and adverbs that leave a verb to come (还将|推出, 正在|建设). */
const BEFORE_VERB = new Set(['将', '还将', '将要', '要', '会', '正在', '已经', '继续', '开始', '准备', '计划', '打算', '进一步']);

function endsWithAuxiliary(text: string): boolean {
  const words = cutWords(toSimplified(text.trimEnd().slice(-6)));
  return BEFORE_VERB.has(words.at(-1) ?? '');
}

/** The block's first word is a verb or an adverb (推出, 进一步), as jieba tags it. */
function opensWithVerb(text: string): boolean {
  const first = cutWords(toSimplified(text.trimStart().slice(0, 6)))[0] ?? '';
  const tag = lookup(first)?.tag ?? '';
  return /^(?:v|d)/u.test(tag);
}

/** A body paragraph that ends its sentences: what a continuation moved away looks like. */
function couldBeDisplaced(block: DocBlock): boolean {
  return block.cls === 'body' && endsSentence(block.text);
}

interface TopicalPair {
  cut: number;
  block: number;
  margin: number;
  spans: string | null;
  /** The cut ends on a word that needs more (和, 截至), not merely without a sentence end. */
  needsMore: boolean;
}

/**
 * Pairs open cuts with the blocks that complete them by topic (see MIN_TOPIC_MARGIN): each cut
 * takes the block it fits best, and keeps it only if no other cut fits that block better. Only
 * body paragraphs ending their sentence move this way; an opening formula or a lead stays put.
 */
function topicalPairs(
  doc: readonly DocBlock[],
  topics: TopicModel,
  openCuts: readonly number[],
  successor: readonly (number | null)[],
  movable: (block: number) => boolean,
): Map<number, Candidate> {
  const bestOfCut = new Map<number, TopicalPair>();
  for (const i of openCuts) {
    const cut = doc[i]!;
    const needsMore = endsNeedingComplement(cut.text) || endsMidClause(cut.text);
    const needsVerb = endsWithAuxiliary(cut.text);
    const endsArticle = successor[i] === null;
    // A paragraph (not a lead, whose label may stand alone) without a sentence end that ends its
    // article, or whose successor opens a sentence of its own, plainly goes on somewhere else,
    // whatever word it was cut after.
    const leftOpen = cut.cls !== 'lead' && (endsArticle || continuationConfidence(cut, doc[successor[i]!]!) === 0);
    for (let j = 0; j < doc.length; j++) {
      const block = doc[j]!;
      if (cut.article === block.article || !movable(j) || !couldBeDisplaced(block)) continue;
      const spans = wordSpansJunction(cut.text, block.text);
      if (!spans && !needsMore && !leftOpen) continue;
      if (needsVerb && !opensWithVerb(block.text)) continue;
      const own = topics.affinity(j, block.article);
      const margin = topics.affinity(j, cut.article) - own;
      // A cut ending its article goes on somewhere: in the block that fits its topic better than
      // its own, unless that block opens a sentence of its own.
      const enough = endsArticle && (spans || needsMore || !opensSentence(block.text))
        ? margin > 0
        : clearTopic(margin, own) && own <= MAX_OWN_TOPIC &&
          !opensSentence(block.text) && !opensWithReport(block.text);
      const best = bestOfCut.get(i);
      if (enough && (!best || margin > best.margin)) bestOfCut.set(i, { cut: i, block: j, margin, spans, needsMore });
    }
  }
  const bestOfBlock = new Map<number, TopicalPair>();
  for (const pair of bestOfCut.values()) {
    const best = bestOfBlock.get(pair.block);
    if (!best || pair.margin > best.margin) bestOfBlock.set(pair.block, pair);
  }
  return new Map([...bestOfBlock].map(([block, pair]) => [block, pair.spans ? spanning(pair.cut, pair.spans, 0.75, true) : {
    cut: pair.cut,
    confidence: 0.65,
    reason: pair.needsMore
      ? { zh: '断句处需要下文，此段话题与之相同', en: 'the cut needs a continuation and this block shares its topic' }
      : { zh: '该段没有句末标点，此段话题与之相同', en: 'that paragraph breaks off and this block shares its topic' },
  }]));
}

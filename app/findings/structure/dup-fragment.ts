import type { DocBlock, DocFinding } from '../model.js';
import type { SharedRun } from '../corpus/index.js';
import { RUNNING_TEXT } from './classes.js';
import { countsAcross, endsSentence, junctionCohesion, splitsWord } from './junction.js';
import { toSimplified } from '../lexicon/dictionary.js';
import { cutWords } from '../lexicon/segmenter.js';
import { hanPairs, pairHolders } from '../../han-pairs.js';
import { NUMERALS } from '../detectors/lexicon/reduplication.js';

/** Shorter shared runs are everyday phrases, not splices. */
export const MIN_FRAGMENT = 8;

/** Punctuation between clauses; the enumeration comma 、 is left out, slogans list with it. */
const CLAUSE_PUNCT = /[，,；;。：:！!？?]/u;
const DIGIT = /\d/u;
const EDGE_PUNCT = /^[\p{P}\s]+|[\p{P}\s]+$/gu;
/**
 * A spliced run often ends its block: the column it bled from took over the rest, so the block
 * ends inside the copy rather than with a full stop after it.
 */
const TRAILING = /^[^\p{L}\p{N}。！？!?]*$/u;

/** The run without the punctuation and space at its edges, which any two clauses share. */
function trimRun(text: string, run: SharedRun): SharedRun | null {
  const slice = text.slice(run.start, run.end);
  const lead = slice.length - slice.replace(/^[\p{P}\s]+/u, '').length;
  const trail = slice.length - slice.replace(/[\p{P}\s]+$/u, '').length;
  const core = slice.replace(EDGE_PUNCT, '');
  if (core.length === 0) return null;
  // Keep a sentence's end (full stop, ellipsis, closing quote): it belongs to the copied sentence.
  const keepEnd = /[。！？!?…”」』]+$/u.exec(slice)?.[0].length ?? 0;
  const cut = Math.max(0, trail - keepEnd);
  return {
    ...run,
    start: run.start + lead,
    end: run.end - cut,
    otherStart: run.otherStart + lead,
    otherEnd: run.otherEnd - cut,
    length: run.length - lead - cut,
  };
}

/** One of the two places a shared run stands. */
interface Copy {
  text: string;
  start: number;
  end: number;
}

/**
 * Log-probability a mended word must gain across the junction: chance pairs of common characters
 * the segmenter happens to read as a word (三|讲, where 三楼 was cut) gain under 2.
 */
const MEND_COHESION = 2;

/**
 * Taking the copy out mends a word it had cut in two ("党[…]委书记" → 党委书记), or a count
 * ("六百多[…]册", "三十七[…]万人次").
 */
function mendsWord(c: Copy): boolean {
  const before = c.text.slice(0, c.start);
  const after = c.text.slice(c.end);
  return (splitsWord(before + after, c.start) && junctionCohesion(before, after) >= MEND_COHESION) || countsAcross(before, after);
}

/**
 * How strongly the word cut by the run's edges held together: the text a fragment was cut out
 * of reads a common word across the edge (科|目 → 科目), a splice at most a chance pair (科|林).
 */
function cutStrength(c: Copy): number {
  const at = (offset: number) =>
    splitsWord(c.text, offset) ? junctionCohesion(c.text.slice(0, offset), c.text.slice(offset)) : 0;
  return Math.max(at(c.start), at(c.end));
}

/**
 * The run's edges cut a word here: this is the text the fragment was cut out of. A chance pair
 * read across an edge (草莓大|地看到 → 大地) is no more a word cut than one a mend makes.
 */
function edgesCutWords(c: Copy): boolean {
  return cutStrength(c) >= MEND_COHESION;
}

/** Figures or clauses running to the end (or from the start) of the paragraph. */
function carriesFacts(c: Copy, length: number, samePage: boolean): boolean {
  const inner = c.text.slice(c.start, c.end).replace(/[\p{P}]+$/u, '');
  const hasClauses = CLAUSE_PUNCT.test(inner);
  const hasDigits = DIGIT.test(inner);
  const atEdge = TRAILING.test(c.text.slice(c.end)) || c.start === 0;
  return (hasClauses || hasDigits) && (atEdge || length >= 40) && (samePage || hasDigits || length >= 30);
}

const WORD_CHAR = /[\p{Script=Han}\p{N}]/u;
const CLAUSE_EDGE = /[，,；;。：:！!？?“”「」]/u;

/** The run sits inside a clause, with words running on into it at both ends. */
function embeddedInClause(c: Copy): boolean {
  return c.start > 0 && c.end < c.text.length && WORD_CHAR.test(c.text[c.start - 1]!) && WORD_CHAR.test(c.text[c.end]!);
}

/**
 * No quotation marks and no sentence or clause punctuation inside: a quoted name ("“全科社工”") or
 * a run across sentences is a set phrase or a restated fact, not a scrap of one. One comma is
 * allowed in a run of 10 or more (针灸加推拿，一个疗程): two short clauses lifted together.
 */
function isPlainPhrase(c: Copy): boolean {
  const inner = c.text.slice(c.start, c.end);
  if (/[；;。：:！!？?“”「」『』《》]/u.test(inner)) return false;
  const commas = (inner.match(/[，,]/gu) ?? []).length;
  return commas === 0 || (commas === 1 && inner.length >= 10);
}

/**
 * Words of a clause, not a term or a figure: a date (2024年12月) or a term (急性心肌梗死患者) two
 * pages share by chance reads as a few words (急性|心肌梗死|患者), a lifted scrap (可以|把|材料|领|回家|做) as
 * more.
 */
function isClauseScrap(c: Copy): boolean {
  const inner = c.text.slice(c.start, c.end);
  return !DIGIT.test(inner) && cutWords(toSimplified(inner)).filter((w) => /\p{Script=Han}/u.test(w)).length >= 4;
}

/** The run starts or ends a clause: it was a piece of a sentence with edges of its own. */
function boundsClause(c: Copy): boolean {
  const before = c.start === 0 || CLAUSE_EDGE.test(c.text[c.start - 1]!);
  const after = c.end >= c.text.length || CLAUSE_EDGE.test(c.text[c.end]!);
  return before || after;
}

/** The two copies are the same characters, not the same only once folded to one script. */
function sameLetters(a: Copy, b: Copy): boolean {
  return a.text.slice(a.start, a.end) === b.text.slice(b.start, b.end);
}

function isWholeSentence(c: Copy): boolean {
  const before = c.text.slice(0, c.start).trimEnd();
  const closing = /^\p{P}*/u.exec(c.text.slice(c.end))![0];
  return (before === '' || endsSentence(before)) && endsSentence(c.text.slice(c.start, c.end) + closing);
}

/** One copy with the rest of its article around it. */
interface Placed extends Copy {
  /** For each pair of Han characters (folded to simplified), how many blocks of the copy's article hold it, its own block included. */
  article: ReadonlyMap<string, number>;
}

/** A block's text folded to simplified, with its pairs; folded once per block, not once per run. */
interface Folded {
  simple: string;
  pairs: Set<string>;
}

function folder(): (text: string) => Folded {
  const known = new Map<string, Folded>();
  return (text) => {
    let folded = known.get(text);
    if (!folded) {
      const simple = toSimplified(text);
      known.set(text, (folded = { simple, pairs: hanPairs(simple) }));
    }
    return folded;
  };
}

/** How many of the copy's character pairs its article holds outside the copy. */
function topicalPairs(c: Placed, fold: (text: string) => Folded): number {
  const { simple, pairs: inBlock } = fold(c.text);
  // The fold keeps one character for one almost always; where it did not, fold the pieces.
  const piece = (from: number, to: number) =>
    simple.length === c.text.length ? simple.slice(from, to) : toSimplified(c.text.slice(from, to));
  const outside = hanPairs(`${piece(0, c.start)}\n${piece(c.end, c.text.length)}`);
  let shared = 0;
  for (const pair of hanPairs(piece(c.start, c.end))) {
    // Figures are no topic: 百分之九十七 is at home in any article.
    if (NUMERALS.has(pair[0]!) || NUMERALS.has(pair[1]!)) continue;
    const elsewhere = (c.article.get(pair) ?? 0) - (inBlock.has(pair) ? 1 : 0);
    if (elsewhere > 0 || outside.has(pair)) shared++;
  }
  return shared;
}

/**
 * A run lifted from another article speaks of that article's things (银河 and 学生 in a report on
 * a school's star-gazing club), which its new article does not mention: its pairs recur around
 * the other copy and not around this one. Words every article uses recur on both sides alike.
 */
const TOPIC_MARGIN = 3;

/**
 * How sure we are that THIS copy of a shared run is the spliced one, or 0. Slogans, titles and
 * policy names repeat legitimately, and a report may restate a fact; a splice shows itself by
 * where it sits: taking it out mends a word it had cut, the other copy's edges cut words (the
 * fragment was cut out of that text), or it carries figures and clauses to the end of its
 * paragraph, where the neighbouring column bled in, or it stands as a whole sentence where the
 * other copy is part of a longer one, or its article never speaks of its words where the other
 * copy's article does. With no evidence against it, a repeated whole sentence in the later place
 * is taken as the copy.
 */
function spliceConfidence(
  self: Placed,
  other: Placed,
  run: SharedRun,
  samePage: boolean,
  isLater: boolean,
  fold: (text: string) => Folded,
): number {
  const topic = { self: topicalPairs(self, fold), other: topicalPairs(other, fold) };
  // A set phrase met in the other script was written anew there (文化和旅游局有关负责人), not lifted:
  // its topic tells nothing.
  const lifted = sameLetters(self, other);
  const offTopic = (c: Placed) =>
    lifted && (c === self ? topic.self === 0 && topic.other >= TOPIC_MARGIN : topic.other === 0 && topic.self >= TOPIC_MARGIN);
  const evidence = (c: Placed, o: Placed) =>
    (mendsWord(c) ? 2 : 0) + (edgesCutWords(o) ? 1 : 0) + (carriesFacts(c, run.length, samePage) ? 1 : 0) +
    (isWholeSentence(c) && !isWholeSentence(o) ? 1 : 0);
  // Off its article's topic and wedged into a clause, lifted from another page, with nothing in
  // its place speaking for the other copy: as strong as a mended word. On one page a lead and its
  // body restate each other's phrases this way.
  const topical = (c: Placed, opposed: number) =>
    offTopic(c) ? (embeddedInClause(c) && !samePage && opposed === 0 ? 2 : 1) : 0;
  const forSelf = evidence(self, other);
  const forOther = evidence(other, self);
  const mine = forSelf + topical(self, forOther);
  const theirs = forOther + topical(other, forSelf);
  let confidence = 0;
  // Short runs meet word edges by chance (…以来，X vs 连日来，X); they need stronger evidence.
  const enough = run.length >= 12 ? 1 : 2;
  // Equal evidence: the copy off its article's topic is the splice; failing that, the copy whose
  // other place was cut out of the stronger word; failing that, the later one (OCR bleeds a column
  // into a later one).
  const takenHere = () => {
    if (offTopic(self) !== offTopic(other)) return offTopic(self);
    const cutThere = cutStrength(other);
    const cutHere = cutStrength(self);
    return cutThere !== cutHere ? cutThere > cutHere : isLater;
  };
  if (mine >= enough && (mine > theirs || (mine === theirs && takenHere()))) {
    confidence = mine >= 2 ? 0.85 : 0.75;
    if (DIGIT.test(self.text.slice(self.start, self.end))) confidence += 0.05;
  } else if (theirs === 0 && run.length >= 10 && isWholeSentence(self) && (isLater || !isWholeSentence(other))) {
    // A sentence standing whole here and embedded in a longer one there was copied here.
    confidence = 0.65;
  } else if (run.length > MIN_FRAGMENT && mine === 0 && theirs === 0 && !samePage && lifted &&
             isPlainPhrase(self) && isClauseScrap(self) && embeddedInClause(self) && boundsClause(other) && !boundsClause(self)) {
    // A clause's opening or closing words on another page, wedged into the middle of a clause
    // here ("…节省约[可以把材料领回家做]八百元"): lifted, not a phrase in its place. On one page
    // the lead and the body restate each other's phrases this way, so only across pages; and a
    // set phrase met in the other script is written anew there, not lifted, so only letter for
    // letter. The shortest runs two pages share by chance most often (an office's name, a
    // standing phrase), so this weak evidence needs more than the shortest length.
    confidence = 0.6;
  }
  if (confidence > 0 && !samePage) confidence -= 0.05;
  return Math.min(confidence, 0.95);
}

/** A news brief's opening formula ("本报讯 记者…报道") repeats in every brief by design. */
function isOpeningFormula(block: DocBlock, run: SharedRun): boolean {
  return block.cls === 'brief_opener' && run.start === 0;
}

/** pairHolders() over an article's blocks, folded to simplified: what CorpusView.articlePairs gives. */
export function articlePairHolders(texts: readonly string[]): Map<string, number> {
  return pairHolders(texts.map(toSimplified));
}

export interface CorpusView {
  /** The runs of at least minLength characters block i shares with the rest of the corpus. */
  sharedRuns(block: number, minLength: number): SharedRun[];
  /** Each block's place in reading order, to tell the earlier copy from the later one. */
  orders: readonly number[];
  /** Which page the document is, to tell duplicates on the page from those across pages. */
  page: string;
  /**
   * The article the given block (another copy's) stands in, as pairHolders() over its blocks'
   * texts folded to simplified.
   */
  articlePairs(other: SharedRun['other']): ReadonlyMap<string, number>;
}

/**
 * Runs of text this document shares with an earlier place on the page or in the library. The
 * later copy is taken as the spliced one: OCR bleeds a column into a later one.
 */
export function detectDuplicateFragments(doc: readonly DocBlock[], corpus: CorpusView): DocFinding[] {
  const findings: DocFinding[] = [];
  const fold = folder();
  const pairsOfArticle = new Map<number, Map<string, number>>();
  const articlePairs = (article: number) => {
    let pairs = pairsOfArticle.get(article);
    if (!pairs) pairsOfArticle.set(article, (pairs = pairHolders(doc.filter((b) => b.article === article).map((b) => fold(b.text).simple))));
    return pairs;
  };
  doc.forEach((block, i) => {
    if (!RUNNING_TEXT.has(block.cls)) return;
    const runs = corpus
      .sharedRuns(i, MIN_FRAGMENT)
      .filter((r) => RUNNING_TEXT.has(r.other.cls as DocBlock['cls']))
      .map((r) => trimRun(block.text, r))
      .filter((r): r is SharedRun => r !== null && r.length >= MIN_FRAGMENT && !isOpeningFormula(block, r));
    // A run held by two or more other places is a set phrase, not a splice.
    const holders = new Map<string, Set<string>>();
    for (const r of runs) {
      const key = block.text.slice(r.start, r.end);
      holders.set(key, (holders.get(key) ?? new Set()).add(r.other.key));
    }
    const judged = runs
      .filter((r) => holders.get(block.text.slice(r.start, r.end))!.size < 2)
      .map((r) => ({
        run: r,
        confidence: spliceConfidence(
          { text: block.text, start: r.start, end: r.end, article: articlePairs(block.article) },
          { text: r.other.text, start: r.otherStart, end: r.otherEnd, article: corpus.articlePairs(r.other) },
          r,
          r.other.page === corpus.page,
          r.other.order < corpus.orders[i]!,
          fold,
        ),
      }))
      .filter((r) => r.confidence > 0)
      .sort((a, b) => b.run.length - a.run.length);
    const taken: SharedRun[] = [];
    for (const { run, confidence } of judged) {
      if (taken.some((t) => t.start < run.end && run.start < t.end)) continue;
      taken.push(run);
      findings.push({
        kind: 'dup_fragment',
        start: { block: i, offset: run.start },
        end: { block: i, offset: run.end },
        message: {
          zh: `重复片段（${run.length}字）与前文重复，疑为串栏：应删除`,
          en: `Fragment of ${run.length} characters repeated from earlier text, likely spliced in: delete it`,
        },
        confidence,
        fixes: [{
          label: { zh: '删除重复片段', en: 'Delete the spliced copy' },
          edits: [{ op: 'replace', block: i, start: run.start, end: run.end, text: '' }],
        }],
      });
    }
  });
  return findings;
}

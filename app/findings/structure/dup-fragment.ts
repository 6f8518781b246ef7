import type { DocBlock, DocFinding } from '../model.js';
import type { SharedRun } from '../corpus/index.js';
import { RUNNING_TEXT } from './classes.js';

/** Shorter shared runs are everyday phrases, not splices. */
export const MIN_FRAGMENT = 12;

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
  // Keep an ellipsis or closing quote at the end: it belongs to the copied sentence.
  const keepEnd = /[…”」』]+$/u.exec(slice)?.[0].length ?? 0;
  const end = run.end - Math.max(0, trail - keepEnd);
  return { ...run, start: run.start + lead, end, length: run.length - lead - Math.max(0, trail - keepEnd) };
}

/**
 * Whether a shared run looks spliced rather than quoted. Slogans, titles and policy names repeat
 * legitimately, and a report may restate a fact; a run that carries figures or clauses and takes
 * up the end (or start) of its paragraph, where the neighbouring column bled in, rarely does.
 */
function spliceConfidence(text: string, run: SharedRun, samePage: boolean): number {
  const inner = text.slice(run.start, run.end).replace(/[\p{P}]+$/u, '');
  const hasClauses = CLAUSE_PUNCT.test(inner);
  const hasDigits = DIGIT.test(inner);
  const atEdge = TRAILING.test(text.slice(run.end)) || run.start === 0;
  if (!hasClauses && !hasDigits) return 0;
  if (!atEdge && run.length < 40) return 0;
  if (!samePage && !hasDigits && run.length < 30) return 0;
  let confidence = 0.7;
  if (hasDigits) confidence += 0.1;
  if (hasClauses) confidence += 0.05;
  if (run.length >= 20) confidence += 0.05;
  if (!samePage) confidence -= 0.1;
  return Math.min(confidence, 0.95);
}

/** A news brief's opening formula ("本报讯 记者…报道") repeats in every brief by design. */
function isOpeningFormula(block: DocBlock, run: SharedRun): boolean {
  return block.cls === 'brief_opener' && run.start === 0;
}

export interface CorpusView {
  /** The runs of at least minLength characters block i shares with the rest of the corpus. */
  sharedRuns(block: number, minLength: number): SharedRun[];
  /** Each block's place in reading order, to tell the earlier copy from the later one. */
  orders: readonly number[];
  /** Which page the document is, to tell duplicates on the page from those across pages. */
  page: string;
}

/**
 * Runs of text this document shares with an earlier place on the page or in the library. The
 * later copy is taken as the spliced one: OCR bleeds a column into a later one.
 */
export function detectDuplicateFragments(doc: readonly DocBlock[], corpus: CorpusView): DocFinding[] {
  const findings: DocFinding[] = [];
  doc.forEach((block, i) => {
    if (!RUNNING_TEXT.has(block.cls)) return;
    const runs = corpus
      .sharedRuns(i, MIN_FRAGMENT)
      .filter((r) => RUNNING_TEXT.has(r.other.cls as DocBlock['cls']) && r.other.order < corpus.orders[i]!)
      .map((r) => trimRun(block.text, r))
      .filter((r): r is SharedRun => r !== null && r.length >= MIN_FRAGMENT && !isOpeningFormula(block, r))
      .map((r) => ({ run: r, confidence: spliceConfidence(block.text, r, r.other.page === corpus.page) }))
      .filter((r) => r.confidence > 0)
      .sort((a, b) => b.run.length - a.run.length);
    const taken: SharedRun[] = [];
    for (const { run, confidence } of runs) {
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

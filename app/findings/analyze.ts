import type { DocBlock, DocFinding } from './model.js';
import type { DefectKind, ScriptVerdict, TextDetector, TextFinding } from './types.js';
import { TEXT_DETECTORS } from './detectors/index.js';
import { dominantScript } from './script/script.js';
import { detectBrokenParagraphs } from './structure/broken-paragraph.js';
import { detectInterleavedCaptions } from './structure/interleaved-caption.js';
import { detectMisorderedParagraphs } from './structure/misordered-paragraph.js';
import { detectDuplicateFragments, type CorpusView } from './structure/dup-fragment.js';

export interface AnalyzeOptions {
  /** The rest of the corpus, for spliced duplicates; without it dup_fragment is not looked for. */
  corpus?: CorpusView;
  only?: ReadonlySet<DefectKind>;
  /** Only these blocks need text-level findings (the rest of the page is context). */
  focus?: (block: number) => boolean;
}

function toDocFinding(block: number, f: TextFinding): DocFinding {
  return {
    kind: f.kind,
    start: { block, offset: f.start },
    end: { block, offset: f.end },
    message: f.message,
    confidence: f.confidence,
    fixes: f.replacements.map((text, k) => ({
      label: k === 0
        ? { zh: `改为“${text}”`, en: `Replace with “${text}”` }
        : { zh: `或改为“${text}”`, en: `Or replace with “${text}”` },
      edits: [{ op: 'replace' as const, block, start: f.start, end: f.end, text }],
    })),
  };
}

/** Each article's dominant script, which mixed-script runs are converted to. */
function articleScripts(doc: readonly DocBlock[]): Map<number, ScriptVerdict> {
  const texts = new Map<number, string>();
  for (const b of doc) texts.set(b.article, (texts.get(b.article) ?? '') + b.text);
  return new Map([...texts].map(([article, text]) => [article, dominantScript(text)]));
}

function runTextDetectors(doc: readonly DocBlock[], wanted: (k: DefectKind) => boolean, focus: (block: number) => boolean): DocFinding[] {
  const scripts = articleScripts(doc);
  const detectors = (Object.entries(TEXT_DETECTORS) as [DefectKind, TextDetector][]).filter(([kind]) => wanted(kind));
  return doc.flatMap((block, i) => {
    if (!focus(i)) return [];
    const context = { cls: block.cls, script: scripts.get(block.article) ?? 'unknown' };
    return detectors.flatMap(([, detect]) => detect(block.text, context).map((f) => toDocFinding(i, f)));
  });
}

/**
 * Structural findings. A cut paragraph whose continuation stands elsewhere is a misordered
 * block, not a paragraph to join with whatever follows it, unless a word crosses that junction.
 */
function runStructuralDetectors(doc: readonly DocBlock[], wanted: (k: DefectKind) => boolean): DocFinding[] {
  const interleaved = wanted('interleaved_caption') ? detectInterleavedCaptions(doc) : [];
  if (!wanted('misordered_paragraph') && !wanted('broken_paragraph')) return interleaved;
  const misordered = detectMisorderedParagraphs(doc);
  const continuedElsewhere = new Set(
    misordered.flatMap((f) => f.fixes.slice(0, 1).flatMap((fix) => fix.edits)).flatMap((e) =>
      e.op === 'move' && 'before' in e ? [e.before] : []),
  );
  const broken = detectBrokenParagraphs(doc).filter((f) => f.confidence >= 0.95 || !continuedElsewhere.has(f.end.block));
  return [
    ...(wanted('misordered_paragraph') ? misordered : []),
    ...(wanted('broken_paragraph') ? broken : []),
    ...interleaved,
  ];
}

const byPosition = (a: DocFinding, b: DocFinding) =>
  a.start.block - b.start.block || a.start.offset - b.start.offset || a.kind.localeCompare(b.kind);

/** Every finding in a document, in reading order. */
export function analyzeDocument(doc: readonly DocBlock[], options: AnalyzeOptions = {}): DocFinding[] {
  const wanted = (k: DefectKind) => !options.only || options.only.has(k);
  const findings = [
    ...runTextDetectors(doc, wanted, options.focus ?? (() => true)),
    ...runStructuralDetectors(doc, wanted),
    ...(options.corpus && wanted('dup_fragment') ? detectDuplicateFragments(doc, options.corpus) : []),
  ];
  return findings.sort(byPosition);
}

import type { BlockClass } from '../segment/types.js';
import type { DocBlock, DocEdit, DocFix } from './model.js';

export interface AppliedBlock extends DocBlock {
  /** The block's index in the document the fixes were computed on. */
  origin: number;
}

export interface ApplyResult {
  blocks: AppliedBlock[];
  /** Indices of the fixes applied whole (a fix clashing with an earlier one is skipped). */
  taken: number[];
}

type Replace = Extract<DocEdit, { op: 'replace' }>;

function overlaps(a: Replace, b: Replace): boolean {
  if (a.block !== b.block) return false;
  // Two insertions at one point clash too: their order would be arbitrary.
  return a.start < b.end && b.start < a.end || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

/**
 * Applies fixes to a document: text replacements first (each block's own text, right to left so
 * offsets hold), then joins and moves in the order given. A fix is taken whole or not at all; one
 * that clashes with a fix taken before it is skipped, so callers list fixes best first.
 */
export function applyFixes(doc: readonly DocBlock[], fixes: readonly DocFix[]): ApplyResult {
  const taken: DocFix[] = [];
  const takenIndices: number[] = [];
  const replaces: Replace[] = [];
  const structuralBlocks = new Set<number>();
  for (const [index, fix] of fixes.entries()) {
    const ownReplaces = fix.edits.filter((e): e is Replace => e.op === 'replace');
    const touched = fix.edits.filter((e) => e.op !== 'replace').flatMap((e) => (e.op === 'join' ? [e.block, e.next] : [e.block]));
    const clash = ownReplaces.some((r) => replaces.some((q) => overlaps(r, q))) || touched.some((b) => structuralBlocks.has(b));
    if (clash) continue;
    taken.push(fix);
    takenIndices.push(index);
    replaces.push(...ownReplaces);
    touched.forEach((b) => structuralBlocks.add(b));
  }

  const texts = doc.map((b) => b.text);
  const byBlock = new Map<number, Replace[]>();
  for (const r of replaces) byBlock.set(r.block, [...(byBlock.get(r.block) ?? []), r]);
  for (const [block, edits] of byBlock) {
    let text = texts[block]!;
    for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
    }
    texts[block] = text;
  }

  const blocks: (AppliedBlock | null)[] = doc.map((b, i) => ({ ...b, text: texts[i]!, origin: i }));
  let order = doc.map((_, i) => i);
  const remove = (i: number) => {
    order = order.filter((j) => j !== i);
  };
  for (const fix of taken) {
    for (const edit of fix.edits) {
      if (edit.op === 'join') {
        const first = blocks[edit.block];
        const next = blocks[edit.next];
        if (!first || !next) continue;
        blocks[edit.block] = { ...first, text: first.text + next.text, cls: edit.cls satisfies BlockClass };
        blocks[edit.next] = null;
        remove(edit.next);
      } else if (edit.op === 'move') {
        const moving = blocks[edit.block];
        if (!moving) continue;
        remove(edit.block);
        if ('before' in edit) {
          const at = order.indexOf(edit.before);
          order.splice(at === -1 ? order.length : at, 0, edit.block);
        } else {
          const lastOfArticle = order.reduce((last, j, pos) => (blocks[j]!.article === edit.toEndOfArticle ? pos : last), -1);
          order.splice(lastOfArticle + 1, 0, edit.block);
          blocks[edit.block] = { ...moving, article: edit.toEndOfArticle };
        }
      }
    }
  }
  return { blocks: order.map((i) => blocks[i]!), taken: takenIndices };
}

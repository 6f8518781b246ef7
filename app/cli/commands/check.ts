import type { Command } from '../command.js';
import { EXIT_OK, EXIT_REJECTED, UsageError, printJson } from '../context.js';
import { checkTexts } from '../../findings/check.js';
import { DEFECT_KINDS, type DefectKind } from '../../findings/types.js';
import { loadPages } from '../pages.js';

export function parseKinds(value: unknown): DefectKind[] | undefined {
  if (typeof value !== 'string') return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !(DEFECT_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw new UsageError(`unknown kind ${unknown.join(', ')} (kinds: ${DEFECT_KINDS.join(', ')})`);
  return kinds as DefectKind[];
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'qinggao check FILE... [--only KINDS] [--json]',
  summary: 'Find OCR defects in pages without importing them (the pages form one corpus)',
  options: { only: { type: 'string' } },
  run(ctx, args, options) {
    if (args.length === 0) throw new UsageError('check needs at least one file or folder');
    const only = parseKinds(options['only']);
    const { pages, rejected } = loadPages(args);
    for (const r of rejected) ctx.io.err(`error: ${r.file}: ${r.reason}`);
    const findings = checkTexts(pages, { only });
    if (ctx.json) {
      printJson(ctx, findings);
    } else {
      const textOf = new Map(pages.map((p) => [p.file, p.text]));
      for (const f of findings) {
        const text = textOf.get(f.file)!;
        const { line, column } = lineAndColumn(text, f.start);
        const flagged = text.slice(f.start, f.end).replace(/\n/g, '⏎');
        const context = `${text.slice(Math.max(0, f.start - 8), f.start)}【${flagged.length > 40 ? `${flagged.slice(0, 40)}…` : flagged}】${text.slice(f.end, f.end + 8)}`.replace(/\n/g, '⏎');
        const fix = f.fix === null ? '' : ` → “${f.fix}”`;
        ctx.io.out(`${f.file}:${line}:${column}  ${f.type}  ${f.message}  (${f.confidence})${fix}\n    ${context}`);
      }
      ctx.io.out(`${findings.length} findings in ${pages.length} pages.`);
    }
    return rejected.length > 0 ? EXIT_REJECTED : EXIT_OK;
  },
};

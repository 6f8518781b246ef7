/*
 * suggest-labels: candidate labels for a page, to REVIEW before they go into a sample label file
 * (test/fixtures/findings/samples/<seed>.json). It lists the mechanical ones only:
 * - halfwidth_punct: every ASCII , : ; ( ) ! ? with a Han character on either side;
 * - stray_space: runs of spaces between Han characters, or between a Han character and a digit,
 *   in lines of 40 characters or more, outside a brief opener (本报讯 记者…报道 );
 * - mixed_script (with --script): runs of characters of the other script, per OpenCC (cn <-> tw),
 *   from the first to the last such character, not crossing whitespace or a character of the
 *   dominant script.
 * Structural defects, doubled words, dropped or wrong characters need an editor's eye.
 *
 *   tsx scripts/eval/suggest-labels.ts PAGE [--script simplified|traditional]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { LabelError, chooseContext, type LabelSpec } from './labels.js';

const HALF: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
const isHan = (c: string | undefined): boolean => c !== undefined && /\p{Script=Han}/u.test(c);

export function suggestLabels(page: string, script: 'simplified' | 'traditional' | null): LabelSpec[] {
  const out: { at: number; label: LabelSpec }[] = [];
  const add = (type: LabelSpec['type'], start: number, end: number, fix: string | null): void => {
    try {
      out.push({ at: start, label: { type, text: page.slice(start, end), context: chooseContext(page, start, end), fix } });
    } catch (e) {
      if (!(e instanceof LabelError)) throw e;
      // No context can hold the text just once here: widen the text by hand.
      out.push({ at: start, label: { type, text: page.slice(start, end), context: '', fix, note: `no unique context at offset ${start}: write this label by hand` } });
    }
  };
  for (let i = 0; i < page.length; i++) {
    const c = page[i]!;
    if (HALF[c] !== undefined && (isHan(page[i - 1]) || isHan(page[i + 1]))) add('halfwidth_punct', i, i + 1, HALF[c]!);
  }
  let lineStart = 0;
  for (const line of page.split('\n')) {
    if (line.length >= 40) {
      const opener = /^本[报報][讯訊] (?:记者\S+?报道 |記者\S+?報道 )?/.exec(line)?.[0].length ?? 0;
      for (const m of line.matchAll(/ +/g)) {
        const a = m.index!;
        const b = a + m[0].length;
        const prev = line[a - 1];
        const next = line[b];
        if (a < opener) continue;
        const ok = (isHan(prev) && (isHan(next) || /[0-9]/.test(next ?? ''))) || (/[0-9%]/.test(prev ?? '') && isHan(next));
        if (ok) add('stray_space', lineStart + a, lineStart + b, '');
      }
    }
    if (script !== null && line.trim() !== '') {
      const toDom = OpenCC.Converter(script === 'traditional' ? { from: 'cn', to: 'tw' } : { from: 'tw', to: 'cn' })(line);
      const toOther = OpenCC.Converter(script === 'traditional' ? { from: 'tw', to: 'cn' } : { from: 'cn', to: 'tw' })(line);
      if (toDom.length === line.length && toOther.length === line.length) {
        const other = (i: number): boolean => toDom[i] !== line[i];
        const dom = (i: number): boolean => toOther[i] !== line[i];
        for (let i = 0; i < line.length; ) {
          if (!other(i)) {
            i++;
            continue;
          }
          let last = i;
          for (let j = i; j < line.length && !dom(j) && !/\s/.test(line[j]!); j++) if (other(j)) last = j;
          add('mixed_script', lineStart + i, lineStart + last + 1, toDom.slice(i, last + 1));
          i = last + 1;
        }
      }
    }
    lineStart += line.length + 1;
  }
  return out.sort((x, y) => x.at - y.at).map((x) => x.label);
}

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  const si = argv.indexOf('--script');
  const script = si >= 0 ? argv[si + 1] : null;
  if (!file || (script !== null && script !== 'simplified' && script !== 'traditional')) {
    console.error('usage: tsx scripts/eval/suggest-labels.ts PAGE [--script simplified|traditional]');
    return 2;
  }
  const labels = suggestLabels(fs.readFileSync(path.resolve(file), 'utf8'), script as 'simplified' | 'traditional' | null);
  console.log(JSON.stringify(labels, null, 2));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

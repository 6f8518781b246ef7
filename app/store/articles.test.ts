import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../import/importer.js';
import { getArticle, getBlock, listArticles } from './articles.js';
import { editBlockText } from '../edit/operations.js';
import { makeTempDir, openTempLibrary } from '../../test/helpers.js';

describe('articles read back from the store', () => {
  it("give every block its original OCR text, also after characters beyond the BMP and after edits", () => {
    const lib = openTempLibrary();
    // 𠀀 and 𡈽 are one character each but two UTF-16 units: offsets after them must still hold.
    const page = '县区新闻\n\n𠀀山镇修通新路\n\n本报讯 记者王刚报道 𡈽城村今年修通了三条村道，群众出行更方便。\n\n村民们说，路修好了，山货也好卖了。\n';
    const file = path.join(makeTempDir(), 'page.txt');
    fs.writeFileSync(file, page);
    importPaths(lib.db, [file], { analyze: false });
    const articles = listArticles(lib.db).map((a) => getArticle(lib.db, a.id)!);
    const blocks = articles.flatMap((a) => a.blocks);
    expect(blocks.length).toBeGreaterThan(2);
    for (const b of blocks) {
      expect(b.originalText).toBe(page.slice(b.srcStart, b.srcEnd));
      expect(page).toContain(b.originalText);
      expect(b.originalText.trim()).toBe(b.originalText);
    }
    const last = blocks.at(-1)!;
    editBlockText(lib.db, last.id, '村民们说：“路修好了。”');
    expect(getBlock(lib.db, last.id)!.originalText).toBe('村民们说，路修好了，山货也好卖了。');
  });
});

import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';

/** Every leaf key of a nested resource object, as "a.b.c". */
function leafKeys(resources: object, prefix = ''): string[] {
  return Object.entries(resources).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

function valueAt(resources: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resources) as string;
}

describe('UI strings', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = leafKeys(zhCN).sort();
    const english = leafKeys(en).sort();
    expect(english.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !english.includes(k))).toEqual([]);
    expect(zh.length).toBeGreaterThan(100);
  });

  it('no string is empty, and both languages fill in the same values', () => {
    for (const key of leafKeys(zhCN)) {
      const zh = valueAt(zhCN, key);
      const english = valueAt(en, key);
      expect(zh.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it('the English strings are English and the Chinese ones Chinese (no untranslated copies)', () => {
    // Language names are shown in their own language in both.
    const sameOnPurpose = new Set(['lang.zh-CN', 'lang.en', 'common.none', 'error.refused']);
    const untranslated = leafKeys(zhCN).filter(
      (key) => !sameOnPurpose.has(key) && valueAt(zhCN, key) === valueAt(en, key),
    );
    expect(untranslated).toEqual([]);
    const chineseInEnglish = leafKeys(en).filter((key) => key !== 'lang.zh-CN' && /[\u4e00-\u9fff]/.test(valueAt(en, key)));
    expect(chineseInEnglish).toEqual([]);
  });
});

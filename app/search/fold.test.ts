import { describe, expect, it } from 'vitest';
import { bigramsOf, tokenize } from './fold.js';
import { parseQuery, planMatch } from './query.js';
import { indexedText } from './indexer.js';

describe('folding text for search', () => {
  it('cuts CJK into characters and Latin and digits into words, each keeping its original span', () => {
    const text = '營口ＡＢＣ 5G網，第1版';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['营', '口', 'abc', '5g', '网', '第', '1', '版']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['營', '口', 'ＡＢＣ', '5G', '網', '第', '1', '版']);
  });

  it('folds compatibility forms and characters outside the BMP without losing offsets', () => {
    const text = '㈱𠮷野家';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['株', '𠮷', '野', '家']);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('𠮷');
  });

  it('joins neighbouring tokens into bigrams, marking a join with a word so "ab"+"c" differs from "a"+"bc"', () => {
    expect(bigramsOf(tokenize('营口港'))).toEqual(['营口', '口港']);
    expect(bigramsOf(tokenize('ab-c'))).not.toEqual(bigramsOf(tokenize('a-bc')));
  });

  it('indexes bigrams within blocks only', () => {
    expect(indexedText(['营口', '港口'])).toEqual({ chars: '营 口 港 口', bigrams: '营口 港口' });
  });

  it('turns a query into FTS5 phrases of its folded tokens, whatever was typed', () => {
    expect(planMatch(parseQuery('營口'))).toEqual({ table: 'search_bigrams', match: '"营口"', charsFilter: null });
    expect(planMatch(parseQuery('港'))).toEqual({ table: 'search_chars', match: '"港"', charsFilter: null });
    expect(planMatch(parseQuery('港 文明城市'))).toEqual({
      table: 'search_bigrams', match: '"文明 明城 城市"', charsFilter: '"港"',
    });
    expect(planMatch(parseQuery('"生态 环境" NEAR( OR *'))).toEqual({
      table: 'search_bigrams', match: '"生态 态环 环境"', charsFilter: '"near" AND "or"',
    });
    expect(planMatch(parseQuery('，。 "'))).toBeNull();
  });
});

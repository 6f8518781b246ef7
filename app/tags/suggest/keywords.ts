import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict.js';
import { segmenter } from '../../findings/lexicon/dictionary.js';

/*
 * Keywords by TF-IDF over jieba's segmentation, with the inverse document frequencies that ship
 * with jieba (idf.txt, from a large general corpus): the library itself is too small, and too
 * uniform, to say what is rare. Only nouns are kept: places and people come from the gazetteer
 * and the bylines, with better evidence.
 */

export const TOPIC_VOCABULARY = 'Topic';

const NOUNS = ['n', 'nz', 'vn', 'nt'];

let extractor: TfIdf | null = null;

export interface Keyword {
  word: string;
  weight: number;
}

/** The strongest keywords of a (simplified) text, heaviest first. */
export function extractKeywords(simplifiedText: string, count: number): Keyword[] {
  extractor ??= TfIdf.withDict(idf);
  return extractor
    .extractKeywords(segmenter(), simplifiedText, count, NOUNS)
    .filter((k) => [...k.keyword].length >= 2)
    .map((k) => ({ word: k.keyword, weight: k.weight }));
}

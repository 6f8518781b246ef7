import { segmenter, toSimplified } from './dictionary.js';

/** Cuts text into words (dictionary only, no HMM guesses), traditional text included. */
export function cutWords(text: string): string[] {
  return segmenter().cut(toSimplified(text), false);
}

/**
 * Grouping classified blocks into articles. A headline opens an article, and so does a brief
 * opener that arrives after text (each brief is its own article). A banner opens the article of
 * the headline under it and names the section of every article until the next banner. Photos
 * (captions and credits) standing before a headline belong to that headline's article, unless
 * the caption plainly speaks of the article above it.
 */
import type { BlockClass, SegmentedArticle } from './types.js';
import { hanPairs } from '../han-pairs.js';

interface Building {
  blocks: number[];
  section: string | null;
  advert: boolean;
  /** Running text (body or a brief opener) has been seen; a later opener starts a new brief. */
  hasText: boolean;
  /** Opened by a banner or a photo and still waiting for its headline. */
  awaitingHeadline: boolean;
}

export interface GroupInput {
  cls: BlockClass;
  text: string;
  /** An image hole above the block (see gapFlags). */
  gapBefore: boolean;
}

export function groupArticles(blocks: readonly GroupInput[]): SegmentedArticle[] {
  const articles: Building[] = [];
  let section: string | null = null;
  let current: Building | null = null;
  // The article that running text returns to after an advert interrupts it.
  let lastText: Building | null = null;

  const open = (advert: boolean): Building => {
    const article: Building = {
      blocks: [],
      section: advert ? null : section,
      advert,
      hasText: false,
      awaitingHeadline: false,
    };
    articles.push(article);
    if (!advert) lastText = article;
    return article;
  };
  const textTarget = (): Building => {
    if (current && !current.advert) return current;
    current = lastText ?? open(false);
    return current;
  };

  for (let i = 0; i < blocks.length; i++) {
    const { cls } = blocks[i]!;
    switch (cls) {
      case 'section': {
        section = blocks[i]!.text;
        current = open(false);
        current.blocks.push(i);
        current.awaitingHeadline = true;
        break;
      }
      case 'headline': {
        if (!current || current.advert || !current.awaitingHeadline) current = open(false);
        current.blocks.push(i);
        current.awaitingHeadline = false;
        break;
      }
      case 'caption':
      case 'credit': {
        let after = i;
        while (after < blocks.length && isPhoto(blocks[after]!.cls)) after++;
        const run = Array.from({ length: after - i }, (_, k) => i + k);
        if (current?.awaitingHeadline) {
          current.blocks.push(...run);
        } else if (opensArticle(blocks, after) && !closesPrevious(blocks, i, current) && !speaksOfPrevious(blocks, run, current, after)) {
          current = open(false);
          current.blocks.push(...run);
          current.awaitingHeadline = true;
        } else {
          textTarget().blocks.push(...run);
        }
        i = after - 1;
        break;
      }
      case 'other': {
        if (!current || !current.advert) current = open(true);
        current.blocks.push(i);
        break;
      }
      case 'brief_opener': {
        let target = textTarget();
        if (target.hasText) target = current = open(false);
        target.blocks.push(i);
        target.hasText = true;
        target.awaitingHeadline = false;
        break;
      }
      default: {
        if (cls === 'subhead' && opensArticle(blocks, i)) {
          // A kicker line above a headline opens the headline's article.
          if (!current || current.advert || !current.awaitingHeadline) current = open(false);
          current.blocks.push(i);
          current.awaitingHeadline = true;
          break;
        }
        const target = textTarget();
        target.blocks.push(i);
        if (cls === 'body') target.hasText = true;
        target.awaitingHeadline = false;
      }
    }
  }
  return articles.map(({ blocks: indices, section: name }) => ({ blocks: indices, section: name }));
}

/** A headline, or a kicker (a subhead set directly above a headline). */
function opensArticle(blocks: readonly GroupInput[], i: number): boolean {
  const cls = blocks[i]?.cls;
  return cls === 'headline' || (cls === 'subhead' && blocks[i + 1]?.cls === 'headline');
}

function isPhoto(cls: BlockClass): boolean {
  return cls === 'caption' || cls === 'credit';
}

/**
 * A photo between two articles whose caption shares more of its wording with the article above
 * (装配车间, 机器人) than with the one under the next headline ends the article above: the page
 * set the photo after its story rather than over the next one.
 */
function speaksOfPrevious(blocks: readonly GroupInput[], run: readonly number[], current: Building | null, headline: number): boolean {
  if (!current || current.advert || !current.hasText) return false;
  const caption = hanPairs(run.filter((k) => blocks[k]!.cls === 'caption').map((k) => blocks[k]!.text).join('\n'));
  if (caption.size === 0) return false;
  // The articles' own wording, not their photos' (captions share 图片, 摄 with one another).
  const wording = (indices: readonly number[]) => hanPairs(indices.filter((k) => !isPhoto(blocks[k]!.cls)).map((k) => blocks[k]!.text).join('\n'));
  let end = headline + 1;
  while (end < blocks.length && !opensArticle(blocks, end) && blocks[end]!.cls !== 'section') end++;
  const above = wording(current.blocks);
  const below = wording(Array.from({ length: end - headline }, (_, k) => headline + k));
  let shared = 0;
  for (const pair of caption) shared += (above.has(pair) ? 1 : 0) - (below.has(pair) ? 1 : 0);
  return shared > 0;
}

/**
 * A credit set straight after an article's text, with no image hole above it, credits the photo
 * of that article (a photo story ends with "… 摄"); it does not open the next one.
 */
function closesPrevious(blocks: readonly GroupInput[], i: number, current: Building | null): boolean {
  return current !== null && !current.advert && blocks[i]!.cls === 'credit' && !blocks[i]!.gapBefore;
}

/** The typographic role of one block (a paragraph or line) of a newspaper page. */
export const BLOCK_CLASSES = [
  'section', // a column banner: "港城时讯 SHIXUN", "图说 TUSHUO", "县区传真"
  'headline',
  'subhead',
  'byline', // "本报记者 王 刚", "袁英 本报记者 刘立彬"
  'lead', // "核心提示 …"
  'brief_opener', // a brief's first paragraph: "本报讯 记者…报道 …"
  'body',
  'caption', // a photo caption
  'credit', // a photo credit: "… 摄", "…提供"
  'other', // adverts, expo banners, anything outside the articles' text
] as const;

export type BlockClass = (typeof BLOCK_CLASSES)[number];

export function isBlockClass(value: string): value is BlockClass {
  return (BLOCK_CLASSES as readonly string[]).includes(value);
}

export interface SegmentedBlock {
  /** UTF-16 offsets into the page text; text === pageText.slice(start, end). */
  start: number;
  end: number;
  text: string;
  cls: BlockClass;
}

export interface SegmentedArticle {
  /** Indices into SegmentedPage.blocks, ascending (page order). */
  blocks: number[];
  /** The section banner's text the article stands under, if any. */
  section: string | null;
}

export interface SegmentedPage {
  blocks: SegmentedBlock[];
  /** Every block belongs to exactly one article; articles are in page order. */
  articles: SegmentedArticle[];
}

export interface ArticleSummary {
  headline: string | null;
  subheads: string[];
  reporters: string[];
}

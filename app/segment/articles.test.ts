import { describe, expect, it } from 'vitest';
import { groupArticles, type GroupInput } from './articles.js';
import type { BlockClass } from './types.js';
import { segmentPage } from './index.js';

/** Blocks given as [class, text] or [class, text, gapBefore]. */
function group(blocks: [BlockClass, string, boolean?][]) {
  const input: GroupInput[] = blocks.map(([cls, text, gap]) => ({ cls, text, gapBefore: gap ?? false }));
  return groupArticles(input);
}

describe('groupArticles', () => {
  it('starts an article at each headline, not at subheads', () => {
    expect(
      group([
        ['headline', 'A'],
        ['byline', '本报记者 甲'],
        ['body', '。'],
        ['subhead', '小标题'],
        ['body', '。'],
        ['headline', 'B'],
        ['body', '。'],
      ]),
    ).toEqual([
      { blocks: [0, 1, 2, 3, 4], section: null },
      { blocks: [5, 6], section: null },
    ]);
  });

  it('puts a banner first in the article under it and carries its section onwards', () => {
    expect(
      group([
        ['headline', 'A'],
        ['body', '。'],
        ['section', '港城时讯 SHIXUN'],
        ['headline', 'B'],
        ['brief_opener', '本报讯 …'],
        ['headline', 'C'],
        ['brief_opener', '本报讯 …'],
        ['section', '图说 TUSHUO'],
        ['headline', 'D'],
        ['body', '。'],
      ]),
    ).toEqual([
      { blocks: [0, 1], section: null },
      { blocks: [2, 3, 4], section: '港城时讯 SHIXUN' },
      { blocks: [5, 6], section: '港城时讯 SHIXUN' },
      { blocks: [7, 8, 9], section: '图说 TUSHUO' },
    ]);
  });

  it('gives captions and credits before a headline to the following article', () => {
    expect(
      group([
        ['caption', '开篇图片说明。', true],
        ['credit', '某局提供'],
        ['headline', 'A'],
        ['body', '。'],
        ['caption', '下一篇的图片。', true],
        ['credit', '甲 摄'],
        ['headline', 'B'],
        ['body', '。'],
      ]),
    ).toEqual([
      { blocks: [0, 1, 2, 3], section: null },
      { blocks: [4, 5, 6, 7], section: null },
    ]);
  });

  it('gives a photo between two articles to the one above when its caption speaks of that one', () => {
    const blocks: [BlockClass, string, boolean?][] = [
      ['headline', '农机厂上了新生产线'],
      ['body', '总装车间里，六台焊接机器人正在焊接微耕机的机架。'],
      ['caption', '工人在总装车间调试焊接机器人。', true],
      ['credit', '甲 摄'],
      ['headline', '元宵灯会开幕'],
      ['body', '古城的灯会昨晚开幕，游客挤满了老街。'],
    ];
    expect(group(blocks)).toEqual([
      { blocks: [0, 1, 2, 3], section: null },
      { blocks: [4, 5], section: null },
    ]);
    // A caption about the article below goes with it, as photos set over a headline do.
    blocks[2] = ['caption', '游客在古城老街赏灯。', true];
    expect(group(blocks)).toEqual([
      { blocks: [0, 1], section: null },
      { blocks: [2, 3, 4, 5], section: null },
    ]);
  });

  it('keeps a photo inside a feature with that feature', () => {
    expect(
      group([
        ['headline', 'A'],
        ['body', '。'],
        ['caption', '图片说明。', true],
        ['credit', '甲 摄'],
        ['subhead', '小标题'],
        ['body', '。'],
      ]),
    ).toEqual([{ blocks: [0, 1, 2, 3, 4, 5], section: null }]);
  });

  it('keeps the credit closing a photo story with that story', () => {
    expect(
      group([
        ['section', '图说 TUSHUO'],
        ['headline', 'A'],
        ['body', '。'],
        ['credit', '本报记者 甲 摄'],
        ['headline', 'B'],
        ['byline', '本报记者 乙'],
      ]),
    ).toEqual([
      { blocks: [0, 1, 2, 3], section: '图说 TUSHUO' },
      { blocks: [4, 5], section: '图说 TUSHUO' },
    ]);
  });

  it('starts a new brief at a brief opener that follows text', () => {
    expect(
      group([
        ['headline', 'A'],
        ['brief_opener', '本报讯 …'],
        ['body', '。'],
        ['brief_opener', '本报讯 …'],
        ['body', '。'],
      ]),
    ).toEqual([
      { blocks: [0, 1, 2], section: null },
      { blocks: [3, 4], section: null },
    ]);
  });

  it('keeps a trailing byline with the brief it closes', () => {
    expect(
      group([
        ['headline', 'A'],
        ['brief_opener', '本报讯 …'],
        ['byline', '甲 本报记者 乙'],
        ['headline', 'B'],
        ['brief_opener', '本报讯 …'],
      ]),
    ).toEqual([
      { blocks: [0, 1, 2], section: null },
      { blocks: [3, 4], section: null },
    ]);
  });

  it('opens the article at a kicker above the headline', () => {
    expect(
      group([
        ['headline', 'A'],
        ['body', '。'],
        ['subhead', '引题'],
        ['headline', 'B'],
        ['byline', '本报记者 乙'],
      ]),
    ).toEqual([
      { blocks: [0, 1], section: null },
      { blocks: [2, 3, 4], section: null },
    ]);
  });

  it('puts adverts in an article of their own, without section, and resumes the text after them', () => {
    expect(
      group([
        ['section', '港城时讯 SHIXUN'],
        ['headline', 'A'],
        ['body', '。'],
        ['other', 'Expo'],
        ['other', '2021年9月20日-25日'],
        ['body', '续。'],
        ['headline', 'B'],
      ]),
    ).toEqual([
      { blocks: [0, 1, 2, 5], section: '港城时讯 SHIXUN' },
      { blocks: [3, 4], section: null },
      { blocks: [6], section: '港城时讯 SHIXUN' },
    ]);
  });

  it('accepts a page that starts mid-article', () => {
    expect(
      group([
        ['body', '（上接第一版）。'],
        ['headline', 'A'],
      ]),
    ).toEqual([
      { blocks: [0], section: null },
      { blocks: [1], section: null },
    ]);
  });
});

describe('segmentPage articles', () => {
  it('covers every block exactly once, in page order', () => {
    const page = [
      '营口是东北最早开埠口岸。',
      '某局提供',
      '标题 副标题',
      '本报记者 甲乙',
      '正文第一段，内容较长，说明情况。',
      '港城时讯 SHIXUN',
      '简讯标题',
      '本报讯 记者丙丁报道 正文。',
      '简讯标题二',
      '本报讯 正文。',
    ].join('\n\n');
    const { blocks, articles } = segmentPage(page);
    const seen = articles.flatMap((a) => a.blocks);
    expect(seen).toEqual(blocks.map((_, i) => i));
    for (const a of articles) expect([...a.blocks].sort((x, y) => x - y)).toEqual(a.blocks);
    expect(articles.map((a) => a.section)).toEqual([null, '港城时讯 SHIXUN', '港城时讯 SHIXUN']);
  });

  it('returns no articles for an empty page', () => {
    expect(segmentPage('')).toEqual({ blocks: [], articles: [] });
  });
});

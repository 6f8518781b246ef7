import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../model.js';
import { topicModel } from './topic.js';

const body = (text: string, article: number): DocBlock => ({ cls: 'body', text, article });

describe('the page topic model', () => {
  const doc = [
    body('北岭林场今年新建了六座远程监控塔。', 0),
    body('林场的监控塔旁，巡护队员上山巡查火情。', 0),
    body('社区课堂下午为孩子辅导功课。', 1),
    body('北岭林场已连续二十年未发生森林火灾。', 1),
  ];
  const model = topicModel(doc);

  it('scores a block higher with the article it shares rare pairs with', () => {
    expect(model.affinity(3, 0)).toBeGreaterThan(model.affinity(3, 1));
    expect(model.affinity(1, 0)).toBeGreaterThan(model.affinity(1, 1));
  });

  it('does not count a block as sharing with itself, and stays within 0 and 1', () => {
    const alone = topicModel([body('北岭林场', 0)]);
    expect(alone.affinity(0, 0)).toBe(0);
    for (let b = 0; b < doc.length; b++) {
      for (const a of [0, 1]) {
        expect(model.affinity(b, a)).toBeGreaterThanOrEqual(0);
        expect(model.affinity(b, a)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reads traditional and simplified text as one', () => {
    const mixed = topicModel([body('北嶺林場監控塔', 0), body('北岭林场巡护', 1), body('社区课堂', 1)]);
    const simplified = topicModel([body('北岭林场监控塔', 0), body('北岭林场巡护', 1), body('社区课堂', 1)]);
    expect(mixed.affinity(1, 0)).toBeGreaterThan(0.3);
    expect(mixed.affinity(1, 0)).toBe(simplified.affinity(1, 0));
  });
});

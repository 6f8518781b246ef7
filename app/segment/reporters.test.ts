import { describe, expect, it } from 'vitest';
import { extractReporters, summarizeArticle } from './index.js';

describe('extractReporters', () => {
  it('reads bylines, simplified and traditional', () => {
    expect(extractReporters('byline', '本报记者 王 刚')).toEqual(['王刚']);
    expect(extractReporters('byline', '本報特約記者 張繼馳')).toEqual(['張繼馳']);
    expect(extractReporters('byline', '袁英 本报记者 刘立彬')).toEqual(['袁英', '刘立彬']);
    expect(extractReporters('byline', '于沫 王馨羽 本报记者 徐鑫')).toEqual(['于沫', '王馨羽', '徐鑫']);
    expect(extractReporters('byline', '侯悦林')).toEqual(['侯悦林']);
    expect(extractReporters('byline', '本报记者 甘棠 实习生 刘一诺')).toEqual(['甘棠', '刘一诺']);
  });

  it('reads brief openers', () => {
    expect(extractReporters('brief_opener', '本报讯 记者徐鑫报道 在某市小石棚乡……')).toEqual(['徐鑫']);
    expect(extractReporters('brief_opener', '本報訊 記者羅文博報導 連日來，茶農忙。')).toEqual(['羅文博']);
    expect(extractReporters('brief_opener', '本报讯（记者 沈 墨 通讯员 韦青）近日……')).toEqual(['沈墨', '韦青']);
    expect(extractReporters('brief_opener', '本报讯 记者谷雨晴 许诺报道 10月20日……')).toEqual(['谷雨晴', '许诺']);
    expect(extractReporters('brief_opener', '本报11月5日讯 记者符晓东报道 连日来……')).toEqual(['符晓东']);
  });

  it('finds no reporter in an opener without one', () => {
    expect(extractReporters('brief_opener', '本报讯 12月15日，在某公司的指挥平台上，记者看到……')).toEqual([]);
    expect(extractReporters('brief_opener', '本报讯 “小李，你吃。”12月8日，党课开课。')).toEqual([]);
    expect(extractReporters('brief_opener', '本报讯（3月5日）会议召开。')).toEqual([]);
  });

  it('reads a byline or a bracketed tag closing a paragraph', () => {
    expect(extractReporters('body', '……发挥先锋模范作用。马健 本报记者 徐鑫')).toEqual(['马健', '徐鑫']);
    expect(extractReporters('body', '……每月舉辦一次。（記者 龐嘉 通訊員 邵寧）')).toEqual(['龐嘉', '邵寧']);
    expect(extractReporters('brief_opener', '本报讯 烘干中心投用，解决晾晒难问题。（宁远）')).toEqual(['宁远']);
    expect(extractReporters('body', '……故事到此结束。（完）')).toEqual([]);
    expect(extractReporters('body', '……敬请关注。（待续）')).toEqual([]);
    expect(extractReporters('body', '他说：“我们会继续努力。”')).toEqual([]);
  });

  it('takes the text authors of a credit, never the photographer', () => {
    expect(extractReporters('credit', '本报记者 徐鑫 摄')).toEqual([]);
    expect(extractReporters('credit', '林 松 摄')).toEqual([]);
    expect(extractReporters('credit', '卜冠男 苑津玮 文 毕鹏懿 摄')).toEqual(['卜冠男', '苑津玮']);
    expect(extractReporters('credit', '本報記者 喬木 文/攝')).toEqual(['喬木']);
    expect(extractReporters('credit', '罗文 摄')).toEqual([]);
  });

  it('ignores names in other classes', () => {
    expect(extractReporters('body', '本报记者 王刚 走访了十多家企业。')).toEqual([]);
    expect(extractReporters('caption', '服务更高效。 本报记者 徐鑫 摄')).toEqual([]);
    expect(extractReporters('headline', '本报记者 王刚')).toEqual([]);
  });
});

describe('summarizeArticle', () => {
  it('collects headline, subheads and unique reporters in page order', () => {
    const summary = summarizeArticle([
      { cls: 'caption', text: '居民在翻新后的骑楼下纳凉。' },
      { cls: 'credit', text: '本报记者 何 川 摄' },
      { cls: 'headline', text: '留住老街记忆' },
      { cls: 'subhead', text: '——云溪微更新见闻' },
      { cls: 'byline', text: '叶知秋 本报记者 何 川' },
      { cls: 'body', text: '清晨六点，早点铺升起炊烟。' },
      { cls: 'subhead', text: '一条老街的新生' },
      { cls: 'byline', text: '本报记者 何川' },
    ]);
    expect(summary).toEqual({
      headline: '留住老街记忆',
      subheads: ['——云溪微更新见闻', '一条老街的新生'],
      reporters: ['叶知秋', '何川'],
    });
  });

  it('has no headline for an article without one', () => {
    expect(summarizeArticle([{ cls: 'body', text: '（上接第一版）正文。' }])).toEqual({
      headline: null,
      subheads: [],
      reporters: [],
    });
  });
});

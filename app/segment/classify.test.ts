import { describe, expect, it } from 'vitest';
import { segmentPage, type BlockClass } from './index.js';

/** Classes of a page given as lines (joined with blank lines unless `sep` says otherwise). */
function classes(lines: string[], sep = '\n\n'): [BlockClass, string][] {
  return segmentPage(lines.join(sep)).blocks.map((b) => [b.cls, b.text]);
}

function clsOf(lines: string[], sep = '\n\n'): BlockClass[] {
  return classes(lines, sep).map(([c]) => c);
}

const BODY_A = '清晨六点，东门街的早点铺已经升起炊烟，街坊们围坐在骑楼下聊天，议论着刚刚换新的青石板路。';
const BODY_B = '两年前，这里电线像蜘蛛网一样挂在半空，雨天积水没过脚踝，不少年轻住户陆续搬离了老街。';
const BODY_C = '如今，老字号重新挂出招牌，新开的书店和手作工坊吸引了不少年轻人，街区重新热闹起来。';

describe('headlines and subheads', () => {
  it('takes the title above a byline as the headline and later titles as cross-heads', () => {
    expect(clsOf(['留住老街记忆 擦亮城市名片', '本报记者 何 川', BODY_A, '一条老街的新生', BODY_B, BODY_C])).toEqual([
      'headline',
      'byline',
      'body',
      'subhead',
      'body',
      'body',
    ]);
  });

  it('works the same in traditional script', () => {
    expect(clsOf(['留住老街記憶 擦亮城市名片', '本報記者 何 川', '清晨六點，東門街的早點鋪已經升起炊煙。', '一條老街的新生', '兩年前，這裡雨天積水沒過腳踝。'])).toEqual([
      'headline',
      'byline',
      'body',
      'subhead',
      'body',
    ]);
  });

  it('takes a "——" line under a headline as a subhead', () => {
    expect(clsOf(['全域展开 全员参与', '——某市争创文明城市纪实', '本报记者 王 刚', BODY_A])).toEqual([
      'headline',
      'subhead',
      'byline',
      'body',
    ]);
  });

  it('opens a new article at a title followed by a byline, even after body text', () => {
    expect(clsOf(['第一篇标题', '本报记者 何川', BODY_A, '第二篇标题 另起一篇', '本报记者 林远', BODY_B])).toEqual([
      'headline',
      'byline',
      'body',
      'headline',
      'byline',
      'body',
    ]);
  });

  it('takes a lone name under a title as the columnist byline of a commentary', () => {
    expect(clsOf(['何以决胜？唯有更优！', '侯悦林', BODY_A])).toEqual(['headline', 'byline', 'body']);
    // A pen name set with a space between its two characters, whatever its surname.
    expect(clsOf(['让技能人才“香”起来', '言 川', BODY_A])).toEqual(['headline', 'byline', 'body']);
    // Not a name: no common surname.
    expect(clsOf(['评论标题在这里', '结语', BODY_A])[1]).not.toBe('byline');
  });

  it('takes a kicker line above the headline as a subhead', () => {
    expect(clsOf(['聚焦秋粮收购', '颗粒归仓 农民卖粮更舒心', '本报记者 符晓东', BODY_A])).toEqual([
      'subhead',
      'headline',
      'byline',
      'body',
    ]);
  });

  it('believes a comma headline only above a byline, a brief opener or a dash subtitle', () => {
    expect(clsOf(['秋收正当时，农机助力忙', '本报讯 记者林远报道 连日来，各乡镇抢收秋粮。'])).toEqual([
      'headline',
      'brief_opener',
    ]);
    expect(clsOf(['首页标题', '本报记者 林远', BODY_A, '秋收正当时，农机助力忙', BODY_B])[3]).toBe('body');
    expect(clsOf(['首页标题', '本报记者 林远', BODY_A, '“乡音一响，听众就像回到了家”', '——访方言节目主持人葛春华', '本报记者 温若曦', BODY_B]).slice(3, 6)).toEqual([
      'headline',
      'subhead',
      'byline',
    ]);
  });

  it('reads a short unpunctuated line that a photo or column break cut off as body', () => {
    const page = [
      '首页标题',
      '本报记者 林远',
      BODY_A,
      '一项项具体而微细的利民举',
      '河畔，一块边角地变身口袋公园。',
      '本报记者 林远 摄',
      '措接连而至。对主次干道施划停车泊位两万个。',
      '一个个可感可触的生活改变',
      '一一呈现。社区探索组团式物业服务。',
      '下绣花功夫 提升城市颜值',
      BODY_B,
    ];
    expect(clsOf(page)).toEqual([
      'headline',
      'byline',
      'body',
      'body',
      'caption',
      'credit',
      'body',
      'body',
      'body',
      'subhead',
      'body',
    ]);
  });
});

describe('Markdown hints', () => {
  it('uses # for headlines, ## for cross-heads, ### for brief headlines', () => {
    const page = [
      '# 大标题',
      '本报记者 徐鑫',
      BODY_A,
      '## 小标题',
      BODY_B,
      '## 港城时讯 SHIXUN',
      '### 简讯标题一',
      '本报讯 记者徐鑫报道 今天召开会议。',
      '### 简讯标题二',
      BODY_C,
    ];
    expect(clsOf(page)).toEqual([
      'headline',
      'byline',
      'body',
      'subhead',
      'body',
      'section',
      'headline',
      'brief_opener',
      'headline',
      'body',
    ]);
  });

  it('takes ### between the paragraphs of a feature under a ## headline as cross-heads', () => {
    expect(clsOf(['## 大标题', '本报记者 徐鑫', BODY_A, '### 小标题一', BODY_B, '### 小标题二', BODY_C])).toEqual([
      'headline',
      'byline',
      'body',
      'subhead',
      'body',
      'subhead',
      'body',
    ]);
    // With a byline under it, a ### title still opens an article of its own.
    expect(clsOf(['## 大标题', '本报记者 徐鑫', BODY_A, '### 另一篇', '本报记者 何 川', BODY_B])).toEqual([
      'headline',
      'byline',
      'body',
      'headline',
      'byline',
      'body',
    ]);
  });

  it('takes ## under a # headline as its deck, not a new headline', () => {
    expect(clsOf(['# 湾区打造跨境电商产业园', '## 园区已入驻企业一百二十家', '本报记者 任远', BODY_A])).toEqual([
      'headline',
      'subhead',
      'byline',
      'body',
    ]);
  });

  it('reads **核心提示** as a lead', () => {
    expect(clsOf(['# 大标题', '本报记者 徐鑫', '**核心提示** “环境是水，企业是鱼。”日前，某市召开大会。', BODY_A])).toEqual([
      'headline',
      'byline',
      'lead',
      'body',
    ]);
  });
});

describe('leads', () => {
  it('makes the paragraph after a bare 核心提示 label the lead', () => {
    expect(clsOf(['标题 副题', '本报记者 刘立彬', '核心提示', BODY_A, '分节标题', BODY_B])).toEqual([
      'headline',
      'byline',
      'lead',
      'lead',
      'subhead',
      'body',
    ]);
  });
});

describe('captions and credits', () => {
  it('takes a short sentence above a credit as a caption', () => {
    expect(clsOf(['营口是东北最早开埠口岸，大辽河从这里入海。', '某市生态环境局提供', '标题在此', '本报记者 林远', BODY_A])).toEqual([
      'caption',
      'credit',
      'headline',
      'byline',
      'body',
    ]);
  });

  it('takes a short sentence under an image hole as a caption, even without a credit', () => {
    const page = '# 标题\n\n本报记者 林远\n\n\n\n村干部在村口守卡点。\n\n' + BODY_A;
    expect(segmentPage(page).blocks.map((b) => b.cls)).toEqual(['headline', 'byline', 'caption', 'body']);
  });

  it('does not take a short paragraph in running text for a caption', () => {
    expect(clsOf(['标题在此', '本报记者 林远', BODY_A, '城市管理犹如棋盘，讲究谋篇布局。', BODY_B])[3]).toBe('body');
  });

  it('keeps the last paragraph of a photo story as body above its credit', () => {
    const page = ['图说 TUSHUO', '渔港晨光', BODY_A, '随着休渔期结束，渔港迎来繁忙季节，日均交易量超过两百吨。', '钟晓岚 文 许翊 摄'];
    expect(clsOf(page)).toEqual(['section', 'headline', 'body', 'body', 'credit']);
  });

  it('finds captions next to credits in a page without blank lines', () => {
    const page = ['标题在此', '本报记者 林远', BODY_A, '果农在合作社分拣猕猴桃。', '本报记者 林远 摄', BODY_B];
    expect(clsOf(page, '\n')).toEqual(['headline', 'byline', 'body', 'caption', 'credit', 'body']);
  });

  it('takes a caption with its credit on the same line as a caption', () => {
    expect(clsOf(['标题在此', '本报记者 林远', BODY_A, '社工正在为居民服务。 本报记者 徐鑫 摄', BODY_B])[3]).toBe('caption');
  });
});

describe('sections', () => {
  it('recognises banners with a romanised name, simplified and traditional', () => {
    expect(clsOf(['港城时讯 SHIXUN', '挂牌保护 古树名木', '本报讯 记者林远报道 某乡有棵古树。'])[0]).toBe('section');
    expect(clsOf(['山城快訊 KUAIXUN', '溪口鎮 茶園迎來春採', '本報訊 記者林遠報導 茶農忙採摘。'])[0]).toBe('section');
  });

  it('recognises a short column name above a brief headline', () => {
    expect(clsOf(['县区传真', '某区 激发全民争创热情', '本报讯 记者王刚报道 某区想方设法解决问题。'])).toEqual([
      'section',
      'headline',
      'brief_opener',
    ]);
  });

  it('does not take a short cross-head for a banner', () => {
    expect(clsOf(['标题在此', '本报记者 林远', BODY_A, '今日动态', BODY_B])[3]).toBe('subhead');
  });
});

describe('briefs', () => {
  it('makes every title in a column of briefs a headline', () => {
    const page = [
      '鹤乡时讯 SHIXUN',
      '简讯一',
      '本报讯 记者刘立彬报道 日前，某员工入围候选人。',
      BODY_A,
      '简讯二没有电头',
      BODY_B,
      '简讯三',
      '本报讯 记者刘立彬报道 8月23日，某处开展调解。',
    ];
    expect(clsOf(page)).toEqual(['section', 'headline', 'brief_opener', 'body', 'headline', 'body', 'headline', 'brief_opener']);
  });

  it('takes a trailing names line as a byline', () => {
    expect(clsOf(['简讯标题', '本报讯 12月15日，记者看到平台正在工作。', BODY_A, '于沫 王馨羽 本报记者 徐鑫'])[3]).toBe('byline');
  });
});

describe('adverts', () => {
  it('takes an expo banner (titles, English line, dates) as other', () => {
    const page = [
      '标题在此',
      '本报记者 林远',
      BODY_A,
      '第三届某某乡村振兴产业博览会',
      'The 3rd Rural Revitalization Industry Expo',
      '产业振兴 引领农业现代化',
      '2021年9月20日-25日 某某展示中心',
    ];
    expect(clsOf(page)).toEqual(['headline', 'byline', 'body', 'other', 'other', 'other', 'other']);
  });
});

describe('degenerate pages', () => {
  it('takes a title with no text after it at the end of the page as other', () => {
    expect(clsOf(['标题在此', '本报记者 林远', BODY_A, '下期预告 敬请关注'])[3]).toBe('other');
  });

  it('stays linear on a page of thousands of title lines', () => {
    const started = performance.now();
    const page = segmentPage('标题\n'.repeat(20000));
    expect(page.blocks).toHaveLength(20000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

import { describe, expect, it } from 'vitest';
import {
  hasColumnSuffix,
  isAdvertLine,
  isBareName,
  isBriefOpener,
  isCaptionWithCredit,
  isCredit,
  isFormulaByline,
  isRomanisedBanner,
  leadLabel,
  namesIn,
} from './formulas.js';
import { continuesSentence, isLatinLine, looksLikeCommaTitle, looksLikeTitle } from './typography.js';

describe('brief openers', () => {
  it.each([
    '本报讯 记者林远报道 近日，某镇召开大会。',
    '本報訊 記者林遠報導 近日，某鎮召開大會。',
    '本报讯（记者 林远 通讯员 高山）近日，某镇召开大会。',
    '本报讯 “快来看！”孩子们喊道。',
    '本报11月5日讯 记者林远报道 连日来，各地抢收。',
    '本报北京3月5日电 记者林远报道 会议今天开幕。',
    '本报讯',
    '本報綜合電 記者林遠報導 各地普降大雨。',
  ])('recognises %s', (text) => expect(isBriefOpener(text)).toBe(true));

  it.each(['本报记者 林远', '本报电话热线接到读者来电，反映情况。', '据本报讯，某地下雨。', '本地新闻。'])(
    'rejects %s',
    (text) => expect(isBriefOpener(text)).toBe(false),
  );
});

describe('bylines', () => {
  it.each([
    '本报记者 王 刚',
    '本報特約記者 張繼馳',
    '袁英 本报记者 刘立彬',
    '于沫 王馨羽 本报记者 徐鑫',
    '本报记者 甘棠 实习生 刘一诺',
    '本报评论员 江澄',
    '文/本报记者 林远',
    '（本報記者 林遠）',
    '记者 林远 通讯员 高山',
  ])('recognises %s', (text) => expect(isFormulaByline(text)).toBe(true));

  it.each([
    '本报记者 王刚 摄',
    '记者近日从市交通局获悉，新线路开通。',
    '本报记者走访了十多家企业',
    '本报讯 记者王刚报道',
  ])('rejects %s', (text) => expect(isFormulaByline(text)).toBe(false));

  it('accepts a lone name only when it starts with a surname', () => {
    expect(isBareName('侯悦林')).toBe(true);
    expect(isBareName('駱清遠')).toBe(true);
    expect(isBareName('欧阳帆')).toBe(true);
    expect(isBareName('林 松')).toBe(true);
    expect(isBareName('县区传真')).toBe(false);
    expect(isBareName('结语')).toBe(false);
    expect(isBareName('王刚说得好啊')).toBe(false);
  });
});

describe('credits', () => {
  it.each([
    '林 松 摄',
    '本報特約記者 張繼馳 攝',
    '營口市生態環境局提供',
    '本版照片由本报记者张继驰摄',
    '卜冠男 苑津玮 文 毕鹏懿 摄',
    '本報記者 喬木 文/攝',
    '新华社记者 鲍川 摄',
    '图/林远',
  ])('recognises %s', (text) => expect(isCredit(text)).toBe(true));

  it.each([
    '为一线工作人员购买口罩，并组织在各村设立回收箱，由企业免费提供',
    '营口忠旺铝业熔铸车间正常生产,秩序井然。',
    '本报记者 徐鑫',
    '谁来提供？',
  ])('rejects %s', (text) => expect(isCredit(text)).toBe(false));

  it('finds a caption with its credit run into one line', () => {
    expect(isCaptionWithCredit('服务更高效，社工正在为居民服务。 本报记者 徐鑫 摄')).toBe(true);
    expect(isCaptionWithCredit('遊客在老街體驗扎染。 本報記者 袁筱 攝')).toBe(true);
    expect(isCaptionWithCredit('这堂党课让民警深受感动。马健 本报记者 徐鑫')).toBe(false);
  });
});

describe('leads', () => {
  it('recognises the lead labels, plain, bold or bracketed', () => {
    expect(leadLabel('核心提示 今年以来，全市上下……')).toEqual({ isLead: true, labelOnly: false });
    expect(leadLabel('**核心提示** “环境是水……”')).toEqual({ isLead: true, labelOnly: false });
    expect(leadLabel('核心提示')).toEqual({ isLead: true, labelOnly: true });
    expect(leadLabel('【编者按】港口是城市发展的引擎。')).toEqual({ isLead: true, labelOnly: false });
    expect(leadLabel('**編者按** 本報今起推出系列報道。').isLead).toBe(true);
    expect(leadLabel('提示大家注意安全。').isLead).toBe(false);
  });
});

describe('column banners', () => {
  it('recognises a column name with its romanised word', () => {
    expect(isRomanisedBanner('港城时讯 SHIXUN')).toBe(true);
    expect(isRomanisedBanner('圖說 TUSHUO')).toBe(true);
    expect(isRomanisedBanner('山城快訊KUAIXUN')).toBe(true);
    expect(isRomanisedBanner('营口推进5G建设')).toBe(false);
    expect(isRomanisedBanner('The 3rd China Expo')).toBe(false);
  });

  it('recognises short column names ending in a column word', () => {
    expect(hasColumnSuffix('县区传真')).toBe(true);
    expect(hasColumnSuffix('社區動態')).toBe(true);
    expect(hasColumnSuffix('財經短波')).toBe(true);
    expect(hasColumnSuffix('高效统筹 梯次推进')).toBe(false);
    expect(hasColumnSuffix('全市各乡镇农业生产新动态')).toBe(false);
  });
});

describe('advert lines', () => {
  it('recognises English title lines and event dates', () => {
    expect(isLatinLine('The 3rd China Panjin Rural Revitalization Industry Expo')).toBe(true);
    expect(isLatinLine('港城时讯 SHIXUN')).toBe(false);
    expect(isLatinLine('推行“1+1 双联双带”机制，APP 功能不断完善。')).toBe(false);
    expect(isAdvertLine('2021年9月20日-25日 中国·某地展示中心')).toBe(true);
    expect(isAdvertLine('咨询电话：12345678')).toBe(true);
    expect(isAdvertLine('2021年9月20日，全市召开会议。')).toBe(false);
  });
});

describe('title shapes', () => {
  it('takes short unpunctuated lines as titles', () => {
    expect(looksLikeTitle('增进民生福祉 建设幸福家园')).toBe(true);
    expect(looksLikeTitle('“邻里帮志愿队”连接邻里情')).toBe(true);
    expect(looksLikeTitle('何以决胜？唯有更优！')).toBe(true);
  });

  it('rejects punctuated or long lines', () => {
    expect(looksLikeTitle('城市管理犹如棋盘，讲究谋篇布局，精准落子。')).toBe(false);
    expect(looksLikeTitle('委在专题会议上态度鲜明。')).toBe(false);
    expect(looksLikeTitle('这是一个很长的没有标点的句子它一直延续下去超过了任何标题应有的长度而且还在继续往下写个不停直到行尾')).toBe(false);
    expect(looksLikeTitle('你知道吗？这是一件很多人都不知道的事情！')).toBe(false);
  });

  it('allows one comma between two short phrases, not a sentence', () => {
    expect(looksLikeCommaTitle('秋收正当时，农机助力忙')).toBe(true);
    expect(looksLikeCommaTitle('老旧小区加装电梯，难在哪里？')).toBe(true);
    expect(looksLikeCommaTitle('今年以来，全市新建公园三十处。')).toBe(false);
    expect(looksLikeCommaTitle('一是，二是，三是')).toBe(false);
  });

  it('spots a line that continues a broken sentence', () => {
    expect(continuesSentence('措接連而至。對主次干道施划車位。')).toBe(true);
    expect(continuesSentence('鄉。他們開民宿、做直播。')).toBe(true);
    expect(continuesSentence('冬日暖陽下，居民們在聊天。')).toBe(false);
    expect(continuesSentence('“开饭了！”大家喊道。')).toBe(false);
    expect(continuesSentence('本报讯 记者林远报道 近日。')).toBe(false);
  });
});

describe('namesIn', () => {
  it('drops roles and joins spaced two-character names', () => {
    expect(namesIn('本报记者 王 刚')).toEqual(['王刚']);
    expect(namesIn('袁英 本报记者 刘立彬')).toEqual(['袁英', '刘立彬']);
    expect(namesIn('记者 王 刚 李 明')).toEqual(['王刚', '李明']);
    expect(namesIn('本報特約記者 歐陽帆')).toEqual(['歐陽帆']);
    expect(namesIn('记者谷雨晴 许诺报道')).toEqual(['谷雨晴', '许诺']);
  });
});

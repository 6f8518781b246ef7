/**
 * Fixed formulas of Chinese newspaper typography (本报讯, 本报记者, 摄, 提供, 核心提示, column
 * names), in simplified and traditional script. Each predicate looks at one line only.
 */
import { hasClausePunct, visibleLength } from './typography.js';

const HAN = '\\p{Script=Han}';

/** Staff roles that precede names in bylines and brief openers. Longest first, so removal is greedy. */
const ROLE_WORDS = [
  '(?:新[华華]社|中新社|中新[网網])[记記]者',
  '本[报報]特[约約][记記]者',
  '本[报報][见見][习習][记記]者',
  '本[报報]首席[记記]者',
  '本[报報][评評][论論][员員]',
  '本[报報]通[讯訊][员員]',
  '本[报報][记記]者',
  '特[约約][记記]者',
  '首席[记記]者',
  '[见見][习習][记記]者',
  '[摄攝]影[记記]者',
  '[实實][习習]生',
  '通[讯訊][员員]',
  '[评評][论論][员員]',
  '[记記]者',
];
const ROLE = new RegExp(`(?:${ROLE_WORDS.join('|')})`, 'u');
const ROLE_GLOBAL = new RegExp(ROLE.source, 'gu');
const NAME_TOKEN = new RegExp(`^[${HAN}·]+$`, 'u');
const SHORT_NAME_TOKEN = new RegExp(`^[${HAN}·]{1,4}$`, 'u');

const CREDIT_END = /(?:摄|攝|摄影|攝影|提供|供图|供圖|翻拍|制图|製圖)$/u;
const CREDIT_START = /^(?:图|圖|摄影|攝影|图片|圖片)\s*[/／:：]/u;

/**
 * "本报讯", "本報訊", "本报北京3月5日电": the dateline that opens a news brief. Between 本报 and
 * 讯/电 only a place name and a date may stand, so "本报电话热线…来电，" is not one.
 */
const DATELINE = `(?:[${HAN}]{2,4})?(?:\\d{1,2}月)?(?:\\d{1,2}日)?`;
const OPENER = new RegExp(`^[（(【\\[]?本[报報]${DATELINE}[讯訊电電](?=$|[\\s（(【\\[：:，,“"]|[记記]者)`, 'u');
const OPENER_HEAD = new RegExp(`^[（(【\\[]?本[报報]${DATELINE}[讯訊电電]\\s*`, 'u');

export function isBriefOpener(text: string): boolean {
  return OPENER.test(text);
}

/** Labels that introduce a feature's lead: 核心提示, 内容提要, 编者按, 导读 (also **bold** or 【】). */
const LEAD = /^(?:\*\*|【|\[|〖)?\s*(?:核心提示|内容提要|內容提要|编者按|編者按|导读|導讀)\s*(?:\*\*|】|\]|〗)?\s*[:：]?\s*/u;

export function leadLabel(text: string): { isLead: boolean; labelOnly: boolean } {
  const m = LEAD.exec(text);
  if (!m) return { isLead: false, labelOnly: false };
  return { isLead: true, labelOnly: text.slice(m[0].length).trim().length === 0 };
}

/** Splits a names segment ("袁英 本报记者 刘立彬", "记者 王 刚") into names, roles dropped. */
export function namesIn(segment: string): string[] {
  const cleaned = segment
    .replace(ROLE_GLOBAL, ' ')
    .replace(/[（）()【】[\]〔〕]/g, ' ')
    .replace(/(?:报道|報道|報導|报导)$/u, ' ');
  const tokens = cleaned.split(/[\s、，,/／|｜:：]+/u).filter((t) => t.length > 0);
  const names: string[] = [];
  // A two-character name is often set with a space in it ("王 刚"): a run of single
  // characters is one name (two or three of them), split in pairs if longer.
  let singles: string[] = [];
  const flush = () => {
    while (singles.length > 0) {
      const take = singles.length === 3 ? 3 : Math.min(2, singles.length);
      const name = singles.splice(0, take).join('');
      if (name.length >= 2) names.push(name);
    }
  };
  for (const token of tokens) {
    if (!NAME_TOKEN.test(token)) {
      flush();
      continue;
    }
    if ([...token].length === 1) {
      singles.push(token);
      continue;
    }
    flush();
    if ([...token].length <= 4) names.push(token);
  }
  flush();
  return names;
}

/** Are all the tokens left after removing roles plausible names (1–4 Han characters)? */
function onlyNames(segment: string): boolean {
  const rest = segment.replace(ROLE_GLOBAL, ' ').trim();
  if (rest.length === 0) return false;
  const tokens = rest.split(/[\s、/／]+/u).filter((t) => t.length > 0);
  return tokens.length <= 8 && tokens.every((t) => SHORT_NAME_TOKEN.test(t));
}

/**
 * A byline: staff roles and names only ("本报记者 王 刚", "袁英 本报记者 刘立彬",
 * "文/本报记者 王刚"). Credits ("… 摄") and brief openers are told apart before this is asked.
 */
export function isFormulaByline(text: string): boolean {
  if (visibleLength(text) > 40 || /[。，,；;！？!?]/.test(text) || CREDIT_END.test(text)) return false;
  if (isBriefOpener(text)) return false;
  const unbracketed = text.trim().replace(/^[（(]\s*(.*?)\s*[）)]$/u, '$1');
  const body = unbracketed.replace(/^(?:文|撰文|文字)\s*[/／|｜:：]\s*/u, '');
  if (body !== unbracketed && onlyNames(body)) return true;
  return ROLE.test(body) && onlyNames(body.replace(/[:：]/g, ' '));
}

/** Common surnames, simplified and traditional; a bare name line must start with one. */
const SURNAMES = new Set(
  [
    '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭',
    '田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦',
    '邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易',
    '乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季',
    '裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简',
    '簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师',
    '師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲',
    '原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權帅帥屠豆朴盖蓋练練廉禹井祖漆',
    '巴丰支卿国國狄计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊乌烏母裘亓修邰赫杭况況那',
    '宿鲜鮮印逯隆茹诸諸战戰慕危银銀亢嵇湛宾賓戎勾茅利揭干但尉冶斯元束檀衣信展昝智幸奉植衡富尧堯闭閉由',
  ].join(''),
);
const COMPOUND_SURNAMES = /^(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|东方|東方|皇甫|尉迟|尉遲|公孙|公孫|令狐|慕容|宇文|长孙|長孫|司徒|夏侯|端木)/u;

/** 2–4 Han characters starting with a common surname. */
function isPersonName(name: string): boolean {
  return /^[\p{Script=Han}]{2,4}$/u.test(name) && (SURNAMES.has(name[0]!) || COMPOUND_SURNAMES.test(name));
}

/** A line that is just a person's name, as a columnist's byline under a commentary headline. */
export function isBareName(text: string): boolean {
  const t = text.trim();
  if (/\s/.test(t) && !/^[\p{Script=Han}]\s+[\p{Script=Han}]{1,2}$/u.test(t)) return false;
  // Two characters spaced apart ("言 川") is how a two-character name is set, pen names included.
  if (/^[\p{Script=Han}]\s+[\p{Script=Han}]$/u.test(t)) return true;
  return isPersonName(t.replace(/\s+/g, ''));
}

/** Photo credits: "… 摄", "…提供", "本版照片由…摄", "A B 文 C 摄", "图/…". */
export function isCredit(text: string): boolean {
  const t = text.trim();
  if (visibleLength(t) > 36 || hasClausePunct(t) || /[！？!?]/.test(t)) return false;
  if (CREDIT_START.test(t)) return true;
  if (!CREDIT_END.test(t)) return false;
  // "…提供" alone could end a title fragment; an issuer's name before it is short.
  if (/(?:提供|供图|供圖)$/u.test(t) && visibleLength(t) > 24) return false;
  return visibleLength(t) >= 3;
}

/** A caption sentence with its credit run into the same line: "…正在为居民服务。 本报记者 徐鑫 摄". */
export function isCaptionWithCredit(text: string): boolean {
  const m = /^(.+[。！!])\s*([^。！!]+)$/u.exec(text.trim());
  if (!m) return false;
  return visibleLength(m[1]!) <= 60 && isCredit(m[2]!);
}

/** Column names ending in a common column word: "港城时讯", "县区传真", "图说". */
const COLUMN_SUFFIX =
  /(?:时讯|時訊|快讯|快訊|简讯|簡訊|资讯|資訊|传真|傳真|速递|速遞|图说|圖說|短波|扫描|掃描|纵横|縱橫|集锦|集錦|视点|視點|要闻|要聞|播报|播報|动态|動態|图片新闻|圖片新聞)$/u;

/** A column banner with its romanised name: "港城时讯 SHIXUN", "图说 TUSHUO". */
export function isRomanisedBanner(text: string): boolean {
  return /^[\p{Script=Han}·・]{2,8}\s*[A-Z]{2,}(?:\s+[A-Z]{2,})*$/u.test(text.trim());
}

/** A short unpunctuated line ending in a column word; the caller still checks its position. */
export function hasColumnSuffix(text: string): boolean {
  const t = text.trim();
  return /^[\p{Script=Han}]{2,6}$/u.test(t) && COLUMN_SUFFIX.test(t);
}

/** Advert furniture: event dates ("2021年9月20日-25日 …"), phone/address lines. */
export function isAdvertLine(text: string): boolean {
  const t = text.trim();
  if (/[。，,；;]/.test(t)) return false;
  if (/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[-–—~～至到]/u.test(t)) return true;
  return /^(?:电话|電話|热线|熱線|地址|网址|網址|咨询电话|諮詢電話)\s*[:：]/u.test(t);
}

/** The names segment of a brief opener: "本报讯 记者徐鑫报道", "本报讯（记者 王刚 通讯员 李明）". */
export function openerNamesSegment(text: string): string | null {
  const head = OPENER_HEAD.exec(text);
  if (!head) return null;
  const rest = text.slice(head[0].length);
  const bracket = /^[（(【[]([^）)】\]]{1,40})[）)】\]]/u.exec(rest);
  if (bracket && ROLE.test(bracket[1]!)) return bracket[1]!;
  const reported = /^((?:[记記]者|通[讯訊][员員]|特[约約][记記]者)[^，。,；;：:“”"]{1,30}?)(?:报道|報道|報導|报导)/u.exec(rest);
  return reported ? reported[1]! : null;
}

/** A byline run into the end of a body paragraph: "…作用。马健 本报记者 徐鑫". */
export function trailingBylineSegment(text: string): string | null {
  const m = /[。！？!?”」』…]\s*([^。！？!?”」』…]{2,30})$/u.exec(text.trim());
  if (!m) return null;
  const tail = m[1]!.trim();
  return ROLE.test(tail) && onlyNames(tail) ? tail : null;
}

/**
 * A reporter tag in brackets closing a brief: "…一次。（記者 龐嘉 通訊員 邵寧）", "…问题。（宁远）".
 * Without a role word the bracket must hold names only, each starting with a common surname,
 * so that "（完）" or "（待续）" are not taken for names.
 */
export function bracketTagSegment(text: string): string | null {
  const m = /[。！？!?”」』…]\s*[（(]([^（）()]{2,30})[）)]$/u.exec(text.trim());
  if (!m) return null;
  const inner = m[1]!.trim();
  if (ROLE.test(inner)) return onlyNames(inner) ? inner : null;
  return inner.split(/[\s、]+/u).every(isPersonName) ? inner : null;
}

/** In a credit, the names before a standalone 文 (or 文/摄) wrote the text: "卜冠男 苑津玮 文 毕鹏懿 摄". */
export function textAuthorsSegment(text: string): string | null {
  const tokens = text.trim().split(/\s+/u);
  for (let i = 0; i < tokens.length; i++) {
    const m = /^(.*?)(?:文字|撰文|文)([/／](?:摄|攝|图|圖|摄影|攝影))?$/u.exec(tokens[i]!);
    // "罗文" is a name ending in 文; only a bare 文 or a run-in "名文/摄" marks the text author.
    if (!m || (m[1]!.length > 0 && m[2] === undefined)) continue;
    const before = [...tokens.slice(0, i), m[1]!].join(' ').trim();
    return before.length > 0 ? before : null;
  }
  return null;
}

/**
 * Latin tokens in Chinese news text: what is normal (acronyms, units, loanwords, brands) and what
 * is a leak (an English word inside a Chinese sentence), with the Chinese for frequent leaks.
 */

/** Lower-case Latin words that Chinese news text uses as they are. */
const ALLOWED = new Set([
  'app', 'apps', 'wifi', 'wi-fi', 'hifi', 'hi-fi', 'iphone', 'ipad', 'ipod', 'ios', 'android', 'windows',
  'vlog', 'vlogger', 'blog', 'logo', 'email', 'e-mail', 'emoji', 'cosplay', 'ok', 'pk', 'vip', 'diy',
  'ktv', 'cbd', 'ppt', 'pdf', 'html', 'http', 'https', 'www', 'com', 'cn', 'net', 'org', 'gov', 'edu',
  'led', 'lcd', 'usb', 'gps', 'dna', 'atm', 'ai', 'vr', 'ar', 'qq', 'wechat', 'weibo', 'tiktok',
  'douyin', 'hiphop', 'hip-hop', 'rap', 'mvp', 'suv', 'mpv', 'ip', 'id', 'pos', 'sos', 'dj', 'mc',
  'plus', 'pro', 'max', 'mini', 'ins', 'live', 'tv', 'nba', 'cba', 'fifa', 'gdp', 'cpi', 'ppi',
  'pm', 'am', 'mv', 'ceo', 'cfo', 'cto', 'mba', 'ufo', 'covid', 'sars', 'ct',
]);

/** Units of measure, case-insensitively; normal after a number ("5km", "10 kg"). */
const UNITS = new Set([
  'km', 'm', 'cm', 'mm', 'nm', 'um', 'μm', 'kg', 'g', 'mg', 't', 'l', 'ml', 'w', 'kw', 'mw', 'gw',
  'kwh', 'mwh', 'v', 'kv', 'a', 'ma', 'mah', 'hz', 'khz', 'mhz', 'ghz', 'b', 'kb', 'mb', 'gb', 'tb',
  'bps', 'kbps', 'mbps', 'gbps', 'db', 'ppm', 'ppb', 'dpi', 'fps', 'rpm', 'mph', 'kmh', 'ha', 'ft',
  'in', 'lb', 'lbs', 'oz', 'cal', 'kcal', 'pa', 'kpa', 'mpa', 'hpa', 'lux', 's', 'ms', 'min', 'h',
  'px', 'k', 'mu',
]);

export function isAllowedWord(token: string): boolean {
  return ALLOWED.has(token.toLowerCase());
}

export function isUnit(token: string): boolean {
  return UNITS.has(token.toLowerCase());
}

/**
 * English → Chinese for frequent leaks: [simplified, traditional]. '' means the word is dropped
 * ("the", "a"). Only words whose Chinese is evident in running text.
 */
const EN_ZH: Record<string, [string, string]> = {
  and: ['和', '和'],
  or: ['或', '或'],
  the: ['', ''],
  a: ['', ''],
  an: ['', ''],
  of: ['的', '的'],
  with: ['与', '與'],
  for: ['为', '為'],
  in: ['在', '在'],
  at: ['在', '在'],
  on: ['在', '在'],
  to: ['到', '到'],
  from: ['从', '從'],
  by: ['由', '由'],
  is: ['是', '是'],
  are: ['是', '是'],
  not: ['不', '不'],
  no: ['无', '無'],
  but: ['但', '但'],
  also: ['也', '也'],
  very: ['很', '很'],
  more: ['更', '更'],
  most: ['最', '最'],
  all: ['所有', '所有'],
  new: ['新', '新'],
  good: ['好', '好'],
  work: ['工作', '工作'],
  job: ['工作', '工作'],
  people: ['人民', '人民'],
  city: ['城市', '城市'],
  service: ['服务', '服務'],
  services: ['服务', '服務'],
  development: ['发展', '發展'],
  culture: ['文化', '文化'],
  activity: ['活动', '活動'],
  activities: ['活动', '活動'],
  project: ['项目', '項目'],
  projects: ['项目', '項目'],
  government: ['政府', '政府'],
  enterprise: ['企业', '企業'],
  company: ['公司', '公司'],
  market: ['市场', '市場'],
  economy: ['经济', '經濟'],
  industry: ['产业', '產業'],
  environment: ['环境', '環境'],
  education: ['教育', '教育'],
  health: ['健康', '健康'],
  safety: ['安全', '安全'],
  security: ['安全', '安全'],
  quality: ['质量', '質量'],
  management: ['管理', '管理'],
  system: ['系统', '系統'],
  plan: ['计划', '計劃'],
  policy: ['政策', '政策'],
  problem: ['问题', '問題'],
  problems: ['问题', '問題'],
  time: ['时间', '時間'],
  year: ['年', '年'],
  day: ['天', '天'],
  team: ['团队', '團隊'],
  school: ['学校', '學校'],
  student: ['学生', '學生'],
  students: ['学生', '學生'],
  family: ['家庭', '家庭'],
  village: ['村', '村'],
  meeting: ['会议', '會議'],
  news: ['新闻', '新聞'],
  support: ['支持', '支持'],
  help: ['帮助', '幫助'],
  build: ['建设', '建設'],
  construction: ['建设', '建設'],
  promote: ['推动', '推動'],
  improve: ['提升', '提升'],
  green: ['绿色', '綠色'],
  smart: ['智慧', '智慧'],
  online: ['线上', '線上'],
  offline: ['线下', '線下'],
  together: ['一起', '一起'],
  resident: ['居民', '居民'],
  citizen: ['市民', '市民'],
  volunteer: ['志愿者', '志願者'],
  worker: ['工人', '工人'],
  farmer: ['农民', '農民'],
  teacher: ['老师', '老師'],
  child: ['孩子', '孩子'],
  children: ['孩子', '孩子'],
  elderly: ['老年人', '老年人'],
  senior: ['老人', '老人'],
  youth: ['青年', '青年'],
  doctor: ['医生', '醫生'],
  hospital: ['医院', '醫院'],
  community: ['社区', '社區'],
  town: ['镇', '鎮'],
  county: ['县', '縣'],
  road: ['道路', '道路'],
  bridge: ['桥', '橋'],
  river: ['河', '河'],
  water: ['水', '水'],
  park: ['公园', '公園'],
  library: ['图书馆', '圖書館'],
  museum: ['博物馆', '博物館'],
  tourism: ['旅游', '旅遊'],
  tourist: ['游客', '遊客'],
  visitor: ['游客', '遊客'],
  festival: ['节', '節'],
  harvest: ['丰收', '豐收'],
  farm: ['农场', '農場'],
  agriculture: ['农业', '農業'],
  product: ['产品', '產品'],
  price: ['价格', '價格'],
  income: ['收入', '收入'],
  investment: ['投资', '投資'],
  training: ['培训', '培訓'],
  course: ['课程', '課程'],
  class: ['班', '班'],
  technology: ['科技', '科技'],
  innovation: ['创新', '創新'],
  energy: ['能源', '能源'],
  ecology: ['生态', '生態'],
  forest: ['森林', '森林'],
  mountain: ['山', '山'],
  boat: ['船', '船'],
  ship: ['船', '船'],
  port: ['港口', '港口'],
  train: ['列车', '列車'],
  store: ['商店', '商店'],
  shop: ['商店', '商店'],
  cooperative: ['合作社', '合作社'],
  canteen: ['食堂', '食堂'],
  data: ['数据', '數據'],
  digital: ['数字', '數字'],
};

/** English plurals and third persons: "volunteers" → volunteer, "activities" → activity. */
function stems(key: string): string[] {
  const out: string[] = [];
  if (key.endsWith('ies')) out.push(key.slice(0, -3) + 'y');
  if (key.endsWith('es')) out.push(key.slice(0, -2));
  if (key.endsWith('s')) out.push(key.slice(0, -1));
  return out;
}

/** Function words: a leak of one of these is certain to be an error wherever it stands. */
const FUNCTION_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'with', 'for', 'in', 'at', 'on', 'to', 'from', 'by', 'is', 'are', 'not', 'but']);

/** The Chinese for an English word: [simplified, traditional], or undefined. */
export function chineseFor(word: string): [string, string] | undefined {
  const key = word.toLowerCase();
  for (const k of [key, ...(key.length > 3 ? stems(key) : [])]) {
    if (Object.prototype.hasOwnProperty.call(EN_ZH, k)) return EN_ZH[k];
  }
  return undefined;
}

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/** A lower-case English-looking word ("and", "work", "e-mail"), not a token of another shape. */
export function isLowerWord(token: string): boolean {
  return /^[a-z]+(?:['’-][a-z]+)*$/u.test(token);
}

/** A capitalised word ("Panjin", "The"): usually a romanised proper name. */
export function isCapitalisedWord(token: string): boolean {
  return /^[A-Z][a-z]+(?:['’-][a-z]+)*$/u.test(token);
}

/**
 * Could this Latin token be an English word leaked into Chinese text? Lower-case words of two or
 * more letters that are not allowed loanwords or units. (Acronyms, alphanumerics like PM2.5 / 5G,
 * single letters like the e of e卡通, and mixed-case brand names are not.)
 */
export function isLeakCandidate(token: string): boolean {
  if (token.length < 2) return false;
  if (!isLowerWord(token)) return false;
  if (isAllowedWord(token)) return false;
  // A unit is a leak only when it is also a known English word ("in" without a number before it).
  return !isUnit(token) || chineseFor(token) !== undefined;
}

/** Latin tokens: letters and digits, joined by ' - . + & (PM2.5, Wi-Fi, 5G+, don't). */
export const LATIN_TOKEN = /[A-Za-z0-9]+(?:['’\-.+&][A-Za-z0-9]+)*\+?/gu;

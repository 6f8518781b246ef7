/**
 * Newspaper typography the space and Latin detectors must leave alone: staff roles in bylines,
 * photo credits, brief-opener formulas, lead labels, Markdown furniture and title lines. Simplified
 * and traditional forms alike. Each helper looks at one line.
 */

/** Staff roles that stand before names in bylines, credits and brief openers. */
const ROLE_WORDS = [
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
  '[记記]者',
];
export const ROLE_SOURCE = `(?:${ROLE_WORDS.join('|')})`;
const ROLE_ANYWHERE = new RegExp(ROLE_SOURCE, 'u');
const ROLE_WHOLE = new RegExp(`^${ROLE_SOURCE}$`, 'u');

export function containsRole(text: string): boolean {
  return ROLE_ANYWHERE.test(text);
}

export function isRole(token: string): boolean {
  return ROLE_WHOLE.test(token);
}

/** Words that close a credit: "林 松 摄", "XX宣传部提供", "A B 文 C 摄". */
const CREDIT_MARKERS = /^(?:摄|攝|摄影|攝影|提供|供图|供圖|制图|製圖|绘|繪|绘图|繪圖|图|圖|文|撰文|整理|翻拍)$/u;
const CREDIT_END = /(?:摄|攝|摄影|攝影|提供|供图|供圖|制图|製圖|翻拍)$/u;

export function isCreditMarker(token: string): boolean {
  return CREDIT_MARKERS.test(token);
}

/**
 * A byline or credit written as space-separated short Han tokens: names (1–4 characters, "王 刚"
 * counts as two one-character tokens), roles, and credit markers; at least one role or marker.
 * "本报记者 王 刚", "林 松 摄", "卜冠男 苑津玮 文 毕鹏懿 摄", "于沫 王馨羽 本报记者 徐鑫",
 * "本报记者 徐鑫 摄", "XX区委宣传部提供".
 */
export function isNameChain(segment: string): boolean {
  const t = segment.trim();
  if (t.length === 0 || t.length > 40) return false;
  const tokens = t.split(/[ \t\u00A0\u3000]+/u);
  if (tokens.length > 10) return false;
  let marked = false;
  for (const token of tokens) {
    if (!/^[\p{Script=Han}·]+$/u.test(token)) return false;
    if (isRole(token) || isCreditMarker(token)) {
      marked = true;
      continue;
    }
    // "本报记者徐鑫", "徐鑫摄", "市委宣传部提供": a role or a marker glued to a name.
    const stripped = token.replace(new RegExp(`^${ROLE_SOURCE}`, 'u'), '').replace(CREDIT_END, '');
    if (stripped !== token) {
      marked = true;
      if (stripped.length <= 12) continue;
      return false;
    }
    if ([...token].length > 4) return false;
  }
  return marked && tokens.length >= 2;
}

/**
 * The brief-opener formula at the start of a line, with the spaces it is typeset with:
 * "本报讯 记者徐鑫报道 在…", "本報訊 12月15日…", "本报北京3月5日电 …", "本报讯（记者 王刚）…".
 * Returns the UTF-16 length of the formula including the spaces that follow it, or 0.
 */
export function openerLength(line: string): number {
  const head = /^[ \t\u3000]*(?:\*\*)?[（(【[]?本[报報][\p{Script=Han}\d]{0,12}?[讯訊电電][）)】\]]?(?:\*\*)?[ \t\u00A0\u3000]*/u.exec(
    line,
  );
  if (!head) return 0;
  let n = head[0].length;
  const rest = line.slice(n);
  const bracket = /^[（(【[][^）)】\]]{1,40}[）)】\]][ \t\u00A0\u3000]*/u.exec(rest);
  if (bracket && ROLE_ANYWHERE.test(bracket[0])) return n + bracket[0].length;
  const reported = new RegExp(
    `^(?:[\\p{Script=Han}、·]{0,20}?${ROLE_SOURCE}[^，。,；;：:“”"\\n]{0,30}?(?:报道|報道|報導|报导))[ \\t\\u00A0\\u3000]*`,
    'u',
  ).exec(rest);
  if (reported) n += reported[0].length;
  return n;
}

/** Lead labels: "核心提示", "**核心提示**", "【编者按】", "内容提要：". Returns the length with spaces. */
export function leadLabelLength(line: string): number {
  const m =
    /^[ \t\u3000]*(?:\*\*|【|\[|〖)?[ \t]*(?:核心提示|内容提要|內容提要|编者按|編者按|导读|導讀|提要|摘要)[ \t]*(?:\*\*|】|\]|〗)?[:：]?[ \t\u00A0\u3000]*/u.exec(
      line,
    );
  return m ? m[0].length : 0;
}

/** A Markdown heading, quote, list or rule line: "# …", "## ■ 港城时讯", "> …", "- …". */
export function isMarkdownHeading(line: string): boolean {
  return /^[ \t]{0,3}#{1,6}[ \t]/u.test(line);
}

/** Length of leading Markdown/bullet furniture: "# ", "> ", "- ", "1. ", "■ ", "**". */
export function markupPrefixLength(line: string): number {
  const m = /^[ \t\u3000]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\d{1,2}[.)][ \t]+)?(?:[■□●○◆◇▲△▼▽★☆▶►•※][ \t\u00A0\u3000]*)*/u.exec(line);
  return m ? m[0].length : 0;
}

/** Clause punctuation, full- and half-width. */
const CLAUSE_PUNCT = /[。，,；;]/u;

/**
 * A title line (headline, cross-head, banner, advert line): short, no clause punctuation, not
 * ending like a sentence. Spaces in such lines separate phrases.
 */
export function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  let visible = 0;
  for (const ch of t) if (!/\s/u.test(ch)) visible++;
  if (visible === 0 || visible > 48) return false;
  if (CLAUSE_PUNCT.test(t)) return false;
  if (/[：:、]$/u.test(t) || /…$/u.test(t)) return false;
  if (/[！？!?]/u.test(t) && visible > 16) return false;
  return true;
}

/*
 * inject-defects: turns clean pages into OCR-like pages with known defects, for the findings
 * evaluation (scripts/eval-findings.ts). Three sets, each a clean/ + injected/ directory pair with
 * its own fixed seed (SETS):
 * - own:     test/fixtures/findings/clean/ -> test/fixtures/findings/injected/ (seed 20251123);
 * - heldout: test/fixtures/findings/heldout/clean/ -> test/fixtures/findings/heldout/injected/
 *            (seed 20251207): pages written after the detectors were tuned on the own set (since
 *            used for development too);
 * - heldout2: test/fixtures/findings/heldout2/clean/ -> test/fixtures/findings/heldout2/injected/
 *            (seed 20251219): pages written after the detectors were tuned on the held-out set,
 *            evaluated once blind, since used for development too;
 * - heldout3: test/fixtures/findings/heldout3/clean/ -> test/fixtures/findings/heldout3/injected/
 *            (seed 20261123): pages written after the detectors were tuned on heldout2,
 *            evaluated once blind, since used for development too;
 * - heldout4: test/fixtures/findings/heldout4/clean/ -> test/fixtures/findings/heldout4/injected/
 *            (seed 20261124): pages written after the detectors were tuned on heldout3,
 *            evaluated once blind, since used for development too;
 * - heldout5: test/fixtures/findings/heldout5/clean/ -> test/fixtures/findings/heldout5/injected/
 *            (seed 20261125): the same again, one round later;
 * - heldout6: the same again (seed 20261126);
 * - heldout7: the same again (seed 20261127);
 * - heldout8: the same again (seed 20261128);
 * - heldout9: the same again (seed 20261129);
 * - final:   test/fixtures/findings/final/clean/ -> test/fixtures/findings/final/injected/
 *            (seed 20261130): pages written after the detectors were tuned on heldout9,
 *            evaluated once at the end, never to be tuned on.
 *
 *   tsx scripts/inject-defects.ts                            regenerate every set
 *   tsx scripts/inject-defects.ts --set own|heldout|heldout2|…|heldout9|final    regenerate one set
 *   tsx scripts/inject-defects.ts --set S --out DIR          write set S somewhere else
 *   tsx scripts/inject-defects.ts --check [--set S]          regenerate in memory; exit 1 if the
 *                                                            committed files of any set (or of S) differ
 *
 * For every clean page <name>.txt of a set it writes injected/<name>.txt (the damaged page) and
 * injected/<name>.labels.json (the exact span of every injected defect, as UTF-16 offsets into the
 * damaged page, with the kind, the expected fix and the flagged text). The run is deterministic:
 * a fixed seed, a seeded PRNG per page, no clock, no Math.random, a fixed file order. A page's
 * cross-page dup_fragment copies come from the other clean pages of its own set only.
 *
 * CONVENTIONS — what the clean original (the CER reference) is, and what each label covers
 * ---------------------------------------------------------------------------------------------
 * The clean original is the page exactly as a perfect `clean` would produce it:
 * - Blocks are separated by one blank line ("\n\n"); the file ends with one "\n".
 * - Every photo caption + credit stands at the END of its article: right before the next
 *   article's headline or the next section banner (or at the end of the page). So:
 *   * interleaved_caption: the injector moves an article's caption group (caption line + credit
 *     line) from the end of the article to between two of its body paragraphs. Fix: move it back to
 *     the end of the article. Span: start of the caption line to end of the credit line.
 *   * broken_paragraph with a caption between: the parts are joined and the caption group goes
 *     after the joined paragraph; if that spot is still inside the running text (more body text of
 *     the article follows), the interleaved rule moves it on to the end of the article, so such a
 *     caption is ALSO labelled interleaved_caption. If the paragraph was the article's last, the
 *     caption is already at the end and only the broken_paragraph is labelled.
 * - broken_paragraph: a body paragraph cut mid-sentence (between two Han characters) into two
 *   blocks, separated by a blank line, a single line break, or a caption group. Span: from the end
 *   of the first part to the start of the second (the line breaks and anything between). Fix: ""
 *   when only line breaks lie between, else null (structural).
 * - misordered_paragraph: a body paragraph cut mid-sentence whose SECOND part is moved into another
 *   article (between two of that article's body paragraphs). Span: the moved block's text. Fix:
 *   null (move it back after the first part). The first part, left ending mid-sentence, is not
 *   labelled separately (its continuation is the misordered block).
 * - dup_fragment: a run of 8–20 characters copied from another paragraph of the page or from
 *   another clean page, inserted into a body paragraph (mid-sentence, or at the paragraph end, in
 *   which case the run ends with sentence-final punctuation). Span: the inserted copy. Fix: "".
 * - dup_adjacent: a noun word (from jieba) or a single character written twice. Span: the second
 *   copy. Fix: "". Characters that commonly reduplicate legitimately are never doubled.
 * - mixed_script: a 4–10 character window converted to the other script with OpenCC (cn <-> tw),
 *   only when the conversion round-trips. Span: first to last converted character. Fix: the
 *   original characters.
 * - halfwidth_punct: a full-width ，：；！？（） replaced by its ASCII form (one page has a whole
 *   paragraph done). Span: the character. Fix: the full-width character.
 * - stray_space: a space inserted between two Han characters, or on both sides of a number
 *   ("全市 284 个"). Span: the space. Fix: "".
 * - latin_leak: a common word replaced by its English (和 → and, 工作 → work …). Span: the Latin
 *   word. Fix: the original Chinese. When the English word is set off by spaces ("柔性 and 温情"),
 *   each such space is a stray_space label of its own (fix ""), which also accepts a latin_leak
 *   finding (its `alts`), since a detector may take the spaces into the Latin word's span.
 * - char_error: a character replaced by a look-alike (己/已, 未/末, 間/問 …), or a character
 *   dropped. Span: the wrong character, or for a drop the character right after the gap. Fix: the
 *   right character (for a drop: the dropped character followed by the one after the gap).
 * Two pages of the own set (CONTROL_PAGES) are copied unchanged with empty labels, to catch false
 * alarms; the held-out sets and the final set have no controls (every page is injected).
 * Labels never overlap one another except where one contains the other (a caption group inside a
 * broken_paragraph gap).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import * as OpenCC from 'opencc-js';
import type { DefectKind } from '../app/findings/types.js';
import type { InjectedLabelFile, OffsetLabel } from './eval/labels.js';
import { seededRandom } from './random.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, whether run from scripts/ (tsx) or dist/scripts/ (compiled). */
const REPO_ROOT = fs.existsSync(path.join(HERE, '..', 'package.json')) ? path.resolve(HERE, '..') : path.resolve(HERE, '..', '..');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/findings');
export const CLEAN_DIR = path.join(FIXTURES, 'clean');
export const INJECTED_DIR = path.join(FIXTURES, 'injected');
export const SEED = 20_251_123;

export const SET_NAMES = ['own', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'final'] as const;
export type SetName = (typeof SET_NAMES)[number];

export interface FixtureSet {
  name: SetName;
  cleanDir: string;
  injectedDir: string;
  seed: number;
}

/** A set in a folder of its own: <name>/clean/ -> <name>/injected/. */
function folderSet(name: SetName, seed: number): FixtureSet {
  return { name, cleanDir: path.join(FIXTURES, name, 'clean'), injectedDir: path.join(FIXTURES, name, 'injected'), seed };
}

/** The fixture sets, in the order they are generated and checked; each has a seed of its own. */
export const SETS: Readonly<Record<SetName, FixtureSet>> = {
  own: { name: 'own', cleanDir: CLEAN_DIR, injectedDir: INJECTED_DIR, seed: SEED },
  heldout: folderSet('heldout', 20_251_207),
  heldout2: folderSet('heldout2', 20_251_219),
  heldout3: folderSet('heldout3', 20_261_123),
  heldout4: folderSet('heldout4', 20_261_124),
  heldout5: folderSet('heldout5', 20_261_125),
  heldout6: folderSet('heldout6', 20_261_126),
  heldout7: folderSet('heldout7', 20_261_127),
  heldout8: folderSet('heldout8', 20_261_128),
  heldout9: folderSet('heldout9', 20_261_129),
  final: folderSet('final', 20_261_130),
};
/** Clean pages copied without injection (false-alarm controls). */
export const CONTROL_PAGES: ReadonlySet<string> = new Set(['own_06_lancheng_simp', 'own_07_liantang_trad']);

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Script conversion and words

const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimp = OpenCC.Converter({ from: 'tw', to: 'cn' });

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

interface Token {
  start: number;
  end: number;
  /** The token in the page's own script. */
  word: string;
  /** The token in simplified script (what jieba saw). */
  simp: string;
  tag: string;
}

/** Words of a (marker-free) text; traditional text is segmented through its simplified form. */
function tokens(text: string, trad: boolean): Token[] {
  const simp = trad ? toSimp(text) : text;
  if (simp.length !== text.length) throw new Error('script conversion changed the length');
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of segmenter().tag(simp, false)) {
    if (simp.slice(at, at + word.length) !== word) throw new Error(`segmentation lost text at ${at}`);
    out.push({ start: at, end: at + word.length, word: text.slice(at, at + word.length), simp: word, tag });
    at += word.length;
  }
  if (at !== text.length) throw new Error('segmentation did not cover the text');
  return out;
}

const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);
const SETS_OFF = 'sets off a Latin word; a latin_leak finding that takes it in also counts';

// ---------------------------------------------------------------------------------------------
// Label markers: each label's start and end are private-use characters inside the block texts
// while the page is being damaged, so blocks can be moved freely; offsets are read off at the end.

const START_BASE = 0xe000;
const END_BASE = 0xe800;
const MAX_LABELS = 0x800;
const MARKER = /[\ue000-\uefff]/u;
const MARKERS_G = /[\ue000-\uefff]/gu;

const startMark = (id: number): string => String.fromCharCode(START_BASE + id);
const endMark = (id: number): string => String.fromCharCode(END_BASE + id);
const stripMarkers = (s: string): string => s.replace(MARKERS_G, '');
/** A block that begins with an end marker is the second part of a cut paragraph. */
const STARTS_WITH_END = /^[\ue800-\uefff]/u;

/**
 * Whether [i, j) of a block's text (with a margin) is free of markers and outside every label that
 * is open there, so a new defect never lands inside or right next to another one.
 */
function isFree(text: string, i: number, j: number, margin = 3): boolean {
  const lo = Math.max(0, i - margin);
  const hi = Math.min(text.length, j + margin);
  if (MARKER.test(text.slice(lo, hi))) return false;
  const open = new Set<number>();
  for (let p = 0; p < lo; p++) {
    const code = text.charCodeAt(p);
    if (code >= START_BASE && code < START_BASE + MAX_LABELS) open.add(code - START_BASE);
    else if (code >= END_BASE && code < END_BASE + MAX_LABELS) open.delete(code - END_BASE);
  }
  return open.size === 0;
}

interface PendingLabel {
  /** null: not a defect, only a protected stretch (the source of a copied fragment). */
  type: DefectKind | null;
  fix: string | null;
  note?: string;
  /** Kinds also accepted for this label, over the same span. */
  altKinds?: DefectKind[];
}

// ---------------------------------------------------------------------------------------------
// Page structure

type Cls = 'headline' | 'subtitle' | 'subhead' | 'banner' | 'byline' | 'leadmark' | 'lead' | 'body' | 'caption' | 'credit';

interface Block {
  text: string;
  cls: Cls;
  article: number;
  /** What separates this block from the previous one in the output. */
  sep: string;
  /** Offset in `text` before which nothing may be injected (the brief opener "本报讯 记者…报道 "). */
  guard: number;
  /** Set once a structural operation has used the block. */
  used?: boolean;
}

const BANNER = /(SHIXUN|TUSHUO|KUAIXUN)$|^(## )?(县区传真|縣區傳真)$/;
const OPENER = /^本[报報][讯訊] (?:记者\S+?报道 |記者\S+?報道 )?/;
const LEAD_PREFIX = /^\*\*核心提示\*\* /;

function isCredit(t: string): boolean {
  return t.length <= 30 && (/ [摄攝]$/.test(t) || /提供$/.test(t));
}

export function parsePage(text: string): Block[] {
  const body = text.replace(/\n$/, '');
  const raw = body.split('\n\n');
  if (raw.some((b) => b.length === 0 || b.includes('\n'))) throw new Error('a clean page must be single-line blocks separated by one blank line');
  const cls: Cls[] = raw.map(() => 'body');
  const nextText = (i: number): string => raw[i + 1] ?? '';
  const bylineAt = (i: number) => /^(本报记者|本報記者|通讯员|通訊員)/.test(raw[i] ?? '') || (raw[i] ?? '').startsWith('——');
  // A page may set its headlines with "##" (a byline, subtitle or brief opener under them, not
  // under a "#" headline as a deck), and then its "###" lines between paragraphs are cross-heads.
  const twoHashHeadline = (i: number) =>
    raw[i]!.startsWith('## ') && (bylineAt(i + 1) || /^本[报報][讯訊]/.test(nextText(i))) && !(raw[i - 1] ?? '').startsWith('# ');
  const crossHeadsAreThree = raw.some((_, i) => twoHashHeadline(i));
  raw.forEach((t, i) => {
    let c: Cls;
    if (BANNER.test(t) || (t.startsWith('## ') && nextText(i).startsWith('### '))) c = 'banner';
    else if (twoHashHeadline(i)) c = 'headline';
    else if (t.startsWith('### ') && crossHeadsAreThree && !bylineAt(i + 1) && !OPENER.test(nextText(i))) c = 'subhead';
    else if (t.startsWith('# ') || t.startsWith('### ')) c = 'headline';
    else if (t.startsWith('## ')) c = 'subhead';
    else if (t.startsWith('——')) c = 'subtitle';
    else if (/^(本报记者|本報記者|通讯员|通訊員)/.test(t) && !isCredit(t)) c = 'byline';
    else if (/^\S \S{1,2}$/.test(t)) c = 'byline';
    else if (isCredit(t)) c = 'credit';
    else if (t === '核心提示') c = 'leadmark';
    else if (t.startsWith('**核心提示**')) c = 'lead';
    else if (isCredit(nextText(i)) && t.length < 60 && /。$/.test(t)) c = 'caption';
    else if (/[。！？…”」]$/.test(t) && t.length >= 20) c = 'body';
    else c = 'subhead';
    cls[i] = c;
  });
  // Plain-text headlines: a short line followed by a subtitle, a byline or a brief opener, or
  // right after a banner.
  raw.forEach((_, i) => {
    if (cls[i] !== 'subhead') return;
    const next = cls[i + 1];
    if (next === 'subtitle' || next === 'byline' || OPENER.test(nextText(i)) || cls[i - 1] === 'banner') cls[i] = 'headline';
  });
  let article = -1;
  return raw.map((t, i) => {
    const c = cls[i]!;
    if (c === 'banner' || (c === 'headline' && cls[i - 1] !== 'banner')) article++;
    const prefix = OPENER.exec(t) ?? LEAD_PREFIX.exec(t);
    return { text: t, cls: c, article: Math.max(article, 0), sep: i === 0 ? '' : '\n\n', guard: prefix ? prefix[0].length : 0 };
  });
}

function isRunning(b: Block): boolean {
  return b.cls === 'body' || b.cls === 'lead';
}

// ---------------------------------------------------------------------------------------------
// The damaging operations

const REDUP_STOP = new Set([...'夜次回遍代辈輩颗顆朵句字笔筆块塊座根排队隊份本杯碗开開高好慢快早大小长長满滿红紅清明轻輕静靜刚剛渐漸紧緊细細纷紛连連声聲阵陣丝絲节節人天家个個项項点點看说說常年月日处處事步层層村户戶时時刻样樣种種件位条條张張片星声聲一二三四五六七八九十百千万萬亿億多少些的了着著地得和与與及或在是有这這那也都又还還就才再更很最把被让讓从從向对對为為以于於而之其已不没沒']);
const REDUP_WORDS = /^(常常|天天|人人|处处|處處|年年|步步|个个|個個|家家|户户|戶戶|事事|时时|時時|刚刚|剛剛|渐渐|漸漸|往往|轻轻|輕輕)$/;

const LATIN: Record<string, string> = {
  和: 'and', 工作: 'work', 服务: 'service', 项目: 'project', 问题: 'problem', 发展: 'development', 城市: 'city',
  企业: 'company', 社区: 'community', 居民: 'residents', 活动: 'activity', 文化: 'culture', 经济: 'economy',
  市场: 'market', 技术: 'technology', 农民: 'farmers', 学生: 'students', 老人: 'seniors', 志愿者: 'volunteers',
  游客: 'tourists', 环境: 'environment', 质量: 'quality', 安全: 'safety', 数据: 'data', 系统: 'system',
  公园: 'park', 孩子: 'children', 设备: 'equipment', 培训: 'training', 品牌: 'brand', 直播: 'livestream', 生态: 'ecology',
};

/** Look-alike characters, both ways. Pairs valid in both scripts, then script-specific ones. */
const CONFUSABLE_BOTH = ['己已', '未末', '人入', '土士', '日曰', '大太', '天夭', '今令', '析折', '候侯', '即既', '晴睛', '幕暮', '治冶', '免兔', '失矢', '王玉', '刀力', '材村', '侍待', '密蜜', '午牛', '田由', '白自', '住往', '休体'];
const CONFUSABLE_SIMP = ['儿几', '问间', '买卖', '鸟乌', '贷货', '准淮', '拨拔', '辨辩', '千干', '极级', '兵乒', '清请'];
const CONFUSABLE_TRAD = ['間問', '買賣', '鳥烏', '貸貨', '辨辯', '準淮', '撥撤', '清請', '極級', '兵乒'];

function confusables(trad: boolean): Map<string, string[]> {
  const pairs = [...CONFUSABLE_BOTH, ...(trad ? CONFUSABLE_TRAD : CONFUSABLE_SIMP)].filter((p) => !(trad && p === '休体'));
  const map = new Map<string, string[]>();
  for (const p of pairs) {
    const [a, b] = [...p] as [string, string];
    map.set(a, [...(map.get(a) ?? []), b]);
    map.set(b, [...(map.get(b) ?? []), a]);
  }
  return map;
}

const HALF: Record<string, string> = { '，': ',', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')' };

export type Op =
  | 'misordered'
  | 'broken_plain'
  | 'broken_single'
  | 'broken_caption'
  | 'interleaved'
  | 'dup_fragment_mid'
  | 'dup_fragment_end'
  | 'dup_fragment_other_page'
  | 'dup_adjacent_word'
  | 'dup_adjacent_char'
  | 'mixed_script'
  | 'halfwidth_one'
  | 'halfwidth_paragraph'
  | 'stray_space_number'
  | 'stray_space_between'
  | 'latin_leak'
  | 'latin_leak_spaced'
  | 'char_error_swap'
  | 'char_error_drop';

const BASE_PLAN: readonly Op[] = [
  'misordered',
  'broken_caption',
  'broken_plain',
  'interleaved',
  'dup_fragment_mid',
  'dup_fragment_other_page',
  'dup_adjacent_word',
  'dup_adjacent_char',
  'mixed_script',
  'mixed_script',
  'halfwidth_one',
  'halfwidth_one',
  'stray_space_number',
  'stray_space_between',
  'latin_leak_spaced',
  'char_error_swap',
  'char_error_drop',
];

/** Per-page extras on top of BASE_PLAN, so that every variant occurs and pages differ. */
const EXTRA_PLAN: Record<string, readonly Op[]> = {
  own_01_wangchuan_simp: ['dup_fragment_end', 'latin_leak', 'stray_space_number'],
  own_02_lanjiang_trad: ['mixed_script', 'broken_single', 'char_error_swap'],
  own_03_hexi_md_simp: ['halfwidth_paragraph', 'dup_adjacent_word', 'latin_leak'],
  own_04_songyuan_simp: ['stray_space_number', 'stray_space_number', 'broken_single', 'char_error_drop'],
  own_05_qingya_md_trad: ['dup_fragment_end', 'mixed_script', 'latin_leak'],
  own_08_linxi_simp: ['broken_plain', 'dup_adjacent_char', 'halfwidth_one', 'char_error_swap'],
  // The held-out set.
  heldout_01_dongao_simp: ['dup_fragment_end', 'broken_single', 'latin_leak', 'stray_space_number'],
  heldout_02_zhechuan_simp: ['halfwidth_paragraph', 'dup_adjacent_word', 'char_error_swap'],
  heldout_03_tongxi_trad: ['mixed_script', 'broken_plain', 'latin_leak', 'char_error_drop'],
  heldout_04_dongshan_md_trad: ['dup_fragment_end', 'dup_adjacent_char', 'broken_single', 'halfwidth_one'],
  // The second held-out set.
  heldout2_01_fengdu_simp: ['broken_single', 'dup_fragment_end', 'latin_leak', 'char_error_swap'],
  heldout2_02_xuetang_md_simp: ['halfwidth_paragraph', 'stray_space_number', 'dup_adjacent_word', 'char_error_drop'],
  heldout2_03_chengpu_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_char', 'latin_leak'],
  heldout2_04_baigang_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The third held-out set.
  heldout3_01_qiaoling_simp: ['dup_fragment_end', 'broken_single', 'latin_leak', 'char_error_drop'],
  heldout3_02_cuiping_md_simp: ['halfwidth_paragraph', 'dup_adjacent_word', 'stray_space_number', 'char_error_swap'],
  heldout3_03_ludu_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_char', 'latin_leak'],
  heldout3_04_wutan_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The fourth held-out set.
  heldout4_01_meiwan_simp: ['broken_single', 'dup_fragment_end', 'stray_space_number', 'char_error_swap'],
  heldout4_02_yanbu_md_simp: ['halfwidth_paragraph', 'dup_adjacent_char', 'latin_leak', 'char_error_drop'],
  heldout4_03_rongting_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_word', 'latin_leak'],
  heldout4_04_hequan_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The fifth held-out set.
  heldout5_01_jinghu_simp: ['dup_fragment_end', 'broken_single', 'latin_leak', 'char_error_swap'],
  heldout5_02_shaoping_md_simp: ['halfwidth_paragraph', 'dup_adjacent_word', 'stray_space_number', 'char_error_drop'],
  heldout5_03_pingluo_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_char', 'latin_leak'],
  heldout5_04_yanhe_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The sixth held-out set.
  heldout6_01_yunlu_simp: ['broken_single', 'dup_fragment_end', 'latin_leak', 'char_error_drop'],
  heldout6_02_taoshan_md_simp: ['halfwidth_paragraph', 'stray_space_number', 'dup_adjacent_word', 'char_error_swap'],
  heldout6_03_mingsha_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_char', 'latin_leak'],
  heldout6_04_fenglin_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The seventh held-out set.
  heldout7_01_luoxia_simp: ['dup_fragment_end', 'broken_single', 'latin_leak', 'char_error_swap'],
  heldout7_02_lingkou_md_simp: ['halfwidth_paragraph', 'dup_adjacent_char', 'stray_space_number', 'char_error_drop'],
  heldout7_03_nanpu_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_word', 'latin_leak'],
  heldout7_04_qingbei_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The eighth held-out set.
  heldout8_01_shiqiao_simp: ['broken_single', 'dup_fragment_end', 'latin_leak', 'char_error_drop'],
  heldout8_02_huaiyang_md_simp: ['halfwidth_paragraph', 'stray_space_number', 'dup_adjacent_word', 'char_error_swap'],
  heldout8_03_jiangling_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_char', 'latin_leak'],
  heldout8_04_yunzhou_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The ninth held-out set.
  heldout9_01_baisha_simp: ['dup_fragment_end', 'broken_single', 'latin_leak', 'char_error_swap'],
  heldout9_02_luyuan_md_simp: ['halfwidth_paragraph', 'dup_adjacent_char', 'stray_space_number', 'char_error_drop'],
  heldout9_03_xiping_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_word', 'latin_leak'],
  heldout9_04_dongling_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
  // The final held-out set.
  final_01_hongqiao_simp: ['broken_single', 'dup_fragment_end', 'latin_leak', 'char_error_drop'],
  final_02_jinxi_md_simp: ['halfwidth_paragraph', 'stray_space_number', 'dup_adjacent_word', 'char_error_swap'],
  final_03_lanyu_trad: ['mixed_script', 'broken_plain', 'dup_adjacent_char', 'latin_leak'],
  final_04_songxi_md_trad: ['dup_fragment_end', 'broken_single', 'stray_space_between', 'halfwidth_one'],
};

class PageInjector {
  readonly blocks: Block[];
  private readonly labels: PendingLabel[] = [];
  private readonly trad: boolean;

  constructor(
    readonly name: string,
    text: string,
    private readonly rng: Rng,
    private readonly otherPages: readonly string[],
  ) {
    this.blocks = parsePage(text);
    this.trad = name.includes('trad');
  }

  private newLabel(type: DefectKind | null, fix: string | null, note?: string, altKinds?: DefectKind[]): number {
    if (this.labels.length >= MAX_LABELS) throw new Error('too many labels');
    const label: PendingLabel = { type, fix };
    if (note !== undefined) label.note = note;
    if (altKinds !== undefined) label.altKinds = altKinds;
    this.labels.push(label);
    return this.labels.length - 1;
  }

  private articleBlocks(article: number): number[] {
    return this.blocks.flatMap((b, i) => (b.article === article ? [i] : []));
  }

  private articles(): number[] {
    return [...new Set(this.blocks.map((b) => b.article))];
  }

  /** The caption group (caption index, credit index) that ends the article, if still unused. */
  private captionGroup(article: number): [number, number] | null {
    const idx = this.articleBlocks(article);
    const last = idx[idx.length - 1]!;
    const prev = idx[idx.length - 2];
    if (prev === undefined) return null;
    const cap = this.blocks[prev]!;
    const cred = this.blocks[last]!;
    if (cap.cls !== 'caption' || cred.cls !== 'credit' || cap.used || cred.used) return null;
    return [prev, last];
  }

  /** A cut position inside a block: between two Han characters, away from markers and the guard. */
  private cutPoint(b: Block, margin = 8): number | null {
    const candidates: number[] = [];
    for (let k = Math.max(b.guard + margin, margin); k <= b.text.length - margin; k++) {
      if (!isHan(b.text[k - 1]) || !isHan(b.text[k])) continue;
      // Never inside a reduplication (实实|在在, 一步|一步): the cut would look like a doubling.
      if (b.text[k - 1] === b.text[k] || b.text[k - 2] === b.text[k - 1] || b.text[k] === b.text[k + 1]) continue;
      if (b.text.slice(k - 2, k) === b.text.slice(k, k + 2)) continue;
      if (!isFree(b.text, k, k)) continue;
      candidates.push(k);
    }
    return candidates.length > 0 ? this.rng.pick(candidates) : null;
  }

  private freeRunning(filter: (i: number) => boolean = () => true): number[] {
    return this.blocks.flatMap((b, i) => (isRunning(b) && !b.used && !MARKER.test(b.text) && b.text.length >= 40 && filter(i) ? [i] : []));
  }

  private insertBlocks(at: number, items: Block[]): void {
    this.blocks.splice(at, 0, ...items);
  }

  // --- structural ---------------------------------------------------------------------------

  misordered(): void {
    const arts = this.articles().filter((a) => this.articleBlocks(a).filter((i) => this.blocks[i]!.cls === 'body').length >= 2);
    for (let attempt = 0; attempt < 50; attempt++) {
      const a = this.rng.pick(arts);
      const b = this.rng.pick(arts);
      if (a === b) continue;
      const src = this.rng.pick(this.freeRunning((i) => this.blocks[i]!.article === a && this.blocks[i]!.cls === 'body'));
      const block = this.blocks[src]!;
      const k = this.cutPoint(block, 12);
      if (k === null) continue;
      // Targets: right before a body block of B that follows another body block of B.
      const targets = this.articleBlocks(b).filter((i, n, all) => n > 0 && this.blocks[i]!.cls === 'body' && this.blocks[all[n - 1]!]!.cls === 'body' && !this.blocks[i]!.used && !this.blocks[all[n - 1]!]!.used);
      if (targets.length === 0) continue;
      const target = this.rng.pick(targets);
      const id = this.newLabel('misordered_paragraph', null, `continues "${stripMarkers(block.text.slice(Math.max(0, k - 8), k))}" in another article`);
      const part2: Block = { text: startMark(id) + block.text.slice(k) + endMark(id), cls: 'body', article: b, sep: '\n\n', guard: 0, used: true };
      block.text = block.text.slice(0, k);
      block.used = true;
      this.insertBlocks(target, [part2]);
      return;
    }
    throw new Error(`${this.name}: no place for misordered_paragraph`);
  }

  broken(variant: 'plain' | 'single' | 'caption'): void {
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidates = this.freeRunning((i) => this.blocks[i]!.cls === 'body' && (variant !== 'caption' || this.captionGroup(this.blocks[i]!.article) !== null));
      if (candidates.length === 0) break;
      const src = this.rng.pick(candidates);
      const block = this.blocks[src]!;
      const k = this.cutPoint(block);
      if (k === null) continue;
      const first = block.text.slice(0, k);
      const second = block.text.slice(k);
      if (variant !== 'caption') {
        const id = this.newLabel('broken_paragraph', '');
        block.text = first + startMark(id);
        block.used = true;
        this.insertBlocks(src + 1, [{ text: endMark(id) + second, cls: 'body', article: block.article, sep: variant === 'single' ? '\n' : '\n\n', guard: 0, used: true }]);
        return;
      }
      const [capIdx, credIdx] = this.captionGroup(block.article)!;
      const cap = this.blocks[capIdx]!;
      const cred = this.blocks[credIdx]!;
      // Is there running text of the article after this paragraph (other than the caption group)?
      const moreAfter = this.articleBlocks(block.article).some((i) => i > src && i !== capIdx && i !== credIdx && ['body', 'lead', 'subhead'].includes(this.blocks[i]!.cls));
      const id = this.newLabel('broken_paragraph', null, 'a caption group lies between the two parts');
      if (moreAfter) {
        const cid = this.newLabel('interleaved_caption', null, 'lay between the parts of a broken paragraph');
        cap.text = startMark(cid) + cap.text;
        cred.text = cred.text + endMark(cid);
      }
      cap.used = true;
      cred.used = true;
      block.text = first + startMark(id);
      block.used = true;
      // Take the group out (it is after src) and put it between the parts.
      this.blocks.splice(credIdx, 1);
      this.blocks.splice(capIdx, 1);
      cap.sep = this.rng.chance(0.5) ? '\n\n\n\n' : '\n\n';
      cred.sep = this.rng.chance(0.3) ? '\n' : '\n\n';
      this.insertBlocks(src + 1, [cap, cred, { text: endMark(id) + second, cls: 'body', article: block.article, sep: '\n\n', guard: 0, used: true }]);
      return;
    }
    throw new Error(`${this.name}: no place for broken_paragraph (${variant})`);
  }

  interleaved(): void {
    const arts = this.articles().filter((a) => this.captionGroup(a) !== null);
    for (let attempt = 0; attempt < 50 && arts.length > 0; attempt++) {
      const a = this.rng.pick(arts);
      const [capIdx, credIdx] = this.captionGroup(a)!;
      const idx = this.articleBlocks(a).filter((i) => i < capIdx);
      // Before a body block or cross-head that follows some running text of the article.
      const targets = idx.filter((i, n) => n > 0 && ['body', 'subhead'].includes(this.blocks[i]!.cls) && idx.slice(0, n).some((j) => isRunning(this.blocks[j]!)) && !this.blocks[i]!.used && !STARTS_WITH_END.test(this.blocks[i]!.text));
      if (targets.length === 0) continue;
      const target = this.rng.pick(targets);
      const cap = this.blocks[capIdx]!;
      const cred = this.blocks[credIdx]!;
      const id = this.newLabel('interleaved_caption', null);
      cap.text = startMark(id) + cap.text;
      cred.text = cred.text + endMark(id);
      cap.used = true;
      cred.used = true;
      this.blocks.splice(credIdx, 1);
      this.blocks.splice(capIdx, 1);
      cap.sep = this.rng.chance(0.5) ? '\n\n\n\n' : '\n\n';
      cred.sep = this.rng.chance(0.3) ? '\n' : '\n\n';
      this.insertBlocks(target, [cap, cred]);
      return;
    }
    throw new Error(`${this.name}: no place for interleaved_caption`);
  }

  // --- textual ------------------------------------------------------------------------------

  /** A random running-text block and a window [i, j) in it that is free of markers (with margin). */
  private spot(test: (text: string, i: number) => number | null, tries = 200): { block: Block; i: number; j: number } {
    const candidates = this.blocks.filter((b) => isRunning(b) && b.text.length >= 20);
    for (let t = 0; t < tries; t++) {
      const block = this.rng.pick(candidates);
      const i = this.rng.int(block.guard, block.text.length - 1);
      const j = test(block.text, i);
      if (j === null) continue;
      if (!isFree(block.text, i, j)) continue;
      return { block, i, j };
    }
    throw new Error(`${this.name}: no spot found`);
  }

  private mark(block: Block, i: number, j: number, replacement: string, type: DefectKind, fix: string | null, note?: string, altKinds?: DefectKind[]): void {
    const id = this.newLabel(type, fix, note, altKinds);
    block.text = block.text.slice(0, i) + startMark(id) + replacement + endMark(id) + block.text.slice(j);
  }

  /** Inserts `inserted` at i, labelled. */
  private insert(block: Block, i: number, inserted: string, type: DefectKind, fix: string | null, note?: string, altKinds?: DefectKind[]): void {
    this.mark(block, i, i, inserted, type, fix, note, altKinds);
  }

  private blockTokens(block: Block): Token[] {
    return tokens(block.text, this.trad);
  }

  dupFragment(where: 'mid' | 'end' | 'other_page'): void {
    for (let attempt = 0; attempt < 200; attempt++) {
      // The source run.
      let sourceText: string;
      let sourceBlock: Block | null = null;
      if (where === 'other_page') {
        const page = parsePage(this.rng.pick(this.otherPages)).filter((b) => isRunning(b) && b.text.length >= 40);
        sourceText = this.rng.pick(page).text;
      } else {
        sourceBlock = this.rng.pick(this.blocks.filter((b) => isRunning(b) && b.text.length >= 40));
        sourceText = sourceBlock.text;
      }
      const len = this.rng.int(8, 20);
      let s: number;
      if (where === 'end') {
        // A run ending with sentence-final punctuation.
        const ends: number[] = [];
        for (let n = len - 1; n < sourceText.length; n++) if (sourceText[n] === '。') ends.push(n + 1);
        if (ends.length === 0) continue;
        s = this.rng.pick(ends) - len;
      } else {
        s = this.rng.int(0, Math.max(0, sourceText.length - len));
      }
      const run = sourceText.slice(s, s + len);
      if (run.length !== len || MARKER.test(run) || (sourceBlock !== null && !isFree(sourceText, s, s + len)) || !isHan(run[0]) || [...run].filter(isHan).length < 6) continue;
      if (run.includes('“') !== run.includes('”')) continue;
      // The target.
      const targets = this.blocks.filter((b) => isRunning(b) && b !== sourceBlock && b.text.length >= 30);
      const target = this.rng.pick(targets);
      let at: number;
      if (where === 'end') {
        at = target.text.length;
        if (!/。$/.test(target.text) || !isFree(target.text, target.text.length, target.text.length)) continue;
      } else {
        at = this.rng.int(target.guard + 4, target.text.length - 4);
        if (!isHan(target.text[at - 1]) || !isHan(target.text[at]) || !isFree(target.text, at, at)) continue;
      }
      this.insert(target, at, run, 'dup_fragment', '', where === 'other_page' ? 'copied from another page' : 'copied from another paragraph');
      // Keep the source as it is, so the copy stays an exact copy.
      if (sourceBlock !== null) {
        const id = this.newLabel(null, null);
        sourceBlock.text = sourceText.slice(0, s) + startMark(id) + run + endMark(id) + sourceText.slice(s + len);
      }
      return;
    }
    throw new Error(`${this.name}: no place for dup_fragment`);
  }

  dupAdjacent(unit: 'word' | 'char'): void {
    for (let attempt = 0; attempt < 200; attempt++) {
      const block = this.rng.pick(this.blocks.filter((b) => isRunning(b) && b.text.length >= 30));
      const toks = this.blockTokens(block).filter((t) => t.start >= block.guard);
      const t = this.rng.pick(toks);
      if (!isFree(block.text, t.start, t.end)) continue;
      if (unit === 'word') {
        if (!t.tag.startsWith('n') || t.word.length < 2 || t.word.length > 3 || ![...t.word].every(isHan) || REDUP_WORDS.test(t.word)) continue;
        if (block.text.slice(t.end, t.end + t.word.length) === t.word) continue;
        this.insert(block, t.end, t.word, 'dup_adjacent', '');
      } else {
        // One character of a noun or verb of two or more characters ("竹坪坪村", "吃住住"): such a
        // doubling is never a legitimate reduplication.
        if (t.word.length < 2 || !/^[nv]/.test(t.tag) || ![...t.word].every(isHan)) continue;
        const n = this.rng.int(t.start, t.end - 1);
        const c = block.text[n]!;
        if (REDUP_STOP.has(c) || block.text[n + 1] === c || block.text[n - 1] === c) continue;
        this.insert(block, n + 1, c, 'dup_adjacent', '');
      }
      return;
    }
    throw new Error(`${this.name}: no place for dup_adjacent`);
  }

  mixedScript(): void {
    const other = this.trad ? toSimp : toTrad;
    const back = this.trad ? toTrad : toSimp;
    for (let attempt = 0; attempt < 300; attempt++) {
      const block = this.rng.pick(this.blocks.filter((b) => isRunning(b) && b.text.length >= 30));
      const toks = this.blockTokens(block).filter((t) => t.start >= block.guard);
      const t0 = this.rng.pick(toks);
      const len = this.rng.int(4, 10);
      const i = t0.start;
      const j = Math.min(block.text.length, i + len);
      const window = block.text.slice(i, j);
      if (!isFree(block.text, i, j)) continue;
      const converted = other(window);
      if (converted.length !== window.length || back(converted) !== window) continue;
      const changed = [...window].flatMap((c, n) => (converted[n] !== c ? [n] : []));
      if (changed.length < 2) continue;
      const a = changed[0]!;
      const b = changed[changed.length - 1]! + 1;
      this.mark(block, i + a, i + b, converted.slice(a, b), 'mixed_script', window.slice(a, b), this.trad ? 'simplified run in a traditional page' : 'traditional run in a simplified page');
      return;
    }
    throw new Error(`${this.name}: no place for mixed_script`);
  }

  halfwidth(scope: 'one' | 'paragraph'): void {
    if (scope === 'one') {
      const { block, i } = this.spot((text, i) => (HALF[text[i]!] !== undefined ? i + 1 : null));
      const c = block.text[i]!;
      this.mark(block, i, i + 1, HALF[c]!, 'halfwidth_punct', c);
      return;
    }
    const candidates = this.freeRunning((n) => [...this.blocks[n]!.text].filter((c) => HALF[c] !== undefined).length >= 4);
    const block = this.blocks[this.rng.pick(candidates)]!;
    block.used = true;
    let out = '';
    for (const c of block.text) {
      if (HALF[c] === undefined) out += c;
      else {
        const id = this.newLabel('halfwidth_punct', c);
        out += startMark(id) + HALF[c] + endMark(id);
      }
    }
    block.text = out;
  }

  straySpace(where: 'number' | 'between'): void {
    if (where === 'between') {
      const { block, i } = this.spot((text, i) => (i > 0 && isHan(text[i - 1]) && isHan(text[i]) ? i : null));
      this.insert(block, i, this.rng.chance(0.2) ? '  ' : ' ', 'stray_space', '');
      return;
    }
    // A number with Han characters on both sides: space it out on both sides.
    for (let attempt = 0; attempt < 300; attempt++) {
      const block = this.rng.pick(this.blocks.filter((b) => isRunning(b) && /\d/.test(b.text.slice(b.guard))));
      const numbers = [...block.text.matchAll(/\d+(?:\.\d+)?%?/g)].filter((m) => m.index! >= block.guard);
      if (numbers.length === 0) continue;
      const m = this.rng.pick(numbers);
      const i = m.index!;
      const j = i + m[0].length;
      if (!isHan(block.text[i - 1]) || !isHan(block.text[j]) || !isFree(block.text, i, j)) continue;
      // Insert the right one first so i stays valid.
      this.insert(block, j, ' ', 'stray_space', '');
      this.insert(block, i, ' ', 'stray_space', '');
      return;
    }
    throw new Error(`${this.name}: no place for a spaced number`);
  }

  latinLeak(spaced: boolean): void {
    for (let attempt = 0; attempt < 300; attempt++) {
      const block = this.rng.pick(this.blocks.filter((b) => isRunning(b) && b.text.length >= 30));
      const toks = this.blockTokens(block).filter((t) => t.start >= block.guard && LATIN[t.simp] !== undefined && (t.simp !== '和' || t.tag === 'c'));
      if (toks.length === 0) continue;
      const t = this.rng.pick(toks);
      if (!isFree(block.text, t.start, t.end)) continue;
      const english = LATIN[t.simp]!;
      const before = spaced && isHan(block.text[t.start - 1]);
      const after = spaced && isHan(block.text[t.end]);
      if (spaced && !before && !after) continue;
      // Right to left, so earlier offsets stay valid.
      if (after) this.insert(block, t.end, ' ', 'stray_space', '', SETS_OFF, ['latin_leak']);
      this.mark(block, t.start, t.end, english, 'latin_leak', t.word);
      if (before) this.insert(block, t.start, ' ', 'stray_space', '', SETS_OFF, ['latin_leak']);
      return;
    }
    throw new Error(`${this.name}: no place for latin_leak`);
  }

  charError(kind: 'swap' | 'drop'): void {
    const table = confusables(this.trad);
    for (let attempt = 0; attempt < 300; attempt++) {
      const block = this.rng.pick(this.blocks.filter((b) => isRunning(b) && b.text.length >= 30));
      if (kind === 'swap') {
        const spots: number[] = [];
        for (let n = block.guard; n < block.text.length; n++) if (table.has(block.text[n]!)) spots.push(n);
        if (spots.length === 0) continue;
        const n = this.rng.pick(spots);
        if (!isFree(block.text, n, n + 1)) continue;
        const c = block.text[n]!;
        const wrong = this.rng.pick(table.get(c)!);
        // Not inside or next to a reduplication (干干净净 -> 千干净净 would read as a doubling).
        if ([block.text[n - 2], block.text[n - 1], block.text[n + 1], block.text[n + 2]].some((x) => x === c || x === wrong)) continue;
        this.mark(block, n, n + 1, wrong, 'char_error', c, 'look-alike character');
        return;
      }
      const toks = this.blockTokens(block).filter((t) => t.start >= block.guard && t.word.length >= 2 && [...t.word].every(isHan));
      if (toks.length === 0) continue;
      const t = this.rng.pick(toks);
      const n = this.rng.int(t.start, t.end - 2); // drop block.text[n]; the next character is in the word
      if (!isFree(block.text, n, n + 1)) continue;
      const dropped = block.text[n]!;
      const next = block.text[n + 1]!;
      if (dropped === next) continue;
      block.text = block.text.slice(0, n) + block.text.slice(n + 1);
      this.mark(block, n, n + 1, next, 'char_error', dropped + next, `dropped ${dropped}`);
      return;
    }
    throw new Error(`${this.name}: no place for char_error`);
  }

  run(op: Op): void {
    switch (op) {
      case 'misordered': return this.misordered();
      case 'broken_plain': return this.broken('plain');
      case 'broken_single': return this.broken('single');
      case 'broken_caption': return this.broken('caption');
      case 'interleaved': return this.interleaved();
      case 'dup_fragment_mid': return this.dupFragment('mid');
      case 'dup_fragment_end': return this.dupFragment('end');
      case 'dup_fragment_other_page': return this.dupFragment('other_page');
      case 'dup_adjacent_word': return this.dupAdjacent('word');
      case 'dup_adjacent_char': return this.dupAdjacent('char');
      case 'mixed_script': return this.mixedScript();
      case 'halfwidth_one': return this.halfwidth('one');
      case 'halfwidth_paragraph': return this.halfwidth('paragraph');
      case 'stray_space_number': return this.straySpace('number');
      case 'stray_space_between': return this.straySpace('between');
      case 'latin_leak': return this.latinLeak(false);
      case 'latin_leak_spaced': return this.latinLeak(true);
      case 'char_error_swap': return this.charError('swap');
      case 'char_error_drop': return this.charError('drop');
    }
  }

  /** The damaged page and its labels, offsets read off the markers. */
  finish(): { text: string; labels: OffsetLabel[] } {
    const marked = this.blocks.map((b, i) => (i === 0 ? '' : b.sep) + b.text).join('') + '\n';
    let text = '';
    const starts = new Map<number, number>();
    const ends = new Map<number, number>();
    for (const ch of marked) {
      const code = ch.charCodeAt(0);
      if (code >= START_BASE && code < START_BASE + MAX_LABELS) starts.set(code - START_BASE, text.length);
      else if (code >= END_BASE && code < END_BASE + MAX_LABELS) ends.set(code - END_BASE, text.length);
      else text += ch;
    }
    const labels = this.labels.flatMap((l, id): OffsetLabel[] => {
      const start = starts.get(id);
      const end = ends.get(id);
      if (start === undefined || end === undefined || end < start) throw new Error(`${this.name}: label ${id} lost its markers`);
      if (l.type === null) return [];
      const out: OffsetLabel = { type: l.type, start, end, text: text.slice(start, end), fix: l.fix };
      if (l.note !== undefined) out.note = l.note;
      if (l.altKinds !== undefined) out.alts = l.altKinds.map((type) => ({ type, start, end }));
      return [out];
    });
    labels.sort((a, b) => a.start - b.start || b.end - a.end);
    return { text, labels };
  }
}

export interface InjectedPage {
  name: string;
  text: string;
  labels: InjectedLabelFile;
}

export function injectPage(name: string, clean: string, otherPages: readonly string[], seed = SEED): InjectedPage {
  const labelsFile = (labels: OffsetLabel[]): InjectedLabelFile => ({ page: `${name}.txt`, original: `../clean/${name}.txt`, seed, labels });
  if (CONTROL_PAGES.has(name)) return { name, text: clean, labels: labelsFile([]) };
  const rng = new Rng((seed ^ hashString(name)) >>> 0);
  const injector = new PageInjector(name, clean, rng, otherPages);
  const plan = [...BASE_PLAN, ...(EXTRA_PLAN[name] ?? [])];
  // Structural operations first (they move whole blocks), then the textual ones.
  const structural: Op[] = ['misordered', 'broken_caption', 'interleaved', 'broken_plain', 'broken_single'];
  for (const op of structural) for (const o of plan) if (o === op) injector.run(o);
  for (const o of plan) if (!structural.includes(o)) injector.run(o);
  const { text, labels } = injector.finish();
  return { name, text, labels: labelsFile(labels) };
}

export function readCleanPages(cleanDir = CLEAN_DIR): Map<string, string> {
  const names = fs.readdirSync(cleanDir).filter((f) => f.endsWith('.txt')).sort();
  return new Map(names.map((f) => [f.replace(/\.txt$/, ''), fs.readFileSync(path.join(cleanDir, f), 'utf8')]));
}

export function injectAll(cleanDir = CLEAN_DIR, seed = SEED): InjectedPage[] {
  const pages = readCleanPages(cleanDir);
  // Fragments come from other pages in the same script (a copy in the other script would be a
  // mixed_script defect as well).
  const sameScript = (a: string, b: string): boolean => a.includes('trad') === b.includes('trad');
  return [...pages].map(([name, text]) =>
    injectPage(name, text, [...pages].filter(([n]) => n !== name && sameScript(n, name)).map(([, t]) => t), seed));
}

/** The files injectAll's pages are written as: relative name -> content. */
export function renderFiles(pages: readonly InjectedPage[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const p of pages) {
    files.set(`${p.name}.txt`, p.text);
    files.set(`${p.name}.labels.json`, `${JSON.stringify(p.labels, null, 2)}\n`);
  }
  return files;
}

export function writeInjected(outDir: string, pages: readonly InjectedPage[]): void {
  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, content] of renderFiles(pages)) fs.writeFileSync(path.join(outDir, file), content);
}

/** The set's pages as generated now. */
export function injectSet(set: FixtureSet): InjectedPage[] {
  return injectAll(set.cleanDir, set.seed);
}

/**
 * The files of a set that differ from what the script generates (or are missing), and committed
 * files it would not write, as paths relative to the repository root.
 */
export function staleFiles(set: FixtureSet, pages: readonly InjectedPage[] = injectSet(set)): string[] {
  const files = renderFiles(pages);
  const stale = [...files].filter(([file, content]) => {
    const p = path.join(set.injectedDir, file);
    return !fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== content;
  }).map(([file]) => file);
  const extra = fs.existsSync(set.injectedDir) ? fs.readdirSync(set.injectedDir).filter((f) => !files.has(f)) : [];
  return [...stale, ...extra].sort().map((f) => path.relative(REPO_ROOT, path.join(set.injectedDir, f)));
}

const USAGE = `usage: tsx scripts/inject-defects.ts [--set ${SET_NAMES.join('|')}] [--out DIR] [--check]`;

function main(argv: string[]): number {
  let outDir: string | null = null;
  let check = false;
  let only: SetName | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') outDir = path.resolve(argv[++i] ?? '');
    else if (a === '--check') check = true;
    else if (a === '--set') {
      const v = argv[++i];
      if (!(SET_NAMES as readonly (string | undefined)[]).includes(v)) {
        console.error(`--set is ${SET_NAMES.join(', ')}\n${USAGE}`);
        return 2;
      }
      only = v as SetName;
    } else {
      console.error(`unknown argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (outDir !== null && (only === null || check)) {
    console.error(`--out needs one --set, and no --check\n${USAGE}`);
    return 2;
  }
  const sets = only ? [SETS[only]] : Object.values(SETS);
  if (check) {
    let failed = false;
    for (const set of sets) {
      const pages = injectSet(set);
      const stale = staleFiles(set, pages);
      for (const file of stale) console.error(`stale: ${file}`);
      if (stale.length > 0) failed = true;
      else console.log(`${set.name}: ${pages.length} injected pages up to date (${path.relative(REPO_ROOT, set.injectedDir)})`);
    }
    if (failed) {
      console.error(`run: tsx scripts/inject-defects.ts${only ? ` --set ${only}` : ''}`);
      return 1;
    }
    return 0;
  }
  for (const set of sets) {
    const pages = injectSet(set);
    const dir = outDir ?? set.injectedDir;
    writeInjected(dir, pages);
    const counts = new Map<string, number>();
    for (const p of pages) for (const l of p.labels.labels) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
    console.log(`${set.name}: wrote ${pages.length} pages to ${path.relative(process.cwd(), dir) || '.'}`);
    for (const [k, n] of [...counts].sort()) console.log(`  ${k.padEnd(22)} ${n}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * Character classes for telling reduplication (一项项, 家家户户, 常常, 看看) and words that merely
 * meet (重点|点位, 民兵连|连长) from characters doubled by error (住住在, 更新新补贴). All lists are
 * in simplified script: callers convert traditional text first (toSimplified keeps offsets).
 */

function set(chars: string): ReadonlySet<string> {
  return new Set([...chars]);
}

/**
 * Function characters: particles, prepositions, conjunctions, common adverbs. Two of the same in a
 * row are an error unless one of them belongs to a word (为了|了解, 现在|在家, 目的|的).
 */
export const FUNCTION_CHARS = set('的了在是和与及把被从对向为将而或也都就又还很吗呢吧着过得地所之其以于跟同给让使并且');

/** Function characters that often follow a word ending in the same character (现在在, 目的的, 为了了). */
export const OFTEN_AFTER_SAME = set('的在了');

/** Administrative levels: a place's name ends in one, and many a word starts with it (市|市场监管局, 村|村史馆). */
export const ADMIN_LEVELS = set('省市县区镇乡村');

/** Characters that end an organisation or unit name and start the title of its head: 局|局长, 村|村干部, 水利股|股长. */
export const ORG_SUFFIXES = set('局部站村区市县省镇乡厂所院处科股队组连室校社团委司馆店办行班营排师军庭港场园会');

/** Second characters of the words a unit's name runs into: 局长, 村干部, 村民, 县委, 厂办, 校友. */
export const MEMBER_OR_ORGAN = set('长干民委办主书领职员党政友属警医务');

/** Measure words: reduplicated they mean "every" (件件落实, 条条大路, 年年有余). */
export const CLASSIFIERS = set(
  '个件项条座株颗枚幕道排张把本册只头匹双对份篇首句字声步次回遍趟场层级批群组家户位名根棵朵片块粒滴点段节样种类门间所栋幢辆架艘台部封盏面轮届期天年月日周夜代辈笔桩宗起桌碗杯瓶箱袋包堆串行列页章招拨茬',
);

/** Numerals and demonstratives: before a measure word, which then cannot be doubled (三个个, 这件件). */
export const NUMERALS = set('一二三四五六七八九十百千万亿两几数半零〇0123456789０１２３４５６７８９');
export const DEMONSTRATIVES = set('这那哪每各某该此');

/** Complements and prepositions that follow a verb: a doubled verb before them is an error (住住在). */
export const VERB_FOLLOWERS = set('在于着过得到给成');

/** Interjections and onomatopoeia: runs of three or more are normal (哈哈哈). */
export const INTERJECTIONS = set('啊哈呵嘿哦噢嗯呀哇嘻咯嘀嗒咚哒嘟嘎嘘喔呜啦嗖砰轰隆哗嘻叮当');

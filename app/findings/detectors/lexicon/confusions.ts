import { scriptTables } from '../../script/tables.js';

/*
 * Groups of characters that look alike closely enough for OCR to read one as another. Two levels:
 *
 * - near: the glyphs differ by a dot, a short stroke, a stroke's length or where it crosses
 *   (己已巳, 未末, 土士, 人入八, 儿几, 拨拔, 侯候). OCR swaps these even on clean scans.
 * - similar: the glyphs share their main component and differ in a small one (辨辩辫, 贷货,
 *   栽裁载, 清情请). OCR swaps these on poor scans.
 *
 * Hand-written for simplified text, plus look-alikes that exist only in traditional script
 * (錄綠, 壞壤, 陳陣). Each simplified group also stands in traditional script through OpenCC's
 * character table (问间 → 問間), which keeps the look-alike component in nearly every case.
 *
 * Candidates are only proposals: the check keeps one only when the text reads far better with it.
 */

export type ConfusionLevel = 'near' | 'similar';

export const NEAR_GROUPS: readonly string[] = [
  '己已巳', '未末朱', '土士', '人入八', '天夭', '日曰', '戌戍戊戎', '儿几', '肓盲', '免兔',
  '汆氽', '赢嬴', '崇祟', '壶壸', '毫亳', '冶治', '洒酒', '问间', '鸟乌', '大太犬', '刀力',
  '千干于', '子孑孓', '王玉主', '田由甲申', '兵乒乓', '拨拔', '侯候', '祝视', '今令', '准淮',
  '刺剌', '折拆', '栽裁载', '买卖', '贷货', '惑感', '微徽', '辨辩辫瓣', '木本术', '自白',
  '白百', '日目', '曰白', '凡丸', '午牛', '失矢', '夫天', '厂广', '仑仓', '汗汁', '茶荼',
  '戒戎', '乎平', '刁习', '亨享', '贝见', '毛手', '又叉', '史吏', '元无', '乞气', '力办',
  '方万', '风凤', '句旬', '勿匆', '沐沭', '洗冼', '瓜爪', '母毋', '贫贪', '卷券', '迁迂',
  '析柝', '晴睛', '往住', '徒徙', '辛幸', '斤斥', '宇字', '义叉', '峻竣', '仍扔', '采釆',
  '因囚', '西酉', '内肉', '竞竟', '暑署', '哀衰衷', '官宫', '宜宣', '冷泠', '兑兄', '遂逐',
  '遗遣', '喝渴', '若苦', '宙审', '捡检', '拓柘', '撤撒', '籍藉', '管菅', '恰洽', '抢枪',
  '权杈', '杏呆', '丙两', '壁璧', '鸣呜', '休体', '我找', '札扎', '暧嫒', '咸威', '撼憾',
  '末本', '市巿', '晓哓', '清淸', '汩汨', '祗祇', '工土',
];

export const SIMILAR_GROUPS: readonly string[] = [
  '吉古', '末来', '右石', '处外', '狼狠很恨', '料科', '状伏', '免兑', '设没投役', '情请清晴',
  '精睛', '陪部倍培赔', '复夏', '胃冒', '拳举', '常堂掌', '拿拳', '党觉', '资货贸', '赁货',
  '负员', '见页', '贝页', '屯电', '文丈', '无天', '为办', '太犬', '尤龙', '木未', '问同',
  '闭闲', '闪问', '向问', '间闻', '旧归', '扫归', '妇归', '扰忧', '密蜜', '即既', '郎郑',
  '辛宰', '冰水', '永水', '说悦税脱', '拍泊柏伯', '迫追退', '送迭', '谒竭', '揭竭', '眼根跟很',
  '银根', '材林村', '析折', '传转砖', '轨较', '轿较', '较校效', '练续', '录绿缘', '群郡君',
  '若茗', '存荐', '属嘱瞩', '厉历励', '猴候喉', '张帐账胀', '作昨诈炸', '乍作', '邮油抽', '袖抽',
  '轴抽', '神伸绅', '叮盯', '订钉', '挑跳眺', '凳登', '澄橙', '捐损', '娟绢', '渐暂惭',
  '始治怡', '挥辉晖浑', '烹亨', '诉拆', '乐东', '东车', '尔示', '宗崇', '综棕踪', '须颂顺',
  '顿顷', '稍梢哨', '消销硝', '俏悄', '检险验俭', '脸睑', '侧测', '贞负', '刑形', '揽缆览',
  '堪勘', '互瓦', '援缓暖', '吐肚杜', '浅线钱残', '践贱', '坑抗杭', '汤场扬杨肠', '澈撤', '蓝篮',
  '拾抬', '换挽唤焕涣晚娩', '施旋', '旋族旅', '放故', '宠庞', '容客', '察蔡', '寨赛', '那哪',
  '逆递', '运远', '还达', '适造', '社杜祖', '技枝肢', '决块快', '晓烧浇', '纺访防仿', '低底抵',
  '抵纸', '时对', '共其', '现规观', '观欢', '值植殖', '直真具', '侍待特持', '段假', '讯迅汛',
  '认议仪', '计讨', '郊效', '便使更', '冒昌', '蓄畜', '功动劲', '讫迄', '困固', '园圆',
  '两雨', '拣炼练', '墓幕慕暮募', '纪记', '坚竖紧', '壮状妆', '将浆奖', '彼被', '波泼', '炫眩',
  '漫慢馒', '宾宝', '室窒', '穷究', '郎朗', '既溉概慨', '况沉', '赐踢', '惕剔', '晰淅',
  '绩续', '绪猪', '臂譬', '辟壁', '锐悦', '纹蚊汶', '页贡', '项顶', '杆秆', '弛驰', '拴栓',
  '目且', '且旦', '更吏', '夕久', '冈网', '寸才', '冲仲', '孤狐', '赏尝', '季李', '杳查',
  '回四', '旷矿', '峰锋蜂烽', '输偷愉榆', '舍含', '会全', '泳咏', '件伴', '伐代伏', '找伐',
  '域城诚', '乱乳', '盐监', '井并开升', '钱浅', '紧繁', '感咸', '减咸喊', '戚威', '抬治', '题颗', '会侩', '列烈', '话活', '的约', '象像', '毫豪', '各名',
];

/** Look-alikes that only traditional script has (their simplified forms do not look alike). */
export const TRADITIONAL_GROUPS: readonly string[] = [
  '錄綠', '壞壤', '環還', '爲僞', '練鍊', '鋼鍋', '饋饑', '幾機', '職識織幟', '遞遲', '爭淨', '議儀蟻',
  '說悅脫', '擴礦曠', '畫晝書', '專傳', '團圍', '魚魯', '興輿與', '舉譽', '學覺', '黨賞', '嘗當', '請講',
  '縣懸', '術衛銜', '隊墜', '導遵', '熱熟', '勢執', '達違', '鎮鏡', '韓幹', '馬焉', '藝熱',
  '讀瀆', '續績',
];

let index: Map<string, Map<string, ConfusionLevel>> | null = null;

function build(): Map<string, Map<string, ConfusionLevel>> {
  const T = scriptTables();
  const out = new Map<string, Map<string, ConfusionLevel>>();
  const add = (group: string, level: ConfusionLevel) => {
    const chars = [...new Set(group)];
    for (const a of chars) {
      let m = out.get(a);
      if (!m) out.set(a, (m = new Map()));
      for (const b of chars) {
        if (b === a) continue;
        // A pair listed at both levels is a near pair.
        if (m.get(b) !== 'near') m.set(b, level);
      }
    }
  };
  const withTraditional = (groups: readonly string[], level: ConfusionLevel) => {
    for (const g of groups) {
      add(g, level);
      const t = [...g].map((c) => T.st.get(c) ?? c).join('');
      if (t !== g) add(t, level);
    }
  };
  withTraditional(NEAR_GROUPS, 'near');
  withTraditional(SIMILAR_GROUPS, 'similar');
  for (const g of TRADITIONAL_GROUPS) add(g, 'similar');
  return out;
}

export interface Confusable {
  char: string;
  level: ConfusionLevel;
}

/** The characters OCR may have misread as `char` (or `char` as them), in either script. */
export function confusableWith(char: string): Confusable[] {
  index ??= build();
  const m = index.get(char);
  return m ? [...m].map(([c, level]) => ({ char: c, level })) : [];
}

/** How many characters have look-alikes (for tests and reports). */
export function confusionSize(): number {
  index ??= build();
  return index.size;
}

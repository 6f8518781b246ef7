import type { BlockClass } from '../../../app/segment/types.js';
import type { ArticleStatus } from '../../../app/store/articles.js';

/** The default dictionary. Its keys are the message keys; `{name}` marks a value filled in by t(). */
const messages = {
  'app.title': '清稿',
  'app.tagline': '报纸 OCR 稿件整理台',
  'lang.label': '界面语言',

  'sources.title': '版面',
  'sources.all': '全部版面',
  'sources.name': '文件',
  'sources.encoding': '编码',
  'sources.articles': '稿件数',
  'sources.importedAt': '导入时间',
  'sources.empty': '稿库中还没有版面。',

  'articles.title': '稿件',
  'articles.count': '共 {count} 篇',
  'articles.page': '版面',
  'articles.section': '栏目',
  'articles.headline': '标题',
  'articles.reporters': '记者',
  'articles.blocks': '段落数',
  'articles.untitled': '（无标题）',
  'articles.empty': '没有稿件。',

  'detail.title': '稿件内容',
  'detail.placeholder': '点击一篇稿件，查看它的段落及类别。',
  'detail.summary': '{page} · 第 {ordinal} 篇 · {count} 段 · {status}',
  'detail.class': '类别',
  'detail.text': '文字',

  'status.raw': '未整理',
  'status.in_review': '审校中',
  'status.clean': '已清稿',
  'status.approved': '已签发',

  'blockClass.section': '栏目',
  'blockClass.headline': '标题',
  'blockClass.subhead': '副题',
  'blockClass.byline': '署名',
  'blockClass.lead': '导语',
  'blockClass.brief_opener': '简讯开头',
  'blockClass.body': '正文',
  'blockClass.caption': '图片说明',
  'blockClass.credit': '图片来源',
  'blockClass.other': '其他',

  'common.loading': '加载中…',
  'common.none': '—',
  'list.separator': '、',
  'error.title': '出错了：',
  'error.noBridge': '未连接到清稿桌面程序：请在清稿应用中打开此页面。',
  'progress.text': '正在处理 {done}/{total}：{detail}',
};

/** Every block class and article status needs a label: a new one in app/ is a type error here. */
export const zhCN = messages satisfies Record<`blockClass.${BlockClass}` | `status.${ArticleStatus}`, string>;

export type MessageKey = keyof typeof messages;
export type Messages = Record<MessageKey, string>;

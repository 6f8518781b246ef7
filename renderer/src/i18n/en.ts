import type { Messages } from './zh-CN.js';

export const en: Messages = {
  'app.title': 'Qinggao',
  'app.tagline': "Editorial desk for OCR'd newspaper pages",
  'lang.label': 'Language',

  'sources.title': 'Pages',
  'sources.all': 'All pages',
  'sources.name': 'File',
  'sources.encoding': 'Encoding',
  'sources.articles': 'Articles',
  'sources.importedAt': 'Imported',
  'sources.empty': 'No pages in this library yet.',

  'articles.title': 'Articles',
  'articles.count': '{count} articles',
  'articles.page': 'Page',
  'articles.section': 'Section',
  'articles.headline': 'Headline',
  'articles.reporters': 'Reporters',
  'articles.blocks': 'Blocks',
  'articles.untitled': '(untitled)',
  'articles.empty': 'No articles.',

  'detail.title': 'Article',
  'detail.placeholder': 'Click an article to see its blocks and their classes.',
  'detail.summary': '{page} · article {ordinal} · {count} blocks · {status}',
  'detail.class': 'Class',
  'detail.text': 'Text',

  'status.raw': 'Raw',
  'status.in_review': 'In review',
  'status.clean': 'Clean',
  'status.approved': 'Approved',

  'blockClass.section': 'Section',
  'blockClass.headline': 'Headline',
  'blockClass.subhead': 'Subhead',
  'blockClass.byline': 'Byline',
  'blockClass.lead': 'Lead',
  'blockClass.brief_opener': 'Brief opener',
  'blockClass.body': 'Body',
  'blockClass.caption': 'Caption',
  'blockClass.credit': 'Credit',
  'blockClass.other': 'Other',

  'common.loading': 'Loading…',
  'common.none': '—',
  'list.separator': ', ',
  'error.title': 'Error: ',
  'error.noBridge': 'Not connected to the Qinggao desktop app: open this page inside Qinggao.',
  'progress.text': 'Working {done}/{total}: {detail}',
};

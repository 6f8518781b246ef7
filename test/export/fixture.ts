import { getArticle, listArticles, type ArticleDetail } from '../../app/store/articles.js';
import { setSetting } from '../../app/store/settings.js';
import { editBlockText, reclassifyBlock, setArticleStatus } from '../../app/edit/operations.js';
import { redoArticle, undoArticle } from '../../app/revisions/undo.js';
import { listFindings } from '../../app/findings/library/findings-store.js';
import { acceptFinding, rejectFinding } from '../../app/findings/library/review.js';
import { tagArticle } from '../../app/tags/assign.js';
import { tagSpan } from '../../app/tags/spans.js';
import { addComment, resolveComment } from '../../app/annotations/comments.js';
import type { Library } from '../../app/library.js';
import { openSeededLibrary } from './helpers.js';

/** What an edited library holds, for the assertions. */
export interface EditedLibrary {
  lib: Library;
  /** Article (with a caption and a credit) whose body text an editor changed. */
  edited: { articleId: number; blockId: number; before: string; after: string };
  /** A halfwidth_punct finding accepted. */
  accepted: { articleId: number; blockId: number; findingId: number };
  /** A halfwidth_punct finding rejected: its comma stays ASCII even with punctuation normalised. */
  rejected: { articleId: number; blockId: number; offset: number };
  /** An edit undone (gone from provenance) and one undone then redone (there once). */
  undone: { articleId: number; blockId: number; text: string };
  redone: { articleId: number; blockId: number; text: string };
  reclassified: { articleId: number; blockId: number };
  comments: { open: number; resolved: number; blockId: number };
  approved: number;
}

function bodyBlock(article: ArticleDetail) {
  return article.blocks.find((b) => b.cls === 'body' && b.text.length > 20)!;
}

/** The sample pages, with an editor's work on them: edits, fixes accepted and rejected, undo and redo, comments, tags. */
export function openEditedLibrary(): EditedLibrary {
  const lib = openSeededLibrary();
  const db = lib.db;
  setSetting(db, 'author', '王编辑');
  const articles = listArticles(db).map((a) => getArticle(db, a.id)!);

  const withCaption = articles.find((a) => a.blocks.some((b) => b.cls === 'caption') && a.blocks.some((b) => b.cls === 'credit') && a.blocks.some((b) => b.cls === 'body'))!;
  const eb = bodyBlock(withCaption);
  const editedText = `${eb.text.slice(0, 5)}（编者按）${eb.text.slice(5)}`;
  editBlockText(db, eb.id, editedText);

  const halfwidth = listFindings(db, { kinds: ['halfwidth_punct'] }).filter((f) => f.articleId !== withCaption.id);
  const toAccept = halfwidth[0]!;
  acceptFinding(db, toAccept.id);
  const toReject = listFindings(db, { kinds: ['halfwidth_punct'] }).find((f) => f.articleId !== toAccept.articleId && f.articleId !== withCaption.id)!;
  rejectFinding(db, toReject.id);

  const others = articles.filter((a) => ![withCaption.id, toAccept.articleId, toReject.articleId].includes(a.id) && a.blocks.some((b) => b.cls === 'body' && b.text.length > 20));
  const [undoA, redoA, reclassA] = others;
  const ub = bodyBlock(undoA!);
  editBlockText(db, ub.id, `${ub.text}撤销`);
  undoArticle(db, undoA!.id);
  const rb = bodyBlock(redoA!);
  editBlockText(db, rb.id, `${rb.text}重做`);
  undoArticle(db, redoA!.id);
  redoArticle(db, redoA!.id);
  const cb = bodyBlock(reclassA!);
  reclassifyBlock(db, cb.id, 'lead');

  const open = addComment(db, { blockId: eb.id, start: 0, endBlockId: eb.id, end: 4 }, '请核对原报, 此处“疑有误”');
  const resolved = addComment(db, { blockId: eb.id, start: 6, endBlockId: eb.id, end: 9 }, '已核对');
  resolveComment(db, resolved.id, '无误');
  tagArticle(db, withCaption.id, 'Place/营口');
  tagSpan(db, { blockId: eb.id, start: 0, end: 2 }, 'Person/某人');
  setArticleStatus(db, withCaption.id, 'approved');

  return {
    lib,
    edited: { articleId: withCaption.id, blockId: eb.id, before: eb.text, after: editedText },
    accepted: { articleId: toAccept.articleId, blockId: toAccept.blockId, findingId: toAccept.id },
    rejected: { articleId: toReject.articleId, blockId: toReject.blockId, offset: toReject.start },
    undone: { articleId: undoA!.id, blockId: ub.id, text: '撤销' },
    redone: { articleId: redoA!.id, blockId: rb.id, text: '重做' },
    reclassified: { articleId: reclassA!.id, blockId: cb.id },
    comments: { open: open.id, resolved: resolved.id, blockId: eb.id },
    approved: withCaption.id,
  };
}

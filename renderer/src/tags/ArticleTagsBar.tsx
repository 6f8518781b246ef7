import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision } from '../../../app/revisions/log.js';
import type { ArticleTag } from '../../../app/tags/assign.js';
import type { TagSuggestion } from '../../../app/tags/suggest/suggest.js';
import { normalizeTagPath } from '../lib/tagTree.js';
import { useDesk } from './DeskContext.js';
import { TagPathInput } from './TagPathInput.js';
import { TagPickerDialog } from './TagPickerDialog.js';
import './tags.css';

/*
 * The article's tags under its header: chips with remove, a field to add one (type a path such as
 * 地点/营口, or pick from the tree), and the suggestions as chips the editor accepts or dismisses.
 * A suggestion is never applied on its own.
 */

interface ArticleTagsBarProps {
  articleId: number;
  tags: readonly ArticleTag[];
  busy: boolean;
  /** Runs a tagging call as an operation of the article (flush first, one at a time, undoable). */
  operate: (run: () => Promise<Revision>) => Promise<Revision | undefined>;
}

export function ArticleTagsBar({ articleId, tags, busy, operate }: ArticleTagsBarProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { api } = desk;
  const [adding, setAdding] = useState('');
  const [picking, setPicking] = useState(false);
  const [suggestions, setSuggestions] = useState<TagSuggestion[]>([]);
  const tagKey = tags.map((x) => x.tagId).join(',');

  // Suggestions again whenever the article's tags change (an accepted one drops out).
  useEffect(() => {
    let current = true;
    api.suggestTags({ articleId }).then(
      (list) => current && setSuggestions(list),
      () => current && setSuggestions([]),
    );
    return () => {
      current = false;
    };
  }, [api, articleId, tagKey]);

  const add = async (pathText: string) => {
    const path = normalizeTagPath(pathText);
    if (!path) return;
    const done = await operate(() => api.tagArticle({ articleId, tag: path }));
    if (done) {
      setAdding('');
      void desk.reloadTags();
    }
  };

  const remove = async (tag: ArticleTag) => {
    if (await operate(() => api.untagArticle({ articleId, tag: tag.tagId }))) void desk.reloadTags();
  };

  const dismiss = async (suggestion: TagSuggestion) => {
    try {
      setSuggestions(await api.dismissSuggestion({ articleId, tagPath: suggestion.tagPath }));
    } catch {
      setSuggestions((list) => list.filter((s) => s.tagPath !== suggestion.tagPath));
    }
  };

  return (
    <div className="article-tags" data-testid="article-tags" aria-label={t('articleTags.label')} role="group">
      <span className="small muted">{t('articleTags.label')}</span>
      {tags.length === 0 && <span className="small muted">{t('common.none')}</span>}
      {tags.map((tag) => (
        <span key={tag.tagId} className="tag-chip" data-testid={`article-tag-${tag.tagId}`} title={t('articleTags.byline', { author: tag.author, date: tag.createdAt.slice(0, 10) })}>
          {tag.pathText}
          <button
            type="button"
            className="icon-button"
            disabled={busy}
            onClick={() => void remove(tag)}
            aria-label={t('articleTags.remove', { path: tag.pathText })}
            data-testid={`article-tag-remove-${tag.tagId}`}
          >
            ×
          </button>
        </span>
      ))}
      <TagPathInput
        value={adding}
        onChange={setAdding}
        onEnter={() => void add(adding)}
        tags={desk.tags}
        placeholder={t('articleTags.addPlaceholder')}
        label={t('articleTags.add')}
        testId="article-tag-add"
        className="text-input article-tag-input"
      />
      <button type="button" className="button button-small" disabled={busy || !normalizeTagPath(adding)} onClick={() => void add(adding)} data-testid="article-tag-add-button">
        {t('articleTags.add')}
      </button>
      <button type="button" className="button button-small button-quiet" onClick={() => setPicking(true)} data-testid="article-tag-pick">
        {t('articleTags.pick')}
      </button>
      {suggestions.length > 0 && <span className="small muted suggestions-label">{t('articleTags.suggestions')}</span>}
      {suggestions.map((s, n) => (
        <span key={s.tagPath} className="suggestion-chip" data-testid={`suggestion-${n}`} data-tag-path={s.tagPath} title={s.evidence.join(t('common.separator'))}>
          {s.tagPath}
          <button
            type="button"
            className="suggestion-accept"
            disabled={busy}
            onClick={() => void add(s.tagPath)}
            aria-label={t('articleTags.accept', { path: s.tagPath })}
            data-testid={`suggestion-accept-${n}`}
          >
            ✓
          </button>
          <button
            type="button"
            className="suggestion-dismiss"
            onClick={() => void dismiss(s)}
            aria-label={t('articleTags.dismiss', { path: s.tagPath })}
            data-testid={`suggestion-dismiss-${n}`}
          >
            ×
          </button>
        </span>
      ))}
      {picking && (
        <TagPickerDialog
          title={t('articleTags.pickTitle')}
          onPick={(path) => {
            setPicking(false);
            void add(path);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagInfo } from '../../../app/tags/vocabulary.js';
import { describeError } from '../api/errors.js';
import { filterTagTree, mergeTargets, normalizeTagPath, parentIds, parseKeywords, visibleInTree, DEFAULT_VOCABULARIES } from '../lib/tagTree.js';
import { Dialog } from '../ui/Dialog.js';
import { useNotify } from '../ui/Toasts.js';
import { useDesk } from './DeskContext.js';
import { GazetteerPanel } from './GazetteerPanel.js';
import './tags.css';

/*
 * The tag vocabularies (Campaign, Place, Person, Topic, Section…) as a tree: create a tag by its
 * path, rename or move one, merge one into another, and write the keyword rules that make the
 * suggestions offer a tag. Renames and merges are revisions (undoable from an article they touch).
 */

interface TagsPanelProps {
  hidden: boolean;
  /** Show the articles carrying a tag (the search panel with that filter). */
  onSearchTag: (tag: TagInfo) => void;
}

export function TagsPanel({ hidden, onSearchTag }: TagsPanelProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'create' | 'rename' | 'merge' | null>(null);

  const tags = desk.tags ?? [];
  const shown = useMemo(() => {
    const matching = filterTagTree(tags, filter);
    return filter.trim() === '' ? visibleInTree(matching, collapsed) : matching;
  }, [tags, filter, collapsed]);
  const parents = useMemo(() => parentIds(tags), [tags]);
  const selected = tags.find((tag) => tag.id === selectedId) ?? null;

  const createVocabularies = async () => {
    try {
      for (const name of DEFAULT_VOCABULARIES) await desk.api.createTag({ path: name });
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    }
    await desk.reloadTags();
  };

  const toggle = (id: number) =>
    setCollapsed((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="desk-panel tags-panel" hidden={hidden} data-testid="tags-panel" aria-label={t('tags.title')}>
      <div className="tags-columns">
        <div className="tag-tree-column">
          <div className="panel-toolbar">
            <input
              type="search"
              className="text-input tag-filter"
              value={filter}
              placeholder={t('tags.filter')}
              aria-label={t('tags.filter')}
              data-testid="tag-filter"
              onChange={(event) => setFilter(event.target.value)}
            />
            <button type="button" className="button button-small button-primary" onClick={() => setDialog('create')} data-testid="tag-create">
              + {t('tags.create')}
            </button>
          </div>
          {desk.tags !== null && tags.length === 0 && (
            <div className="empty-inline">
              <p className="muted">{t('tags.none')}</p>
              <button type="button" className="button button-small" onClick={() => void createVocabularies()} data-testid="tag-create-vocabularies">
                {t('tags.createVocabularies', { vocabularies: DEFAULT_VOCABULARIES.join(' · ') })}
              </button>
            </div>
          )}
          <ul className="tag-tree" role="tree" aria-label={t('tags.tree')} data-testid="tag-tree">
            {shown.map((tag) => (
              <li
                key={tag.id}
                role="treeitem"
                aria-level={tag.depth + 1}
                aria-selected={tag.id === selectedId}
                aria-expanded={parents.has(tag.id) ? !collapsed.has(tag.id) : undefined}
                className={tag.id === selectedId ? 'tag-row selected' : 'tag-row'}
                style={{ paddingLeft: 8 + tag.depth * 16 }}
              >
                {parents.has(tag.id) ? (
                  <button type="button" className="tag-toggle" onClick={() => toggle(tag.id)} aria-label={t('tags.toggle')}>
                    {collapsed.has(tag.id) ? '▸' : '▾'}
                  </button>
                ) : (
                  <span className="tag-toggle" aria-hidden="true" />
                )}
                <button type="button" className="tag-name" onClick={() => setSelectedId(tag.id)} data-testid={`tag-${tag.id}`} title={tag.pathText}>
                  {tag.name}
                </button>
                <span className="tag-count muted small" title={t('tags.countTitle', { articles: tag.subtreeArticles, spans: tag.spans })}>
                  {tag.subtreeArticles}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div className="tag-detail-column">
          {selected ? (
            <TagDetail key={selected.id} tag={selected} onRename={() => setDialog('rename')} onMerge={() => setDialog('merge')} onSearch={() => onSearchTag(selected)} />
          ) : (
            <p className="empty-inline muted">{t('tags.selectHint')}</p>
          )}
          <GazetteerPanel />
        </div>
      </div>
      {dialog === 'create' && <CreateTagDialog parent={selected} onCreated={(id) => setSelectedId(id)} onClose={() => setDialog(null)} />}
      {dialog === 'rename' && selected && <RenameTagDialog tag={selected} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && selected && (
        <MergeTagDialog tag={selected} tags={tags} onMerged={(id) => setSelectedId(id)} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

function TagDetail({ tag, onRename, onMerge, onSearch }: { tag: TagInfo; onRename: () => void; onMerge: () => void; onSearch: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [keywords, setKeywords] = useState(tag.keywords.join('，'));
  const [busy, setBusy] = useState(false);
  useEffect(() => setKeywords(tag.keywords.join('，')), [tag.keywords]);
  const changed = parseKeywords(keywords).join('\n') !== tag.keywords.join('\n');

  const saveKeywords = async () => {
    setBusy(true);
    try {
      await desk.api.setTagKeywords({ id: tag.id, keywords: parseKeywords(keywords) });
      await desk.reloadTags();
      notify({ kind: 'success', text: t('tags.keywordsSaved') });
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tag-detail" data-testid="tag-detail">
      <h2 className="tag-detail-path">{tag.pathText}</h2>
      <p className="muted small">{t('tags.counts', { articles: tag.articles, subtree: tag.subtreeArticles, spans: tag.spans })}</p>
      <div className="tag-actions">
        <button type="button" className="button button-small" onClick={onRename} data-testid="tag-rename">
          {t('tags.rename')}
        </button>
        <button type="button" className="button button-small" onClick={onMerge} data-testid="tag-merge">
          {t('tags.merge')}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onSearch} data-testid="tag-search">
          {t('tags.searchArticles')}
        </button>
      </div>
      <label className="form-row">
        <span className="form-label">{t('tags.keywords')}</span>
        <textarea
          className="text-area"
          value={keywords}
          placeholder={t('tags.keywordsPlaceholder')}
          data-testid="tag-keywords"
          onChange={(event) => setKeywords(event.target.value)}
        />
        <span className="muted small">{t('tags.keywordsHint')}</span>
      </label>
      <div>
        <button type="button" className="button button-small" disabled={busy || !changed} onClick={() => void saveKeywords()} data-testid="tag-keywords-save">
          {t('tags.keywordsSave')}
        </button>
      </div>
    </div>
  );
}

function CreateTagDialog({ parent, onCreated, onClose }: { parent: TagInfo | null; onCreated: (id: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [path, setPath] = useState(parent ? `${parent.pathText}/` : '');
  const [busy, setBusy] = useState(false);
  const normalized = normalizeTagPath(path);
  const create = async () => {
    if (!normalized) return;
    setBusy(true);
    try {
      const tag = await desk.api.createTag({ path: normalized });
      await desk.reloadTags();
      onCreated(tag.id);
      notify({ kind: 'success', text: t('tags.created', { path: tag.pathText }) });
      onClose();
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('tags.createTitle')}
      onClose={onClose}
      size="small"
      testId="tag-create-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !normalized} onClick={() => void create()} data-testid="tag-create-confirm">
            {t('tags.create')}
          </button>
        </>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('tags.path')}</span>
        <input
          type="text"
          className="text-input"
          value={path}
          autoFocus
          placeholder={t('tags.pathPlaceholder')}
          data-testid="tag-create-input"
          onChange={(event) => setPath(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) void create();
          }}
        />
      </label>
      <p className="muted small">{t('tags.createHint', { vocabularies: DEFAULT_VOCABULARIES.join(' · ') })}</p>
    </Dialog>
  );
}

function RenameTagDialog({ tag, onClose }: { tag: TagInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [name, setName] = useState(tag.name);
  const parentPath = tag.path.slice(0, -1).join('/');
  const [parent, setParent] = useState(parentPath);
  const [busy, setBusy] = useState(false);
  const parentChanged = parent.trim() !== parentPath;
  const rename = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    setBusy(true);
    try {
      const newParent = parent.trim() === '' ? null : normalizeTagPath(parent);
      await desk.api.renameTag({
        id: tag.id,
        name: trimmed === tag.name ? undefined : trimmed,
        parent: parentChanged ? newParent : undefined,
      });
      await desk.reloadTags();
      notify({ kind: 'success', text: t('tags.renamed') });
      onClose();
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('tags.renameTitle', { path: tag.pathText })}
      onClose={onClose}
      size="small"
      testId="tag-rename-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || name.trim() === '' || (name.trim() === tag.name && !parentChanged)}
            onClick={() => void rename()}
            data-testid="tag-rename-confirm"
          >
            {t('tags.rename')}
          </button>
        </>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('tags.newName')}</span>
        <input type="text" className="text-input" value={name} autoFocus data-testid="tag-rename-input" onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="form-row">
        <span className="form-label">{t('tags.parent')}</span>
        <input
          type="text"
          className="text-input"
          value={parent}
          placeholder={t('tags.parentNone')}
          data-testid="tag-rename-parent"
          onChange={(event) => setParent(event.target.value)}
        />
      </label>
    </Dialog>
  );
}

function MergeTagDialog({ tag, tags, onMerged, onClose }: { tag: TagInfo; tags: readonly TagInfo[]; onMerged: (id: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const targets = useMemo(() => mergeTargets(tags, tag.id), [tags, tag.id]);
  const [targetId, setTargetId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const target = targets.find((x) => x.id === targetId) ?? null;
  const merge = async () => {
    if (!target) return;
    setBusy(true);
    try {
      await desk.api.mergeTags({ sourceId: tag.id, targetId: target.id });
      await desk.reloadTags();
      onMerged(target.id);
      notify({ kind: 'success', text: t('tags.merged', { source: tag.pathText, target: target.pathText }) });
      onClose();
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('tags.mergeTitle', { path: tag.pathText })}
      onClose={onClose}
      size="small"
      testId="tag-merge-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-danger" disabled={busy || !target} onClick={() => void merge()} data-testid="tag-merge-confirm">
            {t('tags.merge')}
          </button>
        </>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('tags.mergeTarget')}</span>
        <select
          className="select"
          value={targetId ?? ''}
          data-testid="tag-merge-target"
          onChange={(event) => setTargetId(event.target.value === '' ? null : Number(event.target.value))}
        >
          <option value="">{t('tags.mergeChoose')}</option>
          {targets.map((x) => (
            <option key={x.id} value={x.id}>
              {x.pathText}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t('tags.mergeNote', { source: tag.pathText, articles: tag.subtreeArticles })}</p>
    </Dialog>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResult } from '../../../app/search/search.js';
import type { SourceSummary } from '../../../app/store/sources.js';
import type { DefectKind } from '../../../app/findings/types.js';
import type { ArticleStatus } from '../../../app/store/articles.js';
import { describeError } from '../api/errors.js';
import { ARTICLE_STATUS_NAMES, DEFECT_KIND_NAMES } from '../lib/kinds.js';
import { EMPTY_SEARCH_FORM, formOfSaved, isEmptySpec, specOfForm, type SearchForm } from '../lib/searchSpec.js';
import { snippetPieces } from '../lib/snippets.js';
import { useDesk } from '../tags/DeskContext.js';
import { TagPathInput } from '../tags/TagPathInput.js';
import { useNotify } from '../ui/Toasts.js';
import { BulkTagDialog } from './BulkTagDialog.js';
import { SaveSearchDialog } from './SaveSearchDialog.js';
import './search.css';

/*
 * Full-text search over the library (the server folds traditional and simplified characters and
 * ranks with bm25): a query and filters, ranked hits with their highlighted snippets, saved
 * searches, and bulk tagging of everything the search matches (one revision, one undo).
 */

const PAGE = 50;
const DEBOUNCE_MS = 250;

interface SearchPanelProps {
  hidden: boolean;
  sources: readonly SourceSummary[] | null;
  /** A search asked for from elsewhere (the tags panel's "articles with this tag"). */
  preset: { tag: string; seq: number } | null;
  /** After a bulk action: the library's rows of these articles changed. */
  onArticlesTouched: (ids: readonly number[]) => void;
}

export function SearchPanel({ hidden, sources, preset, onArticlesTouched }: SearchPanelProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const { api } = desk;
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH_FORM);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [bulk, setBulk] = useState<'tag' | 'untag' | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    if (!preset) return;
    setSavedId(null);
    setForm({ ...EMPTY_SEARCH_FORM, tag: preset.tag });
  }, [preset]);

  const spec = specOfForm(form);
  const specKey = JSON.stringify(spec);

  const run = useCallback(
    async (offset = 0) => {
      const current = JSON.parse(specKey) as ReturnType<typeof specOfForm>;
      const mine = ++generation.current;
      if (isEmptySpec(current)) {
        setResult(null);
        setError(null);
        return;
      }
      setLoading(true);
      try {
        const next = await api.search({ ...current, limit: PAGE, offset });
        if (mine !== generation.current) return;
        setResult((previous) => (offset > 0 && previous ? { ...next, hits: [...previous.hits, ...next.hits] } : next));
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(describeError(t, err));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api, specKey, t],
  );

  useEffect(() => {
    const timer = setTimeout(() => void run(0), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [run]);

  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const loadSaved = (id: number | null) => {
    setSavedId(id);
    const saved = desk.savedSearches?.find((s) => s.id === id);
    setForm(saved ? formOfSaved(saved) : EMPTY_SEARCH_FORM);
  };

  const save = async (name: string, overwrite: boolean) => {
    try {
      const saved = await api.saveSearch({ ...spec, name, id: overwrite && savedId !== null ? savedId : undefined });
      setSavedId(saved.id);
      await desk.reloadSavedSearches();
      notify({ kind: 'success', text: t('search.savedToast', { name: saved.name }) });
      setSaving(false);
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    }
  };

  const afterBulk = (articles: readonly number[]) => {
    onArticlesTouched(articles);
    void desk.reloadTags();
    void desk.reloadCampaigns();
    void run(0);
  };

  const empty = isEmptySpec(spec);
  const hits = result?.hits ?? [];
  const more = result !== null && hits.length < Math.min(result.total, result.rankedWithin || result.total);

  return (
    <section className="search-panel" hidden={hidden} data-testid="search-panel" aria-label={t('search.title')}>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(0);
        }}
      >
        <div className="search-row">
          <input
            type="search"
            className="search-input search-query"
            value={form.query}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
            data-testid="search-input"
            onChange={(event) => set('query', event.target.value)}
          />
          <select
            className="select"
            value={savedId ?? ''}
            aria-label={t('search.saved')}
            data-testid="search-saved"
            onChange={(event) => loadSaved(event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t('search.savedNone')}</option>
            {desk.savedSearches?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={empty} onClick={() => setSaving(true)} data-testid="search-save">
            {t('search.save')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setForm(EMPTY_SEARCH_FORM);
              setSavedId(null);
            }}
            data-testid="search-clear"
          >
            {t('search.clear')}
          </button>
        </div>
        <div className="search-filters" role="group" aria-label={t('search.filters')}>
          <TagPathInput
            value={form.tag}
            onChange={(value) => set('tag', value)}
            tags={desk.tags}
            placeholder={t('search.tagPlaceholder')}
            label={t('search.tag')}
            testId="search-filter-tag"
            className="text-input filter-input"
          />
          <select
            className="select"
            value={form.campaign ?? ''}
            aria-label={t('search.campaign')}
            data-testid="search-filter-campaign"
            onChange={(event) => set('campaign', event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t('search.anyCampaign')}</option>
            {desk.campaigns?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <select
            className="select"
            value={form.status}
            aria-label={t('search.status')}
            data-testid="search-filter-status"
            onChange={(event) => set('status', event.target.value as ArticleStatus | '')}
          >
            <option value="">{t('filter.anyStatus')}</option>
            {ARTICLE_STATUS_NAMES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <input
            type="text"
            className="text-input filter-input"
            value={form.section}
            placeholder={t('search.section')}
            aria-label={t('search.section')}
            data-testid="search-filter-section"
            onChange={(event) => set('section', event.target.value)}
          />
          <input
            type="text"
            className="text-input filter-input"
            value={form.reporter}
            placeholder={t('search.reporter')}
            aria-label={t('search.reporter')}
            data-testid="search-filter-reporter"
            onChange={(event) => set('reporter', event.target.value)}
          />
          <select
            className="select"
            value={form.sourceId ?? ''}
            aria-label={t('search.source')}
            data-testid="search-filter-source"
            onChange={(event) => set('sourceId', event.target.value === '' ? null : Number(event.target.value))}
          >
            <option value="">{t('library.allPages')}</option>
            {sources?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <select
            className="select"
            value={form.findingKind}
            aria-label={t('search.findingKind')}
            data-testid="search-filter-finding"
            onChange={(event) => set('findingKind', event.target.value as DefectKind | '')}
          >
            <option value="">{t('search.anyFinding')}</option>
            {DEFECT_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {t('search.openFindingOf', { kind: t(`kind.${k}`) })}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div className="search-summary">
        <span className="muted" data-testid="search-count" aria-live="polite">
          {empty
            ? t('search.hint')
            : loading && !result
              ? t('common.loading')
              : result
                ? t('search.count', { count: result.total })
                : ''}
          {result && result.terms.length > 0 && !empty && (
            <span className="search-terms"> · {t('search.terms', { terms: result.terms.join(' ') })}</span>
          )}
          {result?.ranking === 'bm25_newest' && <span> · {t('search.rankedNewest', { count: result.rankedWithin })}</span>}
        </span>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button button-small"
          disabled={empty || !result || result.total === 0}
          onClick={() => setBulk('tag')}
          data-testid="bulk-tag"
        >
          {t('search.bulkTag')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={empty || !result || result.total === 0}
          onClick={() => setBulk('untag')}
          data-testid="bulk-untag"
        >
          {t('search.bulkUntag')}
        </button>
      </div>

      {error && (
        <div className="banner" role="alert">
          {error}
        </div>
      )}

      <ol className="search-results" data-testid="search-results">
        {hits.map((hit) => (
          <SearchHitItem key={hit.article.id} hit={hit} onOpen={() => desk.openArticle(hit.article.id)} />
        ))}
      </ol>
      {!empty && result && result.total === 0 && <p className="empty-inline muted">{t('search.empty')}</p>}
      {more && (
        <button type="button" className="button load-more" onClick={() => void run(hits.length)} disabled={loading}>
          {t('search.more')}
        </button>
      )}

      {saving && (
        <SaveSearchDialog
          current={desk.savedSearches?.find((s) => s.id === savedId) ?? null}
          onSave={save}
          onClose={() => setSaving(false)}
        />
      )}
      {bulk && (
        <BulkTagDialog
          spec={spec}
          untag={bulk === 'untag'}
          defaultTag={form.tag}
          onDone={afterBulk}
          onClose={() => setBulk(null)}
        />
      )}
    </section>
  );
}

function SearchHitItem({ hit, onOpen }: { hit: SearchHit; onOpen: () => void }) {
  const { t } = useTranslation();
  const a = hit.article;
  return (
    <li className="search-hit">
      <button type="button" className="search-hit-button" onClick={onOpen} data-testid={`search-result-${a.id}`}>
        <span className="search-hit-head">
          <span className="search-hit-title">{a.headline ?? t('common.untitled')}</span>
          <span className={`status-pill status-${a.status}`}>{t(`status.${a.status}`)}</span>
        </span>
        <span className="search-hit-meta muted small">
          <span className="mono">#{a.id}</span> · {a.sourceName}
          {a.section ? ` · ${a.section}` : ''}
          {a.reporters.length > 0 ? ` · ${a.reporters.join(t('common.separator'))}` : ''}
          {hit.matches > 0 ? ` · ${t('search.matches', { count: hit.matches })}` : ''}
        </span>
        {hit.snippets.map((snippet, i) => (
          <span key={`${snippet.blockId}-${i}`} className="search-snippet">
            {snippet.clippedStart && '…'}
            {snippetPieces(snippet).map((piece, j) =>
              piece.mark ? (
                <mark key={j} className="search-mark">
                  {piece.text}
                </mark>
              ) : (
                <span key={j}>{piece.text}</span>
              ),
            )}
            {snippet.clippedEnd && '…'}
          </span>
        ))}
      </button>
    </li>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../app/tags/campaigns.js';
import { describeError } from '../api/errors.js';
import { campaignPercent } from '../lib/campaigns.js';
import { normalizeTagPath } from '../lib/tagTree.js';
import { useDesk } from '../tags/DeskContext.js';
import { TagPathInput } from '../tags/TagPathInput.js';
import { Dialog } from '../ui/Dialog.js';
import { useNotify } from '../ui/Toasts.js';
import './campaigns.css';

/*
 * Tagging campaigns: a vocabulary (its root tag) worked through over a scope (a saved search).
 * Each shows its progress (articles in scope tagged in the vocabulary / in scope), and "next in
 * queue" opens the next article in scope not tagged yet.
 */

export function CampaignsPanel({ hidden }: { hidden: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const campaigns = desk.campaigns ?? [];
  const selected = campaigns.find((c) => c.id === selectedId) ?? campaigns[0] ?? null;

  // Progress moves as articles are tagged elsewhere: fetch again whenever the panel shows.
  useEffect(() => {
    if (!hidden) void desk.reloadCampaigns();
  }, [hidden, desk.reloadCampaigns]);

  const next = async (campaign: Campaign) => {
    try {
      const item = await desk.api.nextInCampaign({ id: campaign.id });
      if (!item.article) notify({ kind: 'success', text: t('campaigns.allDone', { name: campaign.name }) });
      else desk.openArticle(item.article.id, { campaignId: campaign.id });
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    }
  };

  return (
    <section className="desk-panel campaigns-panel" hidden={hidden} aria-label={t('campaigns.title')}>
      <div className="panel-toolbar">
        <button type="button" className="button button-small button-primary" onClick={() => setCreating(true)} data-testid="campaign-create">
          + {t('campaigns.create')}
        </button>
        <span className="toolbar-spacer" />
        {selected && (
          <button type="button" className="button button-small" onClick={() => void next(selected)} data-testid="campaign-next">
            {t('campaigns.next', { name: selected.name })} ›
          </button>
        )}
      </div>
      <ul className="campaign-list" data-testid="campaign-list">
        {campaigns.map((c) => (
          <li key={c.id} className={c.id === selected?.id ? 'campaign-row selected' : 'campaign-row'}>
            <button type="button" className="campaign-select" onClick={() => setSelectedId(c.id)} data-testid={`campaign-${c.id}`} aria-pressed={c.id === selected?.id}>
              <span className="campaign-name">{c.name}</span>
              <span className="muted small">
                {t('campaigns.vocabulary')}: {c.tag?.pathText ?? t('campaigns.noTag')} · {t('campaigns.scope')}: {c.scope.name}
              </span>
            </button>
            <div className="campaign-progress">
              <progress value={c.progress.tagged} max={Math.max(1, c.progress.inScope)} data-testid={`campaign-progress-${c.id}`} data-tagged={c.progress.tagged} data-in-scope={c.progress.inScope} aria-label={t('campaigns.progressLabel', { name: c.name })} />
              <span className="small">
                {t('campaigns.progress', { tagged: c.progress.tagged, inScope: c.progress.inScope })} ({campaignPercent(c.progress)}%)
              </span>
            </div>
          </li>
        ))}
      </ul>
      {desk.campaigns !== null && campaigns.length === 0 && <p className="empty-inline muted">{t('campaigns.none')}</p>}
      {creating && <CreateCampaignDialog onCreated={(id) => setSelectedId(id)} onClose={() => setCreating(false)} />}
    </section>
  );
}

function CreateCampaignDialog({ onCreated, onClose }: { onCreated: (id: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [name, setName] = useState('');
  const [tag, setTag] = useState('');
  const [scope, setScope] = useState<number | 'all' | ''>('');
  const [busy, setBusy] = useState(false);
  const path = normalizeTagPath(tag);
  const ready = name.trim() !== '' && path !== null && scope !== '';
  const roots = desk.tags?.filter((x) => x.depth === 0) ?? null;

  const create = async () => {
    if (!ready || !path) return;
    setBusy(true);
    try {
      const campaign = await desk.api.createCampaign(
        scope === 'all' ? { name: name.trim(), tag: path, search: {} } : { name: name.trim(), tag: path, searchId: Number(scope) },
      );
      await Promise.all([desk.reloadCampaigns(), desk.reloadTags(), desk.reloadSavedSearches()]);
      onCreated(campaign.id);
      notify({ kind: 'success', text: t('campaigns.created', { name: campaign.name }) });
      onClose();
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('campaigns.createTitle')}
      onClose={onClose}
      size="small"
      testId="campaign-create-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !ready} onClick={() => void create()} data-testid="campaign-create-confirm">
            {t('campaigns.create')}
          </button>
        </>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('campaigns.name')}</span>
        <input type="text" className="text-input" value={name} autoFocus data-testid="campaign-name" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="form-row">
        <span className="form-label">{t('campaigns.vocabulary')}</span>
        <TagPathInput value={tag} onChange={setTag} tags={roots} placeholder={t('campaigns.vocabularyPlaceholder')} label={t('campaigns.vocabulary')} testId="campaign-tag" />
      </label>
      <label className="form-row">
        <span className="form-label">{t('campaigns.scope')}</span>
        <select
          className="select"
          value={scope}
          data-testid="campaign-scope"
          onChange={(e) => setScope(e.target.value === '' ? '' : e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          <option value="">{t('campaigns.scopeChoose')}</option>
          <option value="all">{t('campaigns.scopeAll')}</option>
          {desk.savedSearches?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <span className="muted small">{t('campaigns.scopeHint')}</span>
      </label>
    </Dialog>
  );
}

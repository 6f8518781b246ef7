import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GazetteerEntry } from '../../../app/tags/suggest/gazetteer.js';
import { describeError } from '../api/errors.js';
import { normalizeTagPath, parseKeywords } from '../lib/tagTree.js';
import { useNotify } from '../ui/Toasts.js';
import { useDesk } from './DeskContext.js';
import { TagPathInput } from './TagPathInput.js';

/*
 * The gazetteer: the places the suggestions recognise (the general list of provinces and
 * prefectures, and the desk's own entries), and a form to add one.
 */

const SHOWN = 200;

export function GazetteerPanel() {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const [entries, setEntries] = useState<GazetteerEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [tagPath, setTagPath] = useState('');
  const [region, setRegion] = useState('');
  const [busy, setBusy] = useState(false);

  const load = () =>
    desk.api.listGazetteer({}).then(setEntries, (err: unknown) => notify({ kind: 'error', text: describeError(t, err) }));
  useEffect(() => void load(), []);

  const shown = useMemo(() => {
    const needle = filter.trim();
    const list = entries ?? [];
    const matching = needle === '' ? list : list.filter((e) => [e.name, ...e.aliases, e.tagPath, e.region ?? ''].some((s) => s.includes(needle)));
    // The desk's own entries first.
    return [...matching.filter((e) => e.id !== null), ...matching.filter((e) => e.id === null)];
  }, [entries, filter]);

  const path = normalizeTagPath(tagPath || (name.trim() ? `Place/${name.trim()}` : ''));
  const add = async () => {
    if (!name.trim() || !path) return;
    setBusy(true);
    try {
      const entry = await desk.api.addGazetteerEntry({
        name: name.trim(),
        aliases: parseKeywords(aliases),
        tagPath: path,
        region: region.trim() || null,
      });
      notify({ kind: 'success', text: t('gazetteer.added', { name: entry.name }) });
      setName('');
      setAliases('');
      setTagPath('');
      setRegion('');
      await load();
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gazetteer" data-testid="gazetteer">
      <h2 className="panel-title">{t('gazetteer.title')}</h2>
      <form
        className="gazetteer-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input type="text" className="text-input" value={name} placeholder={t('gazetteer.name')} aria-label={t('gazetteer.name')} data-testid="gazetteer-name" onChange={(e) => setName(e.target.value)} />
        <input type="text" className="text-input" value={aliases} placeholder={t('gazetteer.aliases')} aria-label={t('gazetteer.aliases')} data-testid="gazetteer-aliases" onChange={(e) => setAliases(e.target.value)} />
        <TagPathInput
          value={tagPath}
          onChange={setTagPath}
          tags={desk.tags}
          placeholder={name.trim() ? `Place/${name.trim()}` : t('gazetteer.tagPath')}
          label={t('gazetteer.tagPath')}
          testId="gazetteer-tag"
        />
        <input type="text" className="text-input" value={region} placeholder={t('gazetteer.region')} aria-label={t('gazetteer.region')} data-testid="gazetteer-region" onChange={(e) => setRegion(e.target.value)} />
        <button type="submit" className="button button-small" disabled={busy || !name.trim() || !path} data-testid="gazetteer-add">
          {t('gazetteer.add')}
        </button>
      </form>
      <input
        type="search"
        className="text-input gazetteer-filter"
        value={filter}
        placeholder={t('gazetteer.filter')}
        aria-label={t('gazetteer.filter')}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="gazetteer-list" data-testid="gazetteer-list">
        {shown.slice(0, SHOWN).map((e) => (
          <li key={`${e.id ?? 'b'}-${e.name}-${e.tagPath}`} className="gazetteer-row">
            <span className="gazetteer-name">{e.name}</span>
            <span className="muted small">{e.aliases.join('、')}</span>
            <span className="mono small">{e.tagPath}</span>
            <span className="muted small">{e.id === null ? t('gazetteer.builtin') : e.region ?? ''}</span>
          </li>
        ))}
      </ul>
      {shown.length > SHOWN && <p className="muted small">{t('gazetteer.more', { count: shown.length - SHOWN })}</p>}
    </div>
  );
}

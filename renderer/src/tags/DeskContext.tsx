import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../app/api/contract.js';
import type { SavedSearch } from '../../../app/search/saved.js';
import type { Campaign } from '../../../app/tags/campaigns.js';
import type { TagInfo } from '../../../app/tags/vocabulary.js';

/*
 * What the tagging and search panels share across the app: the tag vocabularies, the saved
 * searches and the campaigns (each fetched once and again after a change), and how to open an
 * article (at a comment's place, optionally).
 */

export interface OpenTarget {
  /** Select this comment's text once the article is open. */
  commentId?: number;
  /** Working through this campaign's queue (the article view offers "next"). */
  campaignId?: number;
}

export interface DeskData {
  api: ApiClient;
  tags: TagInfo[] | null;
  savedSearches: SavedSearch[] | null;
  campaigns: Campaign[] | null;
  reloadTags: () => Promise<void>;
  reloadSavedSearches: () => Promise<void>;
  reloadCampaigns: () => Promise<void>;
  openArticle: (id: number, target?: OpenTarget) => void;
}

const DeskContext = createContext<DeskData | null>(null);

export function useDesk(): DeskData {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskProvider');
  return desk;
}

interface DeskProviderProps {
  api: ApiClient;
  connected: boolean;
  openArticle: (id: number, target?: OpenTarget) => void;
  children: ReactNode;
}

/** Keeps one list from the API, reloadable; errors leave the last list in place. */
function useList<T>(load: () => Promise<T[]>, enabled: boolean): [T[] | null, () => Promise<void>] {
  const [list, setList] = useState<T[] | null>(null);
  const latest = useRef(load);
  latest.current = load;
  const reload = useCallback(async () => {
    try {
      setList(await latest.current());
    } catch (err) {
      console.error('[qinggao desk]', err);
    }
  }, []);
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);
  return [list, reload];
}

export function DeskProvider({ api, connected, openArticle, children }: DeskProviderProps) {
  const [tags, reloadTags] = useList(() => api.listTags({}), connected);
  const [savedSearches, reloadSavedSearches] = useList(() => api.listSavedSearches({}), connected);
  const [campaigns, reloadCampaigns] = useList(() => api.listCampaigns({}), connected);
  const latestOpen = useRef(openArticle);
  latestOpen.current = openArticle;
  const open = useCallback((id: number, target?: OpenTarget) => latestOpen.current(id, target), []);
  const value = useMemo<DeskData>(
    () => ({ api, tags, savedSearches, campaigns, reloadTags, reloadSavedSearches, reloadCampaigns, openArticle: open }),
    [api, tags, savedSearches, campaigns, reloadTags, reloadSavedSearches, reloadCampaigns, open],
  );
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

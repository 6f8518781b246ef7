import type { TagInfo } from '../../../app/tags/vocabulary.js';

/*
 * The tag vocabularies as the UI shows them: a flat list in tree order (the API gives tags
 * vocabularies first, each tree depth-first), narrowed by a filter that keeps a match's
 * ancestors so the tree still reads as a tree; and tag paths as the editor types them.
 */

/** The vocabularies the desk starts with (paths are created on first use; these are offered). */
export const DEFAULT_VOCABULARIES = ['Campaign', 'Place', 'Person', 'Topic', 'Section'] as const;

/** Splits a typed path ("地点/营口", "Place › 营口") into names; null when a segment is empty. */
export function parseTypedPath(text: string): string[] | null {
  const segments = text.normalize('NFC').split(/[/›]/).map((s) => s.trim());
  if (segments.length === 0 || segments.some((s) => s.length === 0)) return null;
  return segments;
}

/** A typed path in the form the API takes ("Place/营口"), or null when it is not a path. */
export function normalizeTagPath(text: string): string | null {
  const segments = parseTypedPath(text);
  return segments ? segments.join('/') : null;
}

/** Tags in tree order whose path contains the filter (case-insensitive), with their ancestors. */
export function filterTagTree(tags: readonly TagInfo[], filter: string): TagInfo[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return [...tags];
  const keep = new Set<number>();
  const byId = new Map(tags.map((t) => [t.id, t]));
  for (const tag of tags) {
    if (!tag.pathText.toLowerCase().includes(needle)) continue;
    for (let at: TagInfo | undefined = tag; at && !keep.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      keep.add(at.id);
    }
  }
  return tags.filter((t) => keep.has(t.id));
}

/** Tags hidden because an ancestor is collapsed. */
export function visibleInTree(tags: readonly TagInfo[], collapsed: ReadonlySet<number>): TagInfo[] {
  if (collapsed.size === 0) return [...tags];
  const byId = new Map(tags.map((t) => [t.id, t]));
  const hidden = (tag: TagInfo): boolean => {
    for (let parent = tag.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) {
      if (collapsed.has(parent)) return true;
    }
    return false;
  };
  return tags.filter((t) => !hidden(t));
}

/** Which tags have children (to draw a disclosure triangle). */
export function parentIds(tags: readonly TagInfo[]): Set<number> {
  const out = new Set<number>();
  for (const t of tags) if (t.parentId !== null) out.add(t.parentId);
  return out;
}

/** Where a tag may be merged into: any other live tag outside its own subtree. */
export function mergeTargets(tags: readonly TagInfo[], sourceId: number): TagInfo[] {
  const source = tags.find((t) => t.id === sourceId);
  if (!source) return [];
  const prefix = `${source.pathText}/`;
  return tags.filter((t) => t.id !== sourceId && !t.pathText.startsWith(prefix));
}

/** Keywords typed as one line: separated by commas (either width), 、 or new lines; blanks and repeats dropped. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[,，、;；\n]/)) {
    const word = raw.trim();
    if (word) seen.add(word);
  }
  return [...seen];
}

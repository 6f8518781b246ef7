/*
 * Keyboard shortcuts, declared once: the key handler matches against this table and the help
 * overlay (?) lists it, so the two never disagree. `mod` is Ctrl, or ⌘ on macOS. Letters and
 * digits are matched by physical key (event.code), because Alt changes the character they type on
 * macOS; named keys (F8, Enter, PageDown…) by event.key.
 */

export type ShortcutId =
  | 'help'
  | 'nextFinding'
  | 'previousFinding'
  | 'acceptFinding'
  | 'rejectFinding'
  | 'acceptAllOfKind'
  | 'undo'
  | 'redo'
  | 'save'
  | 'nextArticle'
  | 'previousArticle'
  | 'backToLibrary'
  | 'split'
  | 'mergeNext'
  | 'moveBlock'
  | 'status1'
  | 'status2'
  | 'status3'
  | 'status4'
  | 'blockClass'
  | 'tabEdit'
  | 'tabCompare'
  | 'tabHistory'
  | 'search'
  | 'importFiles';

export type ShortcutScope = 'global' | 'library' | 'article';

export interface KeyChord {
  /** event.key for named keys ("F8", "Enter", "?"), or event.code for letters and digits ("KeyS", "Digit1"). */
  key: string;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** A chord that types a character: ignored while typing in a field or the editor. */
  notInText?: boolean;
}

export interface ShortcutDef {
  id: ShortcutId;
  scope: ShortcutScope;
  chords: KeyChord[];
  /** Also when typing in a text field or the editor (otherwise the key is left to the field). */
  inText: boolean;
}

export const SHORTCUTS: readonly ShortcutDef[] = [
  { id: 'help', scope: 'global', chords: [{ key: '?', shift: true, notInText: true }, { key: 'F1' }], inText: true },
  { id: 'undo', scope: 'article', chords: [{ key: 'KeyZ', mod: true }], inText: true },
  { id: 'redo', scope: 'article', chords: [{ key: 'KeyZ', mod: true, shift: true }, { key: 'KeyY', mod: true }], inText: true },
  { id: 'save', scope: 'article', chords: [{ key: 'KeyS', mod: true }], inText: true },
  { id: 'nextFinding', scope: 'article', chords: [{ key: 'F8' }, { key: 'ArrowDown', alt: true }], inText: true },
  { id: 'previousFinding', scope: 'article', chords: [{ key: 'F8', shift: true }, { key: 'ArrowUp', alt: true }], inText: true },
  { id: 'acceptFinding', scope: 'article', chords: [{ key: 'Enter', alt: true }], inText: true },
  { id: 'rejectFinding', scope: 'article', chords: [{ key: 'Backspace', alt: true }, { key: 'Delete', alt: true }], inText: true },
  { id: 'acceptAllOfKind', scope: 'article', chords: [{ key: 'Enter', alt: true, shift: true }], inText: true },
  { id: 'nextArticle', scope: 'article', chords: [{ key: 'PageDown', alt: true }], inText: true },
  { id: 'previousArticle', scope: 'article', chords: [{ key: 'PageUp', alt: true }], inText: true },
  { id: 'backToLibrary', scope: 'article', chords: [{ key: 'KeyL', alt: true }], inText: true },
  { id: 'split', scope: 'article', chords: [{ key: 'KeyS', alt: true }], inText: true },
  { id: 'mergeNext', scope: 'article', chords: [{ key: 'KeyM', alt: true }], inText: true },
  { id: 'moveBlock', scope: 'article', chords: [{ key: 'KeyM', alt: true, shift: true }], inText: true },
  { id: 'blockClass', scope: 'article', chords: [{ key: 'KeyC', alt: true }], inText: true },
  { id: 'status1', scope: 'article', chords: [{ key: 'Digit1', alt: true }], inText: true },
  { id: 'status2', scope: 'article', chords: [{ key: 'Digit2', alt: true }], inText: true },
  { id: 'status3', scope: 'article', chords: [{ key: 'Digit3', alt: true }], inText: true },
  { id: 'status4', scope: 'article', chords: [{ key: 'Digit4', alt: true }], inText: true },
  { id: 'tabEdit', scope: 'article', chords: [{ key: 'KeyE', alt: true }], inText: true },
  { id: 'tabCompare', scope: 'article', chords: [{ key: 'KeyD', alt: true }], inText: true },
  { id: 'tabHistory', scope: 'article', chords: [{ key: 'KeyH', alt: true }], inText: true },
  { id: 'search', scope: 'library', chords: [{ key: 'KeyF', mod: true }], inText: true },
  { id: 'importFiles', scope: 'global', chords: [{ key: 'KeyO', mod: true }], inText: true },
];

/** The parts of a KeyboardEvent a chord is matched against (so tests need no DOM). */
export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const isCodeKey = (key: string) => /^(Key[A-Z]|Digit\d)$/.test(key);

export function matchesChord(event: KeyInput, chord: KeyChord, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== !!chord.mod || otherMod || event.altKey !== !!chord.alt) return false;
  if (isCodeKey(chord.key)) return event.code === chord.key && event.shiftKey === !!chord.shift;
  // '?' is itself a shifted key on most layouts; the character decides, not the Shift state.
  if (chord.key === '?') return event.key === '?';
  return event.key === chord.key && event.shiftKey === !!chord.shift;
}

/** The shortcut an event means in the given scopes, if any. */
export function findShortcut(
  event: KeyInput,
  scopes: readonly ShortcutScope[],
  inText: boolean,
  isMac: boolean,
): ShortcutDef | undefined {
  return SHORTCUTS.find(
    (def) =>
      scopes.includes(def.scope) &&
      (!inText || def.inText) &&
      def.chords.some((c) => (!inText || !c.notInText) && matchesChord(event, c, isMac)),
  );
}

/** A chord as the help overlay shows it: "Ctrl+Shift+Z", "⌥S", "F8". */
export function formatChord(chord: KeyChord, isMac: boolean): string {
  const key = chord.key.replace(/^Key/, '').replace(/^Digit/, '');
  const names: Record<string, string> = isMac
    ? { ArrowUp: '↑', ArrowDown: '↓', PageUp: 'PgUp', PageDown: 'PgDn', Enter: '↩', Backspace: '⌫', Delete: '⌦' }
    : { ArrowUp: '↑', ArrowDown: '↓', PageUp: 'PgUp', PageDown: 'PgDn', Backspace: 'Backspace', Delete: 'Del' };
  const label = names[key] ?? key;
  if (isMac) return `${chord.mod ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift && key !== '?' ? '⇧' : ''}${label}`;
  const parts = [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && key !== '?' && 'Shift', label].filter(Boolean);
  return parts.join('+');
}

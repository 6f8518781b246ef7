import { describe, expect, it } from 'vitest';
import { findShortcut, formatChord, matchesChord, SHORTCUTS, type KeyInput } from '../../renderer/src/lib/shortcuts.js';

function key(keyName: string, code: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: keyName, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('keyboard shortcuts', () => {
  it('has one definition per id, and no chord bound twice in overlapping scopes', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Map<string, string>();
    for (const def of SHORTCUTS) {
      for (const chord of def.chords) {
        const sig = `${chord.key}|${!!chord.mod}|${!!chord.alt}|${!!chord.shift}`;
        const other = seen.get(sig);
        expect(other, `${def.id} and ${other} share ${sig}`).toBeUndefined();
        seen.set(sig, def.id);
      }
    }
  });

  it('matches letters by physical key (Alt changes the character on macOS)', () => {
    expect(findShortcut(key('ß', 'KeyS', { altKey: true }), ['global', 'article'], true, true)?.id).toBe('split');
    expect(findShortcut(key('s', 'KeyS', { altKey: true }), ['global', 'article'], true, false)?.id).toBe('split');
    expect(findShortcut(key('s', 'KeyS'), ['global', 'article'], true, false)).toBeUndefined();
  });

  it('tells undo from redo, and Ctrl from ⌘ by platform', () => {
    const scopes = ['global', 'article'] as const;
    expect(findShortcut(key('z', 'KeyZ', { ctrlKey: true }), scopes, true, false)?.id).toBe('undo');
    expect(findShortcut(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), scopes, true, false)?.id).toBe('redo');
    expect(findShortcut(key('y', 'KeyY', { ctrlKey: true }), scopes, true, false)?.id).toBe('redo');
    expect(findShortcut(key('z', 'KeyZ', { metaKey: true }), scopes, true, true)?.id).toBe('undo');
    expect(findShortcut(key('z', 'KeyZ', { metaKey: true }), scopes, true, false)).toBeUndefined();
  });

  it('uses named keys for F8, Enter and paging, with Shift telling the direction', () => {
    const scopes = ['global', 'article'] as const;
    expect(findShortcut(key('F8', 'F8'), scopes, true, false)?.id).toBe('nextFinding');
    expect(findShortcut(key('F8', 'F8', { shiftKey: true }), scopes, true, false)?.id).toBe('previousFinding');
    expect(findShortcut(key('Enter', 'Enter', { altKey: true }), scopes, true, false)?.id).toBe('acceptFinding');
    expect(findShortcut(key('Enter', 'Enter', { altKey: true, shiftKey: true }), scopes, true, false)?.id).toBe('acceptAllOfKind');
    expect(findShortcut(key('PageDown', 'PageDown', { altKey: true }), scopes, true, false)?.id).toBe('nextArticle');
    expect(findShortcut(key('Enter', 'Enter'), scopes, true, false)).toBeUndefined();
  });

  it('leaves ? to text fields, and keeps article shortcuts out of the library', () => {
    expect(findShortcut(key('?', 'Slash', { shiftKey: true }), ['global', 'library'], false, false)?.id).toBe('help');
    expect(findShortcut(key('?', 'Slash', { shiftKey: true }), ['global', 'library'], true, false)).toBeUndefined();
    expect(findShortcut(key('F8', 'F8'), ['global', 'library'], false, false)).toBeUndefined();
    expect(matchesChord(key('F1', 'F1'), { key: 'F1' }, false)).toBe(true);
    expect(findShortcut(key('F1', 'F1'), ['global', 'article'], true, false)?.id).toBe('help');
  });

  it('formats chords for the help overlay', () => {
    expect(formatChord({ key: 'KeyZ', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatChord({ key: 'KeyZ', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(formatChord({ key: 'Digit3', alt: true }, false)).toBe('Alt+3');
    expect(formatChord({ key: '?', shift: true }, false)).toBe('?');
    expect(formatChord({ key: 'PageDown', alt: true }, true)).toBe('⌥PgDn');
  });
});

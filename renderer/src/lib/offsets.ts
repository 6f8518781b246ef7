/*
 * Findings carry offsets into a block's text as it was when they were found (the saved text).
 * While the editor types, the block's text moves on before the findings are refreshed; these
 * helpers carry an offset across that edit. An edit is seen as one changed region (what lies
 * between the common prefix and the common suffix): offsets before it stay, offsets after it
 * shift by the change in length, and anything inside it has no place until the refresh.
 */

export interface TextEdit {
  /** Length of the common prefix. */
  prefix: number;
  /** Where the unchanged tail starts in the old text. */
  oldTail: number;
  /** How much longer the new text is (negative when shorter). */
  delta: number;
}

/** The one changed region between two texts; null when they are equal. */
export function findEdit(oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = limit - prefix;
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { prefix, oldTail: oldText.length - suffix, delta: newText.length - oldText.length };
}

/**
 * A range [start, end) of the old text, in the new text; null when the edit touched it.
 * An insertion exactly at a range's edge leaves the range as it was (it does not grow).
 */
export function mapRange(start: number, end: number, edit: TextEdit | null): [number, number] | null {
  if (!edit) return [start, end];
  if (end <= edit.prefix) return [start, end];
  if (start >= edit.oldTail) return [start + edit.delta, end + edit.delta];
  return null;
}

/** One offset of the old text in the new text; null when it lies inside the changed region. */
export function mapOffset(offset: number, edit: TextEdit | null): number | null {
  if (!edit || offset <= edit.prefix) return offset;
  if (offset >= edit.oldTail) return offset + edit.delta;
  return null;
}

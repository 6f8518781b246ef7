import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_CRITICAL, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';

/*
 * Undo and redo are the server's: the article's revision log is the undo stack, so it survives
 * reloads and covers splits, merges and accepted fixes as well as typing. Lexical's own in-memory
 * history is not used. Ctrl+Z / Ctrl+Shift+Z reach here from the app's shortcut handler; this
 * feature catches the other ways the browser asks (the Edit menu, beforeinput historyUndo).
 */

export interface RevisionKeysOptions {
  undo: () => void;
  redo: () => void;
}

export function registerRevisionKeys(editor: LexicalEditor, options: RevisionKeysOptions): () => void {
  return mergeRegister(
    editor.registerCommand(UNDO_COMMAND, () => (options.undo(), true), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(REDO_COMMAND, () => (options.redo(), true), COMMAND_PRIORITY_CRITICAL),
  );
}

import { $getNodeByKey, type LexicalEditor } from 'lexical';
import type { BlockKeys } from '../blocks/registerBlocks.js';
import { SYNC_TAG } from '../blocks/tags.js';
import { dirtyBlockIds } from '../dirtyBlocks.js';

/*
 * Autosave: every block the editor types in is saved with editBlockText once typing has paused
 * (600 ms by default), each save a revision on the server. Nothing heavy runs per keystroke: the
 * update listener only notes which blocks changed and restarts a timer. While an input method is
 * composing, saving waits (the composing text is not text yet).
 */

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface AutosaveOptions {
  delayMs: number;
  keys: BlockKeys;
  /** The text the server has for each block: what was loaded, last saved or synced. */
  serverText: Map<number, string>;
  /** Saves one block; resolves once the server has it. */
  save: (blockId: number, text: string) => Promise<void>;
  onStateChange: (state: SaveState, error?: unknown) => void;
  /** After a round of saves went through (time to refresh the findings). */
  onSaved: (blockIds: number[]) => void;
}

export class Autosave {
  private readonly dirty = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rounds: Promise<void> = Promise.resolve();
  private state: SaveState = 'saved';
  private editor: LexicalEditor | null = null;
  private inFlight = 0;

  constructor(private readonly options: AutosaveOptions) {}

  register(editor: LexicalEditor): () => void {
    this.editor = editor;
    const unregister = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, dirtyElements, tags }) => {
      if (tags.has(SYNC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 0)) return;
      const ids = dirtyBlockIds(editorState, prevEditorState, dirtyLeaves, dirtyElements);
      if (ids.size === 0) return;
      for (const id of ids) this.dirty.add(id);
      this.setState('dirty');
      this.schedule();
    });
    return () => {
      unregister();
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.editor = null;
    };
  }

  /** Saves whatever is unsaved now, and resolves when every save so far is done (or failed). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.startRound(true);
    await this.rounds;
  }

  get hasUnsaved(): boolean {
    return this.dirty.size > 0 || this.state === 'saving';
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.startRound(false);
    }, this.options.delayMs);
  }

  private setState(state: SaveState, error?: unknown): void {
    if (state === this.state && state !== 'error') return;
    this.state = state;
    this.options.onStateChange(state, error);
  }

  private startRound(force: boolean): void {
    const editor = this.editor;
    if (!editor || this.dirty.size === 0) return;
    if (editor.isComposing() && !force) {
      this.schedule();
      return;
    }
    const { keys, serverText } = this.options;
    const ids = [...this.dirty];
    this.dirty.clear();
    const changes: [number, string][] = [];
    editor.getEditorState().read(() => {
      for (const id of ids) {
        const key = keys.keyOf(id);
        const node = key === undefined ? null : $getNodeByKey(key);
        if (!node) continue; // the block left the article (moved, merged away): nothing to save
        const text = node.getTextContent();
        if (text !== serverText.get(id)) changes.push([id, text]);
      }
    });
    if (changes.length === 0) {
      if (this.state === 'dirty') this.setState('saved');
      return;
    }
    this.setState('saving');
    this.inFlight++;
    const round = Promise.all(
      changes.map(async ([id, text]) => {
        try {
          await this.options.save(id, text);
          serverText.set(id, text);
          return null;
        } catch (error) {
          this.dirty.add(id);
          return error;
        }
      }),
    ).then((errors) => {
      this.inFlight--;
      const failure = errors.find((e) => e !== null);
      if (failure !== undefined) this.setState('error', failure);
      else this.setState(this.dirty.size > 0 ? 'dirty' : this.inFlight > 0 ? 'saving' : 'saved');
      const saved = changes.map(([id]) => id).filter((_, i) => errors[i] === null);
      if (saved.length > 0) this.options.onSaved(saved);
    });
    this.rounds = this.rounds.then(() => round);
  }
}

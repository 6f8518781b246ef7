import { $getNodeByKey, type EditorState, type LexicalNode } from 'lexical';
import { $isArticleBlockNode } from './blocks/ArticleBlockNode.js';

/*
 * Which blocks an update touched, from the keys Lexical marked dirty: O(dirty nodes), so it costs
 * next to nothing per keystroke however long the article is. A leaf removed by the update is
 * looked up in the previous state to find the block it was in.
 */

function blockIdOf(node: LexicalNode | null): number | null {
  if (!node) return null;
  if ($isArticleBlockNode(node)) return node.getBlockId();
  const parent = node.getParent();
  return $isArticleBlockNode(parent) ? parent.getBlockId() : null;
}

export function dirtyBlockIds(
  editorState: EditorState,
  prevEditorState: EditorState,
  dirtyLeaves: ReadonlySet<string>,
  dirtyElements: ReadonlyMap<string, boolean>,
): Set<number> {
  const ids = new Set<number>();
  const missing: string[] = [];
  editorState.read(() => {
    for (const key of dirtyLeaves) {
      const node = $getNodeByKey(key);
      const id = node ? blockIdOf(node) : null;
      if (id !== null) ids.add(id);
      else if (!node) missing.push(key);
    }
    for (const [key, intentional] of dirtyElements) {
      if (!intentional) continue;
      const node = $getNodeByKey(key);
      if ($isArticleBlockNode(node)) ids.add(node.getBlockId());
    }
  });
  if (missing.length > 0) {
    prevEditorState.read(() => {
      for (const key of missing) {
        const id = blockIdOf($getNodeByKey(key));
        if (id !== null) ids.add(id);
      }
    });
  }
  return ids;
}

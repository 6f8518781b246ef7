import { $applyNodeReplacement, ElementNode, type LexicalNode, type NodeKey } from 'lexical';
import type { BlockClass } from '../../../../app/segment/types.js';

/*
 * One block of an article (a paragraph of the page) as a paragraph-like element carrying the
 * block's id and class. The class styles the block (data-cls) and is named in the gutter
 * (data-label, shown by CSS); the label comes from the UI language, set by registerBlocks.
 */

let labelOf: (cls: BlockClass) => string = (cls) => cls;

/** Sets how block classes are named in the gutter (called when the UI language changes). */
export function setBlockClassLabels(label: (cls: BlockClass) => string): void {
  labelOf = label;
}

export function blockClassLabel(cls: BlockClass): string {
  return labelOf(cls);
}

export class ArticleBlockNode extends ElementNode {
  /** @internal */
  __blockId: number;
  /** @internal */
  __cls: BlockClass;

  $config() {
    return this.config('qg-block', { extends: ElementNode });
  }

  constructor(blockId = 0, cls: BlockClass = 'body', key?: NodeKey) {
    super(key);
    this.__blockId = blockId;
    this.__cls = cls;
  }

  afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__blockId = prevNode.__blockId;
    this.__cls = prevNode.__cls;
  }

  getBlockId(): number {
    return this.getLatest().__blockId;
  }

  getBlockClass(): BlockClass {
    return this.getLatest().__cls;
  }

  setBlockClass(cls: BlockClass): this {
    const self = this.getWritable();
    self.__cls = cls;
    return self;
  }

  createDOM(): HTMLElement {
    const element = document.createElement('p');
    element.className = 'qg-block';
    element.dataset['blockId'] = String(this.__blockId);
    element.dataset['cls'] = this.__cls;
    element.dataset['label'] = labelOf(this.__cls);
    return element;
  }

  updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__blockId !== this.__blockId) element.dataset['blockId'] = String(this.__blockId);
    if (prevNode.__cls !== this.__cls) {
      element.dataset['cls'] = this.__cls;
      element.dataset['label'] = labelOf(this.__cls);
    }
    return false;
  }

  // A block's edges are fixed: joining or splitting blocks goes through the API, never the keyboard.
  collapseAtStart(): boolean {
    return false;
  }

  canIndent(): boolean {
    return false;
  }

  canBeEmpty(): boolean {
    return true;
  }

  isInline(): false {
    return false;
  }
}

export function $createArticleBlockNode(blockId: number, cls: BlockClass): ArticleBlockNode {
  return $applyNodeReplacement(new ArticleBlockNode(blockId, cls));
}

export function $isArticleBlockNode(node: LexicalNode | null | undefined): node is ArticleBlockNode {
  return node instanceof ArticleBlockNode;
}

import type { AnnotationLayer, HighlightAnnotation } from '../../lib/annotations.js';
import { AnchoredHighlights } from '../highlights/AnchoredHighlights.js';

/*
 * Span tags and comment ranges, painted like findings with the CSS Custom Highlight API: the
 * annotations stay ids and rows in the store (anchors: block id + offsets into the text the
 * server has), and the editor state never changes for them, so typing stays as fast as without.
 *
 * How anchors follow typing until the next refresh (after the next save) is AnchoredHighlights'
 * (shared with the findings): an annotation the edit touched is hidden until the server has
 * re-anchored it. Detached anchors are never painted (the panel lists them apart).
 */

export type { AnnotationLayer, HighlightAnnotation };

export const ANNOTATION_LAYERS: readonly AnnotationLayer[] = ['span', 'comment', 'comment-resolved'];
export const annotationHighlightName = (layer: AnnotationLayer) => `qg-annotation-${layer}`;
export const ACTIVE_ANNOTATION_HIGHLIGHT = 'qg-annotation-active';

export class AnnotationHighlights extends AnchoredHighlights<HighlightAnnotation, string> {
  constructor() {
    super({
      // Under the findings' underlines: a tint, not a mark that competes with them.
      layers: ANNOTATION_LAYERS.map((layer) => ({ name: annotationHighlightName(layer), priority: -1 })),
      active: { name: ACTIVE_ANNOTATION_HIGHLIGHT, priority: 2 },
      keyOf: (item) => item.key,
      layerOf: (item) => annotationHighlightName(item.layer),
      // An empty range inside one block paints nothing.
      span: (item, start, end) => (item.blockId === item.endBlockId && start >= end ? null : [start, end]),
    });
  }

  /** New annotations from the server, with the block texts their offsets refer to. */
  setAnnotations(items: readonly HighlightAnnotation[], base: ReadonlyMap<number, string>): void {
    this.setItems(items, base);
  }

  /** How many ranges a layer paints now (tests and the panel's counts). */
  paintedCount(layer: AnnotationLayer): number {
    return this.paintedIn(annotationHighlightName(layer));
  }
}

import type { DefectKind } from '../../../../app/findings/types.js';
import { DEFECT_KIND_NAMES } from '../../lib/kinds.js';
import { AnchoredHighlights } from '../highlights/AnchoredHighlights.js';

/*
 * Findings are underlined with the CSS Custom Highlight API: ranges over the editor's DOM,
 * painted by the browser, with no node in the document. Typing stays as fast as without findings
 * (the editor state never changes for them), a refresh of the findings never touches the editor
 * state, and an input method's composition is never disturbed.
 *
 * The findings' offsets refer to each block's text as the server had it when they were found
 * (`base`); how they follow typing until the next refresh is AnchoredHighlights' (shared with the
 * annotations). One highlight per kind, so findings.css styles each kind.
 */

export interface HighlightFinding {
  id: number;
  kind: DefectKind;
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
}

/** The highlight names (one per kind, plus the finding under review) used in findings.css. */
export const highlightName = (kind: DefectKind) => `qg-finding-${kind}`;
export const ACTIVE_HIGHLIGHT = 'qg-finding-active';

const NAMES = new Map(DEFECT_KIND_NAMES.map((kind) => [kind, highlightName(kind)]));

export class FindingHighlights extends AnchoredHighlights<HighlightFinding, number> {
  constructor() {
    super({
      layers: DEFECT_KIND_NAMES.map((kind) => ({ name: NAMES.get(kind)! })),
      active: { name: ACTIVE_HIGHLIGHT, priority: 1 },
      keyOf: (f) => f.id,
      layerOf: (f) => NAMES.get(f.kind) ?? highlightName(f.kind),
      span: (f, start, end, length) => {
        // A finding at a point (a missing break, say): underline the character beside it.
        if (f.blockId === f.endBlockId && start === end) {
          if (end < length()) return [start, end + 1];
          if (start > 0) return [start - 1, end];
        }
        return [start, end];
      },
    });
  }

  /** New findings from the server, with the block texts their offsets refer to. */
  setFindings(findings: readonly HighlightFinding[], base: ReadonlyMap<number, string>): void {
    this.setItems(findings, base);
  }
}

import type { AssembleNeeds, EditionContent, ExportArticle } from '../assemble.js';
import { renderArticleTxt, renderTxt } from './txt.js';
import { renderArticleMarkdown, renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { renderDocx } from './docx.js';
import { renderEpub } from './epub.js';
import { renderJson } from './json.js';
import { renderCsv } from './csv.js';
import type { ExportFormat } from './format-names.js';

export { EXPORT_FORMATS, type ExportFormat } from './format-names.js';

export interface FormatRenderer {
  extension: string;
  /** What the format needs gathered besides the paragraphs. */
  needs: AssembleNeeds;
  edition(content: EditionContent): string | Uint8Array;
  /** One file per article, for formats that offer it. */
  article?(content: EditionContent, article: ExportArticle): string | Uint8Array;
}

const TEXT_ONLY: AssembleNeeds = { annotations: false, provenance: false };

/** The export formats: one renderer each, looked up by name. */
export const FORMATS: Record<ExportFormat, FormatRenderer> = {
  txt: { extension: 'txt', needs: TEXT_ONLY, edition: renderTxt, article: renderArticleTxt },
  md: { extension: 'md', needs: TEXT_ONLY, edition: renderMarkdown, article: renderArticleMarkdown },
  html: { extension: 'html', needs: TEXT_ONLY, edition: renderHtml },
  docx: { extension: 'docx', needs: TEXT_ONLY, edition: renderDocx },
  epub: { extension: 'epub', needs: TEXT_ONLY, edition: renderEpub },
  json: { extension: 'json', needs: { annotations: true, provenance: true }, edition: renderJson },
  csv: { extension: 'csv', needs: { annotations: false, provenance: true }, edition: renderCsv },
};

/**
 * The export formats by name. Kept apart from the renderers so the API contract can name them
 * without loading docx and the rest.
 */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'epub', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

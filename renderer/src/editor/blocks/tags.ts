/** Updates that bring the document in step with the server: not user edits, never saved back. */
export const SYNC_TAG = 'qg-sync';

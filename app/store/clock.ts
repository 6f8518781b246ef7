/** ISO-8601 UTC timestamp with milliseconds, the form every time in the library is stored in. */
export function nowIso(): string {
  return new Date().toISOString();
}

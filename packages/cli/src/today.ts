/** Today's date (UTC) as YYYY-MM-DD: the default of --as-of. The CLI may read the clock; the core may not. */
export const today = (): string => new Date().toISOString().slice(0, 10);

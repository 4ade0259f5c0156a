/**
 * Today's date on this machine's clock and time zone, as YYYY-MM-DD: the default of --as-of
 * (an assessor in China before 08:00 is already on the next day, which UTC is not). The CLI
 * may read the clock; the core may not.
 */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

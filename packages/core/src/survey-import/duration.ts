/**
 * The time a respondent took, for the `minSeconds` screen: 问卷星's 所用时间 as it writes it
 * (`95秒`, `1分30秒`, `1小时2分3秒`, also `1分钟30秒`), a clock time `01:30` or `00:01:30`, or a
 * plain number of seconds; for KoboToolbox the difference of its `start` and `end` timestamps
 * (ISO 8601, with or without an offset). Text it cannot read gives undefined: the importer
 * rejects that respondent (`bad_duration`) rather than guess.
 */

const CHINESE = /^(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*(?:分钟|分))?\s*(?:(\d+(?:\.\d+)?)\s*秒(?:钟)?)?$/;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/** Seconds written as 问卷星 writes them, as a clock time, or as a number; undefined if unreadable. */
export function parseSeconds(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  if (SECONDS.test(t)) return Number(t);
  const clock = CLOCK.exec(t);
  if (clock !== null) {
    const [, h, m, s] = clock;
    if (Number(m) >= 60 || Number(s) >= 60) return undefined;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  const chinese = CHINESE.exec(t);
  if (chinese === null) return undefined;
  const [, h, m, s] = chinese;
  if (h === undefined && m === undefined && s === undefined) return undefined;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO 8601 timestamp as milliseconds on a common scale; undefined if unreadable. Without an
 * offset the time is read as UTC — start and end of one respondent are then on the same clock.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number(`0.${fraction ?? "0"}`) * 1000);
  if (!Number.isFinite(ms)) return undefined;
  if (zone === undefined || zone === "Z") return ms;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return ms - sign * offset * 60_000;
}

/** Seconds from `start` to `end` (KoboToolbox), or undefined when either is unreadable or end is before start. */
export function secondsBetween(start: string, end: string): number | undefined {
  const from = parseTimestamp(start);
  const to = parseTimestamp(end);
  if (from === undefined || to === undefined || to < from) return undefined;
  return (to - from) / 1000;
}

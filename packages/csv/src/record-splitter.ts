/**
 * Splits CSV text into records at line breaks that lie outside quotes. Used to isolate a
 * row fast-csv cannot parse (broken quoting) so that only that row is rejected, and to find
 * record boundaries that quoting cannot straddle.
 */

/** One record's text and the line it starts on. */
export interface RecordText {
  readonly text: string;
  readonly line: number;
}

/**
 * Splits `text` (whose first line is `firstLine`) into complete records; the tail after the
 * last record boundary is returned as `rest` unless `final`, when it is a record too;
 * `unterminated` tells that the text ends inside a quoted field.
 */
export function splitRecords(
  text: string,
  firstLine: number,
  final: boolean,
): { records: RecordText[]; rest: string; nextLine: number; unterminated: boolean } {
  const records: RecordText[] = [];
  let inQuotes = false;
  // As in fast-csv, a quote opens a quoted field only at the start of a field (after optional
  // spaces); elsewhere it is a literal character. After a closing quote, a quote is an escaped one.
  let fieldStart = true;
  let closed = false;
  let start = 0;
  let line = firstLine;
  let recordLine = firstLine;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34 /* " */) {
        inQuotes = false;
        closed = true;
      } else if (c === 10 /* \n */) line++;
      continue;
    }
    if (c === 34) {
      inQuotes = fieldStart || closed;
      fieldStart = closed = false;
      continue;
    }
    closed = false;
    // A record ends at LF, or at a lone CR (old Mac files) once the next character is known.
    if (c === 10 || (c === 13 /* \r */ && i + 1 < text.length && text.charCodeAt(i + 1) !== 10)) {
      line++;
      records.push({ text: text.slice(start, i + 1), line: recordLine });
      start = i + 1;
      recordLine = line;
      fieldStart = true;
    } else if (c === 44 /* , */) fieldStart = true;
    else if (c !== 13 && !(c === 32 || c === 9 || (c > 127 && /\s/.test(text.charAt(i))))) fieldStart = false;
  }
  const tail = text.slice(start);
  if (final && tail !== "") {
    records.push({ text: tail, line: recordLine });
    return { records, rest: "", nextLine: line, unterminated: inQuotes };
  }
  return { records, rest: tail, nextLine: recordLine, unterminated: inQuotes };
}

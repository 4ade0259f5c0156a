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
  let start = 0;
  let line = firstLine;
  let recordLine = firstLine;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) inQuotes = !inQuotes;
    else if (c === 10 /* \n */) {
      line++;
      if (!inQuotes) {
        records.push({ text: text.slice(start, i + 1), line: recordLine });
        start = i + 1;
        recordLine = line;
      }
    }
  }
  const tail = text.slice(start);
  if (final && tail !== "") {
    records.push({ text: tail, line: recordLine });
    return { records, rest: "", nextLine: line, unterminated: inQuotes };
  }
  return { records, rest: tail, nextLine: recordLine, unterminated: inQuotes };
}

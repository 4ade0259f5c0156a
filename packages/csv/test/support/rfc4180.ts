/**
 * A strict RFC 4180 reader, independent of fast-csv, to check what the CSV writers produce:
 * records end with CRLF, a field with a quote, comma, CR or LF must be quoted, `""` escapes a
 * quote. Anything else (a bare CR, LF or quote in an unquoted field) throws.
 */
export function parseRfc4180(text: string): string[][] {
  const rows: string[][] = [];
  if (text === "") return rows;
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("a quoted field is never closed");
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        cell += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (i >= text.length) break;
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text[i] !== "\r" || text[i + 1] !== "\n") throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    rows.push(row);
    row = [];
    i += 2;
    if (i >= text.length) return rows;
  }
  rows.push(row);
  return rows;
}

/**
 * Rows rejected after they were admitted — appeals whose target is judged once their city is
 * scored before appeals — moved from accepted to rejected in their file's account (its
 * `rejectedBy` counts them by code), and put among the rejected rows of their file in line
 * order, so that the list reads as if every row had been judged in one pass (and merged shards
 * give the same list as one run).
 */
import type { RejectCode, RejectedRow } from "../evidence/reject-codes.js";
import type { InputFile } from "../results/model.js";

/** `files` and `rejects` with the `late` rejected rows accounted for. */
export function withLateRejects(
  files: readonly InputFile[],
  rejects: readonly RejectedRow[],
  late: readonly RejectedRow[],
): { files: readonly InputFile[]; rejects: readonly RejectedRow[] } {
  if (late.length === 0) return { files, rejects };
  const byFile = new Map<string, RejectedRow[]>();
  for (const row of late) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  const accounted = files.map((file) => {
    const rows = byFile.get(file.name);
    if (rows === undefined) return file;
    const rejectedBy: Partial<Record<RejectCode, number>> = { ...file.rejectedBy };
    for (const row of rows) rejectedBy[row.code] = (rejectedBy[row.code] ?? 0) + 1;
    return { ...file, accepted: file.accepted - rows.length, rejected: file.rejected + rows.length, rejectedBy };
  });
  // Each file's rejected rows are together, in line order: merge the late ones in.
  const merged: RejectedRow[] = [];
  const pending = new Map([...byFile].map(([file, rows]) => [file, [...rows].sort((a, b) => a.line - b.line)]));
  const flush = (file: string, beforeLine: number) => {
    const rows = pending.get(file);
    while (rows !== undefined && rows.length > 0 && (rows[0] as RejectedRow).line < beforeLine) merged.push(rows.shift() as RejectedRow);
  };
  for (let i = 0; i < rejects.length; i++) {
    const row = rejects[i] as RejectedRow;
    flush(row.file, row.line);
    merged.push(row);
    // the last rejected row of its file so far: the file's later late rows follow it
    if (rejects[i + 1]?.file !== row.file) flush(row.file, Number.POSITIVE_INFINITY);
  }
  for (const rows of pending.values()) merged.push(...rows);
  return { files: accounted, rejects: merged };
}

/**
 * The gate every evidence row passes before its file's judge sees it (SPEC section 2, order of
 * judgement): a row not owned by this shard is not counted; a malformed row (wrong number of
 * fields, bytes the encoding cannot read, broken quoting) or one missing a required value is
 * rejected; a row of another round is skipped; only then is the row judged. Every row counted
 * ends up accepted, skipped or rejected, and the file's account says how many of each.
 */
import { type HeaderLayout, requiredColumns } from "./columns.js";
import type { Judge } from "./judges/judge.js";
import type { FileAccount } from "./model.js";
import type { RejectCode, RejectedRow } from "./reject-codes.js";
import { rowOrigin } from "./row-origin.js";

/** Admits the rows of one file. */
export interface FileAdmission {
  readonly account: FileAccount;
  /** Judges one data row (its cells as parsed) found at `line`. */
  row(cells: readonly string[], line: number): void;
  /** Records a row the parser could not read (e.g. broken quoting). */
  malformed(line: number, raw: string, detail: string): void;
}

/** What a file's gate needs from its admission. */
export interface GateSettings {
  /** The round scored: rows of other rounds are skipped. */
  readonly round: string;
  /** Owns a row by its city id, or by `file#line` when its city cannot be read (sharding). */
  readonly owns: ((key: string) => boolean) | undefined;
  /** Where rejected rows go, in the order found. */
  readonly rejects: RejectedRow[];
}

/** Opens the gate of one file laid out by `layout`, in front of its `judge`. */
export function openGate(layout: HeaderLayout, fileName: string, judge: Judge, settings: GateSettings): FileAdmission {
  const { round, owns, rejects } = settings;
  const rejectedBy: Partial<Record<RejectCode, number>> = {};
  const account: FileAccount = { name: fileName, rows: 0, accepted: 0, skipped: 0, rejected: 0, rejectedBy };
  // Columns looked up once per file: the row path indexes cells by number.
  const required = requiredColumns(layout.kind);
  const requiredAt = required.map((column) => layout.index.get(column) as number);
  const roundAt = layout.index.get("round");
  const cityAt = layout.index.get("city_id");
  const count = (code: RejectCode) => {
    account.rejected++;
    rejectedBy[code] = (rejectedBy[code] ?? 0) + 1;
  };
  const reject = (line: number, cells: readonly string[], code: RejectCode, detail: string) => {
    count(code);
    const { file, raw } = rowOrigin(fileName, line, cells);
    rejects.push({ file, line, code, reason: detail, raw });
  };
  return {
    account,
    malformed(line, raw, detail) {
      if (owns !== undefined && !owns(`${fileName}#${line}`)) return;
      account.rows++;
      count("malformed_row");
      rejects.push({ file: fileName, line, code: "malformed_row", reason: `malformed row: ${detail}`, raw });
    },
    row(cells, line) {
      if (owns !== undefined) {
        const city = cells.length === layout.width && cityAt !== undefined ? (cells[cityAt] as string).trim() : "";
        if (!owns(city === "" ? `${fileName}#${line}` : city)) return;
      }
      account.rows++;
      if (cells.length !== layout.width) {
        return reject(line, cells, "malformed_row", `malformed row: ${cells.length} fields where the header has ${layout.width}`);
      }
      const undecodable = cells.findIndex((cell) => cell.includes("\uFFFD"));
      if (undecodable >= 0) {
        const column = layout.header[undecodable] ?? `column ${undecodable + 1}`;
        return reject(
          line,
          cells,
          "malformed_row",
          `malformed row: ${column} holds bytes that are not valid in the file's encoding (shown as \uFFFD)`,
        );
      }
      for (let i = 0; i < requiredAt.length; i++) {
        const at = requiredAt[i] as number;
        if ((cells[at] as string).trim() === "") return reject(line, cells, "missing_value", `required value ${required[i]} is empty`);
      }
      if (roundAt !== undefined && (cells[roundAt] as string).trim() !== round) {
        account.skipped++;
        return;
      }
      const refusal = judge(cells, line);
      if (refusal === undefined) account.accepted++;
      else reject(line, cells, refusal.code, refusal.detail);
    },
  };
}

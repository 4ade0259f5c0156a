/**
 * The receiving end of one evidence file's rows, whichever thread parsed them: the first row is
 * the header, which opens the file's admission; every later row is judged by it.
 */
import { EvidenceError, type EvidenceKind, type FileAdmission, type HeaderLayout, layoutHeader } from "@civitas/core";
import type { EvidenceEncoding } from "./detect-encoding.js";
import type { RowSink } from "./parse-rows.js";

/** What reading a file produced beside the admitted rows. */
export interface FileRead {
  readonly sha256: string;
  readonly encoding: EvidenceEncoding;
}

/** Where the rows of one file go: its header opens the admission, the other rows are judged. */
export interface AdmissionSink {
  readonly sink: RowSink;
  /** True once the header turned out unusable: later rows are ignored. */
  failed(): boolean;
  /** Once every row was given: fails for an unusable header or a file without a header row. */
  finish(): void;
}

/**
 * A sink that lays out the first row as the header of a `kind` file, opens its admission with
 * `openFile` and hands it every later row. After a header that cannot be used, rows are ignored
 * and `finish` fails with an `EvidenceError`.
 */
export function admissionSink(fileName: string, kind: EvidenceKind, openFile: (layout: HeaderLayout) => FileAdmission): AdmissionSink {
  let admission: FileAdmission | undefined;
  let headerError: EvidenceError | undefined;
  const sink: RowSink = {
    row(cells, line) {
      if (headerError !== undefined) return;
      if (admission === undefined) {
        const layout = layoutHeader(kind, cells);
        if (!layout.ok) {
          const first = layout.problems[0];
          headerError = new EvidenceError({
            code: first?.code === "duplicate_column" ? "duplicate_column" : "missing_column",
            file: fileName,
            line,
            field: first?.column ?? "",
            message: `${fileName}:${line}: ${layout.problems.map((p) => p.message).join("; ")}`,
          });
          return;
        }
        admission = openFile(layout.layout);
        return;
      }
      admission.row(cells, line);
    },
    malformed(line, raw, detail) {
      if (headerError !== undefined) return;
      if (admission === undefined) {
        headerError = new EvidenceError({
          code: "unreadable",
          file: fileName,
          line,
          message: `${fileName}:${line}: the header row cannot be read (${detail})`,
        });
        return;
      }
      admission.malformed(line, raw, detail);
    },
  };
  return {
    sink,
    failed: () => headerError !== undefined,
    finish() {
      if (headerError !== undefined) throw headerError;
      if (admission === undefined) {
        throw new EvidenceError({ code: "empty_file", file: fileName, line: 1, message: `${fileName} has no header row` });
      }
    },
  };
}

/** The error for a file of 0 bytes. */
export const emptyFileError = (fileName: string) =>
  new EvidenceError({
    code: "empty_file",
    file: fileName,
    line: 1,
    message: `${fileName} is empty (0 bytes): it needs at least a header row`,
  });

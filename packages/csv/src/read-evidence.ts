/**
 * Reads an evidence directory (SPEC section 2) into the core's admission, file by file in
 * dependency order (cities, sites, field, then the rest), with per-file accounting.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  type Admission,
  type AdmissionOptions,
  createAdmission,
  EVIDENCE_FILE_NAMES,
  EVIDENCE_KINDS,
  EvidenceError,
  type InputFile,
  type Ruleset,
} from "@civitas/core";
import * as Effect from "effect/Effect";
import { readEvidenceFile } from "./read-evidence-file.js";

/** An evidence directory read and admitted for one round. */
export interface EvidenceRead {
  readonly admission: Admission;
  /** One entry per file present, with its hash, encoding and row accounting. */
  readonly files: InputFile[];
}

async function readAll(dir: string, ruleset: Ruleset, round: string, options: AdmissionOptions): Promise<EvidenceRead> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new EvidenceError({ code: "unreadable", file: dir, message: `evidence directory ${dir} does not exist` });
  }
  const citiesPath = join(dir, EVIDENCE_FILE_NAMES.cities);
  if (!existsSync(citiesPath)) {
    throw new EvidenceError({
      code: "missing_cities",
      file: citiesPath,
      message: `${citiesPath} is missing: every evidence directory needs cities.csv`,
    });
  }
  const admission = createAdmission(ruleset, round, options);
  const files: InputFile[] = [];
  for (const kind of EVIDENCE_KINDS) {
    const name = EVIDENCE_FILE_NAMES[kind];
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    let opened: ReturnType<Admission["open"]> | undefined;
    let read: Awaited<ReturnType<typeof readEvidenceFile>>;
    try {
      read = await readEvidenceFile(path, name, kind, (layout) => {
        opened = admission.open(layout, name);
        return opened;
      });
    } catch (error) {
      if (error instanceof EvidenceError) throw error;
      throw new EvidenceError({ code: "unreadable", file: name, message: `${name} cannot be read: ${(error as Error).message}` });
    }
    const account = opened?.account ?? { name, rows: 0, accepted: 0, skipped: 0, rejected: 0 };
    files.push({ ...account, sha256: read.sha256, encoding: read.encoding });
  }
  return { admission, files };
}

/** Reads and admits the evidence of `round` in `dir`; fails with an `EvidenceError`. */
export function readEvidence(
  dir: string,
  ruleset: Ruleset,
  round: string,
  options: AdmissionOptions = {},
): Effect.Effect<EvidenceRead, EvidenceError> {
  return Effect.tryPromise({
    try: () => readAll(dir, ruleset, round, options),
    catch: (error) =>
      error instanceof EvidenceError
        ? error
        : new EvidenceError({ code: "unreadable", file: dir, message: `evidence cannot be read: ${String(error)}` }),
  });
}

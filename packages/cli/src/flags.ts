/**
 * The flags the commands share, described once (--out, --formats, --report-date, --rulesets,
 * --as-of, --previous, --strict, --ruleset, --evidence, --round), and the reading of the values
 * that need it (`--formats`, `--as-of`).
 */
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { badFlag, type CliFailure } from "./failure.js";
import { booleanFlag, defaultedFlag, optionalFlag, requiredFlag } from "./shell/params.js";
import { today } from "./today.js";
import { FORMATS, type Format } from "./output/write-round.js";

export const outFlag = requiredFlag("out", {
  placeholder: "DIR",
  description: "output directory (replaced atomically; only a new, empty or Civitas-written one)",
});

export const formatsFlag = defaultedFlag("formats", {
  placeholder: "LIST",
  description: `comma-separated outputs: ${FORMATS.join(", ")}`,
  default: "json,csv,pdf",
});

export const reportDateFlag = optionalFlag("report-date", {
  placeholder: "YYYY-MM-DD",
  description: "date printed on the PDFs; default SOURCE_DATE_EPOCH, else none — never the clock, so PDFs stay reproducible",
});

export const rulesetsFlag = defaultedFlag("rulesets", {
  placeholder: "DIR",
  description: "directory of rule sets, for id@version references and extends",
  default: "rulesets",
});

export const asOfFlag = optionalFlag("as-of", {
  placeholder: "YYYY-MM-DD",
  description: "date picking the version of a rule set named by id alone (default: today)",
});

export const previousFlag = optionalFlag("previous", {
  placeholder: "RESULTS.JSON",
  description: "the previous round's results.json (same rule-set id): scorecards show the change since it and what became of its problems",
});

export const strictFlag = booleanFlag("strict", "exit 1 when any evidence row was rejected");

export const rulesetFlag = requiredFlag("ruleset", {
  placeholder: "PATH|ID@VERSION",
  description: "rule set: a file path, or id@version (or id) in --rulesets",
});

export const evidenceFlag = requiredFlag("evidence", {
  placeholder: "DIR",
  description: "evidence directory (cities.csv, sites.csv, field.csv, …)",
});

export const roundFlag = requiredFlag("round", { placeholder: "ROUND", description: "the round to score, e.g. 2024" });

/** The formats of `--formats`, or a failure naming the unknown ones. */
export function parseFormats(text: string): Effect.Effect<ReadonlySet<Format>, CliFailure> {
  const asked = text
    .split(",")
    .map((f) => f.trim())
    .filter((f) => f !== "");
  const unknown = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0) {
    const named = unknown.map((f) => JSON.stringify(f)).join(", ") || "(none)";
    return Effect.fail(badFlag("formats", `--formats: unknown format ${named}; known: ${FORMATS.join(", ")}`));
  }
  return Effect.succeed(new Set(asked as Format[]));
}

/** `--as-of`, or today on this machine's clock. */
export const asOfOrToday = (asOf: Option.Option<string>) => Option.getOrElse(asOf, today);

/** The flags of every command that writes a round's outputs: --out, --formats, --report-date. */
export const outputFlags = { out: outFlag, formats: formatsFlag, reportDate: reportDateFlag } as const;

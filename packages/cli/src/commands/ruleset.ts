/**
 * `civitas ruleset …`: validate, list, show, diff, schema and import rule sets.
 */
import { checkRuleset, diffRulesets, duplicateRulesets, type Results, type Ruleset, rulesetJsonSchema } from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { stringify } from "yaml";
import { usage } from "../failure.js";
import { asOfFlag, rulesetsFlag } from "../flags.js";
import { loadRuleset } from "../rulesets/load-ruleset.js";
import { withOutputFile } from "../output/staged-write.js";
import { importTable } from "../rulesets/import-table.js";
import { scanRulesets } from "../rulesets/scan-rulesets.js";
import { scoreEvidence } from "../score-evidence.js";
import { defineCommand, defineGroup } from "../shell/define-command.js";
import { argument, choiceFlag, defaultedFlag, optionalFlag } from "../shell/params.js";
import { displayWidth, padDisplay } from "../text-width.js";

const rulesetArgument = (name: string) => argument(name, "a rule-set file, or id@version (or id, with --as-of) in --rulesets");

const load = (reference: string, rulesets: string, asOf: Option.Option<string>) =>
  Effect.map(loadRuleset(reference, rulesets, asOf), (loaded) => loaded.ruleset);

/** Writes `text` to `--out` (atomically) when given, else prints it. */
const printOrWrite = (out: Option.Option<string>, text: string) =>
  Option.isSome(out) ? withOutputFile(out.value, (file) => file.write(text)) : Console.log(text.trimEnd());

const validate = defineCommand(
  {
    name: "validate",
    description: "Validate a rule set; lists every problem with file, path, line and column (exit 2)",
    examples: ["ruleset validate rulesets/national/2024.1.0.yaml"],
    params: { ruleset: rulesetArgument("ruleset"), rulesets: rulesetsFlag, asOf: asOfFlag },
  },
  Effect.fn(function* (options) {
    const ruleset = yield* load(options.ruleset, options.rulesets, options.asOf);
    yield* Console.log(
      `ok: ${ruleset.id}@${ruleset.version} ${ruleset.title} — ${ruleset.categories.length} categories, ` +
        `${ruleset.index.standards.length} standards, ${ruleset.index.checkById.size} checks, ` +
        `${ruleset.adjustments.length} adjustments; ${ruleset.hash}`,
    );
  }),
);

const list = defineCommand(
  {
    name: "list",
    description: "List the rule sets in --rulesets: ids, versions, effective dates, extends",
    examples: ["ruleset list --rulesets rulesets"],
    params: { rulesets: rulesetsFlag },
  },
  Effect.fn(function* (options) {
    const catalog = scanRulesets(options.rulesets);
    if (!catalog.exists) return yield* usage(`--rulesets ${options.rulesets}: not a directory`);
    for (const warning of catalog.warnings) yield* Console.error(`warning: ${warning}`);
    const rows = catalog.files.map((f) => [
      String(f.data.id),
      String(f.data.version),
      String(f.data.effectiveFrom ?? ""),
      String(f.data.effectiveTo ?? ""),
      String(f.data.extends ?? ""),
      String(f.data.title ?? ""),
      f.path,
    ]);
    const header = ["id", "version", "effectiveFrom", "effectiveTo", "extends", "title", "file"];
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
    for (const row of [header, ...rows])
      yield* Console.log(
        row
          .map((cell, i) => padDisplay(cell, widths[i] ?? 0))
          .join("  ")
          .trimEnd(),
      );
    const duplicates = duplicateRulesets(catalog.files);
    for (const issue of duplicates) yield* Console.error(`error: ${issue.file}: ${issue.message}`);
    if (duplicates.length > 0) return yield* usage(`${duplicates.length} duplicate rule set(s) in ${options.rulesets}`);
  }),
);

const show = defineCommand(
  {
    name: "show",
    description: "Print the resolved rule set (overlays applied) as YAML or JSON",
    examples: ["ruleset show hangzhou --as-of 2024-06-30 --format json"],
    params: {
      ruleset: rulesetArgument("ruleset"),
      format: choiceFlag("format", ["yaml", "json"], "output format"),
      rulesets: rulesetsFlag,
      asOf: asOfFlag,
    },
  },
  Effect.fn(function* (options) {
    const ruleset = yield* load(options.ruleset, options.rulesets, options.asOf);
    const about = `${ruleset.id}@${ruleset.version} resolved (${ruleset.lineage.join(" → ")}); ${ruleset.hash}`;
    const text = options.format === "json" ? JSON.stringify(ruleset.resolved, null, 2) : stringify(ruleset.resolved, { lineWidth: 0 });
    // JSON has no comments, and the data shown is exactly what is hashed: say it on stderr
    if (options.format === "json") yield* Console.error(about);
    yield* Console.log(`${options.format === "yaml" ? `# ${about}\n` : ""}${text.trimEnd()}`);
  }),
);

const rankChange = (x: number | null) => (x === null ? "—" : x < 0 ? `↑${-x}` : x > 0 ? `↓${x}` : "=");
const fmt = (x: number | null) => (x === null ? "—" : Number.isInteger(x) ? String(x) : x.toFixed(2));
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);
const signed = (x: number | null, f: (v: number) => string = (v) => v.toFixed(2)) => (x === null ? "—" : `${x > 0 ? "+" : ""}${f(x)}`);

function impactRows(a: Results, b: Results) {
  const after = new Map(b.cities.map((c) => [c.cityId, c]));
  return a.cities.map((before) => {
    const now = after.get(before.cityId);
    const delta = (x: number | null | undefined, y: number | null | undefined) => (x == null || y == null ? null : y - x);
    return {
      cityId: before.cityId,
      name: before.name,
      before: { score: before.score, max: before.max, ratio: before.ratio, grade: before.grade, status: before.status, rank: before.rank },
      after:
        now === undefined
          ? null
          : { score: now.score, max: now.max, ratio: now.ratio, grade: now.grade, status: now.status, rank: now.rank },
      change: {
        score: delta(before.score, now?.score),
        ratio: delta(before.ratio, now?.ratio),
        rank: delta(before.rank.overall, now?.rank.overall),
      },
    };
  });
}

const diff = defineCommand(
  {
    name: "diff",
    description: "What changed between two rule sets; with --evidence and --round, the impact on every city",
    examples: ["ruleset diff national@2021.1.0 national@2024.1.0 --evidence fixtures/demo --round 2024"],
    params: {
      a: rulesetArgument("a"),
      b: rulesetArgument("b"),
      evidence: optionalFlag("evidence", { placeholder: "DIR", description: "score this evidence with both rule sets to show the impact" }),
      round: optionalFlag("round", { placeholder: "ROUND", description: "the round to score (with --evidence)" }),
      format: choiceFlag("format", ["text", "json"], "output format"),
      rulesets: rulesetsFlag,
      asOf: asOfFlag,
    },
  },
  Effect.fn(function* (options) {
    const a: Ruleset = yield* load(options.a, options.rulesets, options.asOf);
    const b: Ruleset = yield* load(options.b, options.rulesets, options.asOf);
    const changes = diffRulesets(a, b);
    let impact: ReturnType<typeof impactRows> | undefined;
    if (Option.isSome(options.evidence)) {
      if (Option.isNone(options.round)) return yield* usage("--evidence needs --round");
      const before = yield* scoreEvidence(a, options.evidence.value, options.round.value);
      const after = yield* scoreEvidence(b, options.evidence.value, options.round.value);
      impact = impactRows(before, after);
    }
    if (options.format === "json") {
      yield* Console.log(JSON.stringify({ ...changes, ...(impact === undefined ? {} : { impact }) }, null, 2));
      return;
    }
    const lines: string[] = [`${changes.from} → ${changes.to}  (${changes.fromHash.slice(0, 19)} → ${changes.toHash.slice(0, 19)})`];
    if (changes.settings.length > 0) {
      lines.push(`settings: ${changes.settings.length} changed`);
      for (const c of changes.settings) lines.push(`  ~ ${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
    }
    for (const [kind, items] of [
      ["standards", changes.standards],
      ["checks", changes.checks],
      ["adjustments", changes.adjustments],
    ] as const) {
      lines.push(`${kind}: ${items.added.length} added, ${items.removed.length} removed, ${items.changed.length} changed`);
      for (const id of items.added) lines.push(`  + ${id}${describe(b, kind, id)}`);
      for (const id of items.removed) lines.push(`  - ${id}${describe(a, kind, id)}`);
      for (const item of items.changed) {
        lines.push(
          `  ~ ${item.id}: ${item.changes.map((c) => `${c.field} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join("; ")}`,
        );
      }
    }
    lines.push("points per category:");
    for (const c of changes.categories) {
      lines.push(
        `  ${c.id.padEnd(6)} ${padDisplay(c.name, 22)} ${fmt(c.before).padStart(7)} → ${fmt(c.after).padStart(7)} (${signed(c.delta, fmt)})`,
      );
    }
    lines.push(`  total  ${fmt(changes.totalBefore)} → ${fmt(changes.totalAfter)}`);
    if (impact !== undefined) {
      lines.push(`impact on round ${Option.getOrElse(options.round, () => "")} (score, ratio, grade, rank under each):`);
      for (const row of impact) {
        const x = row.before;
        const y = row.after;
        lines.push(
          `  ${row.cityId.padEnd(10)} ${fmt(x.score)}/${fmt(x.max)} ${pct(x.ratio)} ${x.grade ?? x.status} #${x.rank.overall ?? "—"}` +
            `  →  ${y === null ? "—" : `${fmt(y.score)}/${fmt(y.max)} ${pct(y.ratio)} ${y.grade ?? y.status} #${y.rank.overall ?? "—"}`}` +
            `   (${signed(row.change.score)} points, ${signed(row.change.ratio, (v) => `${(v * 100).toFixed(2)}pp`)}, rank ${rankChange(row.change.rank)})`,
        );
      }
    }
    yield* Console.log(lines.join("\n"));
  }),
);

/** What an added or removed item is: its name, points or deduction, and where it sits. */
function describe(ruleset: Ruleset, kind: "standards" | "checks" | "adjustments", id: string): string {
  if (kind === "standards") {
    const placed = ruleset.index.standardById.get(id);
    return placed === undefined
      ? ""
      : ` ${placed.standard.name} (${fmt(placed.standard.points)} points, ${placed.standard.method}, in ${placed.content.id})`;
  }
  if (kind === "checks") {
    const found = ruleset.index.checkById.get(id);
    return found === undefined ? "" : ` ${found.check.name} (−${fmt(found.check.deduction)} per problem, in ${found.standard.id})`;
  }
  const adjustment = ruleset.adjustments.find((x) => x.id === id);
  return adjustment === undefined
    ? ""
    : ` ${adjustment.name} (${adjustment.kind}${adjustment.kind === "penalty" ? ` ${fmt(adjustment.points)} points` : ""})`;
}

const schema = defineCommand(
  {
    name: "schema",
    description: "Print the JSON Schema of rule-set files (for editors)",
    examples: ["ruleset schema --out rulesets/schema.json"],
    params: { out: optionalFlag("out", { placeholder: "FILE", description: "write to this file instead of stdout" }) },
  },
  (options) => printOrWrite(options.out, `${JSON.stringify(rulesetJsonSchema(), null, 2)}\n`),
);

const importCommand = defineCommand(
  {
    name: "import",
    description: "Turn a published indicator table (UTF-8 or GBK CSV) into a rule-set YAML skeleton",
    examples: ["ruleset import indicators.csv --id shenzhen --version 2024.1.0 --out rulesets/local/shenzhen/2024.1.0.yaml"],
    params: {
      table: argument("table", "CSV table: 测评项目, 测评内容, 测评标准, 分值, 测评方法, 责任单位"),
      id: defaultedFlag("id", { placeholder: "ID", description: "id of the rule set", default: "imported" }),
      version: defaultedFlag("version", { placeholder: "VERSION", description: "its version", default: "0.1.0" }),
      title: defaultedFlag("title", { placeholder: "TEXT", description: "its title", default: "导入的测评体系（待补充）" }),
      effectiveFrom: defaultedFlag("effective-from", {
        placeholder: "YYYY-MM-DD",
        description: "the date it takes effect",
        default: "2024-01-01",
      }),
      out: optionalFlag("out", { placeholder: "FILE", description: "write the YAML here instead of stdout" }),
    },
  },
  Effect.fn(function* (options) {
    const result = importTable(options.table, {
      id: options.id,
      version: options.version,
      title: options.title,
      effectiveFrom: options.effectiveFrom,
    });
    if (typeof result === "string") return yield* usage(result);
    const checked = checkRuleset(result.ruleset);
    if (!checked.ok) return yield* usage(`the skeleton does not validate: ${checked.issues.map((i) => i.message).join("; ")}`);
    const yamlText =
      "# yaml-language-server: $schema=../schema.json\n" +
      `# Imported from ${options.table}. Placeholders to fill in are marked 待补充 / todo_.\n` +
      stringify(result.ruleset, { lineWidth: 0 });
    yield* printOrWrite(options.out, yamlText);
    yield* Console.error(`imported ${result.standards} standards; ${result.unplaced.length} row(s) could not be placed`);
    for (const row of result.unplaced) yield* Console.error(`  ${options.table}:${row.line}: ${row.reason}`);
  }),
);

export const rulesetCommand = defineGroup("ruleset", "Work with rule sets (测评体系): validate, list, show, diff, schema, import", [
  validate,
  list,
  show,
  diff,
  schema,
  importCommand,
]);

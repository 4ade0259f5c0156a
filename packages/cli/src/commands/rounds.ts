/**
 * Commands across rounds: `compare` (销号清单), `composite` (综合 and 动态管理) and `plan`
 * (整改计划), each writing JSON and CSV into --out.
 */
import {
  CLOSURE_CLASS_NAMES,
  ClosureError,
  type Closure,
  type Composite,
  compareRounds,
  composeRounds,
  type Plan,
  planImprovements,
  type Results,
} from "@civitas/core";
import { tableToCsv } from "@civitas/csv";
import { Console, Effect } from "effect";
import { Command, Flag } from "effect/cli";
import { stageOutput } from "../atomic-output.js";
import { CliFailure, usage } from "../failure.js";
import { readResults } from "../read-results.js";

const outFlag = Flag.String("out").pipe(Flag.withDescription("output directory (replaced atomically)"));

function load(path: string) {
  return Effect.gen(function* () {
    const results = readResults(path);
    if (results instanceof CliFailure) return yield* results;
    return results;
  });
}

/** Writes files into --out atomically. */
function writeAll(out: string, files: ReadonlyArray<readonly [string, string | Uint8Array]>) {
  return Effect.sync(() => {
    const output = stageOutput(out);
    for (const [name, data] of files) output.write(name, data);
    output.commit();
  });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function closureFiles(closure: Closure): Promise<Array<readonly [string, string | Uint8Array]>> {
  const csv = await tableToCsv({
    header: [
      "city_id",
      "standard_id",
      "check_id",
      "site_id",
      "class",
      "class_name",
      "responsible",
      "base_count",
      "base_loss",
      "current_count",
      "current_loss",
    ],
    rows: closure.items.map((i) => [
      i.cityId,
      i.standardId,
      i.checkId,
      i.siteId,
      i.class,
      CLOSURE_CLASS_NAMES[i.class],
      i.responsible.join(";"),
      i.base?.count,
      i.base?.loss,
      i.current?.count,
      i.current?.loss,
    ]),
  });
  return [
    ["closure.json", json(closure)],
    ["closure.csv", csv],
  ];
}

const compare = Command.make(
  "compare",
  {
    base: Flag.String("base").pipe(Flag.withDescription("the earlier round's results.json")),
    current: Flag.String("current").pipe(Flag.withDescription("the later round's results.json")),
    out: outFlag,
  },
  Effect.fn(function* (options) {
    const base = yield* load(options.base);
    const current = yield* load(options.current);
    let closure: Closure;
    try {
      closure = compareRounds(base, current);
    } catch (error) {
      if (error instanceof ClosureError) return yield* usage(error.message);
      throw error;
    }
    yield* writeAll(options.out, yield* Effect.promise(() => closureFiles(closure)));
    const t = closure.totals.overall;
    if (closure.versionsDiffer) {
      yield* Console.error(`note: rule-set versions differ: ${base.ruleset.id}@${base.ruleset.version} → ${current.ruleset.version}`);
    }
    yield* Console.log(
      `compared round ${base.round} with ${current.round}: ${t.resolved} 已销号 resolved, ${t.unverified} 未复查 unverified, ` +
        `${t.persisting} 未整改 persisting, ${t.new} 新发现 new; wrote ${options.out}`,
    );
  }),
).pipe(Command.withDescription("Classify every problem of two rounds: resolved, unverified, persisting, new (销号清单)"));

export async function compositeFiles(composite: Composite): Promise<Array<readonly [string, string | Uint8Array]>> {
  const rounds = composite.rounds.map((r) => r.round);
  const csv = await tableToCsv({
    header: ["city_id", "name", "peer_group", "composite_ratio", "status", "titled", "dynamic", ...rounds.map((r) => `ratio_${r}`)],
    rows: composite.cities.map((c) => [
      c.cityId,
      c.name,
      c.peerGroup,
      c.ratio,
      c.status,
      c.titled ? 1 : 0,
      c.dynamic,
      ...c.rounds.map((r) => r.ratio),
    ]),
  });
  return [
    ["composite.json", json(composite)],
    ["composite.csv", csv],
  ];
}

const composite = Command.make(
  "composite",
  {
    results: Flag.String("results").pipe(
      Flag.withDescription("a round's results.json, optionally :weight (e.g. out/2024/results.json:0.6); repeat per round"),
      Flag.atLeast(1),
    ),
    out: outFlag,
  },
  Effect.fn(function* (options) {
    const inputs: Array<{ results: Results; weight: number }> = [];
    for (const spec of options.results) {
      const match = spec.match(/^(.*?)(?::(\d+(?:\.\d+)?))?$/);
      const path = match?.[1] ?? spec;
      const weight = match?.[2] === undefined ? 1 : Number(match[2]);
      if (!(weight > 0)) return yield* usage(`--results ${spec}: the weight must be a positive number`);
      inputs.push({ results: yield* load(path), weight });
    }
    const ids = new Set(inputs.map((i) => i.results.ruleset.id));
    if (ids.size > 1) yield* Console.error(`note: the rounds use different rule sets: ${[...ids].join(", ")}`);
    const result = composeRounds(inputs);
    yield* writeAll(options.out, yield* Effect.promise(() => compositeFiles(result)));
    const flagged = result.cities.filter((c) => c.dynamic === "warning" || c.dynamic === "removal");
    yield* Console.log(
      `composite of ${result.rounds.length} round(s) for ${result.cities.length} cities; ` +
        `${flagged.filter((c) => c.dynamic === "warning").length} 提醒 warning, ${flagged.filter((c) => c.dynamic === "removal").length} 建议撤销 removal; wrote ${options.out}`,
    );
  }),
).pipe(Command.withDescription("Combine rounds into composite ratios with dynamic management flags (动态管理)"));

export async function planFiles(plan: Plan): Promise<Array<readonly [string, string | Uint8Array]>> {
  const csv = await tableToCsv({
    header: ["city_id", "name", "outcome", "ratio", "target", "step", "standard_id", "check_id", "gain", "ratio_after", "responsible"],
    rows: plan.cities.flatMap((c) =>
      c.steps.length === 0
        ? [[c.cityId, c.name, c.outcome, c.ratio, c.target, null, null, null, null, c.ratioAfter, null]]
        : c.steps.map((s, i) => [
            c.cityId,
            c.name,
            c.outcome,
            c.ratio,
            c.target,
            i + 1,
            s.standardId,
            s.checkId,
            s.gain,
            s.ratioAfter,
            s.responsible.join(";"),
          ]),
    ),
  });
  return [
    ["plan.json", json(plan)],
    ["plan.csv", csv],
  ];
}

const plan = Command.make(
  "plan",
  {
    results: Flag.String("results").pipe(Flag.withDescription("results.json of the round to plan from")),
    target: Flag.String("target").pipe(Flag.withDescription("target ratio (e.g. 0.9) or grade id (e.g. excellent)")),
    out: outFlag,
  },
  Effect.fn(function* (options) {
    const results = yield* load(options.results);
    const numeric = /^\d*\.?\d+$/.test(options.target) ? Number(options.target) : undefined;
    let result: Plan;
    try {
      result = planImprovements(results, numeric ?? options.target);
    } catch (error) {
      return yield* usage(`--target: ${(error as Error).message}`);
    }
    yield* writeAll(options.out, yield* Effect.promise(() => planFiles(result)));
    for (const city of result.cities) yield* Console.log(`  ${city.cityId.padEnd(10)} ${city.outcome.padEnd(16)} ${city.message}`);
    yield* Console.log(`plan towards ${(result.target.ratio * 100).toFixed(2)}% for ${result.cities.length} cities; wrote ${options.out}`);
  }),
).pipe(Command.withDescription("For each city, the improvement items that together reach a target ratio or grade (整改计划)"));

export const roundCommands = [compare, composite, plan] as const;

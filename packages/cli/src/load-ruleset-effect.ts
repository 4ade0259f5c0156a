/**
 * The rule-set loader (`load-ruleset.ts`) as an Effect, its warnings (skipped files) on
 * stderr: the one place where the loader's `Loaded | CliFailure` result becomes the error
 * channel, until the loader itself returns an Effect.
 */
import type { Ruleset } from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import type * as Option from "effect/Option";
import { CliFailure } from "./failure.js";
import { asOfOrToday } from "./flags.js";
import { type LoadedRuleset, loadRuleset } from "./rulesets/load-ruleset.js";

/** Loads the rule set named by a path or a reference (`--rulesets`, `--as-of`), or fails listing every issue. */
export function loadRulesetEffect(
  reference: string,
  rulesetsDir: string,
  asOf: Option.Option<string>,
): Effect.Effect<LoadedRuleset, CliFailure> {
  return Effect.suspend(() => {
    const loaded = loadRuleset(reference, { rulesetsDir, asOf: asOfOrToday(asOf) });
    return loaded instanceof CliFailure ? Effect.fail(loaded) : Effect.succeed(loaded);
  }).pipe(Effect.tap((loaded) => Effect.forEach(loaded.warnings, (warning) => Console.error(`warning: ${warning}`))));
}

export type { LoadedRuleset, Ruleset };

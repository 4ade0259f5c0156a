/**
 * `civitas ruleset …`: validate rule sets (and, in later commands, list, show and diff them).
 */
import { Console, Effect, Option } from "effect";
import { Argument, Command } from "effect/cli";
import { CliFailure } from "../failure.js";
import { loadRuleset } from "../load-ruleset.js";
import { today } from "../today.js";
import { asOfFlag, rulesetsFlag } from "./score.js";

const validate = Command.make(
  "validate",
  {
    ruleset: Argument.String("ruleset").pipe(Argument.withDescription("a rule-set file, or id@version in --rulesets")),
    rulesets: rulesetsFlag,
    asOf: asOfFlag,
  },
  Effect.fn(function* (options) {
    const loaded = loadRuleset(options.ruleset, { rulesetsDir: options.rulesets, asOf: Option.getOrElse(options.asOf, today) });
    if (loaded instanceof CliFailure) return yield* loaded;
    for (const warning of loaded.warnings) yield* Console.error(`warning: ${warning}`);
    const { ruleset } = loaded;
    const standards = ruleset.index.standards.length;
    const checks = ruleset.index.checkById.size;
    yield* Console.log(
      `ok: ${ruleset.id}@${ruleset.version} ${ruleset.title} — ${ruleset.categories.length} categories, ${standards} standards, ` +
        `${checks} checks, ${ruleset.adjustments.length} adjustments; ${ruleset.hash}`,
    );
  }),
).pipe(Command.withDescription("Validate a rule set; lists every problem with file, path, line and column (exit 2)"));

export const rulesetCommand = Command.make("ruleset").pipe(
  Command.withDescription("Work with rule sets (测评体系)"),
  Command.withSubcommands([validate]),
);

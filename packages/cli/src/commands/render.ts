/**
 * `civitas render`: re-renders the PDFs of a results.json (a scorecard per city and the
 * summary) without scoring again.
 */
import type { Ruleset } from "@civitas/core";
import { Console, Effect, Option } from "effect";
import { Argument, Command, Flag } from "effect/cli";
import { stageOutput } from "../atomic-output.js";
import { CliFailure, usage } from "../failure.js";
import { loadRuleset } from "../load-ruleset.js";
import { progressLine } from "../progress.js";
import { readResults } from "../read-results.js";
import { today } from "../today.js";
import { writePdfs } from "../write-round.js";
import { reportDateFlag, rulesetsFlag } from "./score.js";

export const renderCommand = Command.make(
  "render",
  {
    results: Argument.String("results").pipe(Argument.withDescription("a results.json written by civitas score")),
    out: Flag.String("out").pipe(Flag.withDescription("output directory for scorecards/ and summary.pdf (replaced atomically)")),
    reportDate: reportDateFlag,
    rulesets: rulesetsFlag,
  },
  Effect.fn(function* (options) {
    const results = readResults(options.results);
    if (results instanceof CliFailure) return yield* results;
    // The rule set names checks and site types; it is used only when it is exactly the one scored with.
    const loaded = loadRuleset(`${results.ruleset.id}@${results.ruleset.version}`, { rulesetsDir: options.rulesets, asOf: today() });
    const ruleset: Ruleset | undefined =
      loaded instanceof CliFailure || loaded.ruleset.hash !== results.ruleset.hash ? undefined : loaded.ruleset;
    const progress = progressLine();
    const output = stageOutput(options.out);
    yield* Effect.tryPromise({
      try: () =>
        writePdfs(output, results, {
          ruleset,
          date: Option.getOrUndefined(options.reportDate),
          onScorecard: (done, total) => progress.update(`rendering scorecards ${done}/${total} …`),
        }),
      catch: (error) => {
        output.discard();
        return usage(`cannot render ${options.out}: ${String(error)}`);
      },
    });
    output.commit();
    progress.done();
    yield* Console.log(`rendered ${results.cities.length} scorecards and summary.pdf into ${options.out}`);
  }),
).pipe(Command.withDescription("Re-render the PDF scorecards and summary of a results.json without scoring again"));

/**
 * `civitas render`: re-renders the PDFs of a results.json (a scorecard per city and the
 * summary) without scoring again; with --previous the scorecards show the change since it.
 */
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { Argument, Command, Flag } from "effect/cli";
import { stageOutput } from "../atomic-output.js";
import { CliFailure, usage } from "../failure.js";
import { progressLine } from "../progress.js";
import { readResults } from "../read-results.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { writePdfs } from "../write-round.js";
import { previousFlag, readPrevious, reportDateFlag, rulesetsFlag } from "./score.js";

export const renderCommand = Command.make(
  "render",
  {
    results: Argument.String("results").pipe(Argument.withDescription("a results.json written by civitas score")),
    out: Flag.String("out").pipe(Flag.withDescription("output directory for scorecards/ and summary.pdf (replaced atomically)")),
    reportDate: reportDateFlag,
    previous: previousFlag,
    rulesets: rulesetsFlag,
  },
  Effect.fn(function* (options) {
    const results = readResults(options.results);
    if (results instanceof CliFailure) return yield* results;
    const previous = readPrevious(options.previous, results.ruleset.id);
    if (previous instanceof CliFailure) return yield* previous;
    // The rule set names checks and site types; it is used only when it is exactly the one scored with.
    const ruleset = rulesetOfResults(results, options.rulesets);
    const progress = progressLine();
    const output = stageOutput(options.out, [options.results, ...Option.toArray(options.previous)]);
    if (output instanceof CliFailure) return yield* output;
    yield* Effect.tryPromise({
      try: () =>
        writePdfs(output, results, {
          ruleset,
          date: Option.getOrUndefined(options.reportDate),
          previous,
          onScorecard: (done, total) => progress.update(`rendering scorecards ${done}/${total} …`),
        }),
      catch: (error) => {
        output.discard();
        return usage(`cannot render ${options.out}: ${String(error)}`);
      },
    });
    const failed = output.commit();
    if (failed !== undefined) return yield* failed;
    progress.done();
    const since = previous === undefined ? "" : ` (showing the change since round ${previous.round})`;
    yield* Console.log(`rendered ${results.cities.length} scorecards${since} and summary.pdf into ${options.out}`);
  }),
).pipe(Command.withDescription("Re-render the PDF scorecards and summary of a results.json without scoring again"));

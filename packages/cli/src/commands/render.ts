/**
 * `civitas render`: re-renders the PDFs of a results.json (a scorecard per city and the
 * summary) without scoring again; with --previous the scorecards show the change since it.
 */
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { previousFlag, reportDateFlag, rulesetsFlag } from "../flags.js";
import { withOutputDirectory } from "../output/staged-write.js";
import { progressLine } from "../progress.js";
import { readPrevious, readResults } from "../read-results.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { defineCommand } from "../shell/define-command.js";
import { argument, requiredFlag } from "../shell/params.js";
import { writePdfs } from "../output/write-round.js";

export const renderCommand = defineCommand(
  {
    name: "render",
    description: "Re-render the PDF scorecards and summary of a results.json without scoring again",
    examples: ["render out/2024/results.json --previous out/2023/results.json --report-date 2024-06-30 --out out/2024-pdf"],
    params: {
      results: argument("results", "a results.json written by civitas score"),
      out: requiredFlag("out", {
        placeholder: "DIR",
        description: "output directory for scorecards/ and summary.pdf (replaced atomically)",
      }),
      reportDate: reportDateFlag,
      previous: previousFlag,
      rulesets: rulesetsFlag,
    },
  },
  (options) =>
    withOutputDirectory(options.out, [options.results, ...Option.toArray(options.previous)], (output) =>
      Effect.gen(function* () {
        const results = yield* readResults(options.results);
        const previous = yield* readPrevious(options.previous, results.ruleset.id);
        // The rule set names checks and site types; it is used only when it is exactly the one scored with.
        const ruleset = rulesetOfResults(results, options.rulesets);
        const progress = progressLine();
        yield* output.write((staged) =>
          writePdfs(staged, results, {
            ruleset,
            date: Option.getOrUndefined(options.reportDate),
            previous,
            onScorecard: (done, total) => progress.update(`rendering scorecards ${done}/${total} …`),
          }),
        );
        progress.done();
        const since = previous === undefined ? "" : ` (showing the change since round ${previous.round})`;
        yield* Console.log(`rendered ${results.cities.length} scorecards${since} and summary.pdf into ${options.out}`);
      }),
    ),
);

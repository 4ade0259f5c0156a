/**
 * The head start of `civitas score` (bin/civitas.js): the evidence directory is found in the
 * arguments only when they are plainly a `score` command; anything else means no head start.
 */
import { describe, expect, it } from "vitest";
import { evidenceArgument } from "../src/prefetch-evidence.js";

describe("the evidence argument", () => {
  it.each([
    [["score", "--ruleset", "r.yaml", "--evidence", "data/2024", "--round", "2024"], "data/2024"],
    [["score", "--evidence=data/2024"], "data/2024"],
    [["score", "--round", "2024"], undefined],
    [["render", "--evidence", "data/2024"], undefined],
    [["--evidence", "data/2024", "score"], undefined],
    [["score", "--evidence"], undefined],
  ])("of %j is %j", (args, dir) => {
    expect(evidenceArgument(args)).toBe(dir);
  });
});

/**
 * The example of the notice writers (examples/feedback-notice.ts) runs and prints what the
 * READMEs of @civitas/docx and @civitas/photos promise, and every code block of those READMEs
 * is taken from it word for word.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const example = readFileSync(`${root}examples/feedback-notice.ts`, "utf8");
const blocks = (readme: string) => [...readFileSync(`${root}${readme}`, "utf8").matchAll(/```ts\n(.*?)```/gs)].map((m) => m[1] ?? "");

describe("examples/feedback-notice.ts", () => {
  it("scores a round, loads its photos (one outside the evidence directory) and writes the notice", () => {
    const output = execFileSync(process.execPath, ["--conditions=@civitas/source", "--import", "tsx", "examples/feedback-notice.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(output.trim().split("\n")).toEqual([
      "../secret.jpg outside",
      "photos/IMG_2024_GA-S121-02_K006.jpg shown",
      "杭州市: 1 problem(s), appeals due 2024-07-05; docx true, pdf true",
    ]);
  });

  it.each(["packages/docx/README.md", "packages/photos/README.md"])("%s quotes it word for word", (readme) => {
    const quoted = blocks(readme);
    expect(quoted.length).toBeGreaterThan(0);
    for (const block of quoted) expect(example).toContain(block);
  });
});

/**
 * The packed libraries work in a fresh project: `npm pack` @civitas/core, @civitas/csv and
 * @civitas/pdf (as built by the tests' global setup), install the three tarballs at once into a
 * temporary strict TypeScript project — `skipLibCheck: false`, `lib: ["ES2023"]` (no DOM),
 * `types: ["node"]` — compile the documented examples with tsc and run them with plain Node, no
 * TypeScript loader. And every file an `exports` condition names is in its tarball.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGES = ["core", "csv", "pdf"] as const;
const typesNode = (JSON.parse(readFileSync(join(root, "node_modules/@types/node/package.json"), "utf8")) as { version: string }).version;
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const node = (args: string[], cwd: string) =>
  execFileSync(process.execPath, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

interface Packed {
  readonly name: string;
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/** Every file path an `exports` map names, under any condition. */
function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(exportTargets);
  return [];
}

/** The first ```ts block of a Markdown file. */
function firstTsBlock(path: string): string {
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(readFileSync(path, "utf8"))?.[1];
  if (block === undefined) throw new Error(`${path} has no ts code block`);
  return block;
}

const PDF_EXAMPLE = `
import { readFileSync, writeFileSync } from "node:fs";
import { parseRuleset, scoreAdmitted } from "@civitas/core";
import { readEvidence } from "@civitas/csv";
import { renderScorecard, type ScorecardOptions } from "@civitas/pdf";

const ruleset = parseRuleset(JSON.parse(readFileSync("ruleset.json", "utf8")));
const read = await readEvidence("evidence", ruleset, "2024");
const results = await scoreAdmitted({ ruleset, round: "2024", evidence: read.admission.evidence(), files: read.files, rejects: read.admission.rejects });
const options: ScorecardOptions = { ruleset, date: "2024-06-30" };
const city = results.cities[0];
if (city === undefined) throw new Error("no city");
const pdf: Buffer = await renderScorecard(results, city.cityId, options);
writeFileSync("scorecard.pdf", pdf);
console.log(city.cityId, pdf.subarray(0, 5).toString("latin1"), pdf.length > 1000);
`;

describe("npm pack of the libraries", () => {
  let dir = "";
  let packed: Packed[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "civitas-pack-"));
    const workspaces = PACKAGES.flatMap((p) => ["-w", `@civitas/${p}`]);
    packed = JSON.parse(npm(["pack", ...workspaces, "--pack-destination", dir, "--json"], root)) as Packed[];
    const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:./${p.filename}`]));
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "integration", private: true, type: "module", dependencies, devDependencies: { "@types/node": typesNode } }),
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          types: ["node"],
          lib: ["ES2023"],
          outDir: "dist",
        },
        include: ["*.ts"],
      }),
    );
    copyFileSync(join(root, "examples/in-memory-ranking.ts"), join(dir, "core-example.ts"));
    writeFileSync(join(dir, "csv-readme.ts"), firstTsBlock(join(root, "packages/csv/README.md")));
    writeFileSync(join(dir, "pdf-example.ts"), PDF_EXAMPLE);
    const basic = join(root, "fixtures/cases/basic");
    writeFileSync(join(dir, "ruleset.json"), JSON.stringify(parse(readFileSync(join(basic, "ruleset.yaml"), "utf8"))));
    cpSync(join(basic, "evidence"), join(dir, "evidence"), { recursive: true });
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], dir);
  });

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  it("ship every file their exports name, under every condition (the sources included)", () => {
    for (const pkg of packed) {
      const manifest = JSON.parse(readFileSync(join(root, "packages", pkg.name.replace("@civitas/", ""), "package.json"), "utf8"));
      const files = new Set(pkg.files.map((f) => f.path));
      const missing = exportTargets(manifest.exports).filter((target) => !files.has(target.replace(/^\.\//, "")));
      expect(missing, pkg.name).toEqual([]);
      expect(files.has("src/index.ts"), pkg.name).toBe(true);
    }
  });

  it("compile in a strict project without skipLibCheck and without the DOM library", () => {
    expect(() => node([join(root, "node_modules/typescript/bin/tsc"), "-p", ".", "--pretty", "false"], dir)).not.toThrow();
  });

  it("run core's example without a loader", () => {
    const output = node(["dist/core-example.js"], dir);
    expect(output).toContain("杭州市\t44/50\t88.0%\tpass");
    expect(output).toContain("宁波市\t30/50\t60.0%\tfail");
  });

  it("run the csv README's example on the basic case, with the scores computed by hand", () => {
    const expected = JSON.parse(readFileSync(join(root, "fixtures/cases/basic/expected.json"), "utf8")) as {
      cities: { cityId: string; score: number; max: number; grade: string | null }[];
      rejects: unknown[];
    };
    const lines = expected.cities.map((c) => `${c.cityId}\t${c.score}/${c.max}\t${c.grade}`);
    expect(node(["dist/csv-readme.js"], dir).trim().split("\n")).toEqual([...lines, `${expected.rejects.length} rows rejected`]);
  });

  it("render a scorecard with the installed fonts", () => {
    expect(node(["dist/pdf-example.js"], dir).trim()).toBe("a %PDF- true");
  });
});

/**
 * The packed library works in a fresh project: `npm pack`, install the tarball into a temporary
 * strict TypeScript project (skipLibCheck false), compile the documented example with tsc and
 * run it with plain Node — no TypeScript loader at run time.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const typesNode = (JSON.parse(readFileSync(join(root, "node_modules/@types/node/package.json"), "utf8")) as { version: string }).version;
const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("npm pack -w @civitas/core", () => {
  it("installs into a strict TypeScript project and runs the example without a loader", () => {
    const dir = mkdtempSync(join(tmpdir(), "civitas-pack-"));
    npm(["run", "build", "-w", "@civitas/core"], root);
    npm(["pack", "-w", "@civitas/core", "--pack-destination", dir], root);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({
        name: "integration",
        private: true,
        type: "module",
        dependencies: { "@civitas/core": `file:./${tarball}` },
        devDependencies: { "@types/node": typesNode },
      }),
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
        include: ["example.ts"],
      }),
    );
    copyFileSync(join(root, "examples/in-memory-ranking.ts"), join(dir, "example.ts"));
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], dir);
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", ".", "--pretty", "false"], {
      cwd: dir,
      encoding: "utf8",
    });
    const output = execFileSync(process.execPath, ["dist/example.js"], { cwd: dir, encoding: "utf8" });
    expect(output).toContain("杭州市\t44/50\t88.0%\tpass");
    expect(output).toContain("宁波市\t30/50\t60.0%\tfail");
  }, 180_000);
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE } from "../src/index.js";

describe("the engine version", () => {
  it("is the version of every package and of the changelog's latest release", () => {
    for (const name of ["core", "csv", "pdf", "cli"]) {
      const pkg = JSON.parse(readFileSync(new URL(`../../${name}/package.json`, import.meta.url), "utf8")) as { version: string };
      expect(pkg.version, name).toBe(ENGINE.version);
    }
    const changelog = readFileSync(new URL("../../../CHANGELOG.md", import.meta.url), "utf8");
    expect(changelog).toContain(`## ${ENGINE.version} — `);
  });
});

/**
 * The rule-set hash (SPEC section 1): `sha256:` + hex SHA-256 of the canonical JSON (keys
 * sorted, no whitespace) of the resolved rule set, checked against an independent
 * computation with node:crypto; every result carries it.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, parseRuleset, rulesetHash, scoreRound } from "../src/index.js";
import { baseData, type Data, documentStandard, type Loose, overlayData } from "./support/ruleset-builders.js";

/** Canonical JSON written independently of the code under test. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const expectedHash = (data: unknown) => `sha256:${createHash("sha256").update(canonical(data), "utf8").digest("hex")}`;

/** The same data with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth, keeps list order and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: "中文 text" }, 3], "": null })).toBe('{"":null,"a":[{"c":"中文 text","d":2},3],"b":1}');
  });

  it("sorts keys by code unit (upper case before lower case)", () => {
    expect(canonicalJson({ b: 1, B: 2, _: 3, a: 4 })).toBe('{"B":2,"_":3,"a":4,"b":1}');
  });

  it("leaves out undefined members, as JSON does", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("agrees with an independent implementation on a whole rule set", () => {
    expect(canonicalJson(baseData())).toBe(canonical(baseData()));
  });
});

describe("the hash of a base rule set", () => {
  it("is sha256: + hex SHA-256 of its canonical JSON", () => {
    const data = baseData();
    const ruleset = parseRuleset(data);
    expect(ruleset.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ruleset.hash).toBe(expectedHash(data));
    expect(rulesetHash(data)).toBe(ruleset.hash);
  });

  it("does not depend on the order of keys in the file", () => {
    expect(parseRuleset(reversedKeys(baseData())).hash).toBe(parseRuleset(baseData()).hash);
  });

  it("changes when any value changes, or when the order of a list changes", () => {
    const hash = parseRuleset(baseData()).hash;
    expect(parseRuleset(baseData({ title: "基础测评体系（示例）。" })).hash).not.toBe(hash);
    const swapped = [
      { id: "scj", name: "市场监督管理局" },
      { id: "cgj", name: "城市管理局" },
    ];
    expect(parseRuleset(baseData({ departments: swapped })).hash).not.toBe(hash);
    expect(parseRuleset(baseData()).hash).toBe(hash);
  });
});

describe("the hash of an overlay", () => {
  const overlay = overlayData({
    title: "地方细则（示例）",
    scale: 110,
    patch: { standards: [{ id: "S1.1.1", points: 35 }] },
    add: { standards: [{ content: "C2.1", standard: documentStandard({ id: "S2.1.9", points: 5 }) }] },
    remove: { adjustments: ["V01"] },
  });

  /** The resolved rule set written out by hand. */
  function writtenOut(): Data {
    const data = baseData({ id: "local", version: "1.0.0", title: "地方细则（示例）", effectiveFrom: "2023-01-01", scale: 110 }) as Loose;
    data.categories[0].contents[0].standards[0].points = 35;
    data.categories[1].contents[0].standards.push(documentStandard({ id: "S2.1.9", points: 5 }));
    data.adjustments = data.adjustments.filter((a: Data) => a.id !== "V01");
    return data;
  }

  it("is the hash of the resolved rule set, computed independently", () => {
    const ruleset = parseRuleset(overlay, { bases: [baseData()] });
    expect(ruleset.resolved).toEqual(writtenOut());
    expect(ruleset.hash).toBe(expectedHash(writtenOut()));
  });

  it("equals the hash of the same rule set written out in full as a base", () => {
    expect(parseRuleset(overlay, { bases: [baseData()] }).hash).toBe(parseRuleset(writtenOut()).hash);
  });

  it("differs from its base's, and changes when the base changes", () => {
    const onBase = parseRuleset(overlay, { bases: [baseData()] }).hash;
    expect(onBase).not.toBe(parseRuleset(baseData()).hash);
    const otherBase = baseData({
      departments: [
        { id: "cgj", name: "城管局" },
        { id: "scj", name: "市场监督管理局" },
      ],
    });
    expect(parseRuleset(overlay, { bases: [otherBase] }).hash).not.toBe(onBase);
  });
});

describe("results", () => {
  it("carry the rule set's id, version, hash and lineage", async () => {
    const ruleset = parseRuleset(overlayData(), { bases: [baseData()] });
    const results = await scoreRound({ ruleset, round: "2024", evidence: { cities: [{ city_id: "hz", name: "杭州市" }] } });
    expect(results.ruleset).toMatchObject({ id: "local", version: "1.0.0", hash: ruleset.hash, lineage: ["base@1.0.0", "local@1.0.0"] });
    expect(results.ruleset.hash).toBe(expectedHash(ruleset.resolved));
  });
});

/**
 * Results read back (for `compare`, `composite`, `plan`, `render`, `merge`): a `results.json`
 * written by Civitas (`write-results.ts`, its rejected rows listed whole or only the first ones
 * with `rejectsOmitted`), or one written by hand or by another tool that holds the spec's
 * required core (results.schema.json) and, where a command needs them, section 5's `problems`,
 * `visitedSites` and `attributes`. Every problem is listed with its path; what Civitas adds
 * beyond the core (names, responsible departments, penalty points, …) is derived from the
 * core when absent, so the round commands work the same on both.
 */
import { z } from "zod";
import { ResultsError } from "../errors.js";
import type { ResultsIssue } from "../failure-issues.js";
import type { Results } from "./model.js";
import { formatPath } from "../ruleset/issues.js";

export { ResultsError, type ResultsIssue };

/** Section 5's parts of a city result that a command may need. */
export type ResultsNeed = "problems" | "visitedSites";

const nullableString = z.string().nullable();
const ids = z.array(z.string());

const problem = z.looseObject({
  standardId: z.string(),
  checkId: nullableString,
  siteId: nullableString,
  count: z.number().int().optional(),
  loss: z.number(),
  responsible: ids.optional(),
});

const city = z.looseObject({
  cityId: z.string(),
  name: z.string(),
  peerGroup: nullableString,
  score: z.number().min(0),
  rawScore: z.number().optional(),
  penaltyPoints: z.number().optional(),
  max: z.number().min(0),
  ratio: z.number().nullable(),
  status: z.enum(["ok", "vetoed"]),
  grade: nullableString,
  rank: z.looseObject({ overall: z.number().int().nullable(), peerGroup: z.number().int().nullable() }),
  categories: z.array(z.looseObject({ id: z.string(), score: z.number(), max: z.number(), name: z.string().optional() })),
  standards: z.array(
    z.looseObject({
      id: z.string(),
      score: z.number(),
      max: z.number(),
      status: z.enum(["scored", "missing", "insufficient", "notApplicable"]),
      name: z.string().optional(),
      responsible: ids.optional(),
    }),
  ),
  adjustments: z.array(z.looseObject({ id: z.string(), kind: z.enum(["veto", "penalty"]), points: z.number().optional() })),
  improvements: z.array(z.looseObject({ standardId: z.string(), checkId: nullableString.optional(), gain: z.number(), responsible: ids })),
  warnings: z.array(z.unknown()),
  visitedSites: ids.optional(),
  problems: z.array(problem).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  scoreBeforeAppeals: z.number().optional(),
  provisional: z.boolean().optional(),
  appeals: z
    .array(
      z.looseObject({
        appealId: z.string(),
        target: z.looseObject({ kind: z.enum(["field", "document", "data", "adjustment"]) }),
        decision: z.enum(["pending", "upheld", "revised", "withdrawn"]),
        pointsRestored: z.number(),
      }),
    )
    .optional(),
});

const results = z.looseObject({
  schemaVersion: z.literal(1),
  ruleset: z.looseObject({
    id: z.string(),
    version: z.string(),
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    title: z.string().optional(),
    departments: z.array(z.looseObject({ id: z.string(), name: z.string() })).optional(),
    grades: z.array(z.looseObject({ id: z.string(), name: z.string(), minRatio: z.number() })).optional(),
    dynamic: z.looseObject({ warningBelow: z.number(), removalBelow: z.number() }).nullable().optional(),
  }),
  round: z.string(),
  cities: z.array(city),
  inputs: z.looseObject({ files: z.array(z.unknown()) }),
  rejects: z
    .array(z.looseObject({ file: z.string(), line: z.number().int(), code: z.string(), reason: z.string(), raw: z.string() }))
    .optional(),
  rejectsOmitted: z.number().int().min(0).optional(),
  engine: z.looseObject({ version: z.string() }),
});

type CityData = z.infer<typeof city>;

/** The responsible departments of each standard, as the city's own results give them. */
function responsibleOf(data: CityData): Map<string, readonly string[]> {
  const found = new Map<string, readonly string[]>();
  for (const s of data.standards) if (s.responsible !== undefined) found.set(s.id, s.responsible);
  for (const p of data.problems ?? []) if (p.responsible !== undefined && !found.has(p.standardId)) found.set(p.standardId, p.responsible);
  for (const i of data.improvements) if (!found.has(i.standardId)) found.set(i.standardId, i.responsible);
  return found;
}

/**
 * A city with what Civitas adds to the core derived from the core where absent. Present keys
 * keep their place (results written by Civitas come back byte for byte); absent ones are added.
 */
function completeCity(data: CityData): unknown {
  const responsible = responsibleOf(data);
  const heldPenalties = data.adjustments.reduce((acc, a) => acc + (a.kind === "penalty" ? (a.points ?? 0) : 0), 0);
  const penaltyPoints = data.penaltyPoints ?? (data.rawScore === undefined ? heldPenalties : data.rawScore - data.score);
  const given = data as CityData & Record<string, unknown>;
  return {
    ...data,
    rawScore: data.rawScore ?? data.score + penaltyPoints,
    penaltyPoints,
    gradeName: given.gradeName ?? null,
    categories: data.categories.map((c) => ({ ...c, name: c.name ?? c.id, ratio: c.ratio ?? (c.max === 0 ? null : c.score / c.max) })),
    standards: data.standards.map((s) => ({
      ...s,
      name: s.name ?? s.id,
      points: s.points ?? s.max,
      ratio: s.ratio ?? (s.max === 0 ? null : s.score / s.max),
      evidence: s.evidence ?? null,
      appliesTo: s.appliesTo ?? null,
      responsible: responsible.get(s.id) ?? [],
    })),
    adjustmentChecks: given.adjustmentChecks ?? data.adjustments.map((a) => ({ ...a, name: a.name ?? a.id, held: true, leaves: [] })),
    improvements: data.improvements.map((i) => ({ ...i, checkId: i.checkId ?? null })),
    problems: (data.problems ?? []).map((p) => ({
      ...p,
      standardName: p.standardName ?? p.standardId,
      checkName: p.checkName ?? p.checkId,
      responsible: p.responsible ?? responsible.get(p.standardId) ?? [],
    })),
    visitedSites: data.visitedSites ?? [],
    attributes: data.attributes ?? {},
    scoreBeforeAppeals: data.scoreBeforeAppeals ?? data.score,
    provisional: data.provisional ?? false,
    appeals: (data.appeals ?? []).map((a) => ({
      ...a,
      target: { standardId: null, checkId: null, siteId: null, adjustmentId: null, ...a.target },
      revision: (a as { revision?: unknown }).revision ?? null,
      reviewer: (a as { reviewer?: unknown }).reviewer ?? null,
      reason: (a as { reason?: unknown }).reason ?? null,
    })),
  };
}

/**
 * Reads results data (a parsed `results.json`): checks the required core and the parts of
 * section 5 that `needs` names, and completes what Civitas adds. Throws a `ResultsError`
 * listing every problem with its path.
 *
 * @example
 * const base = readResults(JSON.parse(text), { needs: ["problems", "visitedSites"] });
 */
export function readResults(data: unknown, options: { readonly needs?: readonly ResultsNeed[] } = {}): Results {
  const parsed = results.safeParse(data);
  if (!parsed.success) {
    const pathOf = (path: readonly PropertyKey[]) => formatPath(path.map((p) => (typeof p === "number" ? p : String(p))));
    throw new ResultsError(parsed.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })));
  }
  // zod's output lists the schema's keys first: the input itself, now known to fit, keeps its order
  const value = data as typeof parsed.data;
  const missing: ResultsIssue[] = [];
  const seen = new Map<string, number>();
  value.cities.forEach((c, i) => {
    const first = seen.get(c.cityId);
    if (first !== undefined)
      missing.push({ path: `cities[${i}].cityId`, message: `city ${JSON.stringify(c.cityId)} is listed twice (also cities[${first}])` });
    else seen.set(c.cityId, i);
  });
  for (const need of options.needs ?? []) {
    value.cities.forEach((c, i) => {
      if (c[need] === undefined)
        missing.push({ path: `cities[${i}].${need}`, message: `missing (SPEC section 5: every city lists its ${need})` });
    });
  }
  if (missing.length > 0) throw new ResultsError(missing);
  const { ruleset } = value;
  // A results.json lists the first rejected rows and counts the rest (write-results.ts).
  const rejects = value.rejects ?? [];
  const rejectsOmitted = value.rejectsOmitted ?? 0;
  return {
    ...value,
    ruleset: {
      ...ruleset,
      title: ruleset.title ?? ruleset.id,
      lineage: (ruleset as { lineage?: unknown }).lineage ?? [`${ruleset.id}@${ruleset.version}`],
      departments: ruleset.departments ?? [],
      grades: ruleset.grades ?? [],
      dynamic: ruleset.dynamic ?? null,
    },
    inputs: { ...value.inputs, rejected: (value.inputs as { rejected?: unknown }).rejected ?? rejects.length + rejectsOmitted },
    rejects,
    rejectsOmitted,
    cities: value.cities.map(completeCity),
  } as unknown as Results;
}

/**
 * Checks that need the whole rule set: ids unique within their kind, references resolved,
 * grades in descending order, and `scale` equal to the sum of points. Works on the raw data
 * (guarding every access) so that these problems are reported even when the schema also
 * finds faults elsewhere in the file.
 */
import { formatPath, fromZodIssues, type RulesetIssue } from "./issues.js";
import { AnyKindAdjustmentSchema, AnyMethodStandardSchema, METHODS } from "./schema.js";

type Path = (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list(owner: unknown, key: string): unknown[] {
  if (!isRecord(owner)) return [];
  const value = owner[key];
  return Array.isArray(value) ? value : [];
}

function idOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === "string" ? item.id : undefined;
}

interface Located {
  readonly item: Record<string, unknown>;
  readonly path: Path;
}

function located(owner: unknown, key: string, base: Path): Located[] {
  return list(owner, key).flatMap((item, i) => (isRecord(item) ? [{ item, path: [...base, key, i] }] : []));
}

/** Every standard of the file with its path. */
export function locateStandards(raw: unknown): Located[] {
  return located(raw, "categories", []).flatMap((category) =>
    located(category.item, "contents", category.path).flatMap((content) => located(content.item, "standards", content.path)),
  );
}

function duplicates(kind: string, items: Located[]): RulesetIssue[] {
  const seen = new Map<string, Path>();
  const issues: RulesetIssue[] = [];
  for (const { item, path } of items) {
    const id = idOf(item);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, path);
    else
      issues.push({
        code: "duplicate_id",
        path: [...path, "id"],
        message: `duplicate ${kind} id ${JSON.stringify(id)} (first defined at ${formatPath(first)})`,
      });
  }
  return issues;
}

function references(kind: string, known: Set<string>, owner: Located, key: string): RulesetIssue[] {
  return list(owner.item, key).flatMap((ref, i) =>
    typeof ref === "string" && !known.has(ref)
      ? [
          {
            code: "unknown_reference" as const,
            path: [...owner.path, key, i],
            message: `unknown ${kind} ${JSON.stringify(ref)}`,
          },
        ]
      : [],
  );
}

/** All cross-cutting problems of a base (or resolved) rule set. */
export function crossCheck(raw: unknown): RulesetIssue[] {
  const categories = located(raw, "categories", []);
  const contents = categories.flatMap((c) => located(c.item, "contents", c.path));
  const standards = locateStandards(raw);
  const checks = standards.flatMap((s) => located(s.item, "checks", s.path));
  const departments = located(raw, "departments", []);
  const siteTypes = located(raw, "siteTypes", []);
  const grades = located(raw, "grades", []);
  const adjustments = located(raw, "adjustments", []);

  const issues: RulesetIssue[] = [
    ...duplicates("category", categories),
    ...duplicates("content", contents),
    ...duplicates("standard", standards),
    ...duplicates("check", checks),
    ...duplicates("department", departments),
    ...duplicates("site type", siteTypes),
    ...duplicates("grade", grades),
    ...duplicates("adjustment", adjustments),
  ];

  const departmentIds = new Set(departments.flatMap((d) => idOf(d.item) ?? []));
  const siteTypeIds = new Set(siteTypes.flatMap((s) => idOf(s.item) ?? []));
  for (const standard of standards) {
    issues.push(...references("department", departmentIds, standard, "responsible"));
    issues.push(...references("site type", siteTypeIds, standard, "siteTypes"));
  }

  // The schema stops at a missing or unknown method (or kind): check the rest of the item too.
  const others = (schema: typeof AnyMethodStandardSchema | typeof AnyKindAdjustmentSchema, { item, path }: Located) => {
    const parsed = schema.safeParse(item, { reportInput: true });
    return parsed.success ? [] : fromZodIssues(parsed.error.issues).map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
  };
  for (const standard of standards) {
    if (!(METHODS as readonly unknown[]).includes(standard.item.method)) issues.push(...others(AnyMethodStandardSchema, standard));
  }
  for (const adjustment of adjustments) {
    if (adjustment.item.kind !== "veto" && adjustment.item.kind !== "penalty") issues.push(...others(AnyKindAdjustmentSchema, adjustment));
  }

  let previous: number | undefined;
  for (const grade of grades) {
    const minRatio = grade.item.minRatio;
    if (typeof minRatio !== "number") continue;
    if (previous !== undefined && !(minRatio < previous)) {
      issues.push({
        code: "grades_order",
        path: [...grade.path, "minRatio"],
        message: `grades must be ordered high to low: minRatio ${minRatio} is not below ${previous}`,
      });
    }
    previous = minRatio;
  }

  if (
    isRecord(raw) &&
    typeof raw.effectiveFrom === "string" &&
    typeof raw.effectiveTo === "string" &&
    raw.effectiveTo <= raw.effectiveFrom
  ) {
    issues.push({
      code: "invalid_value",
      path: ["effectiveTo"],
      message: `effectiveTo ${raw.effectiveTo} must be after effectiveFrom ${raw.effectiveFrom} (in force from effectiveFrom up to, not including, effectiveTo)`,
    });
  }

  if (isRecord(raw) && typeof raw.scale === "number") {
    const sum = standards.reduce((acc, s) => acc + (typeof s.item.points === "number" ? s.item.points : 0), 0);
    if (Math.abs(sum - raw.scale) > 1e-9 * Math.max(1, Math.abs(sum))) {
      issues.push({
        code: "scale_mismatch",
        path: ["scale"],
        message: `scale is ${raw.scale} but the standards' points add up to ${sum}`,
      });
    }
  }
  return issues;
}

/**
 * Names of the things results refer to only by id (cities, checks, departments, site types,
 * contents), taken from the optional rule set and from what the results themselves carry. A `NameBook`
 * is plain data (it crosses worker threads); a name found nowhere falls back to the id.
 */
import type { Problem, Results } from "./results/model.js";
import type { Ruleset } from "./ruleset/model.js";

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Names by id, from a rule set; empty without one. */
export interface NameBook {
  readonly title: string | null;
  /** City names, from the results (a rule set names no city). */
  readonly cities: Readonly<Record<string, string>>;
  readonly categories: Readonly<Record<string, string>>;
  readonly contents: Readonly<Record<string, string>>;
  readonly standards: Readonly<Record<string, string>>;
  readonly checks: Readonly<Record<string, { readonly name: string; readonly deduction: number; readonly standardId: string }>>;
  readonly departments: Readonly<Record<string, string>>;
  readonly siteTypes: Readonly<Record<string, string>>;
}

/** A book without names, to fill in (ids come from outside data: records without a prototype). */
function emptyBook(title: string | null) {
  return {
    title,
    cities: record<string>(),
    categories: record<string>(),
    contents: record<string>(),
    standards: record<string>(),
    checks: record<{ name: string; deduction: number; standardId: string }>(),
    departments: record<string>(),
    siteTypes: record<string>(),
  };
}

/**
 * Collects names: those the results carry (cities, departments, and the checks named by
 * problems), overridden by the rule set's when one is given.
 */
export function nameBookOf(ruleset: Ruleset | undefined, results?: Results): NameBook {
  const book = emptyBook(ruleset?.title ?? null);
  if (results !== undefined) {
    // Older results.json files may lack these names: read them defensively.
    for (const d of (results.ruleset as { departments?: readonly { id: string; name: string }[] }).departments ?? [])
      book.departments[d.id] = d.name;
    for (const city of results.cities) {
      book.cities[city.cityId] = city.name;
      for (const p of city.problems as readonly (Problem & { checkName?: string | null; standardName?: string })[]) {
        if (p.checkId !== null && typeof p.checkName === "string" && !Object.hasOwn(book.checks, p.checkId)) {
          book.checks[p.checkId] = { name: p.checkName, deduction: 0, standardId: p.standardId };
        }
      }
    }
  }
  if (ruleset === undefined) return book;
  for (const category of ruleset.categories) {
    book.categories[category.id] = category.name;
    for (const content of category.contents) {
      book.contents[content.id] = content.name;
      for (const standard of content.standards) book.standards[standard.id] = standard.name;
    }
  }
  for (const [id, { check, standard }] of ruleset.index.checkById) {
    book.checks[id] = { name: check.name, deduction: check.deduction, standardId: standard.id };
  }
  for (const [id, name] of ruleset.index.departmentNames) book.departments[id] = name;
  for (const siteType of ruleset.siteTypes) book.siteTypes[siteType.id] = siteType.name;
  return book;
}

/**
 * Names for a document spanning rounds: those each round's results carry (later rounds win,
 * including the standard and category names of their cities), overridden by the rule set's.
 */
export function nameBookOfRounds(ruleset: Ruleset | undefined, rounds: readonly Results[]): NameBook {
  const book = emptyBook(ruleset?.title ?? rounds[rounds.length - 1]?.ruleset.title ?? null);
  const merge = (from: NameBook) => {
    for (const key of ["cities", "categories", "contents", "standards", "checks", "departments", "siteTypes"] as const) {
      Object.assign(book[key], from[key]);
    }
  };
  for (const results of rounds) {
    merge(nameBookOf(undefined, results));
    for (const city of results.cities) {
      for (const category of city.categories) book.categories[category.id] = category.name;
      for (const standard of city.standards) book.standards[standard.id] = standard.name;
    }
  }
  if (ruleset !== undefined) merge(nameBookOf(ruleset));
  return book;
}

const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined => (Object.hasOwn(record, id) ? record[id] : undefined);

/** Lookups with fallbacks to ids. */
export class Names {
  constructor(readonly book: NameBook) {}

  city(id: string): string {
    return own(this.book.cities, id) ?? id;
  }

  check(id: string): string {
    return own(this.book.checks, id)?.name ?? id;
  }

  department(id: string): string {
    return own(this.book.departments, id) ?? id;
  }

  departments(ids: readonly string[]): string[] {
    return ids.map((id) => this.department(id));
  }

  siteType(id: string): string {
    return own(this.book.siteTypes, id) ?? id;
  }

  content(id: string): string {
    return own(this.book.contents, id) ?? id;
  }

  /** The name of a standard: from the rule set, else the one the results carry, else the id. */
  standard(id: string, fallback?: string): string {
    return own(this.book.standards, id) ?? fallback ?? id;
  }

  category(id: string, fallback?: string): string {
    return own(this.book.categories, id) ?? fallback ?? id;
  }
}

/**
 * The score of one standard for one city (SPEC section 3), with the evidence that produced
 * it: the explanation trail a user reads to learn why points were lost.
 */
import type { CityEvidence, SiteRecord } from "../evidence/model.js";
import { compareCodePoints } from "../order.js";
import type { PlacedStandard } from "../ruleset/model.js";
import type { DataStandard, DocumentStandard, FieldStandard, Standard, SurveyStandard } from "../ruleset/schema.js";
import type { ConditionOutcome, SiteProblem, SiteTrace, StandardEvidence, StandardResult, StandardStatus } from "../results/model.js";
import { surveyScoreAt, wilsonInterval } from "./wilson.js";

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** What a method computes before the missing-evidence rule is applied. */
interface Measured {
  readonly status: "scored" | "missing" | "insufficient";
  readonly score: number;
  readonly evidence: StandardEvidence;
}

/** The sites of a city a field standard looks at, in site-id order. */
export function sitesOf(standard: FieldStandard, city: CityEvidence): SiteRecord[] {
  const types = new Set(standard.siteTypes);
  return [...city.sites.values()].filter((s) => types.has(s.siteType)).sort((a, b) => compareCodePoints(a.siteId, b.siteId));
}

/**
 * The score `measureField` gives with `without`'s problems ignored, computed in the same order
 * of operations (so to the same bits) but without building the explanation: improvements ask
 * it for every check of every field standard. `sites` is `sitesOf(standard, city)`.
 */
export function fieldScoreWithout(standard: FieldStandard, city: CityEvidence, sites: readonly SiteRecord[], without: string): number {
  if (sites.length === 0 || sites.length < standard.minSites) return 0;
  const cap = Math.min(standard.maxPerSite ?? standard.points, standard.points);
  let total = 0;
  for (const site of sites) {
    const tallies = city.field.get(site.siteId);
    let rawLoss = 0;
    for (const check of standard.checks) {
      const tally = tallies?.get(check.id);
      if (tally === undefined || tally.count === 0 || check.id === without) continue;
      rawLoss += check.deduction * tally.count;
    }
    total += Math.min(rawLoss, cap);
  }
  return standard.points - total / sites.length;
}

/**
 * Scores a field standard; `without` names a check whose problems are ignored (to compute
 * what fixing it would gain).
 */
export function measureField(standard: FieldStandard, city: CityEvidence, without?: string): Measured {
  const sites = sitesOf(standard, city);
  const cap = Math.min(standard.maxPerSite ?? standard.points, standard.points);
  const traces: SiteTrace[] = sites.map((site) => {
    const tallies = city.field.get(site.siteId);
    const problems: SiteProblem[] = [];
    let rawLoss = 0;
    for (const check of standard.checks) {
      const tally = tallies?.get(check.id);
      if (tally === undefined || tally.count === 0 || check.id === without) continue;
      const loss = check.deduction * tally.count;
      rawLoss += loss;
      problems.push({ checkId: check.id, count: tally.count, deduction: check.deduction, loss, notes: tally.notes, photos: tally.photos });
    }
    return {
      siteId: site.siteId,
      siteType: site.siteType,
      assessor: site.assessor ?? null,
      visitedAt: site.visitedAt ?? null,
      rawLoss,
      loss: Math.min(rawLoss, cap),
      problems,
    };
  });
  const meanLoss = traces.length === 0 ? null : traces.reduce((acc, t) => acc + t.loss, 0) / traces.length;
  const evidence: StandardEvidence = {
    method: "field",
    // Only the sites that lost points: the others count in siteCount (and in the mean).
    sites: traces.filter((t) => t.rawLoss > 0),
    siteCount: traces.length,
    minSites: standard.minSites,
    capPerSite: cap,
    meanLoss,
  };
  if (traces.length === 0) return { status: "missing", score: 0, evidence };
  if (traces.length < standard.minSites) return { status: "insufficient", score: 0, evidence };
  return { status: "scored", score: standard.points - (meanLoss ?? 0), evidence };
}

function measureSurvey(standard: SurveyStandard, city: CityEvidence): Measured {
  const counts = city.answers.get(standard.question);
  let responses = 0;
  let positive = 0;
  const positiveCodes = new Set(standard.positive);
  for (const [answer, n] of counts ?? []) {
    responses += n;
    if (positiveCodes.has(answer)) positive += n;
  }
  const rate = responses === 0 ? null : positive / responses;
  const evidence: StandardEvidence = {
    method: "survey",
    question: standard.question,
    responses,
    positive,
    rate,
    floor: standard.floor,
    target: standard.target,
    minResponses: standard.minResponses,
  };
  if (rate === null) return { status: "missing", score: 0, evidence };
  if (responses < standard.minResponses) return { status: "insufficient", score: 0, evidence };
  // scored: the sampling error of the rate (SPEC section 7), and the scores at its ends
  const interval = wilsonInterval(rate, responses);
  return {
    status: "scored",
    score: surveyScoreAt(rate, standard),
    evidence: {
      ...evidence,
      rateLow: interval.low,
      rateHigh: interval.high,
      scoreLow: surveyScoreAt(interval.low, standard),
      scoreHigh: surveyScoreAt(interval.high, standard),
    },
  };
}

function measureDocument(standard: DocumentStandard, city: CityEvidence): Measured {
  const key = (v: { verdict: string; reviewer: string | null; note: string | null }) =>
    `${v.verdict}\u0000${v.reviewer ?? ""}\u0000${v.note ?? ""}`;
  const verdicts = (city.documents.get(standard.id) ?? [])
    .map((v) => ({ verdict: v.verdict, level: standard.levels[v.verdict], reviewer: v.reviewer ?? null, note: v.note ?? null }))
    // listed in a fixed order, so the result does not depend on row order
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const meanLevel = verdicts.length === 0 ? null : verdicts.reduce((acc, v) => acc + v.level, 0) / verdicts.length;
  const evidence: StandardEvidence = { method: "document", verdicts, meanLevel };
  if (meanLevel === null) return { status: "missing", score: 0, evidence };
  return { status: "scored", score: standard.points * meanLevel, evidence };
}

function measureData(standard: DataStandard, city: CityEvidence): Measured {
  const value = city.facts.get(standard.fact);
  const evidence: StandardEvidence = {
    method: "data",
    fact: standard.fact,
    value: value ?? null,
    floor: standard.floor,
    target: standard.target,
  };
  if (value === undefined) return { status: "missing", score: 0, evidence };
  return { status: "scored", score: standard.points * clamp01((value - standard.floor) / (standard.target - standard.floor)), evidence };
}

/** Measures a standard by its method, before the missing-evidence rule. */
export function measure(standard: Standard, city: CityEvidence): Measured {
  switch (standard.method) {
    case "field":
      return measureField(standard, city);
    case "survey":
      return measureSurvey(standard, city);
    case "document":
      return measureDocument(standard, city);
    case "data":
      return measureData(standard, city);
  }
}

/** The max a standard counts for, given its status and the missing-evidence policy. */
export function maxFor(standard: Standard, status: StandardStatus, rulesetPolicy: "zero" | "exclude"): number {
  if (status === "notApplicable") return 0;
  if (status === "scored") return standard.points;
  return (standard.missingEvidence ?? rulesetPolicy) === "exclude" ? 0 : standard.points;
}

/** Scores one standard for one city. */
export function scoreStandard(
  placed: PlacedStandard,
  city: CityEvidence,
  appliesTo: ConditionOutcome | null,
  rulesetPolicy: "zero" | "exclude",
): StandardResult {
  const { standard, category, content } = placed;
  const base = {
    id: standard.id,
    name: standard.name,
    categoryId: category.id,
    contentId: content.id,
    method: standard.method,
    points: standard.points,
    responsible: standard.responsible,
    appliesTo,
  };
  if (appliesTo !== null && !appliesTo.held) {
    return { ...base, score: 0, max: 0, ratio: null, status: "notApplicable", evidence: null };
  }
  const measured = measure(standard, city);
  const max = maxFor(standard, measured.status, rulesetPolicy);
  return {
    ...base,
    score: measured.score,
    max,
    ratio: max === 0 ? null : measured.score / max,
    status: measured.status,
    evidence: measured.evidence,
  };
}

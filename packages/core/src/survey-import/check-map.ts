/**
 * Checking a survey map as a rule set is checked (SPEC section 7): every problem listed with its
 * path (and its line and column when the map was read from YAML text), before any row of an
 * export is read. Zod's issues are converted at this boundary; what needs the whole map (the
 * respondent column of a `wide` export, answer texts alike once trimmed, the time a screen
 * needs) is checked here.
 */
import type { SurveyMapIssue, SurveyMapIssueCode } from "../failure-issues.js";
import { fromZodIssues, type RulesetIssue } from "../ruleset/issues.js";
import { readRulesetText } from "../ruleset/text.js";
import {
  DEFAULT_RESPONDENT_COLUMN,
  KOBO_TIME_COLUMNS,
  type MappedQuestion,
  type ParsedSurveyMap,
  type SurveyMap,
  SurveyMapSchema,
  WJX_DURATION_COLUMN,
} from "./map-schema.js";

export type { SurveyMapIssue, SurveyMapIssueCode } from "../failure-issues.js";

export type MapCheck = { ok: true; map: SurveyMap } | { ok: false; issues: SurveyMapIssue[] };

/** Texts → codes, trimmed; two texts alike once trimmed are an issue at the second one's path. */
function textMap(record: Readonly<Record<string, string>>, path: (string | number)[], issues: SurveyMapIssue[], what: string) {
  const out = new Map<string, string>();
  for (const [text, code] of Object.entries(record)) {
    const key = text.trim();
    const code_ = key === "" ? "invalid_value" : out.has(key) ? (what === "answer" ? "duplicate_answer" : "duplicate_city_value") : null;
    if (code_ !== null) {
      const message =
        key === ""
          ? `an empty ${what} text cannot be mapped (an empty cell is unanswered)`
          : `${what} text ${JSON.stringify(key)} is given twice`;
      issues.push({ code: code_, path: [...path, text], message });
      continue;
    }
    out.set(key, code);
  }
  return out;
}

/** The map as the importer uses it, with the platform's defaults; issues for what is missing. */
function complete(parsed: ParsedSurveyMap, issues: SurveyMapIssue[]): SurveyMap {
  const defaultRespondent = DEFAULT_RESPONDENT_COLUMN[parsed.platform];
  if (parsed.respondent === undefined && defaultRespondent === null) {
    issues.push({
      code: "missing_key",
      path: ["respondent"],
      message: "a wide export needs `respondent: { column: … }`, the respondent-id column",
    });
  }
  const questions: MappedQuestion[] = Object.entries(parsed.questions).map(([id, q]) => ({
    id,
    column: q.column,
    answers: textMap(q.answers, ["questions", id, "answers"], issues, "answer"),
  }));
  const screens = parsed.screens ?? {};
  const minSeconds = screens.minSeconds ?? null;
  let duration: SurveyMap["screens"]["duration"] = null;
  if (screens.durationColumn !== undefined) duration = { column: screens.durationColumn, defaulted: false };
  else if (parsed.platform === "wjx") duration = { column: WJX_DURATION_COLUMN, defaulted: true };
  else if (parsed.platform === "kobo") duration = KOBO_TIME_COLUMNS;
  else if (minSeconds !== null) {
    issues.push({
      code: "missing_key",
      path: ["screens", "durationColumn"],
      message: "minSeconds on a wide export needs `durationColumn`, the column of the time each respondent took",
    });
  }
  return {
    platform: parsed.platform,
    round: typeof parsed.round === "string" ? { value: parsed.round } : parsed.round,
    city:
      "value" in parsed.city
        ? { value: parsed.city.value }
        : {
            column: parsed.city.column,
            values: parsed.city.values === undefined ? null : textMap(parsed.city.values, ["city", "values"], issues, "city"),
          },
    respondent:
      parsed.respondent !== undefined
        ? { column: parsed.respondent.column, defaulted: false }
        : { column: defaultRespondent ?? "", defaulted: true },
    questions,
    screens: { minSeconds, duplicateBy: screens.duplicateBy ?? [], duration: minSeconds === null ? null : duration },
  };
}

/**
 * Checks survey-map data (as parsed from YAML or JSON): the map with its defaults, or every
 * issue found, each with its path.
 *
 * @example
 * const checked = checkSurveyMap({ platform: "wjx", round: 2024, city: { value: "hangzhou" },
 *   questions: { Q01: { column: "3、", answers: { 满意: A, 不满意: D } } } });
 * if (!checked.ok) for (const issue of checked.issues) console.error(formatIssue(issue));
 */
export function checkSurveyMap(data: unknown): MapCheck {
  const parsed = SurveyMapSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues).map(asMapIssue) };
  const issues: SurveyMapIssue[] = [];
  const map = complete(parsed.data, issues);
  return issues.length === 0 ? { ok: true, map } : { ok: false, issues };
}

const asMapIssue = (issue: RulesetIssue): SurveyMapIssue => ({
  ...issue,
  code: issue.code === "bad_condition" ? "invalid_value" : (issue.code as SurveyMapIssueCode),
});

/**
 * Reads and checks a survey map from YAML (or JSON) text: syntax problems, then every issue of
 * `checkSurveyMap`, each with the file, line and column where it is.
 */
export function readSurveyMap(text: string, file?: string): MapCheck {
  const read = readRulesetText(text);
  const where = file === undefined ? {} : { file };
  if (!read.ok) {
    // the text reader speaks of rule sets; here the text is a survey map
    const said = (message: string) => message.replaceAll("rule-set file", "survey map").replaceAll("rule set", "survey map");
    return { ok: false, issues: read.issues.map((issue) => ({ ...asMapIssue(issue), message: said(issue.message), ...where })) };
  }
  const checked = checkSurveyMap(read.value.data);
  if (checked.ok) return checked;
  return { ok: false, issues: checked.issues.map((issue) => ({ ...issue, ...where, ...read.value.locate(issue.path) })) };
}

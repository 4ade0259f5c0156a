/**
 * An imported export is the long answers it holds: any long survey.csv turned into a wide
 * export (one row per respondent, answer texts in 问卷星's or KoboToolbox's manner, cities by
 * name) and imported gives back the same answers, and so the same scores.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvidenceRow, flatCell, importSurvey, layOutTable, SURVEY_TABLE, scoreRound } from "../src/index.js";
import { cityRow } from "./support/evidence-builders.js";
import { ruleset, surveyStandard } from "./support/ruleset-builders.js";

const CODES = ["A", "B", "C", "D", "E"];
const TEXTS: Record<string, string> = { A: "非常满意", B: "满意", C: "一般", D: "不满意", E: "非常不满意" };
const KOBO_TEXTS: Record<string, string> = { A: "Very satisfied", B: "Satisfied", C: "Neutral", D: "Dissatisfied", E: "Very dissatisfied" };
const CITIES: Record<string, string> = { hangzhou: "杭州市", ningbo: "宁波市", wuhu: "芜湖市" };
const QUESTIONS = ["Q1", "Q2", "Q3"];

/** A respondent: city, and an answer code (or none) per question. */
const respondent = fc.record({
  city: fc.constantFrom(...Object.keys(CITIES)),
  answers: fc.tuple(...QUESTIONS.map(() => fc.option(fc.constantFrom(...CODES), { nil: undefined }))),
});

/** The long survey.csv rows of respondents r1, r2, … (no row for a question not answered). */
function longRows(respondents: readonly { city: string; answers: readonly (string | undefined)[] }[]): EvidenceRow[] {
  return respondents.flatMap((r, i) =>
    QUESTIONS.flatMap((question, q) => {
      const answer = r.answers[q];
      return answer === undefined ? [] : [{ round: "2024", city_id: r.city, respondent_id: `r${i + 1}`, question_id: question, answer }];
    }),
  );
}

const answers = (texts: Record<string, string>) => Object.fromEntries(CODES.map((code) => [texts[code], code]));

const scored = (survey: readonly EvidenceRow[]) =>
  scoreRound({
    ruleset: ruleset(QUESTIONS.map((question, i) => surveyStandard({ id: `S${i + 1}`, question }))),
    round: "2024",
    evidence: { cities: Object.keys(CITIES).map((id) => cityRow(id)), survey },
  });

describe("an export imported", () => {
  it("from 问卷星 gives back the long answers it was made of, and the same scores", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(respondent, { minLength: 1, maxLength: 40 }), async (respondents) => {
        const header = ["序号", "所用时间", "1、您所在的城市：", ...QUESTIONS.map((q, i) => `${i + 2}、${q} 您满意吗？`)];
        const rows = respondents.map((r, i) => [
          `r${i + 1}`,
          "3分",
          CITIES[r.city] ?? "",
          ...r.answers.map((a) => (a === undefined ? "" : (TEXTS[a] ?? ""))),
        ]);
        const map = {
          platform: "wjx",
          round: 2024,
          city: { column: "1、", values: Object.fromEntries(Object.entries(CITIES).map(([id, name]) => [name, id])) },
          questions: Object.fromEntries(QUESTIONS.map((q, i) => [q, { column: `${i + 2}、`, answers: answers(TEXTS) }])),
          screens: { minSeconds: 60 },
        };
        const result = importSurvey(map, [{ file: "wjx.csv", rows: [header, ...rows] }]);
        const imported = [...layOutTable(SURVEY_TABLE, result).rows].map((cells) => {
          const [round, city_id, respondent_id, question_id, answer] = cells.map((c) => String(flatCell(c)));
          return { round, city_id, respondent_id, question_id, answer } as EvidenceRow;
        });
        const long = longRows(respondents);
        expect(imported).toEqual(long);
        expect(result.totals.written + result.totals.unanswered).toBe(respondents.length * QUESTIONS.length);
        expect((await scored(imported)).cities).toEqual((await scored(long)).cities);
      }),
      { numRuns: 60 },
    );
  });

  it("from KoboToolbox (labels, group paths, `;`-free cells) gives back the long answers too", () => {
    fc.assert(
      fc.property(fc.array(respondent, { minLength: 1, maxLength: 40 }), (respondents) => {
        const header = ["start", "end", "grp/city", ...QUESTIONS.map((q) => `sat/${q.toLowerCase()}`), "_uuid"];
        const rows = respondents.map((r, i) => [
          "2024-05-01T10:00:00+08:00",
          "2024-05-01T10:09:00+08:00",
          r.city,
          ...r.answers.map((a) => (a === undefined ? "" : (KOBO_TEXTS[a] ?? ""))),
          `r${i + 1}`,
        ]);
        const map = {
          platform: "kobo",
          round: "2024",
          city: { column: "city" },
          questions: Object.fromEntries(QUESTIONS.map((q) => [q, { column: q.toLowerCase(), answers: answers(KOBO_TEXTS) }])),
        };
        const result = importSurvey(map, [{ file: "kobo.csv", rows: [header, ...rows] }]);
        const imported = [...layOutTable(SURVEY_TABLE, result).rows].map((cells) => cells.map(flatCell).join(","));
        expect(imported).toEqual(
          longRows(respondents).map((r) => [r.round, r.city_id, r.respondent_id, r.question_id, r.answer].join(",")),
        );
        expect(result.rejects).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * The tables of a survey import (SPEC section 7): survey.csv, the long answers as section 2
 * reads them (问卷调查: round, city, respondent, question, answer), and survey-rejects.csv
 * (问卷拒收记录: every rejected or screened respondent and answer with file, sheet, line,
 * reason code, reason and the raw row).
 */
import type { SurveyReject } from "../survey-import/import-codes.js";
import type { SurveyImportResult } from "../survey-import/survey-import.js";
import { column, type TableDefinition } from "./table.js";

/** One long answer of survey.csv. */
export interface SurveyAnswerRow {
  readonly round: string;
  readonly cityId: string;
  readonly respondentId: string;
  readonly questionId: string;
  readonly answer: string;
}

/** The long answers of an import: per respondent (export and row order), its questions in map order. */
function* answersOf(result: SurveyImportResult): Generator<SurveyAnswerRow> {
  const { questions } = result;
  for (const respondent of result.respondents) {
    for (let q = 0; q < questions.length; q++) {
      const answer = respondent.answers[q];
      if (answer === undefined) continue;
      yield {
        round: respondent.round,
        cityId: respondent.cityId,
        respondentId: respondent.respondentId,
        questionId: questions[q] as string,
        answer,
      };
    }
  }
}

/** survey.csv (问卷调查): the columns of SPEC section 2, so that it is evidence as it is. */
export const SURVEY_TABLE: TableDefinition<SurveyImportResult, SurveyAnswerRow> = {
  name: "survey",
  title: "问卷调查",
  columns: [
    column("round", "测评轮次", "id", (r) => r.round),
    column("city_id", "城市代码", "id", (r) => r.cityId),
    column("respondent_id", "受访者编号", "id", (r) => r.respondentId),
    column("question_id", "题号", "id", (r) => r.questionId),
    column("answer", "答案", "code", (r) => r.answer),
  ],
  rows: answersOf,
};

/** survey-rejects.csv (问卷拒收记录): what was rejected or screened, and why. */
export const SURVEY_REJECTS_TABLE: TableDefinition<SurveyImportResult, SurveyReject> = {
  name: "survey-rejects",
  title: "问卷拒收记录",
  columns: [
    column("file", "文件", "text", (r) => r.file),
    column("sheet", "工作表", "text", (r) => r.sheet),
    column("line", "行号", "integer", (r) => r.line),
    column("respondent_id", "受访者编号", "id", (r) => r.respondentId),
    column("question_id", "题号", "id", (r) => r.questionId),
    column("column", "列", "text", (r) => r.column),
    column("outcome", "处理", "code", (r) => r.outcome),
    column("code", "原因代码", "code", (r) => r.code),
    column("reason", "原因", "text", (r) => r.reason),
    column("raw", "原始行", "text", (r) => r.raw),
  ],
  rows: (result) => result.rejects,
};

/**
 * The judge of `survey.csv`: an answer of a known city to a question some survey standard of
 * the rule set asks, once per respondent and question (a second answer is a duplicate, the
 * first kept). Answers are counted per question and answer code, not kept one by one.
 */
import { columnsAt, type EvidenceJudge, quoted, refuse, unknownCity, valueAt } from "./judge.js";

/**
 * Survey answers already counted for one city, for duplicate detection: each respondent is
 * numbered in order of appearance, and each question has a bitset over those numbers. Memory
 * grows with the distinct respondents, not with the answers.
 */
interface SurveyKeys {
  readonly respondents: Map<string, number>;
  readonly answered: Uint8Array[];
}

/** Marks `respondent` as having answered question number `q`; false if it already had. */
function markAnswer(keys: SurveyKeys, q: number, respondent: string): boolean {
  let r = keys.respondents.get(respondent);
  if (r === undefined) keys.respondents.set(respondent, (r = keys.respondents.size));
  let bits = keys.answered[q] as Uint8Array;
  const byte = r >>> 3;
  if (byte >= bits.length) {
    const grown = new Uint8Array(Math.max(byte + 1, bits.length * 2));
    grown.set(bits);
    keys.answered[q] = bits = grown;
  }
  const mask = 1 << (r & 7);
  if (((bits[byte] as number) & mask) !== 0) return false;
  bits[byte] = (bits[byte] as number) | mask;
  return true;
}

export const judgeSurvey: EvidenceJudge = ({ index, byCity }) => {
  /** city → the survey answers counted so far (for duplicate detection), across files. */
  const answered = new Map<string, SurveyKeys>();
  /** Survey questions, numbered for the duplicate bitsets. */
  const questionNumbers = new Map([...index.surveyQuestions].map((question, i) => [question, i]));
  return (layout) => {
    const [cityAt, respondentAt, questionAt, answerAt] = columnsAt(layout, "city_id", "respondent_id", "question_id", "answer");
    return (cells) => {
      const cityId = valueAt(cells, cityAt);
      const city = byCity.get(cityId);
      if (city === undefined) return unknownCity(cityId);
      const question = valueAt(cells, questionAt);
      const q = questionNumbers.get(question);
      if (q === undefined) return refuse("unknown_question", `question_id ${quoted(question)} is not asked by any survey standard`);
      let keys = answered.get(cityId);
      if (keys === undefined) answered.set(cityId, (keys = { respondents: new Map(), answered: [] }));
      keys.answered[q] ??= new Uint8Array(8);
      const respondent = valueAt(cells, respondentAt);
      if (!markAnswer(keys, q, respondent)) {
        return refuse(
          "duplicate",
          `respondent ${quoted(respondent)} answered question ${quoted(question)} twice; the first answer is kept`,
        );
      }
      let counts = city.answers.get(question);
      if (counts === undefined) city.answers.set(question, (counts = new Map()));
      const answer = valueAt(cells, answerAt);
      counts.set(answer, (counts.get(answer) ?? 0) + 1);
      return undefined;
    };
  };
};

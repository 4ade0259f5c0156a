/**
 * One export cell of a mapped question, judged (SPEC section 7): empty is unanswered; an answer
 * text of the map gives its code; a multi-select cell — answers joined by `┋` (问卷星) or by
 * spaces (KoboToolbox select_multiple) — is `multiple_answers`; any other text `unknown_answer`.
 * A whole cell that is an answer text wins over splitting it, so a KoboToolbox label with a
 * space in it (`Very satisfied`) is one answer, and a cell is taken as several Kobo answers only
 * when every space-separated part is an answer text of the map.
 */
import type { SurveyPlatform } from "./map-schema.js";

/** What a cell gives: nothing, an answer code, or a reject code. */
export type CellJudgement =
  | { readonly kind: "unanswered" }
  | { readonly kind: "answer"; readonly code: string }
  | { readonly kind: "reject"; readonly code: "unknown_answer" | "multiple_answers" };

const UNANSWERED = { kind: "unanswered" } as const;
const UNKNOWN = { kind: "reject", code: "unknown_answer" } as const;
const MULTIPLE = { kind: "reject", code: "multiple_answers" } as const;

/** 问卷星 writes these for a question a respondent skipped (跳题逻辑) or left empty. */
export const WJX_UNANSWERED: ReadonlySet<string> = new Set(["(跳过)", "（跳过）", "(空)", "（空）"]);

/** 问卷星's separator of the options of a multi-select answer. */
export const WJX_MULTI_SEPARATOR = "┋";

/** Judges the text of one cell (already trimmed) against a question's answers. */
export function judgeCell(text: string, answers: ReadonlyMap<string, string>, platform: SurveyPlatform): CellJudgement {
  if (text === "") return UNANSWERED;
  const code = answers.get(text);
  if (code !== undefined) return { kind: "answer", code };
  if (platform === "wjx" && WJX_UNANSWERED.has(text)) return UNANSWERED;
  if (platform !== "kobo") return text.includes(WJX_MULTI_SEPARATOR) ? MULTIPLE : UNKNOWN;
  const parts = text.split(/\s+/);
  return parts.length >= 2 && parts.every((part) => answers.has(part)) ? MULTIPLE : UNKNOWN;
}

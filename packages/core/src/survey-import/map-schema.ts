/**
 * The survey map (SPEC section 7): how a platform's wide export (问卷星, KoboToolbox, any wide
 * table) becomes the long survey.csv — the platform, the round, the city, the respondent id,
 * each question's column and answer texts, and the quality screens. Zod schemas; unknown keys
 * are errors, as in a rule set. Checks that need the whole map are in `check-map.ts`.
 */
import { z } from "zod";

/** The platforms an export may come from. */
export const SURVEY_PLATFORMS = ["wjx", "kobo", "wide"] as const;
export type SurveyPlatform = (typeof SURVEY_PLATFORMS)[number];

const Text = z.string().trim().min(1, "must not be empty");
/** A header, or the start of one (`3、`): what a column is found by. */
const ColumnText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(Text);
/** A code written into survey.csv (a city id, an answer code, a round): text, or a number written as text. */
const Code = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(
    z
      .string()
      .min(1, { message: "must not be empty", abort: true })
      .regex(/^[^\s]+$/, "must not contain spaces"),
  );

const ColumnOnly = z.strictObject({ column: ColumnText });

/** `round: 2024`, or `round: { column: 测评轮次 }`. */
const RoundSchema = z.union([Code, ColumnOnly]).describe("the round (测评轮次) of every answer, e.g. 2024, or { column: 测评轮次 }");

/** `city: { column: 所在城市, values: { 杭州市: hangzhou } }` or `city: { value: hangzhou }`. */
const CitySchema = z
  .union([z.strictObject({ column: ColumnText, values: z.record(z.string(), Code).optional() }), z.strictObject({ value: Code })])
  .describe("the city: { column: 所在城市, values: { 杭州市: hangzhou } } (no values: the cell is the city id), or { value: hangzhou }");

const QuestionSchema = z.strictObject({
  /** The header, or the start of the one header that begins with it (`3、`). */
  column: ColumnText.describe(
    'the header, or the start of the one header that begins with it (问卷星: "3、"; Kobo: an XML name or label, or its group path)',
  ),
  /** Answer text as the export writes it → the answer code written into survey.csv. */
  answers: z
    .record(z.string(), Code)
    .refine((answers) => Object.keys(answers).length > 0, "a question needs at least one answer")
    .describe("answer text as the export writes it (问卷星: 按选项文本) → the answer code written into survey.csv"),
});

const ScreensSchema = z.strictObject({
  /** A respondent who took less than this many seconds is screened out (`min_seconds`). */
  minSeconds: z.number().nonnegative("must be 0 or more").optional().describe("respondents faster than this many seconds are screened out"),
  /** Columns whose values, all alike, make a later respondent a duplicate (`duplicate`; the first kept). */
  duplicateBy: z
    .array(ColumnText)
    .min(1, "name at least one column")
    .optional()
    .describe("columns (e.g. 来自IP) whose values, all alike, make a later respondent a duplicate; the first is kept"),
  /** The column holding the time taken (default: 问卷星's 所用时间; KoboToolbox: end − start). */
  durationColumn: ColumnText.optional().describe("the column of the time taken (default: 问卷星's 所用时间; KoboToolbox: end − start)"),
});

/** A survey map as written (validated by `checkSurveyMap`). */
export const SurveyMapSchema = z.strictObject({
  $schema: z.string().optional(),
  platform: z
    .enum(SURVEY_PLATFORMS, { error: "must be wjx (问卷星), kobo (KoboToolbox) or wide (any other wide table)" })
    .describe("wjx (问卷星, exported 按选项文本), kobo (KoboToolbox) or wide (any other wide table)"),
  round: RoundSchema,
  city: CitySchema,
  /** The respondent-id column (wjx default 序号; kobo default _uuid; wide: required). */
  respondent: ColumnOnly.optional().describe("the respondent-id column (wjx default 序号, kobo default _uuid; wide: required)"),
  questions: z
    .record(z.string().regex(/^[^\s]+$/, "a question id must not contain spaces"), QuestionSchema)
    .refine((questions) => Object.keys(questions).length > 0, "map at least one question")
    .describe("question id in survey.csv (as the rule set's survey standards ask it) → its column and answers"),
  screens: ScreensSchema.optional().describe("optional quality screens; a screened respondent drops whole"),
  description: z.string().optional(),
});

export type SurveyMapInput = z.input<typeof SurveyMapSchema>;
type Parsed = z.output<typeof SurveyMapSchema>;

/** Where a value of each respondent comes from: a column of the export, or one value for all. */
export type ValueSource = { readonly column: string } | { readonly value: string };

/** A checked survey map, with the platform's defaults filled in. */
export interface SurveyMap {
  readonly platform: SurveyPlatform;
  readonly round: ValueSource;
  /** The city column with its value mapping (none: the cell is the city id), or one city for all. */
  readonly city: { readonly column: string; readonly values: ReadonlyMap<string, string> | null } | { readonly value: string };
  readonly respondent: { readonly column: string; readonly defaulted: boolean };
  /** The questions in the order the map lists them. */
  readonly questions: readonly MappedQuestion[];
  readonly screens: {
    readonly minSeconds: number | null;
    readonly duplicateBy: readonly string[];
    /** The duration column, or for KoboToolbox without one the `start` and `end` columns. */
    readonly duration: { readonly column: string; readonly defaulted: boolean } | { readonly start: string; readonly end: string } | null;
  };
}

/** One mapped question: its id in survey.csv, its column, and answer text → code (texts trimmed). */
export interface MappedQuestion {
  readonly id: string;
  readonly column: string;
  readonly answers: ReadonlyMap<string, string>;
}

/** The respondent-id column each platform uses unless the map names one. */
export const DEFAULT_RESPONDENT_COLUMN: Readonly<Record<SurveyPlatform, string | null>> = { wjx: "序号", kobo: "_uuid", wide: null };
/** 问卷星's column of the time a respondent took (`95秒`, `1分30秒`). */
export const WJX_DURATION_COLUMN = "所用时间";
/** KoboToolbox's metadata columns of when a respondent started and finished. */
export const KOBO_TIME_COLUMNS = { start: "start", end: "end" } as const;

export type { Parsed as ParsedSurveyMap };

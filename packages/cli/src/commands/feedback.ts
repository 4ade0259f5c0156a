/**
 * `civitas feedback --results R [--evidence DIR] [--appeal-days N] --out DIR` (SPEC section 8):
 * per city a feedback notice (测评问题反馈单) as `<city_id>.pdf` and `<city_id>.docx`. A thin
 * shell: core gives the notices' content (`feedbackNotices`), @civitas/photos the thumbnails
 * (a photo that cannot be shown is named on the notice and in a warning, never fatal), and
 * @civitas/pdf and @civitas/docx the documents; this writes them into --out atomically.
 */
import { DEFAULT_APPEAL_DAYS, type FeedbackNotice, feedbackNotices, isIsoDate, type NoticePhoto, noticePhotoNames } from "@civitas/core";
import * as Console from "effect/Console";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import { badFlag, type CliFailure } from "../failure.js";
import { outFlag, reportDateFlag, rulesetsFlag } from "../flags.js";
import { safeFileNames } from "../output/safe-file-name.js";
import { withOutputDirectory } from "../output/staged-write.js";
import { readResults } from "../read-results.js";
import { rulesetOfResults } from "../rulesets/results-ruleset.js";
import { defineCommand } from "../shell/define-command.js";
import { defaultedFlag, optionalFlag, requiredFlag } from "../shell/params.js";

/**
 * The report date the deadline counts from: --report-date, else SOURCE_DATE_EPOCH's day (as
 * every PDF is dated), else none — never the clock (the notice then gives the days from receipt).
 */
export function noticeReportDate(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Effect.Effect<string | undefined, CliFailure> {
  if (option !== undefined) {
    const date = option.trim();
    return isIsoDate(date)
      ? Effect.succeed(date)
      : Effect.fail(badFlag("report-date", `--report-date ${JSON.stringify(option)}: expected a date YYYY-MM-DD`));
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && /^\d+$/.test(epoch)) return Effect.succeed(new Date(Number(epoch) * 1000).toISOString().slice(0, 10));
  return Effect.succeed(undefined);
}

/** --appeal-days: a whole number of calendar days, 0 or more. */
export function appealDays(text: string): Effect.Effect<number, CliFailure> {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed)
    ? Effect.succeed(Number(trimmed))
    : Effect.fail(badFlag("appeal-days", `--appeal-days ${JSON.stringify(text)}: expected a whole number of days (e.g. 5)`));
}

/** The thumbnails of every photo the notices name, or none without an evidence directory. */
async function photosOf(notices: readonly FeedbackNotice[], evidence: string | undefined): Promise<Map<string, NoticePhoto>> {
  const names = noticePhotoNames(notices);
  if (evidence === undefined || names.length === 0) return new Map();
  const { loadThumbnails } = await import("@civitas/photos");
  return loadThumbnails(evidence, names);
}

/** Renders every notice as PDF and .docx (file names from the city ids, made safe). */
async function renderNotices(notices: readonly FeedbackNotice[], photos: ReadonlyMap<string, NoticePhoto>) {
  const [{ renderNoticePdf }, { renderNoticeDocx }] = await Promise.all([import("@civitas/pdf"), import("@civitas/docx")]);
  const fileNames = safeFileNames(notices.map((n) => n.cityId));
  const files: Array<readonly [string, Uint8Array]> = [];
  for (const notice of notices) {
    const name = fileNames.get(notice.cityId) as string;
    files.push([`${name}.pdf`, await renderNoticePdf(notice, photos)]);
    files.push([`${name}.docx`, await renderNoticeDocx(notice, photos)]);
  }
  return files;
}

export const feedbackCommand = defineCommand(
  {
    name: "feedback",
    description: "Write each city's feedback notice (测评问题反馈单) as PDF and .docx, with photos and the appeal deadline",
    examples: ["feedback --results out/2024/results.json --evidence fixtures/demo --report-date 2024-06-30 --out out/notices"],
    params: {
      results: requiredFlag("results", { placeholder: "RESULTS.JSON", description: "results.json of the round (civitas score)" }),
      evidence: optionalFlag("evidence", {
        placeholder: "DIR",
        description: "the evidence directory the photos are named in (field.csv's photo); without it no photo is shown",
      }),
      appealDays: defaultedFlag("appeal-days", {
        placeholder: "N",
        description: "calendar days the cities have to appeal, from the report date",
        default: String(DEFAULT_APPEAL_DAYS),
      }),
      out: outFlag,
      reportDate: reportDateFlag,
      rulesets: rulesetsFlag,
    },
  },
  (options) =>
    Effect.gen(function* () {
      const days = yield* appealDays(options.appealDays);
      const reportDate = yield* noticeReportDate(Option.getOrUndefined(options.reportDate));
      const evidence = Option.getOrUndefined(options.evidence);
      const inputs = [options.results, ...(evidence === undefined ? [] : [evidence])];
      yield* withOutputDirectory(options.out, inputs, (output) =>
        Effect.gen(function* () {
          const results = yield* readResults(options.results, ["problems"]);
          const ruleset = rulesetOfResults(results, options.rulesets);
          const notices = feedbackNotices(results, {
            appealDays: days,
            ...(ruleset === undefined ? {} : { ruleset }),
            ...(reportDate === undefined ? {} : { reportDate }),
          });
          if (reportDate === undefined) {
            yield* Console.error(
              `note: no --report-date (nor SOURCE_DATE_EPOCH): the notices give the deadline as ${days} days from receipt`,
            );
          }
          const photoCount = noticePhotoNames(notices).length;
          if (evidence === undefined && photoCount > 0) {
            yield* Console.error(`warning: no --evidence: the ${photoCount} photo(s) the problems name are not shown`);
          }
          const photos = yield* Effect.promise(() => photosOf(notices, evidence));
          for (const [name, photo] of photos) {
            if (photo.ok) continue;
            const cities = notices.filter((n) => n.items.some((item) => item.photos.includes(name))).map((n) => n.cityId);
            yield* Console.error(`warning: ${photo.fault.message} (${cities.join(", ")}); the notice names it`);
          }
          yield* output.write(async (staged) => {
            for (const [name, data] of await renderNotices(notices, photos)) staged.write(name, data);
          });
          const shown = [...photos.values()].filter((p) => p.ok).length;
          const problems = notices.reduce((acc, n) => acc + n.items.length, 0);
          yield* Console.log(
            `wrote ${notices.length} feedback notices (PDF and .docx) for round ${results.round} into ${options.out}: ` +
              `${problems} problems, ${shown} of ${photoCount} photos shown` +
              (reportDate === undefined ? "" : `, appeals due by ${notices[0]?.deadline ?? ""}`),
          );
        }),
      );
    }),
);

/**
 * Assembles one city's scorecard (测评成绩单) as a pdfmake document definition: title block,
 * headline, categories, 主要扣分项, 整改建议, adjustments and data notes, and for a city with
 * appeals 申诉复核 (a provisional result is marked in its title), in a page frame.
 * Built fresh on every call (pdfmake mutates definitions).
 */
import type { CityResult, Names } from "@civitas/core";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { BatchFacts } from "../batch-facts.js";
import { sectionHeading } from "../blocks.js";
import type { DocumentDate } from "../document-date.js";
import { framedDocument } from "../document-shell.js";
import { shortHash } from "../format.js";
import type { PreviousRoundFacts } from "../previous-round.js";
import { adjustmentsSection } from "./adjustments.js";
import { appealsSection } from "./appeals.js";
import { categoriesSection } from "./categories.js";
import { changeLine, changeSection } from "./change-since.js";
import { headline } from "./headline.js";
import { improvementsSection } from "./improvements.js";
import { lossesSection } from "./losses.js";
import { titleBlock } from "./title-block.js";

/** How many items the long lists show (the rest is counted in a note). */
export interface ScorecardLimits {
  /** Standards in 主要扣分项 (default 12). */
  readonly standards: number;
  /** Checks in 主要扣分项 (default 10). */
  readonly checks: number;
  /** Items in 整改建议 (default 40). */
  readonly improvements: number;
  /** Persisting problems of the previous round in 较上轮变化 (default 10; with `previous` only). */
  readonly persisting: number;
}

export const DEFAULT_SCORECARD_LIMITS: ScorecardLimits = { standards: 12, checks: 10, improvements: 40, persisting: 10 };

/** Everything a scorecard is built from. */
export interface ScorecardInput {
  readonly city: CityResult;
  readonly batch: BatchFacts;
  readonly names: Names;
  readonly date: DocumentDate;
  readonly limits?: Partial<ScorecardLimits>;
  /** The previous round, when the scorecard shows the change since it. */
  readonly previous?: PreviousRoundFacts;
}

/** The provenance line of the footers. */
export function provenance(batch: BatchFacts): string {
  return `${batch.engine.name} ${batch.engine.version} · ${batch.ruleset.id}@${batch.ruleset.version} · sha256 ${shortHash(batch.ruleset.hash)}`;
}

/** The scorecard's document definition. */
export function scorecardDocument(input: ScorecardInput): TDocumentDefinitions {
  const { city, batch, names, date, previous } = input;
  // sections after 测评项目得分 move down by one when 较上轮变化 is shown
  const n = previous === undefined ? 0 : 1;
  const limits = { ...DEFAULT_SCORECARD_LIMITS, ...input.limits };
  const frame = { kind: "全国文明城市测评 · 测评成绩单", subject: `${city.name} · ${batch.round} 轮次`, provenance: provenance(batch) };
  return framedDocument(
    frame,
    {
      title: `${city.name} ${batch.round} 测评成绩单`,
      subject: `${batch.ruleset.title}（${batch.ruleset.id}@${batch.ruleset.version}）`,
      creator: `${batch.engine.name} ${batch.engine.version}`,
      keywords: `${city.cityId} ${batch.round} ${batch.ruleset.hash}`,
    },
    date,
    [
      ...titleBlock(city, batch, date),
      ...headline(city, batch),
      ...(previous === undefined ? [] : [changeLine(city, previous)]),
      ...sectionHeading(0, "测评项目得分"),
      ...categoriesSection(city, batch, names),
      ...(previous === undefined
        ? []
        : [...sectionHeading(1, `较上轮（${previous.round}）变化`), ...changeSection(city, batch, names, previous)]),
      ...sectionHeading(n + 1, "主要扣分项"),
      ...lossesSection(city, names, limits),
      ...sectionHeading(n + 2, "整改建议"),
      ...improvementsSection(city, names, limits.improvements),
      ...sectionHeading(n + 3, "负面清单、一票否决与数据说明"),
      ...adjustmentsSection(city, batch),
      ...(city.appeals.length === 0 ? [] : [...sectionHeading(n + 4, "申诉复核"), ...appealsSection(city, names)]),
    ],
  );
}

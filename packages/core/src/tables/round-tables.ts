/**
 * The tables of a scored round (SPEC section 4), read from `Results`: results.csv (总表, one
 * row per city with one score column per category), standards.csv (标准得分, one row per city
 * and standard), problems.csv (问题清单 with 责任清单, one row per city, standard, check and
 * site with problems), rejects.csv (拒收记录, every rejected row) and appeals.csv (申诉复核, one
 * row per accepted appeal). Departments are named as the results name them.
 */
import type { RejectedRow } from "../evidence/reject-codes.js";
import { nameBookOf, Names } from "../names.js";
import type { AppealResult, CityResult, Problem, Results, StandardEvidence, StandardResult } from "../results/model.js";
import { column, type TableDefinition } from "./table.js";

/** A row of a table with one row per city and item: the city, the item, the names. */
export interface CityItem<Item> {
  readonly city: CityResult;
  readonly item: Item;
  readonly names: Names;
}

/** `(city, item)` rows over every city of the results, in city order, then item order. */
function* cityItems<Item>(results: Results, itemsOf: (city: CityResult) => readonly Item[]): Generator<CityItem<Item>> {
  const names = new Names(nameBookOf(undefined, results));
  for (const city of results.cities) for (const item of itemsOf(city)) yield { city, item, names };
}

/** The survey evidence of a standard, if it is a survey standard with evidence. */
function surveyOf(standard: StandardResult): Extract<StandardEvidence, { method: "survey" }> | undefined {
  return standard.evidence?.method === "survey" ? standard.evidence : undefined;
}

/** results.csv (总表): one row per city, with one score column per category. */
export const RESULTS_TABLE: TableDefinition<Results, CityResult> = {
  name: "results",
  title: "总表",
  columns: [
    column("city_id", "城市代码", "id", (c) => c.cityId),
    column("name", "城市名称", "text", (c) => c.name),
    column("peer_group", "组别", "text", (c) => c.peerGroup),
    column("score", "得分", "number", (c) => c.score),
    column("max", "满分", "number", (c) => c.max),
    column("ratio", "得分率", "ratio", (c) => c.ratio),
    column("grade", "等级", "code", (c) => c.grade),
    column("status", "状态", "code", (c) => c.status),
    column("rank_overall", "总排名", "integer", (c) => c.rank.overall),
    column("rank_peer_group", "组内排名", "integer", (c) => c.rank.peerGroup),
    column("raw_score", "扣减前得分", "number", (c) => c.rawScore),
    column("penalty_points", "负面清单扣分", "number", (c) => c.penaltyPoints),
  ],
  // one score column per category, named by its id (the first city's categories: every city has the same)
  columnsOf: (results) =>
    (results.cities[0]?.categories ?? []).map(({ id, name }) =>
      column<CityResult>(id, `${id} ${name}`, "number", (c) => c.categories.find((k) => k.id === id)?.score ?? null),
    ),
  // SPEC section 8: a score is final only when its appeals are settled
  appended: [
    column("provisional", "暂定（申诉待复核）", "code", (c) => String(c.provisional)),
    column("score_before_appeals", "申诉前得分", "number", (c) => c.scoreBeforeAppeals),
  ],
  rows: (results) => results.cities,
};

/** standards.csv (标准得分): one row per city and standard, with the responsible departments. */
export const STANDARDS_TABLE: TableDefinition<Results, CityItem<StandardResult>> = {
  name: "standards",
  title: "标准得分",
  columns: [
    column("city_id", "城市代码", "id", (r) => r.city.cityId),
    column("standard_id", "标准编号", "id", (r) => r.item.id),
    column("name", "标准名称", "text", (r) => r.item.name),
    column("category_id", "测评项目", "id", (r) => r.item.categoryId),
    column("content_id", "测评内容", "id", (r) => r.item.contentId),
    column("method", "测评方式", "code", (r) => r.item.method),
    column("status", "状态", "code", (r) => r.item.status),
    column("score", "得分", "number", (r) => r.item.score),
    column("max", "满分", "number", (r) => r.item.max),
    column("ratio", "得分率", "ratio", (r) => r.item.ratio),
    column("points", "分值", "number", (r) => r.item.points),
    column("responsible", "责任单位代码", "list", (r) => r.item.responsible),
    column("responsible_names", "责任单位", "list", (r) => r.names.departments(r.item.responsible)),
    // survey standards: the rate with its sampling error (SPEC section 7); empty for other methods
    column("rate", "正面率", "ratio", (r) => surveyOf(r.item)?.rate ?? null),
    column("rate_low", "95%置信下限", "ratio", (r) => surveyOf(r.item)?.rateLow ?? null),
    column("rate_high", "95%置信上限", "ratio", (r) => surveyOf(r.item)?.rateHigh ?? null),
    column("responses", "有效回答数", "integer", (r) => surveyOf(r.item)?.responses ?? null),
    column("score_low", "得分下限", "number", (r) => surveyOf(r.item)?.scoreLow ?? null),
    column("score_high", "得分上限", "number", (r) => surveyOf(r.item)?.scoreHigh ?? null),
  ],
  rows: (results) => cityItems(results, (city) => city.standards),
};

/**
 * problems.csv (问题清单 / 责任清单): one row per city, standard, check and site with problems,
 * with the deduction, the responsible departments and the inspector's notes and photos.
 */
export const PROBLEMS_TABLE: TableDefinition<Results, CityItem<Problem>> = {
  name: "problems",
  title: "问题清单",
  columns: [
    column("city_id", "城市代码", "id", (r) => r.city.cityId),
    column("city_name", "城市名称", "text", (r) => r.city.name),
    column("standard_id", "标准编号", "id", (r) => r.item.standardId),
    column("standard_name", "标准名称", "text", (r) => r.item.standardName),
    column("check_id", "问题代码", "id", (r) => r.item.checkId),
    column("check_name", "问题描述", "text", (r) => r.item.checkName),
    column("site_id", "点位编号", "id", (r) => r.item.siteId),
    column("count", "问题数量", "integer", (r) => r.item.count ?? null),
    column("deduction", "每处扣分", "number", (r) => r.item.deduction ?? null),
    column("loss", "扣分", "number", (r) => r.item.loss),
    column("responsible", "责任单位代码", "list", (r) => r.item.responsible),
    column("responsible_names", "责任单位", "list", (r) => r.names.departments(r.item.responsible)),
    column("note", "备注", "list", (r) => r.item.notes ?? null),
    column("photo", "照片", "list", (r) => r.item.photos ?? null),
  ],
  rows: (results) => cityItems(results, (city) => city.problems),
};

/** rejects.csv (拒收记录): every rejected row with file, line, code, reason and the raw row. */
export const REJECTS_TABLE: TableDefinition<Results, RejectedRow> = {
  name: "rejects",
  title: "拒收记录",
  columns: [
    column("file", "文件", "text", (r) => r.file),
    column("line", "行号", "integer", (r) => r.line),
    column("code", "原因代码", "code", (r) => r.code),
    column("reason", "原因", "text", (r) => r.reason),
    column("raw", "原始行", "text", (r) => r.raw),
  ],
  rows: (results) => results.rejects,
};

/** A revised value as one cell: the count, the verdict or the value. */
const revisionCell = (appeal: AppealResult): string | number | null => {
  const revision = appeal.revision;
  if (revision === null) return null;
  return "count" in revision ? revision.count : "verdict" in revision ? revision.verdict : revision.value;
};

/**
 * appeals.csv (申诉复核, SPEC section 8): one row per accepted appeal of every city, in city order
 * then file order, with its target, decision, revised value and the points it restored.
 */
export const APPEALS_TABLE: TableDefinition<Results, CityItem<AppealResult>> = {
  name: "appeals",
  title: "申诉复核",
  columns: [
    column("city_id", "城市代码", "id", (r) => r.city.cityId),
    column("city_name", "城市名称", "text", (r) => r.city.name),
    column("appeal_id", "申诉编号", "id", (r) => r.item.appealId),
    column("target_kind", "申诉对象", "code", (r) => r.item.target.kind),
    column("standard_id", "标准编号", "id", (r) => r.item.target.standardId),
    column("check_id", "问题代码", "id", (r) => r.item.target.checkId),
    column("site_id", "点位编号", "id", (r) => r.item.target.siteId),
    column("adjustment_id", "否决扣分项", "id", (r) => r.item.target.adjustmentId),
    column("decision", "复核结论", "code", (r) => r.item.decision),
    column("revised", "改判为", "text", (r) => revisionCell(r.item)),
    column("points_restored", "恢复分值", "number", (r) => r.item.pointsRestored),
    column("reviewer", "复核人", "text", (r) => r.item.reviewer),
    column("reason", "理由", "text", (r) => r.item.reason),
  ],
  rows: (results) => cityItems(results, (city) => city.appeals),
};

/** The tables of a scored round, in the order they are written (and the sheets of a workbook). */
export const ROUND_TABLES: readonly TableDefinition<Results, unknown>[] = [
  RESULTS_TABLE,
  STANDARDS_TABLE,
  PROBLEMS_TABLE,
  REJECTS_TABLE,
  APPEALS_TABLE,
];

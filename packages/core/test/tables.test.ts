/**
 * The output tables, each defined once in core (tables/): their columns (CSV key, Chinese
 * header, kind) read as documentation, and the rows and cells they give for real results,
 * closures, composites and plans. The CSV writer's bytes are checked in @civitas/csv.
 */
import { describe, expect, it } from "vitest";
import {
  APPEALS_TABLE,
  CLOSURE_TABLE,
  COMPOSITE_TABLE,
  column,
  compareRounds,
  composeRounds,
  flatCell,
  headerOf,
  layOutTable,
  nameBookOfRounds,
  Names,
  PLAN_TABLE,
  PROBLEMS_TABLE,
  planImprovements,
  REJECTS_TABLE,
  RESULTS_TABLE,
  ROUND_TABLES,
  STANDARDS_TABLE,
  scoreRound,
  type TableDefinition,
  tableColumns,
} from "../src/index.js";
import { answerRows, appealRow, cityRow, fieldRow, fieldTarget, ROUND, repeat, siteRow, verdictRow } from "./support/evidence-builders.js";
import { ruleset, surveyStandard } from "./support/ruleset-builders.js";
import { rs, twoRounds } from "./support/two-rounds.js";

/** `key 中文表头 kind` per column of a table over its source, one line each. */
const columnsOf = <Source, Row>(definition: TableDefinition<Source, Row>, source: Source) =>
  tableColumns(definition, source)
    .map((c) => `${c.key} ${c.header} ${c.kind}`)
    .join("\n");

/** The cells of a table, lists joined as one text. */
const cellsOf = <Source, Row>(definition: TableDefinition<Source, Row>, source: Source) =>
  [...layOutTable(definition, source).rows].map((row) => row.map(flatCell));

describe("the tables of a round", () => {
  it("are results, standards, problems, rejects and appeals, with their Chinese sheet names", () => {
    expect(ROUND_TABLES.map((t) => `${t.name} ${t.title}`)).toEqual([
      "results 总表",
      "standards 标准得分",
      "problems 问题清单",
      "rejects 拒收记录",
      "appeals 申诉复核",
    ]);
  });

  it("results.csv has the city, its scores and ranks, then one score column per category, then whether it is provisional and its score before appeals", async () => {
    const [, current] = await twoRounds();
    expect(columnsOf(RESULTS_TABLE, current)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      name 城市名称 text
      peer_group 组别 text
      score 得分 number
      max 满分 number
      ratio 得分率 ratio
      grade 等级 code
      status 状态 code
      rank_overall 总排名 integer
      rank_peer_group 组内排名 integer
      raw_score 扣减前得分 number
      penalty_points 负面清单扣分 number
      C1 C1 公共环境 number
      provisional 暂定（申诉待复核） code
      score_before_appeals 申诉前得分 number"
    `);
    const a = current.cities[0];
    expect(cellsOf(RESULTS_TABLE, current)[0]).toEqual([
      "a",
      "甲市",
      "g",
      a?.score,
      40,
      a?.ratio,
      a?.grade,
      "ok",
      a?.rank.overall,
      a?.rank.peerGroup,
      a?.rawScore,
      0,
      a?.categories[0]?.score,
      "false",
      a?.score,
    ]);
  });

  it("standards.csv has one row per city and standard with the responsible departments, ids and names", async () => {
    const [, current] = await twoRounds();
    expect(columnsOf(STANDARDS_TABLE, current)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      standard_id 标准编号 id
      name 标准名称 text
      category_id 测评项目 id
      content_id 测评内容 id
      method 测评方式 code
      status 状态 code
      score 得分 number
      max 满分 number
      ratio 得分率 ratio
      points 分值 number
      responsible 责任单位代码 list
      responsible_names 责任单位 list
      rate 正面率 ratio
      rate_low 95%置信下限 ratio
      rate_high 95%置信上限 ratio
      responses 有效回答数 integer
      score_low 得分下限 number
      score_high 得分上限 number"
    `);
    const rows = cellsOf(STANDARDS_TABLE, current);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(["a S1", "a S3", "b S1", "b S3", "c S1", "c S3"]);
    expect(rows[0]?.slice(11, 13)).toEqual(["cgj;scj", "城市管理局;市场监督管理局"]);
    // field and document standards have no rate: the survey columns stay empty
    expect(rows[0]?.slice(13)).toEqual([null, null, null, null, null, null]);
  });

  it("standards.csv gives a survey standard's rate, its 95% interval, the responses and the score range", async () => {
    const results = await scoreRound({
      ruleset: ruleset([surveyStandard()]),
      round: ROUND,
      evidence: { cities: [cityRow("a")], survey: answerRows("a", "Q1", [...repeat(30, "A"), ...repeat(10, "C")]) },
    });
    const [row] = cellsOf(STANDARDS_TABLE, results);
    const evidence = results.cities[0]?.standards[0]?.evidence;
    if (evidence?.method !== "survey") throw new Error("survey evidence expected");
    expect(row?.slice(13)).toEqual([0.75, evidence.rateLow, evidence.rateHigh, 40, evidence.scoreLow, evidence.scoreHigh]);
    expect(row?.[14]).toBeCloseTo(0.5980603857923197, 14);
  });

  it("problems.csv has one row per problem, with the city, names, deduction, departments, notes and photos", async () => {
    const [, current] = await twoRounds();
    expect(columnsOf(PROBLEMS_TABLE, current)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      city_name 城市名称 text
      standard_id 标准编号 id
      standard_name 标准名称 text
      check_id 问题代码 id
      check_name 问题描述 text
      site_id 点位编号 id
      count 问题数量 integer
      deduction 每处扣分 number
      loss 扣分 number
      responsible 责任单位代码 list
      responsible_names 责任单位 list
      note 备注 list
      photo 照片 list"
    `);
    const results = await scoreRound({
      ruleset: rs,
      round: ROUND,
      evidence: {
        cities: [cityRow("a")],
        sites: [siteRow("a", "m1")],
        field: [
          fieldRow("a", "m1", "K1", 1, { note: "门口积水", photo: "p2.jpg" }),
          fieldRow("a", "m1", "K1", 1, { note: "东侧积水", photo: "p1.jpg" }),
          fieldRow("a", "m1", "K2", 1),
        ],
        documents: [verdictRow("a", "S3", "partial")],
      },
    });
    expect(cellsOf(PROBLEMS_TABLE, results)).toEqual([
      // the notes and photos of a site and check, in code-point order
      [
        "a",
        "a市",
        "S1",
        "农贸市场环境卫生",
        "K1",
        "地面有积水、垃圾",
        "m1",
        2,
        2,
        4,
        "cgj;scj",
        "城市管理局;市场监督管理局",
        "东侧积水;门口积水",
        "p1.jpg;p2.jpg",
      ],
      ["a", "a市", "S1", "农贸市场环境卫生", "K2", "占道经营", "m1", 1, 3, 3, "cgj;scj", "城市管理局;市场监督管理局", "", ""],
      // a document standard scored below its max: no count, deduction, note or photo
      ["a", "a市", "S3", "工作机制", null, null, null, null, null, 5, "cgj", "城市管理局", null, null],
    ]);
  });

  it("rejects.csv has file, line, reason code, reason and the raw row", async () => {
    const [, current] = await twoRounds();
    expect(columnsOf(REJECTS_TABLE, current)).toMatchInlineSnapshot(`
      "file 文件 text
      line 行号 integer
      code 原因代码 code
      reason 原因 text
      raw 原始行 text"
    `);
  });

  it("appeals.csv has one row per accepted appeal: its city, target, decision, revised value and points restored", async () => {
    const results = await scoreRound({
      ruleset: rs,
      round: ROUND,
      evidence: {
        cities: [cityRow("a")],
        sites: [siteRow("a", "m1")],
        field: [fieldRow("a", "m1", "K1", 3)],
        documents: [verdictRow("a", "S3", "partial")],
        appeals: [
          appealRow("a", "A1", fieldTarget("S1", "K1", "m1"), "revised", {
            revised_count: "1",
            reviewer: "李强",
            reason: "复核照片仅见一处",
          }),
          appealRow("a", "A2", { standard_id: "S3" }, "pending"),
        ],
      },
    });
    expect(columnsOf(APPEALS_TABLE, results)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      city_name 城市名称 text
      appeal_id 申诉编号 id
      target_kind 申诉对象 code
      standard_id 标准编号 id
      check_id 问题代码 id
      site_id 点位编号 id
      adjustment_id 否决扣分项 id
      decision 复核结论 code
      revised 改判为 text
      points_restored 恢复分值 number
      reviewer 复核人 text
      reason 理由 text"
    `);
    expect(cellsOf(APPEALS_TABLE, results)).toEqual([
      ["a", "a市", "A1", "field", "S1", "K1", "m1", null, "revised", 1, 4, "李强", "复核照片仅见一处"],
      ["a", "a市", "A2", "document", "S3", null, null, null, "pending", null, 0, null, null],
    ]);
    expect(cellsOf(RESULTS_TABLE, results)[0]?.slice(-2)).toEqual(["true", 29]);
  });
});

describe("the tables across rounds", () => {
  it("closure.csv names every problem key of both rounds, its class and since which round", async () => {
    const [base, current] = await twoRounds();
    const closure = compareRounds(base, current);
    const source = { closure, names: new Names(nameBookOfRounds(rs, [base, current])) };
    expect(columnsOf(CLOSURE_TABLE, source)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      city_name 城市名称 text
      standard_id 标准编号 id
      standard_name 标准名称 text
      check_id 问题代码 id
      check_name 问题描述 text
      site_id 点位编号 id
      class 销号状态代码 code
      class_name 销号状态 text
      responsible 责任单位代码 list
      responsible_names 责任单位 list
      since_round 发现轮次 id
      base_count 上轮问题数量 integer
      base_loss 上轮扣分 number
      current_count 本轮问题数量 integer
      current_loss 本轮扣分 number"
    `);
    const rows = cellsOf(CLOSURE_TABLE, source);
    expect(rows[0]).toEqual([
      "a",
      "甲市",
      "S1",
      "农贸市场环境卫生",
      "K1",
      "地面有积水、垃圾",
      "m1",
      "persisting",
      "未整改",
      "cgj;scj",
      "城市管理局;市场监督管理局",
      "2023",
      1,
      2,
      1,
      2,
    ]);
    // a new problem is found in the current round, and was not there before
    const found = rows.find((r) => r[7] === "new");
    expect([found?.[11], found?.[12], found?.[13], found?.[14]]).toEqual(["2024", null, null, 1]);
  });

  it("composite.csv has one ratio column per round, in round order, after the composite", async () => {
    const [r2023, r2024] = await twoRounds();
    const composite = composeRounds([
      { results: r2024, weight: 0.6 },
      { results: r2023, weight: 0.4 },
    ]);
    expect(columnsOf(COMPOSITE_TABLE, composite)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      name 城市名称 text
      peer_group 组别 text
      composite_ratio 综合得分率 ratio
      status 状态 code
      titled 已获称号 integer
      dynamic 动态管理 code
      ratio_2023 2023 得分率 ratio
      ratio_2024 2024 得分率 ratio"
    `);
    const a = composite.cities[0];
    expect(cellsOf(COMPOSITE_TABLE, composite)[0]).toEqual(["a", "甲市", "g", a?.ratio, "ok", 1, a?.dynamic, 32.5 / 40, 37.5 / 40]);
  });

  it("plan.csv has one row per step, numbered from 1, and one row for a city without steps", async () => {
    const [, current] = await twoRounds();
    const plan = planImprovements(current, 0.9);
    const source = { plan, names: new Names(nameBookOfRounds(rs, [current])) };
    expect(columnsOf(PLAN_TABLE, source)).toMatchInlineSnapshot(`
      "city_id 城市代码 id
      name 城市名称 text
      outcome 结果 code
      ratio 得分率 ratio
      target 目标得分率 ratio
      step 步骤 integer
      standard_id 标准编号 id
      standard_name 标准名称 text
      check_id 问题代码 id
      check_name 问题描述 text
      gain 可增得分 number
      ratio_after 整改后得分率 ratio
      responsible 责任单位代码 list
      responsible_names 责任单位 list"
    `);
    const rows = cellsOf(PLAN_TABLE, source);
    const stepsOf = (cityId: string) => plan.cities.find((c) => c.cityId === cityId)?.steps ?? [];
    // a city without steps has exactly one row, with its ratio after the plan and no step
    for (const city of plan.cities) expect(rows.filter((r) => r[0] === city.cityId)).toHaveLength(Math.max(1, city.steps.length));
    const alone = plan.cities.find((c) => c.steps.length === 0);
    expect(rows.find((r) => r[0] === alone?.cityId)?.slice(5)).toEqual([null, null, null, null, null, null, alone?.ratioAfter, null, null]);
    const withSteps = plan.cities.find((c) => c.steps.length > 0);
    const first = stepsOf(withSteps?.cityId ?? "");
    expect(rows.filter((r) => r[0] === withSteps?.cityId).map((r) => [r[5], r[6], r[8], r[10], r[11]])).toEqual(
      first.map((s, i) => [i + 1, s.standardId, s.checkId, s.gain, s.ratioAfter]),
    );
  });
});

describe("table definitions", () => {
  it("take a table of another source without change: a definition is data over any source", () => {
    // e.g. the appeals to come: name, columns and rows of a source of its own
    const appeals: TableDefinition<
      readonly { id: string; cityId: string; points: number; targets: string[] }[],
      { id: string; cityId: string; points: number; targets: string[] }
    > = {
      name: "appeals",
      title: "申诉",
      columns: [
        column("appeal_id", "申诉编号", "id", (a) => a.id),
        column("city_id", "城市代码", "id", (a) => a.cityId),
        column("points_restored", "恢复分值", "number", (a) => a.points),
        column("targets", "申诉对象", "list", (a) => a.targets),
      ],
      rows: (source) => source,
    };
    const laidOut = layOutTable(appeals, [{ id: "A1", cityId: "hz", points: 1.5, targets: ["S1", "K1"] }]);
    expect(laidOut.columns.map((c) => c.header)).toEqual(["申诉编号", "城市代码", "恢复分值", "申诉对象"]);
    expect([...laidOut.rows]).toEqual([["A1", "hz", 1.5, ["S1", "K1"]]]);
    expect(headerOf(appeals, "targets")).toBe("申诉对象");
  });

  it("give every column a key used once per table", async () => {
    const [base, current] = await twoRounds();
    const names = new Names(nameBookOfRounds(rs, [base, current]));
    const keysOf = <Source, Row>(definition: TableDefinition<Source, Row>, source: Source) =>
      tableColumns(definition, source).map((c) => c.key);
    for (const keys of [
      ...ROUND_TABLES.map((t) => keysOf(t, current)),
      keysOf(CLOSURE_TABLE, { closure: compareRounds(base, current), names }),
      keysOf(COMPOSITE_TABLE, composeRounds([{ results: base }, { results: current }])),
      keysOf(PLAN_TABLE, { plan: planImprovements(current, 1), names }),
    ])
      expect(new Set(keys).size).toBe(keys.length);
  });

  it("refuse, as a defect, a header asked for a column the table does not have", () => {
    expect(() => headerOf(RESULTS_TABLE, "nope")).toThrow("table results has no column nope");
  });
});

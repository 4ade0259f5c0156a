/**
 * Assembles the composite report (composite.pdf): the rounds and their weights, the dynamic-
 * management thresholds and headline counts, the titled cities that are flagged (提醒,
 * 建议撤销), and the table of every city with its trend. Built fresh on every call.
 */
import { type Composite, ENGINE } from "@civitas/core";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { cardFigure, cardRow, documentTitle, keyValueGrid, note, sectionHeading, statCard } from "../blocks.js";
import { type DocumentDate, formatChineseDate } from "../document-date.js";
import { framedDocument } from "../document-shell.js";
import { count, DASH, enumerate, percent, percentPoints, plain } from "../format.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";
import { compositeOrder, compositeTable, dynamicCell } from "./composite-table.js";

/** Everything the composite report is built from. */
export interface CompositeInput {
  readonly composite: Composite;
  /** The rule set's title, when known. */
  readonly title: string | null;
  readonly date: DocumentDate;
}

function overview({ composite, title, date }: CompositeInput): Content[] {
  const first = composite.rounds[0]?.round ?? DASH;
  const titled = composite.cities.filter((c) => c.titled).length;
  const warnings = composite.cities.filter((c) => c.dynamic === "warning").length;
  const removals = composite.cities.filter((c) => c.dynamic === "removal").length;
  const vetoed = composite.cities.filter((c) => c.status === "vetoed").length;
  const rulesets = [...new Set(composite.rounds.map((r) => r.ruleset))];
  const thresholds =
    composite.dynamic === null
      ? `${composite.latestRound} 轮测评体系未规定动态管理线，不作标记`
      : `提醒线 ${percent(composite.dynamic.warningBelow)}，建议撤销线 ${percent(composite.dynamic.removalBelow)}（以最新的 ${composite.latestRound} 轮测评体系为准）`;
  return [
    documentTitle({
      title: "综合测评与动态管理",
      subtitle: title ?? "全国文明城市测评",
      figure: composite.rounds.length > 1 ? `${first} – ${composite.latestRound}` : composite.latestRound,
      figureLabel: `${composite.rounds.length} 个测评轮次`,
    }),
    keyValueGrid(
      [
        ["参评城市", `${count(composite.cities.length)} 个`],
        ["报告日期", date.shown ? formatChineseDate(date.date) : DASH],
      ],
      [
        ["轮次权重", enumerate(composite.rounds.map((r) => `${r.round}（权重 ${plain(r.weight)}）`))],
        ["测评体系", enumerate(rulesets)],
        ["动态管理", thresholds],
      ],
    ),
    cardRow([
      statCard("参评城市", cardFigure(count(composite.cities.length)), vetoed > 0 ? `其中 ${vetoed} 个一票否决` : "无一票否决"),
      statCard("已获称号", cardFigure(count(titled)), "最新一轮 titled = 1"),
      statCard(
        "提醒",
        cardFigure(count(warnings), warnings > 0 ? COLORS.warn : COLORS.primary),
        "综合得分率低于提醒线",
        warnings > 0 ? COLORS.warnSoft : COLORS.primarySoft,
      ),
      statCard(
        "建议撤销",
        cardFigure(count(removals), removals > 0 ? COLORS.veto : COLORS.primary),
        "低于建议撤销线",
        removals > 0 ? COLORS.vetoSoft : COLORS.primarySoft,
      ),
    ]),
  ];
}

/** 动态管理: the flagged titled cities, worst first, with how far below the line they are. */
function dynamicSection({ composite }: CompositeInput): Content[] {
  const dynamic = composite.dynamic;
  if (dynamic === null) return [note("最新一轮的测评体系没有规定动态管理线（dynamic），已获称号城市不作提醒或建议撤销标记。")];
  const flagged = compositeOrder(composite)
    .map((o) => o.city)
    .filter((c) => c.dynamic === "warning" || c.dynamic === "removal")
    .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0) || (a.cityId < b.cityId ? -1 : 1));
  const titled = composite.cities.filter((c) => c.titled);
  if (titled.length === 0) return [note("最新一轮没有已获称号（titled = 1）的城市。")];
  const parts: Content[] = [];
  if (flagged.length === 0)
    parts.push(note(`${titled.length} 个已获称号城市的综合得分率均不低于提醒线 ${percent(dynamic.warningBelow)}。`));
  else {
    parts.push(
      dataTable(
        [
          { header: "城市", width: "*" },
          { header: "综合得分率", width: 52, align: "right" },
          { header: "动态管理", width: 44 },
          { header: "说明", width: 250 },
        ],
        flagged.map((c) => {
          const line = c.dynamic === "removal" ? dynamic.removalBelow : dynamic.warningBelow;
          const lineName = c.dynamic === "removal" ? "建议撤销线" : "提醒线";
          const vetoed = c.status === "vetoed" ? "；另有一票否决" : "";
          return [
            { text: [{ text: c.name }, { text: `  ${c.cityId}`, style: "small" }] },
            { text: percent(c.ratio), bold: true },
            dynamicCell(c.dynamic),
            { text: `低于${lineName} ${percent(line)}（差 ${percentPoints(line - (c.ratio ?? 0)).replace("+", "")}）${vetoed}` },
          ];
        }),
      ),
    );
  }
  const unflagged = titled.filter((c) => c.dynamic === null);
  if (unflagged.length > 0) parts.push(note(`${enumerate(unflagged.map((c) => c.name))} 已获称号但没有综合得分率，不作标记。`));
  parts.push(note("标记只看综合得分率：一票否决的已获称号城市同时报告其一票否决和标记。"));
  return parts;
}

/** The composite report's document definition. */
export function compositeDocument(input: CompositeInput): TDocumentDefinitions {
  const { composite } = input;
  const rounds = composite.rounds.map((r) => r.round).join("、");
  return framedDocument(
    {
      kind: "全国文明城市测评 · 综合测评与动态管理",
      subject: `${rounds} 轮次 · ${composite.cities.length} 个城市`,
      provenance: `${ENGINE.name} ${ENGINE.version} · ${[...new Set(composite.rounds.map((r) => r.ruleset))].join("、")}`,
    },
    {
      title: `${rounds} 综合测评与动态管理`,
      subject: input.title ?? "全国文明城市测评",
      creator: `${ENGINE.name} ${ENGINE.version}`,
      keywords: composite.rounds.map((r) => `${r.round}:${plain(r.weight)}:${r.ruleset}`).join(" "),
    },
    input.date,
    [
      ...overview(input),
      ...sectionHeading(0, "动态管理"),
      ...dynamicSection(input),
      ...sectionHeading(1, "各城市综合得分率"),
      ...compositeTable(composite),
    ],
  );
}

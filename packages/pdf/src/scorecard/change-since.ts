/**
 * 较上轮变化 (with `--previous`): the city's score, ratio, grade and ranks then and now, each
 * category's change, and what became of last round's problems — the closure classes counted
 * (已销号, 未复查, 未整改, 新发现) and the persisting ones that cost most. Also the one-line
 * change under the headline cards.
 */
import type { CityResult, Names } from "@civitas/core";
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { BatchFacts } from "../batch-facts.js";
import { cardFigure, cardRow, note, statCard, subheading } from "../blocks.js";
import { CLASS_COLORS, closureRateText, baseProblems, COUNTED_CLASSES, className } from "../closure/classes.js";
import { count, DASH, enumerate, fixed2, percent, percentPoints, rankOf, signed2 } from "../format.js";
import type { PreviousRoundFacts } from "../previous-round.js";
import { dataTable } from "../tables.js";
import { COLORS } from "../theme.js";

const EPSILON = 1e-9;

/** Green for better, red for worse, muted for no change or nothing to compare. */
const changeColor = (delta: number | null) =>
  delta === null || Math.abs(delta) < 5e-5 ? COLORS.muted : delta > 0 ? COLORS.good : COLORS.veto;

const difference = (now: number | null, then: number | null | undefined) =>
  now === null || then === null || then === undefined ? null : now - then;

/** A rank change in words: 上升 2 位, 下降 1 位, 持平. */
function rankChange(now: number | null, then: number | null | undefined): { text: string; color: string } {
  if (now === null || then === null || then === undefined) return { text: DASH, color: COLORS.muted };
  if (now === then) return { text: "持平", color: COLORS.muted };
  return now < then ? { text: `上升 ${then - now} 位`, color: COLORS.good } : { text: `下降 ${now - then} 位`, color: COLORS.veto };
}

/** The line under the headline cards: 较 2023 轮：总得分 +9.04 · 得分率 +0.91 个百分点 · 总名次 上升 1 位. */
export function changeLine(city: CityResult, previous: PreviousRoundFacts): Content {
  const then = previous.city;
  const label = { text: `较 ${previous.round} 轮：`, bold: true, color: COLORS.primary };
  if (then === null)
    return { text: [label, { text: "上轮未参评，无可比数据。", color: COLORS.muted }], fontSize: 8.5, margin: [0, 6, 0, 0] };
  const score = city.score - then.score;
  const ratio = difference(city.ratio, then.ratio);
  const rank = rankChange(city.rank.overall, then.rank.overall);
  const sep = { text: "   ·   ", color: COLORS.faint };
  return {
    text: [
      label,
      "总得分 ",
      { text: signed2(score), bold: true, color: changeColor(score) },
      sep,
      "得分率 ",
      { text: ratio === null ? DASH : percentPoints(ratio), bold: true, color: changeColor(ratio) },
      sep,
      "总名次 ",
      { text: rank.text, bold: true, color: rank.color },
      sep,
      "上轮问题已销号 ",
      { text: `${count(previous.closure.resolved)} / ${count(baseProblems(previous.closure))}`, bold: true, color: CLASS_COLORS.resolved },
      "，未整改 ",
      {
        text: count(previous.closure.persisting),
        bold: true,
        color: previous.closure.persisting > 0 ? CLASS_COLORS.persisting : COLORS.muted,
      },
    ],
    fontSize: 8.5,
    margin: [0, 6, 0, 0],
  };
}

function overallTable(city: CityResult, batch: BatchFacts, previous: PreviousRoundFacts): Content {
  const then = previous.city;
  const groupSize = city.peerGroup === null ? 0 : (batch.groupSizes[city.peerGroup] ?? 0);
  const changed = (delta: number | null, text: string): TableCell => ({
    text: delta === null ? DASH : text,
    bold: true,
    color: changeColor(delta),
  });
  const score = then === null ? null : city.score - then.score;
  const ratio = difference(city.ratio, then?.ratio);
  const overall = rankChange(city.rank.overall, then?.rank.overall);
  const sameGroup = then !== null && then.peerGroup === city.peerGroup;
  const group = sameGroup ? rankChange(city.rank.peerGroup, then?.rank.peerGroup) : { text: DASH, color: COLORS.muted };
  const grade = (status: "ok" | "vetoed", name: string | null) => (status === "vetoed" ? "一票否决" : (name ?? DASH));
  const rows: TableCell[][] = [
    [
      "总得分",
      then === null ? DASH : `${fixed2(then.score)} / ${fixed2(then.max)}`,
      `${fixed2(city.score)} / ${fixed2(city.max)}`,
      changed(score, signed2(score ?? 0)),
    ],
    ["得分率", then === null ? DASH : percent(then.ratio), percent(city.ratio), changed(ratio, percentPoints(ratio ?? 0))],
    [
      "测评等级",
      then === null ? DASH : grade(then.status, then.gradeName),
      grade(city.status, city.gradeName),
      {
        text:
          then === null || grade(then.status, then.gradeName) === grade(city.status, city.gradeName)
            ? then === null
              ? DASH
              : "不变"
            : "变化",
        color: COLORS.muted,
      },
    ],
    [
      "总名次",
      then === null ? DASH : rankOf(then.rank.overall, previous.cityCount),
      rankOf(city.rank.overall, batch.cityCount),
      { text: overall.text, bold: true, color: overall.color },
    ],
    [
      "组内名次",
      then === null ? DASH : `${rankOf(then.rank.peerGroup, then.groupSize)}${then.peerGroup === null ? "" : `（${then.peerGroup}）`}`,
      `${rankOf(city.rank.peerGroup, groupSize)}${city.peerGroup === null ? "" : `（${city.peerGroup}）`}`,
      sameGroup ? { text: group.text, bold: true, color: group.color } : { text: then === null ? DASH : "组别不同", color: COLORS.muted },
    ],
  ].map((row) => row.map((cell) => (typeof cell === "string" ? { text: cell } : cell)));
  return dataTable(
    [
      { header: "指标", width: 60 },
      { header: `上轮（${previous.round}）`, width: "*", align: "right" },
      { header: `本轮（${batch.round}）`, width: "*", align: "right" },
      { header: "变化", width: 110, align: "right" },
    ],
    rows,
  );
}

function categoriesTable(city: CityResult, names: Names, previous: PreviousRoundFacts): Content {
  const then = new Map((previous.city?.categories ?? []).map((c) => [c.id, c]));
  const ids = [...city.categories.map((c) => c.id), ...[...then.keys()].filter((id) => !city.categories.some((c) => c.id === id))];
  const now = new Map(city.categories.map((c) => [c.id, c]));
  const rows: TableCell[][] = ids.map((id) => {
    const a = then.get(id);
    const b = now.get(id);
    const score = a === undefined || b === undefined ? null : b.score - a.score;
    const ratio = difference(b?.ratio ?? null, a?.ratio);
    return [
      { text: names.category(id, b?.name ?? a?.name) },
      { text: a === undefined ? DASH : fixed2(a.score) },
      { text: b === undefined ? DASH : fixed2(b.score) },
      { text: score === null ? DASH : signed2(score), bold: true, color: changeColor(score) },
      { text: a === undefined ? DASH : percent(a.ratio) },
      { text: b === undefined ? DASH : percent(b.ratio) },
      { text: ratio === null ? DASH : signed2(ratio * 100), bold: true, color: changeColor(ratio) },
    ];
  });
  return dataTable(
    [
      { header: "测评项目", width: "*" },
      { header: "上轮得分", width: 46, align: "right" },
      { header: "本轮得分", width: 46, align: "right" },
      { header: "变化", width: 40, align: "right" },
      { header: "上轮得分率", width: 50, align: "right" },
      { header: "本轮得分率", width: 50, align: "right" },
      { header: "变化（百分点）", width: 62, align: "right" },
    ],
    rows,
  );
}

function problemsBlock(city: CityResult, names: Names, previous: PreviousRoundFacts): Content[] {
  const t = previous.closure;
  const standardName = (id: string) => names.standard(id, city.standards.find((s) => s.id === id)?.name);
  const cards = cardRow(
    COUNTED_CLASSES.map((c) =>
      statCard(
        className(c),
        cardFigure(count(t[c]), t[c] > 0 ? CLASS_COLORS[c] : COLORS.primary, 16),
        c === "resolved"
          ? `销号率 ${closureRateText(t)}`
          : c === "unverified"
            ? "本轮未复查"
            : c === "persisting"
              ? "两轮均存在"
              : "本轮首次发现",
      ),
    ),
    [0, 0, 0, 4],
  );
  const parts: Content[] = [
    { stack: [subheading(`上轮问题整改情况（上轮问题 ${count(baseProblems(t))} 项）`, { kept: true }), cards], unbreakable: true },
  ];
  if (previous.persisting.length === 0) {
    parts.push(
      note(
        t.persisting === 0
          ? "上轮问题中没有本轮仍然存在的。"
          : `共 ${count(t.persisting)} 项未整改，完整清单见 civitas compare 的 closure.pdf / closure.csv。`,
        [0, 2, 0, 0],
      ),
    );
    return parts;
  }
  const rows: TableCell[][] = previous.persisting.map((item) => [
    item.checkId === null
      ? { stack: [{ text: standardName(item.standardId) }, { text: `标准 ${item.standardId}`, style: "small" }] }
      : {
          stack: [
            { text: names.check(item.checkId) },
            { text: `${item.checkId} · ${item.standardId} ${standardName(item.standardId)}`, style: "small" },
          ],
        },
    { text: item.siteId ?? DASH },
    { text: item.base === null ? DASH : fixed2(item.base.loss) },
    { text: item.current === null ? DASH : fixed2(item.current.loss), bold: true, color: COLORS.veto },
    { text: enumerate(names.departments(item.responsible)) },
  ]);
  parts.push(
    subheading("仍未整改的问题（本轮失分最多的在前）"),
    dataTable(
      [
        { header: "问题", width: "*" },
        { header: "点位", width: 70 },
        { header: "上轮失分", width: 38, align: "right" },
        { header: "本轮失分", width: 38, align: "right" },
        { header: "责任单位", width: 110 },
      ],
      rows,
    ),
    note(
      t.persisting > previous.persisting.length
        ? `共 ${count(t.persisting)} 项未整改，上表列出本轮失分最多的 ${previous.persisting.length} 项；完整清单见 civitas compare 的 closure.pdf / closure.csv。`
        : `共 ${count(t.persisting)} 项未整改。`,
    ),
  );
  return parts;
}

/** The 较上轮变化 section body. */
export function changeSection(city: CityResult, batch: BatchFacts, names: Names, previous: PreviousRoundFacts): Content[] {
  const notes: Content[] = [];
  if (previous.versionsDiffer) {
    notes.push(
      note(`两轮测评体系版本不同（${previous.ruleset.version} → ${batch.ruleset.version}），分值和名次的可比性有限。`, [0, 0, 0, 4]),
    );
  }
  if (previous.city === null) {
    return [
      ...notes,
      note(`本市未参加上轮（${previous.round}）测评，没有可比的得分；本轮问题均为新发现。`, [0, 0, 0, 4]),
      ...problemsBlock(city, names, previous),
    ];
  }
  const moved =
    Math.abs(city.max - previous.city.max) > EPSILON
      ? [note(`两轮满分不同（${fixed2(previous.city.max)} → ${fixed2(city.max)}），请以得分率比较为主。`)]
      : [];
  return [
    ...notes,
    overallTable(city, batch, previous),
    ...moved,
    subheading("各测评项目的变化"),
    categoriesTable(city, names, previous),
    ...problemsBlock(city, names, previous),
  ];
}

/**
 * The four closure classes as documents show them: Chinese names (from the core), colours,
 * the order open items are listed in, and sums over a city's or department's totals.
 */
import { CLOSURE_CLASS_NAMES, type ClosureClass, type ClosureTotals } from "@civitas/core";
import type { TableCell } from "pdfmake/interfaces.js";
import { percent } from "../format.js";
import { COLORS } from "../theme.js";

/** 已销号 green, 未复查 grey-blue, 未整改 red, 新发现 orange. */
export const CLASS_COLORS: Readonly<Record<ClosureClass, string>> = {
  resolved: COLORS.good,
  unverified: COLORS.muted,
  persisting: COLORS.veto,
  new: COLORS.warn,
};

/** What each class means, in one line. */
export const CLASS_MEANINGS: Readonly<Record<ClosureClass, string>> = {
  resolved: "上轮存在、本轮经复查（点位已复查或标准已评分）不再出现",
  unverified: "上轮存在、本轮未出现，但未经复查（点位未考察、标准缺少证据或城市未参评）",
  persisting: "上轮存在、本轮仍然存在",
  new: "上轮没有、本轮首次发现",
};

/** The classes that still need work, most urgent first: 未整改, 新发现, 未复查. */
export const OPEN_CLASSES: readonly ClosureClass[] = ["persisting", "new", "unverified"];

/** The order classes are counted in: 已销号, 未复查, 未整改, 新发现. */
export const COUNTED_CLASSES: readonly ClosureClass[] = ["resolved", "unverified", "persisting", "new"];

/** The Chinese name of a class. */
export const className = (c: ClosureClass): string => CLOSURE_CLASS_NAMES[c];

/** A bold class name in its colour. */
export function classTag(c: ClosureClass): TableCell {
  return { text: className(c), bold: true, color: CLASS_COLORS[c] };
}

/** The previous round's problems: 已销号 + 未复查 + 未整改. */
export const baseProblems = (t: ClosureTotals): number => t.resolved + t.unverified + t.persisting;

/** This round's problems: 未整改 + 新发现. */
export const currentProblems = (t: ClosureTotals): number => t.persisting + t.new;

/** Items still needing work: 未整改 + 新发现 + 未复查. */
export const openItems = (t: ClosureTotals): number => t.persisting + t.new + t.unverified;

/** 销号率: resolved share of the previous round's problems, or null without any. */
export function closureRate(t: ClosureTotals): number | null {
  const base = baseProblems(t);
  return base === 0 ? null : t.resolved / base;
}

/** 销号率 as a percentage, or a dash. */
export const closureRateText = (t: ClosureTotals): string => percent(closureRate(t));

/** Zero counts. */
export const zeroTotals = (): ClosureTotals => ({ resolved: 0, unverified: 0, persisting: 0, new: 0 });

/** Sums totals. */
export function sumTotals(all: readonly ClosureTotals[]): ClosureTotals {
  const sum = zeroTotals();
  for (const t of all) for (const c of COUNTED_CLASSES) sum[c] += t[c];
  return sum;
}

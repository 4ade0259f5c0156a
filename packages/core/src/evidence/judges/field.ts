/**
 * The judge of `field.csv`: problems counted at a visited site of the city, for a check of the
 * rule set that applies to the site's type, with a count written as a whole number. Rows for
 * the same site and check add up; the few smallest notes and photo names are kept with them.
 */
import { parseCount } from "../values.js";
import { columnsAt, type EvidenceJudge, quoted, refuse, unknownCity, valueAt } from "./judge.js";

/** Notes and photos kept per site and check. */
const MAX_NOTES = 5;

/**
 * `list` with `value` inserted in sorted order, keeping only the MAX_NOTES smallest: a new
 * array of exactly the length needed (most tallies hold one or two notes), or `list` itself
 * when `value` is not among the smallest.
 */
function keepSmallest(list: readonly string[], value: string): readonly string[] {
  const n = list.length;
  if (n >= MAX_NOTES && value >= (list[n - 1] as string)) return list;
  let at = n;
  while (at > 0 && (list[at - 1] as string) > value) at--;
  const kept = Math.min(n + 1, MAX_NOTES);
  const next = new Array<string>(kept);
  for (let i = 0, from = 0; i < kept; i++) next[i] = i === at ? value : (list[from++] as string);
  return next;
}

export const judgeField: EvidenceJudge =
  ({ index, byCity }) =>
  (layout) => {
    const [cityAt, siteAt, checkAt, countAt, noteAt, photoAt] = columnsAt(
      layout,
      "city_id",
      "site_id",
      "check_id",
      "count",
      "note",
      "photo",
    );
    return (cells) => {
      const cityId = valueAt(cells, cityAt);
      const city = byCity.get(cityId);
      if (city === undefined) return unknownCity(cityId);
      const siteId = valueAt(cells, siteAt);
      const site = city.sites.get(siteId);
      if (site === undefined)
        return refuse("unknown_site", `site_id ${quoted(siteId)} is not a visited site of city ${quoted(cityId)} in this round`);
      const checkId = valueAt(cells, checkAt);
      const check = index.checkById.get(checkId);
      if (check === undefined) return refuse("unknown_check", `check_id ${quoted(checkId)} is not a check of the rule set`);
      if (!check.standard.siteTypes.includes(site.siteType)) {
        return refuse(
          "check_not_applicable",
          `check ${quoted(checkId)} (standard ${check.standard.id}) does not apply to site type ${quoted(site.siteType)}`,
        );
      }
      const countText = valueAt(cells, countAt);
      const count = parseCount(countText);
      if (count === undefined) return refuse("bad_count", `count ${quoted(countText)} is not a non-negative whole number`);
      let checks = city.field.get(siteId);
      if (checks === undefined) city.field.set(siteId, (checks = new Map()));
      const note = valueAt(cells, noteAt);
      const photo = valueAt(cells, photoAt);
      // Enough notes and photos to explain the loss; not every one of thousands.
      // Kept in sorted order (the first few), so the result does not depend on row order.
      const tally = checks.get(checkId);
      if (tally === undefined) {
        checks.set(checkId, { count, notes: note === "" ? [] : [note], photos: photo === "" ? [] : [photo] });
        return undefined;
      }
      tally.count += count;
      if (note !== "") tally.notes = keepSmallest(tally.notes, note);
      if (photo !== "") tally.photos = keepSmallest(tally.photos, photo);
      return undefined;
    };
  };

/**
 * The judge of `sites.csv`: a visited site of a known city, of a site type the rule set knows,
 * listed once per round, city and site (a second row is a duplicate, the first kept).
 */
import { columnsAt, type EvidenceJudge, quoted, refuse, unknownCity, valueAt } from "./judge.js";

export const judgeSites: EvidenceJudge =
  ({ index, byCity }) =>
  (layout) => {
    const [cityAt, siteAt, typeAt, visitedAt, assessorAt] = columnsAt(layout, "city_id", "site_id", "site_type", "visited_at", "assessor");
    return (cells) => {
      const cityId = valueAt(cells, cityAt);
      const city = byCity.get(cityId);
      if (city === undefined) return unknownCity(cityId);
      const siteType = valueAt(cells, typeAt);
      if (!index.siteTypeIds.has(siteType))
        return refuse("unknown_site_type", `site_type ${quoted(siteType)} is not a site type of the rule set`);
      const siteId = valueAt(cells, siteAt);
      if (city.sites.has(siteId))
        return refuse("duplicate", `site ${quoted(siteId)} of city ${quoted(cityId)} is listed twice; the first row is kept`);
      const visited = valueAt(cells, visitedAt);
      const assessor = valueAt(cells, assessorAt);
      city.sites.set(siteId, {
        siteId,
        siteType,
        visitedAt: visited === "" ? undefined : visited,
        assessor: assessor === "" ? undefined : assessor,
      });
      return undefined;
    };
  };

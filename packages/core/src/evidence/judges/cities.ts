/**
 * The judge of `cities.csv`: one city per id (a second row for an id is a duplicate, the
 * first kept); every non-empty column becomes an attribute, typed as SPEC section 2 says
 * (`attributeValue`).
 */
import { emptyCityEvidence } from "../model.js";
import { attributeValue } from "../values.js";
import { columnsAt, type EvidenceJudge, quoted, refuse, valueAt } from "./judge.js";

export const judgeCities: EvidenceJudge =
  ({ cities, byCity }) =>
  (layout) => {
    const [cityAt, nameAt, peerGroupAt] = columnsAt(layout, "city_id", "name", "peer_group");
    return (cells) => {
      const cityId = valueAt(cells, cityAt);
      if (cities.has(cityId)) return refuse("duplicate", `city_id ${quoted(cityId)} appears twice; the first row is kept`);
      const attributes: Record<string, string | number> = Object.create(null);
      const put = (name: string, at: number) => {
        const value = (cells[at] ?? "").trim();
        if (value !== "") attributes[name] = attributeValue(value);
      };
      for (const [name, at] of layout.index) put(name, at);
      for (const [name, at] of layout.extra) put(name, at);
      const peerGroup = valueAt(cells, peerGroupAt);
      cities.set(cityId, { cityId, name: valueAt(cells, nameAt), peerGroup: peerGroup === "" ? null : peerGroup, attributes });
      byCity.set(cityId, emptyCityEvidence());
      return undefined;
    };
  };

/**
 * The judge of `facts.csv`: a reported figure of a known city, a finite number, once per fact,
 * city and round (a second one is a duplicate, the first kept).
 */
import { parseNumber } from "../values.js";
import { columnsAt, type EvidenceJudge, quoted, refuse, unknownCity, valueAt } from "./judge.js";

export const judgeFacts: EvidenceJudge =
  ({ byCity }) =>
  (layout) => {
    const [cityAt, factAt, valueColumnAt] = columnsAt(layout, "city_id", "fact", "value");
    return (cells) => {
      const cityId = valueAt(cells, cityAt);
      const city = byCity.get(cityId);
      if (city === undefined) return unknownCity(cityId);
      const valueText = valueAt(cells, valueColumnAt);
      const value = parseNumber(valueText);
      if (value === undefined) return refuse("bad_value", `value ${quoted(valueText)} is not a finite number`);
      const fact = valueAt(cells, factAt);
      if (city.facts.has(fact))
        return refuse("duplicate", `fact ${quoted(fact)} of city ${quoted(cityId)} is given twice; the first is kept`);
      city.facts.set(fact, value);
      return undefined;
    };
  };

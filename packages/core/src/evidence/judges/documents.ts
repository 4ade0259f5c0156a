/**
 * The judge of `documents.csv`: a reviewer's verdict on a document standard of the rule set for
 * a known city, written met/partial/unmet or 达标/基本达标/未达标. Several verdicts on the same
 * standard are all kept (scoring averages them).
 */
import { parseVerdict } from "../values.js";
import { columnsAt, type EvidenceJudge, quoted, refuse, unknownCity, valueAt } from "./judge.js";

export const judgeDocuments: EvidenceJudge =
  ({ index, byCity }) =>
  (layout) => {
    const [cityAt, standardAt, verdictAt, reviewerAt, noteAt] = columnsAt(layout, "city_id", "standard_id", "verdict", "reviewer", "note");
    return (cells) => {
      const cityId = valueAt(cells, cityAt);
      const city = byCity.get(cityId);
      if (city === undefined) return unknownCity(cityId);
      const standardId = valueAt(cells, standardAt);
      const placed = index.standardById.get(standardId);
      if (placed === undefined) return refuse("unknown_standard", `standard_id ${quoted(standardId)} is not a standard of the rule set`);
      if (placed.standard.method !== "document") {
        return refuse(
          "not_document_standard",
          `standard ${quoted(standardId)} is scored by ${placed.standard.method}, not by document review`,
        );
      }
      const verdictText = valueAt(cells, verdictAt);
      const verdict = parseVerdict(verdictText);
      if (verdict === undefined)
        return refuse("bad_verdict", `verdict ${quoted(verdictText)} is not met/partial/unmet (达标/基本达标/未达标)`);
      let verdicts = city.documents.get(standardId);
      if (verdicts === undefined) city.documents.set(standardId, (verdicts = []));
      const reviewer = valueAt(cells, reviewerAt);
      const note = valueAt(cells, noteAt);
      verdicts.push({ verdict, reviewer: reviewer === "" ? undefined : reviewer, note: note === "" ? undefined : note });
      return undefined;
    };
  };

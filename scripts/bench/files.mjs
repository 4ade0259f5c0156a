// The evidence files of a benchmark batch, in the order civitas reads them.
export const EVIDENCE_FILES = ["cities.csv", "sites.csv", "field.csv", "survey.csv", "documents.csv", "facts.csv"];

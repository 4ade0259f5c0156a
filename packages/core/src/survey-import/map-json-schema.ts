/**
 * A JSON Schema of survey maps, generated from the zod schema, so that editors validate and
 * complete a map as it is typed (`# yaml-language-server: $schema=…`); checked in as
 * schemas/survey-map.schema.json (a test keeps it equal to this).
 */
import { z } from "zod";
import { SurveyMapSchema } from "./map-schema.js";

/** The JSON Schema (draft 2020-12) of a survey-map file. */
export function surveyMapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SurveyMapSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://civitas.example/survey-map.schema.json",
    title: "Civitas survey map (问卷导入映射)",
  };
}

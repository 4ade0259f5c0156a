// Writes schemas/survey-map.schema.json, the JSON Schema editors use for survey maps, from core's
// zod schema (a test checks the file equals what this writes):
//   npx tsx --conditions @civitas/source scripts/write-survey-map-schema.ts
import { writeFileSync } from "node:fs";
import { surveyMapJsonSchema } from "@civitas/core";

writeFileSync(new URL("../schemas/survey-map.schema.json", import.meta.url), `${JSON.stringify(surveyMapJsonSchema(), null, 2)}\n`);

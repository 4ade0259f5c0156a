/**
 * A JSON Schema of rule-set files, generated from the zod schemas, so that editors validate
 * and complete rule sets as they are typed (`# yaml-language-server: $schema=…`).
 */
import { z } from "zod";
import { CONDITION_OPERATORS, ConditionSchema } from "./conditions.js";
import { BaseRulesetSchema, OverlayRulesetSchema } from "./schema.js";

const conditionDefinition = {
  $id: "#condition",
  description: "A json-rules-engine condition on city facts: all / any / not, or a leaf {fact, operator, value}",
  oneOf: [
    {
      type: "object",
      required: ["all"],
      properties: { all: { type: "array", items: { $ref: "#/$defs/condition" } } },
      additionalProperties: false,
    },
    {
      type: "object",
      required: ["any"],
      properties: { any: { type: "array", items: { $ref: "#/$defs/condition" } } },
      additionalProperties: false,
    },
    { type: "object", required: ["not"], properties: { not: { $ref: "#/$defs/condition" } }, additionalProperties: false },
    {
      type: "object",
      required: ["fact", "operator", "value"],
      properties: {
        fact: { type: "string", minLength: 1 },
        operator: { enum: [...CONDITION_OPERATORS] },
        value: {},
        path: { type: "string" },
      },
      additionalProperties: false,
    },
  ],
};

/** The JSON Schema (draft 2020-12) of a rule-set file, base or overlay. */
export function rulesetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([BaseRulesetSchema, OverlayRulesetSchema]), {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema === (ConditionSchema as unknown)) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        ctx.jsonSchema.$ref = "#/$defs/condition";
      }
    },
  }) as Record<string, unknown>;
  const { $id: _id, ...condition } = conditionDefinition;
  return {
    ...schema,
    $id: "https://civitas.example/ruleset.schema.json",
    title: "Civitas rule set (测评体系)",
    $defs: { ...((schema.$defs as Record<string, unknown>) ?? {}), condition },
  };
}

/**
 * The command tree of `civitas`: every command, described once (see shell/define-command.ts).
 */
import { defineGroup } from "../shell/define-command.js";
import { importCommand } from "./import-survey.js";
import { feedbackCommand } from "./feedback.js";
import { mergeCommand } from "./merge.js";
import { renderCommand } from "./render.js";
import { roundCommands } from "./rounds.js";
import { rulesetCommand } from "./ruleset.js";
import { scoreCommand } from "./score.js";

export const civitasCommand = defineGroup("civitas", "Civitas: scoring for civilized-city assessments (全国文明城市测评)", [
  scoreCommand,
  rulesetCommand,
  renderCommand,
  ...roundCommands,
  mergeCommand,
  importCommand,
  feedbackCommand,
]);

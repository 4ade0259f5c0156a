/**
 * The command line checked before it is parsed: which command it names, and every problem of
 * it at once — each missing required flag, a single-value flag given twice, an unknown flag
 * (with the closest known one), a flag without its value, a value not among a flag's choices,
 * missing or unexpected arguments. Tokens are read as effect/cli reads them (`--name value`,
 * `--name=value`, a switch optionally followed by true/false, `--no-switch`, `--` ending the
 * flags), so that what passes here parses there.
 */
import type { CommandInfo } from "./define-command.js";
import type { FlagInfo } from "./params.js";
import { suggestion, type UsageIssue } from "./usage-issues.js";

/** What the command line asks for. */
export type UsageCheck =
  | { readonly kind: "run"; readonly path: readonly CommandInfo[] }
  | { readonly kind: "help"; readonly path: readonly CommandInfo[] }
  | { readonly kind: "invalid"; readonly path: readonly CommandInfo[]; readonly issues: readonly UsageIssue[] };

const HELP = new Set(["--help", "-h"]);
/** Flags effect/cli handles for every command: they run without a check. */
const BUILT_IN_ACTIONS = /^(--version|-v|--completions(=.*)?|--wizard)$/;
/** Built-in settings that take a value. */
const BUILT_IN_SETTINGS = new Set(["log-level"]);
const NEGATIVE_NUMBER = /^-(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN_LITERALS = new Set(["true", "false", "yes", "no", "on", "off", "1", "0", "y", "n"]);

const isValue = (arg: string) => !arg.startsWith("-") || arg === "-" || NEGATIVE_NUMBER.test(arg) || arg.startsWith("--=");
const isBooleanLiteral = (arg: string | undefined) => arg !== undefined && BOOLEAN_LITERALS.has(arg);

/** The command `words` name below `root`, as far as they name one. */
function descend(root: CommandInfo, words: readonly string[]): CommandInfo[] {
  const path = [root];
  for (const word of words) {
    const next = path[path.length - 1]?.subcommands.find((c) => c.name === word);
    if (next === undefined) break;
    path.push(next);
  }
  return path;
}

/** Checks `argv` (the arguments after `civitas`) against the commands below `root`. */
export function checkUsage(argv: readonly string[], root: CommandInfo): UsageCheck {
  const end = argv.indexOf("--");
  const args = end < 0 ? argv : argv.slice(0, end);
  const trailing = end < 0 ? [] : argv.slice(end + 1);
  const named = descend(root, args.filter(isValue));
  if (args.some((a) => HELP.has(a))) return { kind: "help", path: named };
  // a command's own flag of the same name (`ruleset import --version 1.0.0`) comes first
  const own = new Set((named[named.length - 1] as CommandInfo).flags.map((f) => `--${f.name}`));
  if (args.some((a) => BUILT_IN_ACTIONS.test(a) && !own.has(a.split("=")[0] as string))) return { kind: "run", path: named };

  const path: CommandInfo[] = [root];
  let at = 0;
  let command = root;
  while (command.subcommands.length > 0) {
    const word = args[at];
    const names = command.subcommands.map((c) => c.name);
    const where = path.map((c) => c.name).join(" ");
    if (word === undefined || !isValue(word)) {
      const message = `${where}: name a command (${names.join(", ")})`;
      return { kind: "invalid", path, issues: [{ code: "missing_command", at: where, message }] };
    }
    const next = command.subcommands.find((c) => c.name === word);
    if (next === undefined) {
      const message = `${where}: unknown command ${JSON.stringify(word)}${suggestion(word, names)}; commands: ${names.join(", ")}`;
      return { kind: "invalid", path, issues: [{ code: "unknown_command", at: word, message }] };
    }
    path.push(next);
    command = next;
    at++;
  }
  const issues = checkLeaf(command, [...args.slice(at)], trailing);
  return issues.length === 0 ? { kind: "run", path } : { kind: "invalid", path, issues };
}

/** Every problem of the flags and arguments given to a command without subcommands. */
function checkLeaf(command: CommandInfo, args: readonly string[], trailing: readonly string[]): UsageIssue[] {
  const issues: UsageIssue[] = [];
  const byName = new Map(command.flags.map((f) => [f.name, f]));
  const given = new Map<FlagInfo, string[]>();
  const positional: string[] = [];
  const record = (flag: FlagInfo, value: string) => given.set(flag, [...(given.get(flag) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (isValue(arg)) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") ? arg.slice(2, eq < 0 ? undefined : eq) : arg;
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (BUILT_IN_SETTINGS.has(name)) {
      if (inline === undefined) i++;
      continue;
    }
    let flag = arg.startsWith("--") ? byName.get(name) : undefined;
    const negated = flag === undefined && name.startsWith("no-") && byName.get(name.slice(3))?.kind === "boolean";
    if (negated) flag = byName.get(name.slice(3));
    if (flag === undefined) {
      const known = command.flags.map((f) => f.name);
      const message = `unknown flag ${arg.startsWith("--") ? `--${name}` : arg}${suggestion(name.replace(/^-+/, ""), known, "--")}`;
      issues.push({ code: "unknown_flag", at: arg, message });
      continue;
    }
    const shown = `--${flag.name}`;
    if (flag.kind === "boolean") {
      let value = inline;
      if (value === undefined && !negated && isBooleanLiteral(args[i + 1])) value = args[++i];
      if ((negated && inline !== undefined) || (value !== undefined && !isBooleanLiteral(value))) {
        issues.push({
          code: "bad_value",
          at: shown,
          message: `${shown} is a switch: give it alone (or ${shown}=false), not ${JSON.stringify(value)}`,
        });
        continue;
      }
      record(flag, negated ? "false" : (value ?? "true"));
      continue;
    }
    let value = inline;
    const next = args[i + 1];
    if (value === undefined && next !== undefined && isValue(next)) {
      value = next;
      i++;
    }
    if (value === undefined) {
      issues.push({ code: "missing_value", at: shown, message: `${shown} needs a value: ${shown} ${flag.placeholder}` });
      continue;
    }
    if (flag.choices !== undefined && !flag.choices.includes(value)) {
      const message = `${shown} ${JSON.stringify(value)}: expected one of ${flag.choices.join(", ")}`;
      issues.push({ code: "bad_value", at: shown, message });
      continue;
    }
    record(flag, value);
  }
  for (const [flag, values] of given) {
    if (!flag.repeatable && values.length > 1) {
      const message = `--${flag.name} is given ${values.length} times (${values.map((v) => JSON.stringify(v)).join(", ")}): give it once`;
      issues.push({ code: "repeated_flag", at: `--${flag.name}`, message });
    }
  }
  for (const flag of command.flags) {
    if (flag.required && !given.has(flag)) {
      const message = `missing required flag --${flag.name} ${flag.placeholder}`;
      issues.push({ code: "missing_flag", at: `--${flag.name}`, message });
    }
  }
  issues.push(...checkArguments(command, [...positional, ...trailing]));
  return issues;
}

/** Missing and unexpected positional arguments. */
function checkArguments(command: CommandInfo, values: readonly string[]): UsageIssue[] {
  const issues: UsageIssue[] = [];
  let used = 0;
  for (const arg of command.args) {
    const wanted = arg.variadicMin ?? 1;
    const available = arg.variadicMin === undefined ? Math.min(1, values.length - used) : values.length - used;
    if (available < wanted) {
      const message = `missing <${arg.name}>${arg.variadicMin === undefined ? "" : ` (at least ${wanted})`}: ${arg.description}`;
      issues.push({ code: "missing_argument", at: `<${arg.name}>`, message });
    }
    used += Math.max(0, available);
  }
  for (const extra of values.slice(used)) {
    issues.push({ code: "unexpected_argument", at: extra, message: `unexpected argument ${JSON.stringify(extra)}` });
  }
  return issues;
}

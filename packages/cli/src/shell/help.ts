/**
 * Help and usage lines written from the commands' descriptions: for a command, its usage line
 * (required flags spelled out), every flag with its value, whether it is required and its
 * default, its arguments and an example invocation; for a group, its commands.
 */
import { displayWidth, padDisplay } from "../text-width.js";
import { bold } from "./colors.js";
import type { CommandInfo } from "./define-command.js";
import type { FlagInfo } from "./params.js";

const words = (path: readonly CommandInfo[]) => path.map((c) => c.name).join(" ");
const flagWord = (flag: FlagInfo) => (flag.placeholder === "" ? `--${flag.name}` : `--${flag.name} ${flag.placeholder}`);

/** The usage line(s) of the command at the end of `path` (`civitas score --ruleset … [flags]`). */
export function usageLines(path: readonly CommandInfo[]): string[] {
  const command = path[path.length - 1] as CommandInfo;
  if (command.subcommands.length > 0) return [`${words(path)} <${command.subcommands.map((c) => c.name).join("|")}> …`];
  const required = command.flags.filter((f) => f.required).map((f) => (f.repeatable ? `${flagWord(f)}…` : flagWord(f)));
  const args = command.args.map((a) => (a.variadicMin === undefined ? `<${a.name}>` : `<${a.name}>…`));
  const optional = command.flags.some((f) => !f.required) ? ["[flags]"] : [];
  return [[words(path), ...required, ...args, ...optional].join(" ")];
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(0, ...rows.map(([left]) => displayWidth(left)));
  return rows.map(([left, right]) => `  ${padDisplay(left, width)}   ${right}`.trimEnd());
}

function flagRows(flags: readonly FlagInfo[]): Array<readonly [string, string]> {
  return flags.map((f) => {
    const notes = [
      f.required ? "required" : undefined,
      f.repeatable ? "repeat for more" : undefined,
      f.default === undefined ? undefined : `default: ${f.default}`,
    ].filter((n) => n !== undefined);
    return [flagWord(f), `${f.description}${notes.length === 0 ? "" : ` (${notes.join("; ")})`}`] as const;
  });
}

/** The help of the command at the end of `path`. */
export function helpText(path: readonly CommandInfo[], colors: boolean): string {
  const command = path[path.length - 1] as CommandInfo;
  const heading = (text: string) => bold(text, colors);
  const lines = [`${words(path)} — ${command.description}`, "", heading("USAGE"), ...usageLines(path).map((l) => `  ${l}`)];
  if (command.subcommands.length > 0) {
    lines.push("", heading("COMMANDS"), ...table(command.subcommands.map((c) => [c.name, c.description] as const)));
    lines.push("", `Run \`${words(path)} <command> --help\` for the flags and an example of each.`);
  }
  if (command.flags.length > 0) lines.push("", heading("FLAGS"), ...table(flagRows(command.flags)));
  if (command.args.length > 0) {
    const rows = command.args.map((a) => [a.variadicMin === undefined ? `<${a.name}>` : `<${a.name}>…`, a.description] as const);
    lines.push("", heading("ARGUMENTS"), ...table(rows));
  }
  if (command.examples.length > 0) {
    lines.push("", heading(command.examples.length === 1 ? "EXAMPLE" : "EXAMPLES"), ...command.examples.map((e) => `  civitas ${e}`));
  }
  lines.push(
    "",
    heading("GLOBAL FLAGS"),
    ...table([
      ["--help, -h", "show this help"],
      ["--version, -v", "show the version of civitas"],
    ]),
  );
  return `${lines.join("\n")}\n`;
}

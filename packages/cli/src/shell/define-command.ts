/**
 * Commands described once: name, description, examples, flags and arguments (`params.ts`) and
 * the handler, giving both the effect/cli command that parses and runs it and the `CommandInfo`
 * the shell checks command lines against and writes help from.
 */
import type * as Effect from "effect/Effect";
import { Command } from "effect/cli";
import type { ArgInfo, ArgSpec, FlagInfo, FlagSpec } from "./params.js";

/** What the shell knows of a command (or a group of commands). */
export interface CommandInfo {
  readonly name: string;
  readonly description: string;
  /** Example invocations, without the leading `civitas`. */
  readonly examples: readonly string[];
  readonly flags: readonly FlagInfo[];
  readonly args: readonly ArgInfo[];
  readonly subcommands: readonly CommandInfo[];
}

/** A command of civitas: what the shell knows of it and the effect/cli command. */
export interface CivitasCommand<E = unknown, R = never> {
  readonly info: CommandInfo;
  // biome-ignore lint/suspicious/noExplicitAny: the parsed input type is the handler's business
  // biome-ignore lint/complexity/noBannedTypes: effect/cli's type of a command without context input
  readonly command: Command.Command<string, any, {}, E, R>;
}

// biome-ignore lint/suspicious/noExplicitAny: a parameter of any value type
type Param = FlagSpec<any> | ArgSpec<any>;
type Params = Readonly<Record<string, Param>>;

/** The options a handler gets: each parameter's parsed value. */
export type Options<P extends Params> = {
  readonly [K in keyof P]: P[K] extends FlagSpec<infer A> ? A : P[K] extends ArgSpec<infer A> ? A : never;
};

const isFlag = (param: Param): param is FlagSpec<unknown> => "flag" in param;

/** A command that runs `handler` with the parsed values of `params` (flags and arguments). */
export function defineCommand<const P extends Params, E, R>(
  definition: {
    readonly name: string;
    readonly description: string;
    readonly examples: readonly string[];
    readonly params: P;
  },
  handler: (options: Options<P>) => Effect.Effect<void, E, R>,
): CivitasCommand<E, R> {
  const params = Object.values(definition.params);
  const config = Object.fromEntries(Object.entries(definition.params).map(([key, p]) => [key, "flag" in p ? p.flag : p.arg]));
  const command = Command.make(definition.name, config, (options) => handler(options as Options<P>)).pipe(
    Command.withDescription(definition.description),
    Command.withExamples(definition.examples.map((example) => ({ command: `civitas ${example}` }))),
  );
  return {
    info: {
      name: definition.name,
      description: definition.description,
      examples: definition.examples,
      flags: params.filter(isFlag).map((p) => p.info),
      args: params.filter((p): p is ArgSpec<unknown> => !isFlag(p)).map((p) => p.info),
      subcommands: [],
    },
    command,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any command, whatever it fails with or needs
type AnyCommand = CivitasCommand<any, any>;
type ErrorOf<C> = C extends CivitasCommand<infer E, infer _R> ? E : never;
type ServicesOf<C> = C extends CivitasCommand<infer _E, infer R> ? R : never;

/** A command that only groups others: `civitas ruleset validate …`. */
export function defineGroup<const C extends readonly AnyCommand[]>(
  name: string,
  description: string,
  children: C,
): CivitasCommand<ErrorOf<C[number]>, ServicesOf<C[number]>> {
  const command = Command.make(name).pipe(
    Command.withDescription(description),
    Command.withSubcommands(children.map((c) => c.command) as [AnyCommand["command"]]),
  );
  return {
    info: { name, description, examples: [], flags: [], args: [], subcommands: children.map((c) => c.info) },
    command: command as unknown as CivitasCommand<ErrorOf<C[number]>, ServicesOf<C[number]>>["command"],
  };
}

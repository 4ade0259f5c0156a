/**
 * Flags and positional arguments described once: what effect/cli parses (`flag`, `arg`) and
 * what the shell needs to check a command line before parsing it and to write its help — the
 * value's placeholder, whether it is required, whether it may repeat, its default.
 */
import type * as Option from "effect/Option";
import { Argument, Flag } from "effect/cli";

/** What the shell knows of a flag. */
export interface FlagInfo {
  /** The name without `--`. */
  readonly name: string;
  readonly kind: "string" | "boolean" | "choice";
  /** The placeholder of its value in help (`DIR`, `PATH|ID@VERSION`); "" for a boolean. */
  readonly placeholder: string;
  readonly description: string;
  readonly required: boolean;
  /** True when the flag may be given more than once (each time one more value). */
  readonly repeatable: boolean;
  /** The default, as help shows it. */
  readonly default?: string;
  readonly choices?: readonly string[];
}

/** A flag: what the shell knows of it and the effect/cli flag that parses it into an `A`. */
export interface FlagSpec<A> {
  readonly info: FlagInfo;
  readonly flag: Flag.Flag<A>;
}

/** What the shell knows of a positional argument. */
export interface ArgInfo {
  readonly name: string;
  readonly description: string;
  /** At least this many values, any number more (undefined: exactly one). */
  readonly variadicMin?: number;
}

/** A positional argument: what the shell knows of it and the effect/cli argument. */
export interface ArgSpec<A> {
  readonly info: ArgInfo;
  readonly arg: Argument.Argument<A>;
}

interface About {
  readonly placeholder: string;
  readonly description: string;
}

const described = <A>(flag: Flag.Flag<A>, description: string) => flag.pipe(Flag.withDescription(description));

/** A flag that must be given once: `--round 2024`. */
export function requiredFlag(name: string, about: About): FlagSpec<string> {
  return {
    info: { name, kind: "string", ...about, required: true, repeatable: false },
    flag: described(Flag.String(name), about.description),
  };
}

/** A flag that may be given once. */
export function optionalFlag(name: string, about: About): FlagSpec<Option.Option<string>> {
  return {
    info: { name, kind: "string", ...about, required: false, repeatable: false },
    flag: described(Flag.String(name), about.description).pipe(Flag.optional),
  };
}

/** A flag with a default, given at most once. */
export function defaultedFlag(name: string, about: About & { readonly default: string }): FlagSpec<string> {
  return {
    info: { name, kind: "string", ...about, required: false, repeatable: false },
    flag: described(Flag.String(name), about.description).pipe(Flag.withDefault(about.default)),
  };
}

/** A flag given once or more: `--results a.json --results b.json`. */
export function repeatedFlag(name: string, about: About): FlagSpec<ReadonlyArray<string>> {
  return {
    info: { name, kind: "string", ...about, required: true, repeatable: true },
    flag: described(Flag.String(name), about.description).pipe(Flag.atLeast(1)),
  };
}

/** A switch, off unless given: `--strict`. */
export function booleanFlag(name: string, description: string): FlagSpec<boolean> {
  return {
    info: { name, kind: "boolean", placeholder: "", description, required: false, repeatable: false, default: "off" },
    flag: described(Flag.Boolean(name), description).pipe(Flag.withDefault(false)),
  };
}

/** A flag whose value is one of `choices`, the first by default. */
export function choiceFlag<const C extends readonly [string, ...string[]]>(
  name: string,
  choices: C,
  description: string,
): FlagSpec<C[number]> {
  return {
    info: {
      name,
      kind: "choice",
      placeholder: choices.join("|"),
      description,
      required: false,
      repeatable: false,
      default: choices[0],
      choices,
    },
    flag: described(Flag.Literals(name, choices), description).pipe(Flag.withDefault(choices[0])),
  };
}

/** A positional argument given exactly once. */
export function argument(name: string, description: string): ArgSpec<string> {
  return { info: { name, description }, arg: Argument.String(name).pipe(Argument.withDescription(description)) };
}

/** A positional argument given `min` times or more. */
export function variadicArgument(name: string, description: string, min: number): ArgSpec<ReadonlyArray<string>> {
  return {
    info: { name, description, variadicMin: min },
    arg: Argument.String(name).pipe(Argument.withDescription(description), Argument.variadic({ min })),
  };
}

/**
 * The one place where failures become text and exit codes (SPEC section 4): 0 success,
 * 1 rows rejected under --strict, 2 bad usage or invalid rule set/evidence.
 */
import * as Data from "effect/Data";

/** A failure the CLI reports: its message (naming file, line and field) and exit code. */
export class CliFailure extends Data.TaggedError("CliFailure")<{
  readonly exitCode: 1 | 2;
  readonly message: string;
}> {}

/** Bad usage or invalid input: exit 2. */
export const usage = (message: string) => new CliFailure({ exitCode: 2, message });

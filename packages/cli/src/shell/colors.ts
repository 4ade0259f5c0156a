/**
 * Whether output may carry colour (ANSI escapes): never when NO_COLOR is set (to anything but
 * ""), nor when FORCE_COLOR is 0 or false; always when FORCE_COLOR is set otherwise; else
 * only on a terminal that is not TERM=dumb. Everything the CLI prints asks this one question.
 */

/** The environment variables and stream the decision depends on. */
export interface ColorContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean | undefined;
}

export function colorsEnabled({ env, isTTY }: ColorContext = { env: process.env, isTTY: process.stdout.isTTY }): boolean {
  const noColor = env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  return isTTY === true && env.TERM !== "dumb";
}

/** Bold text when colours are on. */
export const bold = (text: string, colors: boolean) => (colors ? `\x1b[1m${text}\x1b[22m` : text);

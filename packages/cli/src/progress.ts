/**
 * A progress line on stderr, shown only when stderr is a terminal. It is redrawn with a
 * carriage return and spaces, never with escape sequences, so NO_COLOR and FORCE_COLOR=0
 * leave no ANSI escapes in the output.
 */
import { displayWidth } from "./text-width.js";

export interface Progress {
  update(text: string): void;
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let shown = 0;
  return {
    update(text) {
      const width = displayWidth(text);
      stream.write(`\r${text}${" ".repeat(Math.max(0, shown - width))}`);
      shown = width;
    },
    done() {
      if (shown > 0) stream.write(`\r${" ".repeat(shown)}\r`);
      shown = 0;
    },
  };
}

/**
 * Where a large CSV file can be cut in two so that both halves parse on their own: the end of
 * a record past a target offset, found by a small RFC 4180 state machine over the bytes (the
 * quote and newline bytes are ASCII in UTF-8 and GB18030 alike). Any quote where RFC 4180 does
 * not allow one means "do not split": the file is then parsed in one piece.
 */
import { open } from "node:fs/promises";

/** A cut: the byte offset where the second part starts and the line it starts on. */
export interface SplitPoint {
  readonly offset: number;
  readonly line: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * Finds the first record end at or after `target` bytes (and after the header row), or
 * undefined when the file is too small or its quoting is not plain RFC 4180.
 */
export async function findSplitPoint(path: string, target: number): Promise<SplitPoint | undefined> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let state = FIELD_START;
    let position = 0;
    let lines = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return undefined;
      for (let i = 0; i < bytesRead; i++) {
        const byte = buffer[i];
        if (state === QUOTED) {
          if (byte === QUOTE) state = QUOTE_IN_QUOTED;
          else if (byte === LF) lines++;
          continue;
        }
        if (byte === LF) {
          lines++;
          if (state === QUOTE_IN_QUOTED || state === UNQUOTED || state === FIELD_START) {
            state = FIELD_START;
            const offset = position + i + 1;
            if (offset >= target && lines >= 1) return { offset, line: lines + 1 };
          }
          continue;
        }
        if (state === FIELD_START) {
          if (byte === QUOTE) state = QUOTED;
          else if (byte !== COMMA && byte !== CR) state = UNQUOTED;
        } else if (state === UNQUOTED) {
          if (byte === QUOTE) return undefined;
          if (byte === COMMA) state = FIELD_START;
        } else if (state === QUOTE_IN_QUOTED) {
          if (byte === QUOTE) state = QUOTED;
          else if (byte === COMMA) state = FIELD_START;
          else if (byte !== CR) return undefined;
        }
      }
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

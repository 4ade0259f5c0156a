/**
 * The one order of ids used everywhere results are sorted: by Unicode code point, as the spec
 * says (and as a reader in any other language would sort them).
 */

/**
 * Compares strings by code point. JavaScript's `<` compares UTF-16 code units, which puts a
 * character beyond U+FFFF (a surrogate pair, e.g. 𠀀 U+20000) before U+E000–U+FFFF (e.g.
 * full-width １ U+FF11); comparing code points orders them as their numbers do.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++; // both strings have the same surrogate pair here
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Like `compareCodePoints`, with null before every string. */
export function compareNullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareCodePoints(a, b);
}

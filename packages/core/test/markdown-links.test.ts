/**
 * The repository's Markdown links nothing outside it: every link of every .md file (READMEs,
 * docs/, CHANGELOGs, fixtures) is relative and resolves to a file or folder inside the
 * repository — and to a heading there, when it names one. Code blocks and code spans are not
 * links.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
/** Folders of what is installed, built or generated, not written. */
const SKIPPED = new Set(["node_modules", ".git", "dist", "out", ".turbo", "coverage", "bench-data", ".exp", "api"]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : markdownFiles(join(dir, entry.name));
    return entry.name.endsWith(".md") ? [join(dir, entry.name)] : [];
  });
}

/** The text of a Markdown file without its fenced code blocks and code spans. */
const prose = (text: string) => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/(`+)[^`\n]*?\1/g, "");

/** Every link target: inline links and images, reference definitions, autolinks, bare URLs. */
function linkTargets(text: string): string[] {
  const body = prose(text);
  const targets: string[] = [];
  for (const match of body.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1] ?? "");
  for (const match of body.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(match[1] ?? "");
  for (const match of body.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) targets.push(match[1] ?? "");
  for (const match of body.matchAll(/(?<![\w(<])(?:https?:\/\/|www\.)[^\s)>\]]+/g)) targets.push(match[0]);
  return targets;
}

/** GitHub's anchors of a Markdown file's headings. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (match[1] ?? "")
      .toLowerCase()
      .replace(/[`*_[\]]|\]\([^)]*\)/g, "")
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

/** What is wrong with `target` as a link of `file`, or undefined. */
function fault(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//") || target.startsWith("www.")) return "links outside the repository";
  const [path = "", anchor] = target.split("#", 2);
  const resolved = path === "" ? file : path.startsWith("/") ? join(root, decodeURI(path)) : resolve(dirname(file), decodeURI(path));
  const inside = relative(root, resolved);
  if (inside.startsWith(`..${sep}`) || inside === "..") return "points outside the repository";
  if (!existsSync(resolved)) return "points at nothing";
  if (anchor !== undefined && anchor !== "" && statSync(resolved).isFile() && resolved.endsWith(".md")) {
    if (!anchorsOf(readFileSync(resolved, "utf8")).has(decodeURIComponent(anchor)))
      return `names no heading of ${relative(root, resolved)}`;
  }
  return undefined;
}

describe("the repository's Markdown", () => {
  const files = markdownFiles(root);

  it("is found: the READMEs, docs/ and the changelogs", () => {
    const names = files.map((file) => relative(root, file));
    expect(names).toEqual(
      expect.arrayContaining(["README.md", "DEVELOPERS.md", "CHANGELOG.md", "docs/outputs.md", "packages/csv/README.md"]),
    );
  });

  it("links only inside the repository, to files and headings that exist", () => {
    const faults = files.flatMap((file) =>
      linkTargets(readFileSync(file, "utf8"))
        .map((target) => [target, fault(file, target)] as const)
        .filter(([, why]) => why !== undefined)
        .map(([target, why]) => `${relative(root, file)}: ${target} ${why}`),
    );
    expect(faults).toEqual([]);
  });

  it("would be caught linking outside, to a missing file or to a missing heading", () => {
    const readme = join(root, "README.md");
    expect(linkTargets("see [the spec](../shared/spec/SPEC.md), <https://example.org>, www.example.org and `https://in-code`")).toEqual([
      "../shared/spec/SPEC.md",
      "https://example.org",
      "www.example.org",
    ]);
    expect(fault(readme, "../shared/spec/SPEC.md")).toBe("points outside the repository");
    expect(fault(readme, "https://example.org")).toBe("links outside the repository");
    expect(fault(readme, "docs/nowhere.md")).toBe("points at nothing");
    expect(fault(readme, "docs/architecture.md#no-such-heading")).toBe("names no heading of docs/architecture.md");
    expect(fault(readme, "docs/architecture.md#reading-large-evidence-both-cores")).toBeUndefined();
  });
});

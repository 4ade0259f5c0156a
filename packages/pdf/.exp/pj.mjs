import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
const t = performance.now();
const doc = await getDocument({ data: new Uint8Array(readFileSync("/tmp/exp/t1.pdf")), useSystemFonts: false, isEvalSupported: false })
  .promise;
console.log(doc.numPages);
const page = await doc.getPage(1);
const tc = await page.getTextContent();
console.log(
  tc.items
    .map((i) => i.str)
    .join("|")
    .slice(0, 200),
  performance.now() - t,
);

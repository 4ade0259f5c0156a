import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const pdfmake = require("pdfmake");
const dir = "/work/main/node_modules/@expo-google-fonts/noto-sans-sc/";
pdfmake.virtualfs.writeFileSync("NotoSansSC-Regular.ttf", readFileSync(dir + "400Regular/NotoSansSC_400Regular.ttf"));
pdfmake.virtualfs.writeFileSync("NotoSansSC-Bold.ttf", readFileSync(dir + "700Bold/NotoSansSC_700Bold.ttf"));
pdfmake.setFonts({ Noto: { normal: "NotoSansSC-Regular.ttf", bold: "NotoSansSC-Bold.ttf" } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);
if (process.env.CACHE) {
  const fontkit = require(require.resolve("fontkit", { paths: [require.resolve("pdfkit")] }));
  const orig = fontkit.create;
  const cache = new Map();
  try {
    fontkit.create = (buf, fam) => {
      let f = cache.get(buf);
      if (!f) {
        f = orig(buf, fam);
        cache.set(buf, f);
      }
      return f;
    };
    console.log("patched", fontkit.create === orig);
  } catch (e) {
    console.log("cannot patch", e.message);
  }
}
const dd = () => ({
  info: { creationDate: new Date(Date.UTC(2000, 0, 1)), modDate: new Date(Date.UTC(2000, 0, 1)) },
  defaultStyle: { font: "Noto", fontSize: 10 },
  content: [
    { text: "杭州市 测评成绩单", bold: true, fontSize: 20 },
    {
      table: {
        headerRows: 1,
        body: [["测评项目", "得分"], ...Array.from({ length: 40 }, (_, i) => [`公共环境 市容环境卫生 ${i}`, (i * 1.5).toFixed(2)])],
      },
    },
  ],
});
for (let i = 0; i < 6; i++) {
  const t = performance.now();
  const b = await pdfmake.createPdf(dd()).getBuffer();
  console.log(i, (performance.now() - t).toFixed(1), b.length);
  if (i === 0) (await import("node:fs")).writeFileSync("/tmp/exp/t1.pdf", b);
}

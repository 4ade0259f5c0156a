/**
 * Encodings and headers (SPEC section 2): UTF-8 with or without BOM and GB18030/GBK are
 * detected and reported per file; headers match canonical names or Chinese aliases in any
 * letter case and order; extra columns are city attributes in cities.csv and ignored elsewhere.
 */
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding } from "../src/index.js";
import { CITIES, evidenceDir, fileOf, gb18030, read, rejectsOf, removeTempDirs, utf8Bom } from "./support/evidence.js";

afterAll(removeTempDirs);

/** Every evidence file with Chinese headers and values, as Excel would save it. */
const CHINESE = {
  "cities.csv": "城市代码,城市名称,组别,人口（万人）,是否获评\na,甲市,东部,1200.5,1\nb,乙市,西部,300,否\n",
  "sites.csv": "测评轮次,城市代码,点位编号,点位类型,测评时间,测评员\n2024,a,菜市场1,market,2024-05-01,张三\n",
  "field.csv": "测评轮次,城市代码,点位编号,问题代码,问题数量,备注,照片\n2024,a,菜市场1,K1,2,东门积水，地面有垃圾,p1.jpg\n",
  "survey.csv": "测评轮次,城市代码,受访者编号,题号,答案\n2024,a,受访者1,Q1,A\n2024,a,受访者2,Q1,C\n",
  "documents.csv": "测评轮次,城市代码,标准编号,评定,评审人,备注\n2024,a,S3,达标,李四,材料齐全\n2024,a,S3,基本达标,王五,\n",
  "facts.csv": "测评轮次,城市代码,指标,数值\n2024,a,pm25,45.5\n2023,a,pm25,50\n",
};

/** Checks that the Chinese evidence above was read in full, whatever its encoding. */
async function expectChineseEvidenceRead(dir: string, encoding: string) {
  const evidence = await read(dir);
  expect(evidence.admission.rejects).toEqual([]);
  expect(evidence.files.map((f) => [f.name, f.encoding, f.rows, f.accepted, f.skipped])).toEqual([
    ["cities.csv", encoding, 2, 2, 0],
    ["sites.csv", encoding, 1, 1, 0],
    ["field.csv", encoding, 1, 1, 0],
    ["survey.csv", encoding, 2, 2, 0],
    ["documents.csv", encoding, 2, 2, 0],
    ["facts.csv", encoding, 2, 1, 1],
  ]);
  const { cities, byCity } = evidence.admission.evidence();
  expect(cities.get("a")).toEqual({
    cityId: "a",
    name: "甲市",
    peerGroup: "东部",
    attributes: { city_id: "a", name: "甲市", peer_group: "东部", "人口（万人）": 1200.5, 是否获评: 1 },
  });
  expect(cities.get("b")?.attributes.是否获评).toBe("否");
  const a = byCity.get("a");
  expect(a?.sites.get("菜市场1")).toEqual({ siteId: "菜市场1", siteType: "market", visitedAt: "2024-05-01", assessor: "张三" });
  expect(a?.field.get("菜市场1")?.get("K1")).toEqual({ count: 2, notes: ["东门积水，地面有垃圾"], photos: ["p1.jpg"] });
  expect(a?.answers.get("Q1")).toEqual(
    new Map([
      ["A", 1],
      ["C", 1],
    ]),
  );
  expect(a?.documents.get("S3")?.map((v) => [v.verdict, v.reviewer])).toEqual([
    ["met", "李四"],
    ["partial", "王五"],
  ]);
  expect(a?.facts.get("pm25")).toBe(45.5);
}

describe("encoding detection", () => {
  it("reads UTF-8 without a BOM and reports utf8", async () => {
    await expectChineseEvidenceRead(evidenceDir(CHINESE), "utf8");
  });

  it("reads UTF-8 with a BOM, the BOM not becoming part of the first column name, and reports utf8-bom", async () => {
    const files = Object.fromEntries(Object.entries(CHINESE).map(([name, text]) => [name, utf8Bom(text)]));
    await expectChineseEvidenceRead(evidenceDir(files), "utf8-bom");
  });

  it("reads GB18030 as Excel writes it on Chinese Windows, with Chinese header aliases, and reports gb18030", async () => {
    const files = Object.fromEntries(Object.entries(CHINESE).map(([name, text]) => [name, gb18030(text)]));
    await expectChineseEvidenceRead(evidenceDir(files), "gb18030");
  });

  it("reads GBK bytes (the subset of GB18030 older Excel writes)", async () => {
    const files = Object.fromEntries(Object.entries(CHINESE).map(([name, text]) => [name, iconv.encode(text, "gbk")]));
    await expectChineseEvidenceRead(evidenceDir(files), "gb18030");
  });

  it("reads GB18030 that begins with its byte-order mark 84 31 95 33", async () => {
    const bom = Buffer.from([0x84, 0x31, 0x95, 0x33]);
    const dir = evidenceDir({ "cities.csv": Buffer.concat([bom, gb18030("城市代码,城市名称\na,甲市\n")]) });
    const evidence = await read(dir);
    expect(fileOf(evidence, "cities.csv")).toMatchObject({ encoding: "gb18030", rows: 1, accepted: 1 });
    expect(evidence.admission.evidence().cities.get("a")?.name).toBe("甲市");
  });

  it("reports the encoding of each file on its own", async () => {
    const dir = evidenceDir({
      "cities.csv": utf8Bom(CITIES),
      "facts.csv": gb18030("测评轮次,城市代码,指标,数值\n2024,a,空气质量优良天数,300\n"),
      "survey.csv": "round,city_id,respondent_id,question_id,answer\n2024,a,r1,Q1,A\n",
    });
    const evidence = await read(dir);
    expect(evidence.files.map((f) => [f.name, f.encoding])).toEqual([
      ["cities.csv", "utf8-bom"],
      ["survey.csv", "utf8"],
      ["facts.csv", "gb18030"],
    ]);
    expect(evidence.admission.evidence().byCity.get("a")?.facts.get("空气质量优良天数")).toBe(300);
  });

  it("decodes a GB18030 character cut across the 64 KiB read chunks", async () => {
    // 甲 is two bytes in GB18030: the third 甲 starts one byte before the boundary.
    const before = "城市代码,城市名称,说明\na,甲市,";
    const padding = "x".repeat(64 * 1024 - 5 - gb18030(before).length);
    const bytes = gb18030(`${before}${padding}甲甲甲甲甲\nb,乙市,\n`);
    expect(gb18030(`${before}${padding}甲甲`).length).toBe(64 * 1024 - 1);
    const evidence = await read(evidenceDir({ "cities.csv": bytes }));
    expect(fileOf(evidence, "cities.csv")).toMatchObject({ encoding: "gb18030", rows: 2, accepted: 2 });
    expect(evidence.admission.evidence().cities.get("a")?.attributes.说明).toBe(`${padding}甲甲甲甲甲`);
  });

  it("decodes a UTF-8 character cut across the 64 KiB read chunks", async () => {
    // 甲 is three bytes in UTF-8: the second 甲 starts one byte before the boundary.
    const before = "city_id,name,note\na,甲市,";
    const padding = "x".repeat(64 * 1024 - 4 - Buffer.byteLength(before));
    const text = `${before}${padding}甲甲甲\nb,乙市,\n`;
    expect(Buffer.byteLength(`${before}${padding}甲`)).toBe(64 * 1024 - 1);
    const evidence = await read(evidenceDir({ "cities.csv": text }));
    expect(fileOf(evidence, "cities.csv")).toMatchObject({ encoding: "utf8", rows: 2, accepted: 2 });
    expect(evidence.admission.evidence().cities.get("a")?.attributes.note).toBe(`${padding}甲甲甲`);
  });
});

describe("a GB18030 file whose first bytes are all ASCII", () => {
  /** cities.csv: `ascii` rows of ASCII (about `ascii` × 17 bytes), then two cities with Chinese ids. */
  const lateChinese = (ascii: number) => {
    const rows = Array.from({ length: ascii }, (_, i) => `c${String(i).padStart(7, "0")},city${i}`);
    return gb18030(`city_id,name\n${rows.join("\n")}\n华1,华北市\n华2,华南市\n`);
  };

  it.each([
    ["read by one thread", 5_000], // ~85 KB: past the 64 KiB head
    ["read on worker threads", 300_000], // ~5 MB: past the first 1 MiB read of the planner
  ])("is still read as GB18030 when %s", async (_how, ascii) => {
    const bytes = lateChinese(ascii);
    const evidence = await read(evidenceDir({ "cities.csv": bytes }));
    expect(fileOf(evidence, "cities.csv")).toMatchObject({ encoding: "gb18030", rows: ascii + 2, accepted: ascii + 2, rejected: 0 });
    const { cities } = evidence.admission.evidence();
    expect(cities.get("华1")?.name).toBe("华北市");
    expect(cities.get("华2")?.name).toBe("华南市");
  });

  it("is utf8 when it is ASCII throughout", async () => {
    const evidence = await read(evidenceDir({ "cities.csv": "city_id,name\na,A\n" }));
    expect(fileOf(evidence, "cities.csv").encoding).toBe("utf8");
  });
});

describe("a UTF-8 file with a stray byte", () => {
  it("stays UTF-8, and the row holding the byte is rejected as malformed, naming the column", async () => {
    const bytes = Buffer.concat([Buffer.from("city_id,name\na,甲市\nb,乙市\nc,丙市\nd,"), Buffer.from([0xff]), Buffer.from("坏\n")]);
    const evidence = await read(evidenceDir({ "cities.csv": bytes }));
    expect(fileOf(evidence, "cities.csv")).toMatchObject({ encoding: "utf8", rows: 4, accepted: 3, rejected: 1 });
    expect(evidence.admission.evidence().cities.get("a")?.name).toBe("甲市");
    expect(rejectsOf(evidence, "cities.csv")).toMatchObject([
      { line: 5, code: "malformed_row", reason: expect.stringContaining("name holds bytes that are not valid in the file's encoding") },
    ]);
  });
});

describe("detectEncoding", () => {
  it("takes ASCII and valid UTF-8 for utf8", () => {
    expect(detectEncoding(Buffer.from("city_id,name\n"))).toBe("utf8");
    expect(detectEncoding(Buffer.from("城市代码,城市名称\n"))).toBe("utf8");
  });

  it("takes a leading EF BB BF for utf8-bom", () => {
    expect(detectEncoding(utf8Bom("城市代码"))).toBe("utf8-bom");
  });

  it("takes bytes that are not UTF-8 for gb18030", () => {
    expect(detectEncoding(gb18030("城市代码,城市名称\n"))).toBe("gb18030");
    expect(detectEncoding(Buffer.from([0x84, 0x31, 0x95, 0x33]))).toBe("gb18030");
  });

  it("tolerates a UTF-8 character cut at the end of the sample", () => {
    const bytes = Buffer.from("a,甲");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe("utf8");
  });
});

describe("headers", () => {
  it("match canonical names in any letter case and with surrounding spaces", async () => {
    const dir = evidenceDir({
      "cities.csv": " CITY_ID ,Name,Peer_Group\na,甲市,g1\n",
      "facts.csv": "ROUND,City_Id,FACT,Value\n2024,a,pm25,45\n",
    });
    const evidence = await read(dir);
    expect(evidence.admission.rejects).toEqual([]);
    expect(evidence.admission.evidence().cities.get("a")).toMatchObject({ name: "甲市", peerGroup: "g1" });
    expect(evidence.admission.evidence().byCity.get("a")?.facts.get("pm25")).toBe(45);
  });

  it("accept the other Chinese aliases (城市编号, 轮次, 评定结果, 审核人)", async () => {
    const dir = evidenceDir({
      "cities.csv": "城市编号,城市名称\na,甲市\n",
      "documents.csv": "轮次,城市编号,标准编号,评定结果,审核人\n2024,a,S3,未达标,赵六\n",
    });
    const evidence = await read(dir);
    expect(evidence.admission.rejects).toEqual([]);
    expect(evidence.admission.evidence().byCity.get("a")?.documents.get("S3")).toEqual([
      { verdict: "unmet", reviewer: "赵六", note: undefined },
    ]);
  });

  it("may come in any order, mixing canonical names and aliases", async () => {
    const dir = evidenceDir({
      "cities.csv": "组别,name,城市代码\ng1,甲市,a\n",
      "facts.csv": "数值,fact,城市代码,round\n45,pm25,a,2024\n",
      "survey.csv": "answer,题号,respondent_id,city_id,测评轮次\nB,Q1,r1,a,2024\n",
    });
    const evidence = await read(dir);
    expect(evidence.admission.rejects).toEqual([]);
    const { cities, byCity } = evidence.admission.evidence();
    expect(cities.get("a")).toMatchObject({ cityId: "a", name: "甲市", peerGroup: "g1" });
    expect(byCity.get("a")?.facts.get("pm25")).toBe(45);
    expect(byCity.get("a")?.answers.get("Q1")?.get("B")).toBe(1);
  });

  it("keep extra columns of cities.csv as attributes, numbers typed, empty values left out", async () => {
    const dir = evidenceDir({ "cities.csv": "city_id,name,titled,population,province,gdp\na,甲市,1,-3.5e2,浙江,\n" });
    const city = (await read(dir)).admission.evidence().cities.get("a");
    expect(city?.attributes).toEqual({ city_id: "a", name: "甲市", titled: 1, population: -350, province: "浙江" });
    expect(city?.peerGroup).toBeNull();
  });

  it("ignore extra columns of the other files", async () => {
    const dir = evidenceDir({
      "cities.csv": CITIES,
      "sites.csv": "round,city_id,site_id,site_type,weather\n2024,a,m1,market,晴\n",
      "field.csv": "round,city_id,site_id,check_id,count,inspector,score\n2024,a,m1,K1,2,张三,=1+1\n",
      "facts.csv": "round,city_id,fact,value,source\n2024,a,pm25,45,环保局\n",
    });
    const evidence = await read(dir);
    expect(evidence.admission.rejects).toEqual([]);
    expect(evidence.files.map((f) => f.accepted)).toEqual([2, 1, 1, 1]);
    const a = evidence.admission.evidence().byCity.get("a");
    expect(a?.sites.get("m1")).toEqual({ siteId: "m1", siteType: "market", visitedAt: undefined, assessor: undefined });
    expect(a?.facts).toEqual(new Map([["pm25", 45]]));
  });

  it("read a header without a trailing line break", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "facts.csv": "round,city_id,fact,value" });
    expect(fileOf(await read(dir), "facts.csv")).toMatchObject({ rows: 0, accepted: 0, skipped: 0, rejected: 0 });
  });

  it("trim values, a value that is only spaces being missing", async () => {
    const dir = evidenceDir({ "cities.csv": CITIES, "facts.csv": "round,city_id,fact,value\n 2024 , a , pm25 , 45 \n2024,a,  ,1\n" });
    const evidence = await read(dir);
    expect(evidence.admission.evidence().byCity.get("a")?.facts.get("pm25")).toBe(45);
    expect(rejectsOf(evidence, "facts.csv")).toEqual([
      { file: "facts.csv", line: 3, code: "missing_value", reason: "required value fact is empty", raw: "2024,a,  ,1" },
    ]);
  });
});

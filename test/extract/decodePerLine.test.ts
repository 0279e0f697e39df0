import * as fs from "fs";
import * as path from "path";
import { decodePlanBytes } from "../../src/core/decode";
import { extractCatalog } from "../../src/core/extract/index";

const SEED = fs.readFileSync(path.join(__dirname, "..", "..", "seeds", "001_bc9db3d026010e14.txt"));
/** GBK bytes of a text (TextDecoder only decodes): a reverse table of every two-byte code. */
function toGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe("decodePlanBytes, line by line (issue 13 item 10)", () => {
  it("keeps a UTF-8 plan with one invalid byte as UTF-8: the byte becomes U+FFFD, the line is named, every target is still found", () => {
    const lines = SEED.toString("utf8").split("\n");
    const damagedLine = lines.findIndex((line) => line.includes("到2027年")) + 1;
    const damaged = Buffer.concat(
      lines.map((line, index) =>
        Buffer.concat([Buffer.from(line), Buffer.from(index === damagedLine - 1 ? [0xff, 0x0a] : [0x0a])]),
      ),
    );
    const decoded = decodePlanBytes(damaged);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.warnings).toEqual([
      expect.stringMatching(new RegExp(`^第 ${damagedLine} 行有 1 个字节不是有效的 UTF-8，已替换为 �`)),
    ]);
    expect(decoded.text.split("\n")[damagedLine - 1]).toContain("\ufffd");
    const clean = extractCatalog(SEED.toString("utf8"), { cityName: "南平" }).targets;
    expect(extractCatalog(decoded.text, { cityName: "南平" }).targets.length).toBe(clean.length);
  });

  it("names at most five damaged lines and counts the rest", () => {
    const lines = SEED.toString("utf8").split("\n");
    const longLines = lines.flatMap((line, index) => (line.length > 200 ? [index] : [])).slice(0, 8);
    expect(longLines).toHaveLength(8);
    const damaged = Buffer.concat(
      lines.map((line, index) =>
        Buffer.concat([Buffer.from(line), Buffer.from(longLines.includes(index) ? [0xc0, 0x0a] : [0x0a])]),
      ),
    );
    const decoded = decodePlanBytes(damaged);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.warnings?.[0]).toMatch(
      new RegExp(
        `^第 ${longLines
          .slice(0, 5)
          .map((index) => index + 1)
          .join("、")} 等 8 行有 8 个字节不是有效的 UTF-8`,
      ),
    );
  });

  it("refuses a file whose first half is UTF-8 and second half GBK, naming the lines of each, instead of extracting a fraction", () => {
    const utf8Part = "到2025年，二手车交易量较2023年增长20%。\n到2026年，再生资源回收量达到30万吨。\n";
    const gbkPart = "到2027年，报废汽车回收量较2023年增加约一倍。\n到2027年，二手车交易量较2023年增长45%。\n";
    const decoded = decodePlanBytes(Buffer.concat([Buffer.from(utf8Part), toGbk(gbkPart)]));
    expect(decoded.encoding).toBe("binary");
    expect(decoded.text).toBe("");
    expect(decoded.warning).toMatch(
      /^文件混用了 UTF-8 和 GBK 两种编码（第 1–2 行是 UTF-8，第 3–4 行是 GBK）.*统一另存为 UTF-8/,
    );
  });

  it("refuses 南平's plan saved half as UTF-8 and half as GBK (the review read 4 of its 37 targets, silently)", () => {
    const lines = SEED.toString("utf8").split("\n");
    const half = Math.floor(lines.length / 2);
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, half).join("\n") + "\n"),
      toGbk(lines.slice(half).join("\n")),
    ]);
    const decoded = decodePlanBytes(bytes);
    expect(decoded.encoding).toBe("binary");
    expect(decoded.warning).toMatch(/^文件混用了 UTF-8 和 GBK 两种编码/);
    expect(extractCatalog(decoded.text).targets).toEqual([]);
  });

  it("still reads a GBK plan as GB18030, even where a short line happens to be valid UTF-8", () => {
    // 南平 in GBK (C4CF C6BD) is also a well-formed two-byte UTF-8 sequence: one such line must not make the file "mixed".
    const text = "南平\n到2027年，二手车交易量较2023年增长45%。\n到2027年，再生资源回收量达到30万吨。\n";
    const decoded = decodePlanBytes(toGbk(text));
    expect(decoded).toEqual({ text, encoding: "gb18030" });
    expect(extractCatalog(decoded.text).targets.map((target) => target.value)).toEqual([45, 30]);
  });

  it("reads each bundled plan saved as GBK as GB18030, to the very text of its UTF-8 file", () => {
    for (const file of fs
      .readdirSync(path.join(__dirname, "..", "..", "seeds"))
      .filter((name) => name.endsWith(".txt"))) {
      const text = fs.readFileSync(path.join(__dirname, "..", "..", "seeds", file), "utf8");
      const decoded = decodePlanBytes(toGbk(text));
      expect([file, decoded.encoding]).toEqual([file, "gb18030"]);
      expect(decoded.text).toBe(text);
    }
  });

  it("reads a valid UTF-8 file without warnings", () => {
    expect(decodePlanBytes(Buffer.from("到2027年，回收量达到30万吨。"))).toEqual({
      text: "到2027年，回收量达到30万吨。",
      encoding: "utf-8",
    });
  });
});

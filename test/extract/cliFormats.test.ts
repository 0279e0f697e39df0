import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../src/cli/commands/extract";
import { captureIo } from "../../src/cli/io";
import { wordFile } from "../readers/builders";

const PLAN_LINES = [
  "白云市推动大规模设备更新和消费品以旧换新实施方案",
  "二、重点任务",
  "3.推动二手车流通。到2027年，二手车交易量较2023年增长45%。",
  "附件",
];
const TABLE = [
  ["序号", "重点任务", "牵头单位", "配合单位"],
  ["3", "推动二手车流通", "市商务局", "市公安局"],
];

describe("liangxin extract on Word, web-page and old binary files", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-formats-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("extracts a .docx plan with its Word table's departments", async () => {
    fs.writeFileSync(path.join(dir, "plan.docx"), await wordFile([...PLAN_LINES, TABLE]));
    const io = captureIo(dir);
    expect(await run(["plan.docx", "--city", "白云"], io)).toBe(0);
    const catalog = JSON.parse(io.out);
    expect(
      catalog.targets.map((target: { value: number; lead: string; support: string[] }) => [
        target.value,
        target.lead,
        target.support,
      ]),
    ).toEqual([[45, "市商务局", ["市公安局"]]]);
  });

  it("extracts a web page with a table", async () => {
    const html = `<!DOCTYPE html><html><body><nav>首页 政务公开</nav>${PLAN_LINES.map((line) => `<p>${line}</p>`).join("")}
      <table>${TABLE.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("")}</table></body></html>`;
    fs.writeFileSync(path.join(dir, "plan.html"), html);
    const io = captureIo(dir);
    expect(await run(["plan.html", "--format", "table"], io)).toBe(0);
    expect(io.out).toMatch(/二手车交易量\s+市商务局/);
  });

  it("refuses an old .doc with a message to save it as .docx, exit 1, and no catalog", async () => {
    fs.writeFileSync(
      path.join(dir, "plan.doc"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    );
    const io = captureIo(dir);
    expect(await run(["plan.doc"], io)).toBe(1);
    expect(io.err).toMatch(/^liangxin extract: 无法读取 plan\.doc：这是旧版 Word\/WPS 二进制格式.*另存为 \.docx/);
    expect(io.out).toBe("");
  });

  it("puts a decoding repair into the catalog's warnings and on stderr", async () => {
    const plan = PLAN_LINES.join("\n") + "\n" + "到2027年，再生资源回收量达到30万吨以上。\n".repeat(5);
    fs.writeFileSync(path.join(dir, "damaged.txt"), Buffer.concat([Buffer.from(plan), Buffer.from([0xff])]));
    const io = captureIo(dir);
    expect(await run(["damaged.txt"], io)).toBe(0);
    expect(io.err).toContain("damaged.txt：第 10 行有 1 个字节不是有效的 UTF-8");
    expect(JSON.parse(io.out).warnings[0]).toMatch(/^第 10 行/);
  });
});

/**
 * The whole monthly round for 南平 over three months (issue 14), with the real programs: the office
 * workbook from `liangxin workbook`, handout files for every department, returned files filled as
 * departments would (one re-saved by LibreOffice as WPS-style users do, one with its sheet renamed
 * and rows inserted, one late, one with a bad row, one resubmitted), `liangxin collect`, and the
 * 通报 — whose every figure is compared with `liangxin check`'s JSON — rendered to PDF by
 * LibreOffice, with PNGs of its pages kept in test-artifacts/round/.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Catalog } from "../../src/core/catalog";
import { prepareTarget } from "../../src/core/check";
import { parseReportPeriod } from "../../src/core/period";
import { figuresAreRates, expectedAt } from "../../src/core/trajectory";
import { STATE_NAMESPACE, stateFromXml } from "../../src/workbook";
import { addCustomXmlPart, readCustomXmlParts } from "../../src/xlsx/customXml";

const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "bin/liangxin.js");
const ARTIFACTS = path.join(ROOT, "test-artifacts/round");
const MONTHS = ["2025-04", "2025-05", "2025-06"];

let work: string;
const cli = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: "utf8", timeout: 240000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

function soffice(args: string[]): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-round-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], {
      stdio: "pipe",
      timeout: 180000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Column index (1-based) of a header on a sheet's header row. */
function columnOf(sheet: ExcelJS.Worksheet, headerRow: number, header: string): number {
  const names = ID_HEADERS.includes(header) ? ID_HEADERS : [header];
  let found = 0;
  sheet.getRow(headerRow).eachCell((cell, column) => {
    if (
      !found &&
      names.includes(
        String(cell.value ?? "")
          .split("\n")[0]
          .trim(),
      )
    )
      found = column;
  });
  if (!found) throw new Error(`no column ${header} on ${sheet.name} row ${headerRow}`);
  return found;
}

/** The target-id column's header: 目标编号 in report tables, 编号 in 目标总表 (either, as the layout changes). */
const ID_HEADERS = ["目标编号", "编号", "序号/目标编号"];

function headerRowOf(sheet: ExcelJS.Worksheet, header: string): number {
  const names = ID_HEADERS.includes(header) ? ID_HEADERS : [header];
  for (let row = 1; row <= 40; row++) {
    let hit = false;
    sheet.getRow(row).eachCell(
      (cell) =>
        (hit ||= names.includes(
          String(cell.value ?? "")
            .split("\n")[0]
            .trim(),
        )),
    );
    if (hit) return row;
  }
  throw new Error(`no header ${header} on ${sheet.name}`);
}

/** How a department performs on a target: a fixed factor of the expected value, drifting month by month. */
function factorOf(department: string, targetId: string, monthIndex: number): number {
  let hash = 0;
  for (const char of department + targetId) hash = (hash * 31 + char.charCodeAt(0)) % 1009;
  const base = [0.62, 0.8, 0.93, 1.04, 1.15][hash % 5];
  const drift = [-0.06, 0, 0.05][hash % 3];
  return base + drift * monthIndex;
}

let catalog: Catalog;
let baselines: Map<string, number>;

/** Fills a handout as the department would: lead rows get a figure, support rows stay blank. */
async function fillHandout(
  file: string,
  period: string,
  monthIndex: number,
  edit?: (sheet: ExcelJS.Worksheet, header: number) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const header = headerRowOf(sheet, "目标编号");
  const idColumn = columnOf(sheet, header, "目标编号");
  const roleColumn = columnOf(sheet, header, "职责");
  const valueColumn = columnOf(sheet, header, "本期填报值");
  const problemsColumn = columnOf(sheet, header, "存在问题");
  const department = String(sheet.getCell("C2").value);
  sheet.getCell("G2").value = "张三";
  sheet.getCell("I2").value = "0599-8888888";
  sheet.getCell("L2").value = `${period}-08`;
  for (let row = header + 1; row <= sheet.rowCount; row++) {
    const id = String(sheet.getCell(row, idColumn).value ?? "");
    const target = catalog.targets.find((candidate) => candidate.id === id);
    if (!target || !String(sheet.getCell(row, roleColumn).value).startsWith("牵头")) continue;
    const plan = prepareTarget(target, baselines.get(id) ?? null);
    if (!plan.ready) continue;
    const expected = expectedAt(plan.specs[plan.defaultBasis], parseReportPeriod(period));
    const factor = factorOf(department, id, monthIndex);
    const value = plan.lowerIsBetter ? expected / factor : expected * factor;
    sheet.getCell(row, valueColumn).value = figuresAreRates(target)
      ? Math.round(value * 10000) / 10000
      : Math.round(value * 100) / 100;
    if (factor < 0.9) sheet.getCell(row, problemsColumn).value = "项目推进慢于预期";
  }
  edit?.(sheet, header);
  await workbook.xlsx.writeFile(file);
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-round-"));
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  expect(cli(["workbook", "--city", "南平", "-o", "office.xlsx"]).status).toBe(0);
  const officeFile = path.join(work, "office.xlsx");
  const [part] = await readCustomXmlParts(fs.readFileSync(officeFile), STATE_NAMESPACE);
  catalog = {
    plan: { government: "南平市人民政府", title: "", docNumber: null, date: null },
    targets: stateFromXml(part)?.targets ?? [],
    warnings: [],
  };
  // The office types the base-year figures (test data, not 南平's statistics) and a note, as in Excel (which keeps the saved catalog).
  baselines = new Map();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(officeFile);
  const targetsSheet = workbook.getWorksheet("目标总表") as ExcelJS.Worksheet;
  const header = headerRowOf(targetsSheet, "目标编号");
  const idColumn = columnOf(targetsSheet, header, "目标编号");
  const baselineColumn = columnOf(targetsSheet, header, "基期值");
  const notesColumn = columnOf(targetsSheet, header, "备注");
  for (let row = header + 1; row <= targetsSheet.rowCount; row++) {
    const id = String(targetsSheet.getCell(row, idColumn).value ?? "");
    const target = catalog.targets.find((candidate) => candidate.id === id);
    if (!target) continue;
    const blocked = prepareTarget(target, null);
    if (blocked.ready || blocked.code !== "missingBaseline") continue;
    // Below the target, as a plan's base year is: 60% of a level or share target, 1,000 of a growth one.
    const baseline =
      target.kind === "growth_vs_baseline" || target.normalizedValue === null
        ? figuresAreRates(target)
          ? 0.4
          : 1000
        : Math.round(target.normalizedValue * 0.6 * 1000) / 1000;
    targetsSheet.getCell(row, baselineColumn).value = baseline;
    baselines.set(id, baseline);
  }
  targetsSheet.getCell(header + 1, notesColumn).value = "办公室备注：基期值待统计局核实";
  let bytes: Buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  bytes = (await addCustomXmlPart(bytes, part)).bytes;
  fs.writeFileSync(officeFile, bytes);
}, 240000);

afterAll(() => {
  // LIANGXIN_KEEP_ROUND=1 keeps the office workbook, handouts and returned files for a look.
  if (work && !process.env.LIANGXIN_KEEP_ROUND) fs.rmSync(work, { recursive: true, force: true });
  else if (work) process.stderr.write(`round test files kept in ${work}\n`);
});

describe("the monthly round for 南平", () => {
  const collected: Record<
    string,
    {
      status: number | null;
      report: {
        appends: unknown[];
        replacements: Array<{ officeRow: number; previousValue: unknown; value: number }>;
        rejected: Array<{ file: string; row: number; reason: string }>;
        receipts: Array<{ department: string; period: string; state: string }>;
      };
    }
  > = {};

  it("hands out one file per responsible department each month, and collects them back", async () => {
    for (const [monthIndex, period] of MONTHS.entries()) {
      const out = `handout/${period}`;
      const result = cli(["handout", "--workbook", "office.xlsx", "--period", period, "-o", out]);
      expect(result.status).toBe(0);
      const files = fs.readdirSync(path.join(work, out)).filter((name) => name.endsWith(".xlsx"));
      expect(files.length).toBeGreaterThanOrEqual(20);
      const returned = path.join(work, out, "returned");
      fs.mkdirSync(returned);
      const late = path.join(work, out, "late");
      fs.mkdirSync(late);
      for (const name of files) {
        const source = path.join(work, out, name);
        // Support-only departments return nothing; the leads return their files.
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(source);
        let leads = 0;
        workbook.worksheets[0].eachRow((row) =>
          row.eachCell((cell) => (leads += String(cell.value).startsWith("牵头") ? 1 : 0)),
        );
        if (leads === 0) continue;
        const isLate = period === "2025-06" && name.includes("市卫生健康委");
        const destination = path.join(isLate ? late : returned, name);
        fs.copyFileSync(source, destination);
        await fillHandout(destination, period, monthIndex, (sheet, header) => {
          if (period === "2025-06" && name.includes("市住房城乡建设局")) {
            // A bad row: text where the figure belongs.
            const valueColumn = columnOf(sheet, header, "本期填报值");
            sheet.getCell(header + 1, valueColumn).value = "约300";
          }
          if (period === "2025-05" && name.includes("市商务局")) {
            // The department renames the sheet and inserts two rows of its own above the table.
            sheet.name = "商务局6月报";
            sheet.spliceRows(1, 0, ["商务局内部审核：已审"], []);
          }
        });
        if (period === "2025-04" && name.includes("市交通运输局")) {
          // Re-saved by another office suite (LibreOffice, as WPS users do).
          const resaved = path.join(work, out, "resaved");
          fs.mkdirSync(resaved, { recursive: true });
          soffice(["--convert-to", "xlsx", "--outdir", resaved, destination]);
          fs.copyFileSync(path.join(resaved, name), destination);
        }
      }
      const collect = cli(["collect", path.join(out, "returned"), "--into", "office.xlsx", "--format", "json"]);
      collected[period] = { status: collect.status, report: JSON.parse(collect.stdout) };
      if (period === "2025-06") {
        const lateCollect = cli(["collect", path.join(out, "late"), "--into", "office.xlsx", "--format", "json"]);
        collected["2025-06-late"] = { status: lateCollect.status, report: JSON.parse(lateCollect.stdout) };
      }
    }
    expect(collected["2025-04"].status).toBe(0);
    expect(collected["2025-04"].report.appends.length).toBeGreaterThan(10);
    // The renamed sheet with inserted rows was found by its headers.
    expect(collected["2025-05"].report.receipts).toContainEqual(
      expect.objectContaining({ department: "市商务局", period: "2025-05", state: "received" }),
    );
    // The bad row: rejected with its file, row and reason; the rest of that file is collected.
    const bad = collected["2025-06"].report.rejected;
    expect(bad).toHaveLength(1);
    expect(bad[0].file).toMatch(/市住房城乡建设局/);
    expect(bad[0].row).toBe(7);
    expect(bad[0].reason).toMatch(/约300/);
    expect(collected["2025-06"].status).toBe(2);
    // The late department is missing first, then received.
    expect(collected["2025-06"].report.receipts).toContainEqual(
      expect.objectContaining({ department: "市卫生健康委", state: "missing" }),
    );
    expect(collected["2025-06-late"].report.receipts).toContainEqual(
      expect.objectContaining({ department: "市卫生健康委", state: "received" }),
    );
    expect(collected["2025-06-late"].report.receipts).toContainEqual(
      expect.objectContaining({ department: "市商务局", state: "earlier" }),
    );
  }, 600000);

  it("never duplicates a collected row, and replaces a second submission only when asked", async () => {
    const again = cli(["collect", "handout/2025-05/returned", "--into", "office.xlsx", "--format", "json"]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).appends).toHaveLength(0);
    // 市交通运输局 corrects its May figures.
    const corrected = path.join(work, "handout/2025-05/second");
    fs.mkdirSync(corrected);
    const name = fs
      .readdirSync(path.join(work, "handout/2025-05/returned"))
      .find((file) => file.includes("市交通运输局")) as string;
    fs.copyFileSync(path.join(work, "handout/2025-05/returned", name), path.join(corrected, name));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(corrected, name));
    const sheet = workbook.worksheets[0];
    const header = headerRowOf(sheet, "目标编号");
    const valueColumn = columnOf(sheet, header, "本期填报值");
    let row = header + 1;
    while (typeof sheet.getCell(row, valueColumn).value !== "number") row++;
    const old = sheet.getCell(row, valueColumn).value as number;
    sheet.getCell(row, valueColumn).value = Math.round(old * 1.5 * 100) / 100;
    await workbook.xlsx.writeFile(path.join(corrected, name));

    const refused = cli(["collect", corrected, "--into", "office.xlsx", "--format", "json"]);
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stdout).rejected[0].reason).toMatch(/--replace/);
    const replaced = cli(["collect", corrected, "--into", "office.xlsx", "--replace"]);
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(new RegExp(`已替换[\\s\\S]*${old} → ${Math.round(old * 1.5 * 100) / 100}`));
  }, 300000);

  it("keeps what the office typed in other sheets and the saved catalog; LibreOffice computes the collected rows as the check does", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(work, "office.xlsx"));
    const targetsSheet = workbook.getWorksheet("目标总表") as ExcelJS.Worksheet;
    const header = headerRowOf(targetsSheet, "目标编号");
    expect(targetsSheet.getCell(header + 1, columnOf(targetsSheet, header, "备注")).value).toBe(
      "办公室备注：基期值待统计局核实",
    );
    const baselineColumn = columnOf(targetsSheet, header, "基期值");
    const idColumn = columnOf(targetsSheet, header, "目标编号");
    for (let row = header + 1; row <= targetsSheet.rowCount; row++) {
      const id = String(targetsSheet.getCell(row, idColumn).value ?? "");
      if (baselines.has(id)) expect(targetsSheet.getCell(row, baselineColumn).value).toBe(baselines.get(id));
    }
    expect(workbook.getWorksheet("收集记录")).toBeDefined();

    // LibreOffice opens the collected workbook and computes every collected row as the check does.
    const recalculated = path.join(work, "recalculated");
    soffice(["--convert-to", "xlsx", "--outdir", recalculated, path.join(work, "office.xlsx")]);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(path.join(recalculated, "office.xlsx"));
    const reports = lo.getWorksheet("月度填报") as ExcelJS.Worksheet;
    const reportHeader = headerRowOf(reports, "目标编号");
    const plain = (value: ExcelJS.CellValue): string => {
      if (value && typeof value === "object" && "result" in value) return String(value.result ?? "");
      if (value && typeof value === "object" && "richText" in value)
        return value.richText.map((part) => part.text).join("");
      return String(value ?? "");
    };
    const statusInSheet = new Map<string, string>();
    for (let row = reportHeader + 1; row <= reports.rowCount; row++) {
      const cells = ["期间", "部门", "目标编号", "状态"].map((header) =>
        plain(reports.getCell(row, columnOf(reports, reportHeader, header)).value),
      );
      if (cells[0]) statusInSheet.set(cells.slice(0, 3).join("|"), cells[3]);
    }
    const check = JSON.parse(
      cli(["check", "office.xlsx", "--baselines", "office.xlsx", "--format", "json"]).stdout,
    ) as {
      rows: Array<{ period: string; department: string; targetId: string; statusLabel: string }>;
    };
    expect(check.rows.length).toBeGreaterThan(90);
    for (const row of check.rows)
      expect(
        `${row.period}|${row.department}|${row.targetId} ${statusInSheet.get(`${row.period}|${row.department}|${row.targetId}`)}`,
      ).toBe(`${row.period}|${row.department}|${row.targetId} ${row.statusLabel}`);
    expect(await readCustomXmlParts(fs.readFileSync(path.join(work, "office.xlsx")), STATE_NAMESPACE)).toHaveLength(1);
  });

  it("writes the 通报 whose every figure is the check's, and renders it to PDF pages", async () => {
    const result = cli(["bulletin", "--workbook", "office.xlsx", "--period", "2025-06", "-o", "通报-2025年6月.docx"]);
    expect(result.status).toBe(0);
    const check = cli(["check", "office.xlsx", "--baselines", "office.xlsx", "--format", "json"]);
    const json = JSON.parse(check.stdout) as {
      departments: Array<{
        department: string;
        behind: number;
        atRisk: number;
        onTrack: number;
        worstGap: number | null;
      }>;
      behind: Array<{ department: string; targetId: string; gap: number; value: number; expected: number }>;
    };
    const docx = path.join(work, "通报-2025年6月.docx");
    const html = (await mammoth.convertToHtml({ path: docx })).value;
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((match) =>
      [...match[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
        [...row[1].matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, "").trim()),
      ),
    );
    const tableWith = (header: string): string[][] => tables.find((rows) => rows[0]?.includes(header)) as string[][];
    const overall = tableWith("本月");
    const behindTable = tableWith("连续落后月数");
    const league = tableWith("排名");
    const gapOf = (text: string): number => Number(text.replace("−", "-").replace("%", "").replace(/^\+/, "")) / 100;
    // League table: one line per department, the check's counts and worst gap, the check's order.
    expect(league.slice(1).map((row) => row[1])).toEqual(json.departments.map((line) => line.department));
    for (const [index, line] of json.departments.entries()) {
      const row = league[index + 1];
      expect([row[3], row[4], row[5]].map(Number)).toEqual([line.behind, line.atRisk, line.onTrack]);
      expect(Number(row[2])).toBe(line.behind + line.atRisk + line.onTrack);
      if (line.worstGap !== null) expect(Math.abs(gapOf(row[6]) - line.worstGap)).toBeLessThan(0.0005 + 1e-9);
    }
    // Overall counts: the sums of the league table.
    const sum = (key: "behind" | "atRisk" | "onTrack"): number =>
      json.departments.reduce((total, line) => total + line[key], 0);
    expect(overall.slice(1).map((row) => Number(row[1]))).toEqual([sum("behind"), sum("atRisk"), sum("onTrack")]);
    // Targets behind: the check's list, in its order, with its gaps.
    expect(behindTable.slice(1).map((row) => `${row[1]} ${row[3]}`)).toEqual(
      json.behind.map((line) => `${line.targetId} ${line.department}`),
    );
    for (const [index, line] of json.behind.entries())
      expect(Math.abs(gapOf(behindTable[index + 1][6]) - line.gap)).toBeLessThan(0.0005 + 1e-9);
    // The summary's figures.
    const text = (await mammoth.extractRawText({ path: docx })).value;
    expect(text).toContain(`正常${sum("onTrack")}项、预警${sum("atRisk")}项、落后于序时进度${sum("behind")}项`);
    expect(text).toMatch(/一、总体进展[\s\S]*二、落后目标[\s\S]*三、各部门情况[\s\S]*四、下步工作/);

    fs.copyFileSync(docx, path.join(ARTIFACTS, "通报-2025年6月.docx"));
    soffice(["--convert-to", "pdf", "--outdir", ARTIFACTS, docx]);
    const pdf = path.join(ARTIFACTS, "通报-2025年6月.pdf");
    expect(fs.existsSync(pdf)).toBe(true);
    execFileSync("pdftoppm", ["-r", "70", "-png", pdf, path.join(ARTIFACTS, "page")]);
    expect(fs.readdirSync(ARTIFACTS).filter((name) => name.startsWith("page")).length).toBeGreaterThanOrEqual(2);
    // --format pdf through LibreOffice; without --period, the latest month reported (June).
    const pdfRun = cli(["bulletin", "--workbook", "office.xlsx", "--format", "pdf", "-o", "latest.pdf"]);
    expect(pdfRun.status).toBe(0);
    expect(pdfRun.stderr).toContain("2025年6月");
    expect(fs.readFileSync(path.join(work, "latest.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    // One handout as the department sees it.
    const handout = fs
      .readdirSync(path.join(work, "handout/2025-06"))
      .find((name) => name.includes("市商务局")) as string;
    soffice(["--convert-to", "pdf", "--outdir", ARTIFACTS, path.join(work, "handout/2025-06", handout)]);
    execFileSync("pdftoppm", [
      "-r",
      "70",
      "-png",
      path.join(ARTIFACTS, handout.replace(/\.xlsx$/, ".pdf")),
      path.join(ARTIFACTS, "handout"),
    ]);
  }, 300000);
});

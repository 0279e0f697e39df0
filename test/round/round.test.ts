/** The monthly round's core rules (src/core/round). Every figure here is 示例数据, not a department's. */
import type { Catalog } from "../../src/core/catalog";
import { runReportCheck } from "../../src/core/check";
import type { ReturnedFile } from "../../src/core/round";
import {
  buildBulletin,
  catalogIdOf,
  departmentCut,
  findCatalogId,
  findRoundHeader,
  formatGap,
  planCollect,
  previousPeriod,
  reportKey,
  targetHistories,
  targetTrend,
} from "../../src/core/round";
import { exampleBaselines, exampleCatalog, reportTable } from "../check/helpers";

function catalogWithSupport(): Catalog {
  const catalog = exampleCatalog();
  catalog.targets[0].support = ["市发展改革委"];
  catalog.targets[2].leadInferred = true;
  return catalog;
}

const HANDOUT_HEADER = [
  "序号",
  "目标编号",
  "指标",
  "职责",
  "责任单位",
  "期间",
  "本期填报值",
  "口径",
  "上期值",
  "存在问题",
  "下步措施",
  "备注",
];

function returned(file: string, rows: unknown[][], catalogId: string | null, above: unknown[][] = []): ReturnedFile {
  return { file, catalogId, sheets: [{ name: "Sheet1", rows: [...above, HANDOUT_HEADER, ...rows] }] };
}

describe("catalogIdOf", () => {
  it("is the same for the same targets in any order, and differs when a target's figure changes", () => {
    const catalog = exampleCatalog();
    const id = catalogIdOf(catalog);
    expect(id).toMatch(/^LXC-[0-9A-F]{10}$/);
    expect(catalogIdOf({ targets: [...catalog.targets].reverse() })).toBe(id);
    const edited = exampleCatalog();
    edited.targets[0].value = 50;
    expect(catalogIdOf(edited)).not.toBe(id);
  });

  it("is found in any cell of a returned file", () => {
    expect(findCatalogId(["填报单位", null, 3, `目标清单校验码：${catalogIdOf(exampleCatalog())}`])).toBe(
      catalogIdOf(exampleCatalog()),
    );
    expect(findCatalogId(["no id here"])).toBeNull();
  });
});

describe("departmentCut", () => {
  it("gives each department its targets, lead or support marked, milestones left out", () => {
    const shares = departmentCut(catalogWithSupport());
    const commerce = shares.find((share) => share.department === "市商务局");
    expect(commerce?.targets.map((entry) => [entry.target.id, entry.role])).toEqual([
      ["示例-01", "lead"],
      ["示例-02", "lead"],
      ["示例-06", "lead"],
    ]);
    const reform = shares.find((share) => share.department === "市发展改革委");
    expect(reform?.targets.map((entry) => [entry.target.id, entry.role])).toEqual([
      ["示例-01", "support"],
      ["示例-08", "lead"],
      ["示例-09", "lead"],
    ]);
    expect(shares.find((share) => share.department === "市工业和信息化局")?.targets[0].inferred).toBe(true);
    expect(shares.some((share) => share.department === "市交通运输局")).toBe(false); // only a milestone
  });
});

describe("findRoundHeader", () => {
  it("finds the table below inserted rows, by its header names", () => {
    const rows = [["商务局内部审核"], [], [], ["标题"], HANDOUT_HEADER, ["1", "示例-01"]];
    expect(findRoundHeader(rows)).toEqual(
      expect.objectContaining({
        index: 4,
        dataStart: 5,
        columns: expect.objectContaining({ value: 6, problems: 9, previousValue: 8 }),
      }),
    );
  });
});

describe("planCollect", () => {
  const catalog = catalogWithSupport();
  const id = catalogIdOf(catalog);
  const options = { catalogId: id, collectedKeys: new Set<string>(), baselines: exampleBaselines() };
  const row = (target: string, value: unknown, department = "市商务局", period = "2025-06"): unknown[] => [
    1,
    target,
    "",
    "牵头",
    department,
    period,
    value,
    "",
    null,
    "进度偏慢",
    "加快推进",
    "",
  ];

  it("appends new rows, with row numbers as the department sees them, and rejects bad rows with file, row and reason", () => {
    const plan = planCollect(
      [returned("商务局.xlsx", [row("示例-01", 70), row("示例-02", "约300")], id, [["审核"]])],
      [],
      catalog,
      options,
    );
    expect(plan.appends.map((entry) => [entry.targetId, entry.value, entry.row, entry.problems])).toEqual([
      ["示例-01", 70, 3, "进度偏慢"],
    ]);
    expect(plan.rejected).toEqual([expect.objectContaining({ file: "商务局.xlsx", row: 4, code: "notANumber" })]);
    expect(plan.rejected[0].reason).toContain("约300");
  });

  it("refuses a file handed out from another workbook", () => {
    const plan = planCollect([returned("a.xlsx", [row("示例-01", 70)], "LXC-0000000000")], [], catalog, options);
    expect(plan.appends).toHaveLength(0);
    expect(plan.rejected[0]).toEqual(expect.objectContaining({ row: 0, code: "wrongCatalog" }));
  });

  it("does not duplicate a row already in 月度填报, and never overwrites one the office typed", () => {
    const office = [
      { row: 3, targetId: "示例-01", department: "商务局", period: "2025-06", value: 70, basis: null },
      { row: 4, targetId: "示例-02", department: "市商务局", period: "2025-06", value: 500, basis: null },
    ];
    const file = returned("b.xlsx", [row("示例-01", 70), row("示例-02", 600)], id);
    const plan = planCollect([file], office, catalog, { ...options, replace: true });
    expect(plan.appends).toHaveLength(0);
    expect(plan.replacements).toHaveLength(0);
    expect(plan.rejected).toEqual([expect.objectContaining({ row: 3, code: "differsFromTyped" })]);
    expect(plan.receipts.find((entry) => entry.department === "市商务局")).toEqual(
      expect.objectContaining({ unchanged: 1, rejected: 1 }),
    );
  });

  it("fills a row laid out for the report whose figure is still blank", () => {
    const office = [
      { row: 7, targetId: "示例-01", department: "市商务局", period: "2025-06", value: null, basis: null },
    ];
    const plan = planCollect([returned("d.xlsx", [row("示例-01", 70)], id)], office, catalog, options);
    expect(plan.appends).toEqual([expect.objectContaining({ officeRow: 7, value: 70 })]);
    expect(plan.rejected).toHaveLength(0);
  });

  it("replaces a collected row with a second submission only when asked, listing what it replaced", () => {
    const office = [
      { row: 9, targetId: "示例-02", department: "市商务局", period: "2025-06", value: 500, basis: null },
    ];
    const collectedKeys = new Set([reportKey("示例-02", "市商务局", "2025-06")]);
    const file = returned("second.xlsx", [row("示例-02", 600)], id);
    const refused = planCollect([file], office, catalog, { ...options, collectedKeys });
    expect(refused.rejected[0].code).toBe("differsFromCollected");
    expect(refused.rejected[0].reason).toContain("--replace");
    const replaced = planCollect([file], office, catalog, { ...options, collectedKeys, replace: true });
    expect(replaced.replacements).toEqual([
      expect.objectContaining({ officeRow: 9, previousValue: 500, value: 600, file: "second.xlsx" }),
    ]);
  });

  it("takes two files of one batch in order: the later replaces the earlier only with --replace", () => {
    const first = returned("first.xlsx", [row("示例-01", 60)], id);
    const second = returned("second.xlsx", [row("示例-01", 65)], id);
    expect(planCollect([first, second], [], catalog, options).rejected[0].code).toBe("differsInBatch");
    const plan = planCollect([first, second], [], catalog, { ...options, replace: true });
    expect(plan.appends.map((entry) => [entry.value, entry.file])).toEqual([[65, "second.xlsx"]]);
  });

  it("reports each department as received, collected earlier or missing for the period", () => {
    const office = [{ row: 3, targetId: "示例-03", department: "市工信局", period: "2025-06", value: 1, basis: null }];
    const plan = planCollect([returned("c.xlsx", [row("示例-01", 70)], id)], office, catalog, options);
    const state = (department: string): string | undefined =>
      plan.receipts.find((entry) => entry.department === department)?.state;
    expect(state("市商务局")).toBe("received");
    expect(state("市工业和信息化局")).toBe("earlier");
    expect(state("市发展改革委")).toBe("missing");
  });
});

describe("history", () => {
  const catalog = exampleCatalog();
  const check = (rows: unknown[][]) =>
    runReportCheck([reportTable("月度填报", rows)], catalog, { baselines: exampleBaselines(), forecastRows: "all" });

  it("counts consecutive months behind and the trend since last month", () => {
    // 示例-05: 400 公里 by 2027 from 2024: 8.33 公里 a month expected; these are far behind, then less so.
    const result = check([
      ["2025-04", "市住房和城乡建设局", "示例-05", 50],
      ["2025-05", "市住房和城乡建设局", "示例-05", 45],
      ["2025-06", "市住房和城乡建设局", "示例-05", 110],
    ]);
    const [history] = targetHistories(result.rows, "2025-06");
    expect(history.monthsBehind).toBe(3);
    expect(history.trend).toBe("improved");
    expect(targetHistories(result.rows, "2025-05")[0].trend).toBe("worsened");
    expect(history.months.map((row) => row.period)).toEqual(["2025-04", "2025-05", "2025-06"]);
  });

  it("says noReport when the department has not reported this month, and a missing month ends the run", () => {
    const result = check([
      ["2025-03", "市住房和城乡建设局", "示例-05", 10],
      ["2025-05", "市住房和城乡建设局", "示例-05", 20],
    ]);
    const [history] = targetHistories(result.rows, "2025-06");
    expect(history.trend).toBe("noReport");
    expect(history.monthsBehind).toBe(1);
    expect(targetTrend(history.current, null, "2025-05")).toBe("new");
  });

  it("steps back over the year end", () => {
    expect(previousPeriod("2025-01")).toBe("2024-12");
  });
});

describe("buildBulletin", () => {
  const catalog = exampleCatalog();
  const rows = [
    ["2025-05", "市商务局", "示例-01", 50],
    ["2025-06", "市商务局", "示例-01", 55],
    ["2025-06", "市商务局", "示例-06", 6],
    ["2025-06", "市住房和城乡建设局", "示例-05", 160],
    ["2025-07", "市住房和城乡建设局", "示例-05", 1],
  ];
  const result = runReportCheck([reportTable("月度填报", rows)], catalog, {
    baselines: exampleBaselines(),
    forecastRows: "all",
  });
  const bulletin = buildBulletin(result, catalog, { period: "2025-06" });

  it("counts as the check does, ignoring months after the period", () => {
    const upToJune = runReportCheck([reportTable("月度填报", rows.slice(0, 4))], catalog, {
      baselines: exampleBaselines(),
    });
    expect(
      bulletin.league.map((line) => [line.department, line.counts.behind, line.counts.atRisk, line.counts.onTrack]),
    ).toEqual(upToJune.departments.map((line) => [line.department, line.behind, line.atRisk, line.onTrack]));
    expect(bulletin.behind.map((line) => [line.targetId, line.gap])).toEqual(
      upToJune.behind.map((line) => [line.targetId, line.gap]),
    );
  });

  it("names the lead departments that did not report, and writes the summary from the figures", () => {
    expect(bulletin.missingDepartments).toEqual(expect.arrayContaining(["市工业和信息化局", "市发展改革委"]));
    expect(bulletin.missingDepartments).not.toContain("市商务局");
    const { onTrack, atRisk, behind } = bulletin.counts;
    expect(bulletin.summary).toContain(`正常${onTrack}项、预警${atRisk}项、落后于序时进度${behind}项`);
    expect(bulletin.title).toBe("示例市推动大规模设备更新和消费品以旧换新目标任务进展情况通报（2025年6月）");
  });

  it("formats gaps with one decimal and a true minus sign", () => {
    expect(formatGap(-0.15147)).toBe("−15.1%");
    expect(formatGap(0.0004)).toBe("0.0%");
  });
});

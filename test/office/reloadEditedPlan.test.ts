import * as fs from "fs";
import { loadCatalogIntoWorkbook, type LoadOptions } from "../../src/office/excel/sheetBuilder";
import type { Catalog } from "../../src/core/catalog";
import { extractCatalog } from "../../src/core/extract";
import { stateFromXml } from "../../src/workbook/workbookState";
import { bareNameDefinitions } from "../../src/office/functions/names";
import { renderWorkbook, sheetByKey } from "../../src/workbook";
import { createFakeExcel, type FakeExcel } from "../../measure/fakeExcel";

const OPTIONS: LoadOptions = { render: renderWorkbook, bareNames: () => bareNameDefinitions("LX"), city: "南平" };
const TARGETS = "目标总表";
const REPORTS = "月度填报";

const seed = extractCatalog(fs.readFileSync("seeds/001_bc9db3d026010e14.txt", "utf8"), { cityName: "南平" });
// The same plan with one headline clause inserted (新能源汽车销量较2023年增长50%) before 报废汽车回收量.
const editedText = fs.readFileSync("test/fixtures/nanping-edited.txt", "utf8");
const edited = (): Catalog => extractCatalog(editedText, { cityName: "南平" });

/** 0-based column of a 目标总表 column, from the template (so the test follows the layout). */
const targetsTable = sheetByKey(renderWorkbook(seed, { flavour: "addin" }).sheets, "targets").table!;
const column = (key: string) => targetsTable.columns.findIndex((candidate) => candidate.key === key);
const reportsTable = sheetByKey(renderWorkbook(seed, { flavour: "addin" }).sheets, "reports").table!;
const reportColumn = (key: string) => reportsTable.columns.findIndex((candidate) => candidate.key === key);

/** 1-based rows of 目标总表 whose 指标 is `indicator`. */
function rowsOf(excel: FakeExcel, indicator: string): number[] {
  const rows: number[] = [];
  for (let row = targetsTable.firstDataRow; row < targetsTable.firstDataRow + 60; row++)
    if (excel.cell(TARGETS, row, column("indicator")) === indicator) rows.push(row);
  return rows;
}

describe("reloading an edited plan", () => {
  it("keeps the baseline typed on 报废汽车回收量 on that target, whatever its new position, and lists what it renamed", async () => {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, seed, OPTIONS);
    const [scrapRow] = rowsOf(excel, "报废汽车回收量");
    expect(excel.cell(TARGETS, scrapRow, column("id"))).toBe("南平-05");
    excel.type(TARGETS, scrapRow, column("baseline"), 12000);
    excel.type(TARGETS, scrapRow, column("notes"), "2023年商务部门统计");
    excel.type(REPORTS, 3, reportColumn("period"), "2025-06");
    excel.type(REPORTS, 3, reportColumn("department"), "市商务局");
    excel.type(REPORTS, 3, reportColumn("targetId"), "南平-05");
    excel.type(REPORTS, 3, reportColumn("reportedValue"), 7000);

    const result = await loadCatalogIntoWorkbook(excel.context, edited(), OPTIONS);

    const [scrapAfter] = rowsOf(excel, "报废汽车回收量");
    expect(excel.cell(TARGETS, scrapAfter, column("id"))).toBe("南平-05");
    expect(excel.cell(TARGETS, scrapAfter, column("baseline"))).toBe(12000);
    expect(excel.cell(TARGETS, scrapAfter, column("notes"))).toBe("2023年商务部门统计");
    // The inserted target is new: a fresh id above the old maximum, no baseline of anyone else's.
    const [nevRow] = rowsOf(excel, "新能源汽车销量");
    const freshId = `南平-${seed.targets.length + 1}`;
    expect(excel.cell(TARGETS, nevRow, column("id"))).toBe(freshId);
    expect(excel.cell(TARGETS, nevRow, column("baseline"))).toBe("");
    // The report still names 南平-05, which still is 报废汽车回收量.
    expect(excel.cell(REPORTS, 3, reportColumn("targetId"))).toBe("南平-05");
    expect(result.ids.added).toEqual([freshId]);
    expect(result.ids.removed).toEqual([]);
    expect(result.ids.renamed).toContainEqual({ from: "南平-06", to: "南平-05" });
    expect(result.keptTargetIds).toEqual([]);
    expect(result.catalog.targets.find((target) => target.indicator === "报废汽车回收量")?.id).toBe("南平-05");
    expect(stateFromXml(excel.stateXml)?.targets.find((target) => target.id === "南平-05")?.indicator).toBe(
      "报废汽车回收量",
    );

    // Loading the edited plan again (its extractor ids unchanged) is stable: nothing new, nothing moved.
    const again = await loadCatalogIntoWorkbook(excel.context, edited(), OPTIONS);
    expect(again.ids.added).toEqual([]);
    expect(excel.cell(TARGETS, rowsOf(excel, "报废汽车回收量")[0], column("baseline"))).toBe(12000);
    expect(excel.cell(TARGETS, rowsOf(excel, "新能源汽车销量")[0], column("id"))).toBe(freshId);
  });

  it("keeps a plan cell the user corrected, flags it 已修改 and gives the plan's value for the pane", async () => {
    const excel = createFakeExcel();
    await loadCatalogIntoWorkbook(excel.context, seed, OPTIONS);
    const [scrapRow] = rowsOf(excel, "报废汽车回收量");
    const writtenLead = excel.cell(TARGETS, scrapRow, column("lead"));
    excel.type(TARGETS, scrapRow, column("lead"), "市发展和改革委员会");
    excel.type(TARGETS, scrapRow, column("targetValue"), 24000); // a formula replaced by a number

    const reloaded = await loadCatalogIntoWorkbook(excel.context, seed, OPTIONS);
    expect(
      reloaded.catalogEdits.map((edit) => [edit.targetId, edit.columnKey, edit.written, edit.current, edit.reloaded]),
    ).toEqual([
      ["南平-05", "lead", writtenLead, "市发展和改革委员会", writtenLead],
      ["南平-05", "targetValue", expect.stringMatching(/^=/), 24000, expect.stringMatching(/^=/)],
    ]);
    expect(reloaded.catalogEdits[0].address).toBe(`${targetsTable.columns[column("lead")].letter}${scrapRow}`);
    // The user's values stand, and the row says so.
    expect(excel.cell(TARGETS, scrapRow, column("lead"))).toBe("市发展和改革委员会");
    expect(excel.cell(TARGETS, scrapRow, column("targetValue"))).toBe(24000);
    expect(excel.cell(TARGETS, scrapRow, column("catalogState"))).toBe("已修改：牵头单位、目标值");

    // An edited plan that moves the target: the corrections follow it; a further reload keeps them again.
    await loadCatalogIntoWorkbook(excel.context, edited(), OPTIONS);
    const [movedRow] = rowsOf(excel, "报废汽车回收量");
    expect(movedRow).not.toBe(scrapRow);
    expect(excel.cell(TARGETS, movedRow, column("lead"))).toBe("市发展和改革委员会");
    expect(excel.cell(TARGETS, movedRow, column("targetValue"))).toBe(24000);
    expect(excel.cell(TARGETS, movedRow, column("catalogState"))).toBe("已修改：牵头单位、目标值");
    // The row the target left holds its new occupant's own values.
    expect(excel.cell(TARGETS, scrapRow, column("lead"))).not.toBe("市发展和改革委员会");
  });

  it("reports no edits and no renames on a plain first load", async () => {
    const result = await loadCatalogIntoWorkbook(createFakeExcel().context, seed, OPTIONS);
    expect(result.ids).toEqual({ renamed: [], added: [], removed: [] });
    expect(result.catalogEdits).toEqual([]);
  });
});

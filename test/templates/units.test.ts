import * as fs from "fs";
import { extractCatalog } from "../../src/core/extract";
import { columnIndex, renderWorkbook, sheetByKey } from "../../src/workbook";
import type { RenderedSheet } from "../../src/workbook";
import { recalculate } from "../helpers/hyperformula";

const nanping = extractCatalog(fs.readFileSync("seeds/001_bc9db3d026010e14.txt", "utf8"), { cityName: "南平" });
const recycled = nanping.targets.find((target) => target.indicator === "再生资源回收量")!; // 30万吨 → 300000 吨
const scrap = nanping.targets.find((target) => target.indicator === "报废汽车回收量")!; // growth: 增加约一倍
const share = nanping.targets.find((target) => target.kind === "share")!;

/** A1 of a table column in the row of a target (target-keyed tables) or a data row index (free rows). */
function ref(sheet: RenderedSheet, key: string, row: string | number): string {
  const table = sheet.table!;
  const column = table.columns.find((candidate) => candidate.key === key)!;
  const index = typeof row === "number" ? row : table.rowKeys.indexOf(row);
  return `${column.letter}${table.firstDataRow + index}`;
}

/** The rendered cell of a table column in a row (the table block starts in column A). */
const cellValue = (sheet: RenderedSheet, key: string, row: string | number) => {
  const address = ref(sheet, key, row);
  const rowIndex = Number(address.replace(/^[A-Z]+/, "")) - 1;
  const block = sheet.blocks.find(
    (candidate) =>
      candidate.column === 0 && candidate.row <= rowIndex && candidate.row + candidate.cells.length > rowIndex,
  )!;
  return block.cells[rowIndex - block.row][columnIndex(address.replace(/\d+$/, ""))];
};

describe("units of figures in the workbook", () => {
  // A short 月度填报 keeps HyperFormula quick: the unit lookups read its first rows only.
  const workbook = renderWorkbook(nanping, { flavour: "builtin", reportRows: 12 });
  const targets = sheetByKey(workbook.sheets, "targets");
  const trajectory = sheetByKey(workbook.sheets, "trajectory");
  const reports = sheetByKey(workbook.sheets, "reports");

  it("shows the unit to type next to 基期值: 吨 for a 万吨 target, % for a share, 自定 for a growth target", () => {
    const keys = targets.table!.columns.map((column) => column.key);
    expect(keys.indexOf("unitOfFigures")).toBe(keys.indexOf("baseline") - 1);
    expect(cellValue(targets, "unit", recycled.id)).toBe("万吨"); // the plan's unit stays, as written
    expect(cellValue(targets, "unitOfFigures", recycled.id)).toBe("吨");
    expect(cellValue(targets, "normalizedValue", recycled.id)).toBe(300000);
    expect(cellValue(targets, "unitOfFigures", share.id)).toBe("%");
    expect(cellValue(targets, "unitOfFigures", scrap.id)).toBe("自定");
  });

  it("says in the 基期值 and 计量单位 notes which unit to type", () => {
    const noteOf = (key: string) =>
      targets.notes.find(
        (note) => note.cell === `${ref(targets, key, 0).replace(/\d+$/, "")}${targets.table!.headerRow}`,
      )?.text ?? "";
    expect(noteOf("baseline")).toContain("计量单位");
    expect(noteOf("baseline")).not.toContain("单位同「单位」");
    expect(noteOf("unitOfFigures")).toContain("30万吨 → 300000 吨");
  });

  it("formats shares as percentages, row by row", () => {
    const formatOf = (address: string) =>
      [...targets.numberFormats].reverse().find((format) => inRange(address, format.range))?.format;
    expect(formatOf(ref(targets, "baseline", share.id))).toBe("0.0%");
    expect(formatOf(ref(targets, "baseline", recycled.id))).toBe("#,##0.00");
    expect(formatOf(ref(targets, "normalizedValue", recycled.id))).toBe("#,##0");
    const trajectoryFormat = (address: string) =>
      [...trajectory.numberFormats].reverse().find((format) => inRange(address, format.range))?.format;
    expect(trajectoryFormat(ref(trajectory, "expected2025", share.id))).toBe("0.0%");
  });

  it("shows 吨, not 万吨, beside 年度轨迹's values of 再生资源回收量", () => {
    const table = trajectory.table!;
    expect(table.columns.find((column) => column.key === "unit")?.header).toBe("计量单位");
    expect(cellValue(trajectory, "unit", recycled.id)).toBe("吨");
  });

  describe("computed without the add-in (HyperFormula)", () => {
    const hf = recalculate(workbook, ["budget"]);
    const at = (sheet: RenderedSheet, address: string) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      return { sheet: hf.getSheetId(sheet.name)!, col: columnIndex(match[1]), row: Number(match[2]) - 1 };
    };
    const type = (sheet: RenderedSheet, key: string, row: string | number, value: string | number) =>
      hf.setCellContents(at(sheet, ref(sheet, key, row)), value);
    const read = (sheet: RenderedSheet, key: string, row: string | number) =>
      hf.getCellValue(at(sheet, ref(sheet, key, row)));

    it("flags a baseline typed in the plan's unit (20 for 20万吨 against 300000 吨): 可能单位不一致", () => {
      type(targets, "baseline", recycled.id, 20);
      expect(read(targets, "targetValue", recycled.id)).toBe(300000);
      expect(read(targets, "unitCheck", recycled.id)).toBe("可能单位不一致");
      type(targets, "baseline", recycled.id, 200000);
      expect(read(targets, "unitCheck", recycled.id)).toBe("");
    });

    it("flags a share typed as 45 rather than 45%, and leaves growth targets alone", () => {
      type(targets, "baseline", share.id, 45);
      expect(read(targets, "unitCheck", share.id)).toBe("可能单位不一致");
      type(targets, "baseline", share.id, 0.45);
      expect(read(targets, "unitCheck", share.id)).toBe("");
      type(targets, "baseline", scrap.id, 12000);
      expect(read(targets, "unitCheck", scrap.id)).toBe("");
    });

    it("colours the flagged baseline (conditional format on 基期值 keyed to 单位核对)", () => {
      const baselineRange = targets.conditionalFormats.find((format) =>
        format.range.startsWith(ref(targets, "baseline", 0).replace(/\d+$/, "")),
      );
      expect(baselineRange?.rules[0].formula).toBe(
        `=$${ref(targets, "unitCheck", 0).replace(/\d+$/, "")}${targets.table!.firstDataRow}<>""`,
      );
    });

    it("looks the unit up by target id in 月度填报", () => {
      type(reports, "targetId", 0, recycled.id);
      expect(read(reports, "unitOfFigures", 0)).toBe("吨");
      type(reports, "targetId", 1, "南平-99");
      expect(read(reports, "unitOfFigures", 1)).toBe("");
      expect(read(reports, "unitOfFigures", 2)).toBe("");
    });
  });
});

function inRange(address: string, range: string): boolean {
  const parse = (cell: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
    return { column: columnIndex(match[1]), row: Number(match[2]) };
  };
  const [from, to = from] = range.split(":").map(parse);
  const cell = parse(address);
  return cell.column >= from.column && cell.column <= to.column && cell.row >= from.row && cell.row <= to.row;
}

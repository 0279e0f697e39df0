/** Department identity in the check: one department, several spellings (review finding 7, /tmp/rv/dept.csv). */
import { runReportCheck } from "../../src/core/check";
import { departmentNames, governmentLevel } from "../../src/core/check/departments";
import type { Catalog } from "../../src/core/catalog";
import { exampleBaselines, exampleCatalog, reportTable } from "./helpers";

describe("governmentLevel", () => {
  it("reads the level from the issuing government's name", () => {
    expect(governmentLevel("南平市人民政府")).toBe("city");
    expect(governmentLevel("广州市白云区人民政府")).toBe("district");
    expect(governmentLevel("新郑县人民政府")).toBe("county");
    expect(governmentLevel("河南省人民政府")).toBe("province");
    expect(governmentLevel("宁夏回族自治区人民政府")).toBe("region");
    expect(governmentLevel("嵩原省交通运输厅")).toBe("province");
    expect(governmentLevel("")).toBe("city");
  });
});

describe("departmentNames", () => {
  it("gives a county plan's departments the 县 prefix", () => {
    const catalog: Catalog = {
      ...exampleCatalog(),
      plan: { government: "示例县人民政府", title: "", docNumber: null, date: null },
    };
    expect(departmentNames(catalog).canonical("商务局")).toBe("县商务局");
  });
});

describe("runReportCheck: department spellings", () => {
  // 示例数据: the spellings of /tmp/rv/dept.csv, against the example catalog (a city plan).
  const dept = reportTable("dept.csv", [
    ["2025-06", "市工信局", "示例-03", 200000, ""],
    ["2025-06", "市工业和信息化局", "示例-04", 0.42, ""],
    ["2025-06", "市商务局 ", "示例-02", 1100, ""],
    ["2025-06", "商务局", "示例-02", 1100, ""],
  ]);

  it("puts 市工信局 and 市工业和信息化局 on one league row", () => {
    const result = runReportCheck([dept], exampleCatalog(), { baselines: exampleBaselines() });
    const names = result.departments.map((entry) => entry.department);
    expect(names.filter((name) => name === "市工业和信息化局")).toHaveLength(1);
    expect(names).not.toContain("市工信局");
    expect(names).not.toContain("商务局");
    const industry = result.departments.find((entry) => entry.department === "市工业和信息化局");
    expect((industry?.behind ?? 0) + (industry?.atRisk ?? 0) + (industry?.onTrack ?? 0)).toBe(2);
  });

  it("catches 商务局 and 市商务局 reporting the same target and month as a duplicate, naming both spellings", () => {
    const result = runReportCheck([dept], exampleCatalog(), { baselines: exampleBaselines() });
    const duplicate = result.notes.find((note) => note.code === "duplicateKept");
    expect(duplicate).toMatchObject({ file: "dept.csv", row: 5 });
    expect(duplicate?.reason).toContain("“商务局”与“市商务局”按同一部门计");
    expect(result.rows.filter((row) => row.targetId === "示例-02")).toHaveLength(1);
  });

  it("keeps the spelling as written on each checked row", () => {
    const result = runReportCheck([dept], exampleCatalog(), { baselines: exampleBaselines() });
    expect(result.rows.find((row) => row.targetId === "示例-03")).toMatchObject({
      department: "市工业和信息化局",
      departmentAsWritten: "市工信局",
    });
  });

  it("rejects two spellings reporting different values as a conflicting duplicate", () => {
    const table = reportTable("a.csv", [
      ["2025-06", "市商务局", "示例-02", 1100, ""],
      ["2025-06", "商务局", "示例-02", 1200, ""],
    ]);
    const result = runReportCheck([table], exampleCatalog(), { baselines: exampleBaselines() });
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([
      [2, "conflictingDuplicate"],
      [3, "conflictingDuplicate"],
    ]);
  });

  it("notes (does not reject) a department that is not responsible for the target, once per department and target", () => {
    const table = reportTable("a.csv", [
      ["2025-05", "市住建局", "示例-02", 900, ""],
      ["2025-06", "市住建局", "示例-02", 1100, ""],
      ["2025-06", "市商务局", "示例-02", 1100, ""],
    ]);
    const result = runReportCheck([table], exampleCatalog(), { baselines: exampleBaselines() });
    expect(result.errors).toEqual([]);
    const notes = result.notes.filter((note) => note.code === "departmentNotResponsible");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ row: 2 });
    expect(notes[0].reason).toContain("部门“市住建局”不是目标“示例-02”的牵头或配合单位（方案中为：市商务局）");
    expect(result.rows).toHaveLength(3);
  });
});

describe("runReportCheck: duplicates that differ only in 口径", () => {
  it("says 口径不同, not 数值不同, and names a row that really differs", () => {
    // Rows 2 and 4: same value, different 口径; row 3: another value.
    const table = reportTable("a.csv", [
      ["2025-06", "市商务局", "示例-02", 1100, ""],
      ["2025-06", "市商务局", "示例-02", 1200, ""],
      ["2025-06", "市商务局", "示例-02", 1100, "时点"],
    ]);
    const result = runReportCheck([table], exampleCatalog(), { baselines: exampleBaselines() });
    expect(result.errors.map((error) => [error.row, error.code])).toEqual([
      [2, "conflictingDuplicate"],
      [3, "conflictingDuplicate"],
      [4, "conflictingDuplicate"],
    ]);
    // Every 数值不同 reason points at a row with another value.
    expect(result.errors[0].reason).toContain("第3行");
    expect(result.errors[2].reason).toContain("第3行");
  });

  it("rejects a same-value pair with different 口径 as 口径不同", () => {
    const table = reportTable("a.csv", [
      ["2025-06", "市商务局", "示例-02", 1100, ""],
      ["2025-06", "市商务局", "示例-02", 1100, "时点"],
    ]);
    const result = runReportCheck([table], exampleCatalog(), { baselines: exampleBaselines() });
    expect(result.errors.map((error) => error.code)).toEqual(["conflictingBasis", "conflictingBasis"]);
    expect(result.errors[0].reason).toContain("口径不同");
    expect(result.errors[0].reason).not.toContain("数值不同");
    expect(result.notes.filter((note) => note.code === "duplicateKept")).toEqual([]);
  });
});

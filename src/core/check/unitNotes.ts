/**
 * Notes (not rejections) on report rows whose value looks typed in another unit than the target's
 * unit of figures: 24 reported for 再生资源回收量 (300000 吨) was most likely meant as 24 万吨.
 */
import type { Catalog } from "../catalog";
import type { Locale } from "../i18n";
import { REPORT_UNIT_RATIO, baseUnitOf, differsByFactor, unitFactorOf, unitOfFigures } from "../units";
import { figuresAreRates } from "../trajectory";
import type { CheckedRow, RowIssue } from "./types";

/** 12500 → "12,500"; 0.5 → "0.5": a ratio to two significant digits, as a reader would say it. */
function roughly(quotient: number): string {
  return Number(quotient.toPrecision(2)).toLocaleString("en-US");
}

function reasonFor(row: CheckedRow, unit: string | null, figuresUnit: string | null, locale: Locale): string {
  const zh = locale === "zh-CN";
  const larger = row.value >= row.expected;
  const quotient = roughly(larger ? row.value / row.expected : row.expected / row.value);
  const value = roughly(row.value);
  const expected = roughly(row.expected);
  const factor = unitFactorOf(unit);
  let hint: string;
  if (figuresUnit === null) {
    hint = zh ? "请与基期值使用同一单位" : "use the baseline's unit";
  } else if (unit && factor !== 1 && baseUnitOf(unit) === figuresUnit) {
    hint = zh
      ? `请按计量单位“${figuresUnit}”填写（方案单位为“${unit}”，1${unit} = ${factor.toLocaleString("en-US")}${figuresUnit}）`
      : `type it in ${figuresUnit}, the unit of figures (the plan says ${unit}; 1 ${unit} = ${factor.toLocaleString("en-US")} ${figuresUnit})`;
  } else {
    hint = zh ? `请按计量单位“${figuresUnit}”填写` : `type it in ${figuresUnit}, the unit of figures`;
  }
  if (zh)
    return `填报值 ${value} 是轨迹值 ${expected} 的 ${larger ? `${quotient} 倍` : `1/${quotient}`}，可能单位不一致：${hint}`;
  return `reported ${value} is ${larger ? `${quotient} times` : `1/${quotient} of`} the trajectory value ${expected}; units may differ: ${hint}`;
}

/**
 * Rows whose reported value is REPORT_UNIT_RATIO (1000) times the trajectory value or more, or
 * that fraction of it or less — the size of a 万 (10⁴) or 千 (10³) slip between the plan's unit
 * and its base unit. Shares and rates are left out (85 for 85% is already read as 0.85).
 *
 * @param rows checked rows (value and expected in the target's base unit)
 * @param catalog the catalog the rows were checked against (for each target's unit)
 * @param locale language of the reasons
 * @returns one note per such row, code "unitMismatch"
 * @example unitMismatchNotes([{ targetId: "南平-34", value: 24, expected: 150000, … }], catalog)[0].reason
 * // → "填报值 24 是轨迹值 230,000 的 1/9,700，可能单位不一致：请按计量单位“吨”填写（方案单位为“万吨”，1万吨 = 10,000吨）"
 */
export function unitMismatchNotes(rows: readonly CheckedRow[], catalog: Catalog, locale: Locale = "zh-CN"): RowIssue[] {
  const targets = new Map(catalog.targets.map((target) => [target.id, target]));
  const notes: RowIssue[] = [];
  for (const row of rows) {
    const target = targets.get(row.targetId);
    if (!target || figuresAreRates(target) || !differsByFactor(row.value, row.expected, REPORT_UNIT_RATIO)) continue;
    notes.push({
      file: row.file,
      row: row.row,
      code: "unitMismatch",
      reason: reasonFor(row, target.unit, unitOfFigures(target), locale),
    });
  }
  return notes;
}

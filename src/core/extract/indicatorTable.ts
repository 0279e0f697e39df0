/**
 * Targets in an indicator table (重点指标表 / 目标任务表), as plans append them in tab-separated
 * text exports:
 *
 *   序号	指标	单位	2023年	2027年目标	责任单位
 *   5	报废汽车回收量	万辆	18	36以上	省商务厅
 *
 * The header names the columns: the indicator, one or more targets (each its year from 2027年目标:
 * 2025年目标 | 2027年目标 are two targets of the same indicator), and optionally the unit, a
 * base-year column (never a target) and the departments. The unit may also sit in the
 * indicator's bracket (城市公交车新能源化比例（%）) or in the cell itself (45%).
 */
import type { Comparator, TargetKind } from "../catalog";
import { RATIO_UNITS, readUnit } from "./numbers";
import { comparatorOf } from "./lexicon";
import { type FoundTarget, type TargetScanOptions } from "./targets";
import { lineSpans, tabCells } from "./text";

/** A target read from a table row, with the row's department cell (null when none). */
export interface TableTarget {
  target: FoundTarget;
  departments: string | null;
}

interface Columns {
  indicator: number;
  /** Every target column, in column order, with its year (null for 目标值: the plan's horizon). */
  targets: Array<{ index: number; year: number | null }>;
  unit: number;
  departments: number;
  baseYear: number | null;
}

const INDICATOR_HEADER = /^(?:主要|重点)?(?:指标|指标名称|目标任务|任务指标)$/;
const TARGET_HEADER = /^(?:([0-9]{4})年?(?:目标|目标值|预期目标|预期值)|目标值|预期目标|目标)$/;
const UNIT_HEADER = /^(?:单位|计量单位)$/;
const DEPARTMENT_HEADER = /责任单位|牵头单位|责任部门|牵头部门/;
const BASE_HEADER = /^([0-9]{4})年?(?:基数|基期值|现状值|实际值|完成值)?$/;
const CELL = /^(约|不低于|不少于|超过|≥|>=|>|≤|<=)?([0-9][0-9,]*(?:\.[0-9]+)?)/;
const CELL_SUFFIX = /^(?:（含）)?(及以上|以上|及以下|以下|以内|左右|多)/;
const GROWTH_INDICATOR = /增速|增长|增幅|较[0-9]{4}年|提高|下降|降低/;
const CUMULATIVE_INDICATOR = /累计|更新|改造|淘汰|新建|建成|完成|新增|加装|报废|建设/;

/** A column headed by a year alone (2025年): a target or the base, by where the year falls. */
const YEAR_HEADER = /^([0-9]{4})年?$/;

/**
 * The columns of a header row. Columns headed by a year alone (2023年 | 2025年 | 2027年), in a
 * table with no 目标 column, are targets from the plan's first year on; an earlier year (the
 * plan's base, often the first column) is the base. When the plan states no first year, the
 * earliest of two or more year columns is the base.
 */
function readColumns(cells: readonly string[], options: TargetScanOptions): Columns | null {
  const indicator = cells.findIndex((cell) => INDICATOR_HEADER.test(cell));
  const targets: Columns["targets"] = [];
  cells.forEach((cell, index) => {
    const yearMatch = index === indicator ? null : TARGET_HEADER.exec(cell);
    if (yearMatch) targets.push({ index, year: yearMatch[1] ? Number(yearMatch[1]) : null });
  });
  if (indicator >= 0 && targets.length === 0) {
    const yearColumns = cells.flatMap((cell, index) => {
      const year = YEAR_HEADER.exec(cell);
      return year ? [{ index, year: Number(year[1]) }] : [];
    });
    const firstPlanYear =
      options.planStartYear ??
      options.periodStartYear ??
      (yearColumns.length >= 2 ? Math.min(...yearColumns.map((column) => column.year)) + 1 : null);
    if (firstPlanYear !== null) targets.push(...yearColumns.filter((column) => column.year >= firstPlanYear));
  }
  if (indicator < 0 || targets.length === 0) return null;
  const baseIndex = cells.findIndex(
    (cell, index) => !targets.some((target) => target.index === index) && BASE_HEADER.test(cell),
  );
  return {
    indicator,
    targets,
    unit: cells.findIndex((cell) => UNIT_HEADER.test(cell)),
    departments: cells.findIndex((cell) => DEPARTMENT_HEADER.test(cell)),
    baseYear: baseIndex >= 0 ? Number(BASE_HEADER.exec(cells[baseIndex])?.[1]) : null,
  };
}

function kindOf(indicator: string, unit: string): TargetKind {
  if (RATIO_UNITS.has(unit))
    return unit === "倍" || unit.endsWith("百分点") || GROWTH_INDICATOR.test(indicator)
      ? "growth_vs_baseline"
      : "share";
  if (/每年|年均/.test(indicator)) return "annual";
  if (/累计/.test(indicator)) return "cumulative";
  // 报废汽车回收量, 二手车交易量: a measured volume to reach, whatever the activity words.
  if (/(?:量|规模|数量|产值|额)$/.test(indicator.replace(/（[^（）]*）$/, ""))) return "level";
  return CUMULATIVE_INDICATOR.test(indicator) ? "cumulative" : "level";
}

/**
 * Reads the targets of every indicator table in cleaned plan text.
 *
 * @param text - cleaned plan text (tab-separated rows, one per line)
 * @param options - the plan's horizon (for a 目标值 column with no year) and start year
 * @returns one target per row and target column with a number and a unit, with the row's department cell
 * @example
 * findTableTargets("序号\t指标\t单位\t2027年目标\n1\t二手车交易量\t万辆\t120以上", { horizonYear: 2027, planStartYear: 2024 })[0].target.value // → 120
 */
export function findTableTargets(text: string, options: TargetScanOptions): TableTarget[] {
  const found: TableTarget[] = [];
  let columns: Columns | null = null;
  for (const { start: lineStart, end: lineEnd } of lineSpans(text)) {
    const line = text.slice(lineStart, lineEnd);
    if (!line.includes("\t")) {
      columns = null;
    } else {
      const cells = tabCells(line);
      const header = readColumns(
        cells.map((cell) => cell.text),
        options,
      );
      if (header) columns = header;
      else if (columns) {
        for (const { index, year } of columns.targets) {
          const row = readRow(cells, columns, index, year, lineStart, lineEnd, options);
          if (row) found.push(row);
        }
      }
    }
  }
  return found;
}

function readRow(
  cells: ReadonlyArray<{ text: string; start: number }>,
  columns: Columns,
  targetColumn: number,
  targetYear: number | null,
  lineStart: number,
  lineEnd: number,
  options: TargetScanOptions,
): TableTarget | null {
  const indicatorCell = cells[columns.indicator]?.text ?? "";
  const targetCell = cells[targetColumn];
  if (!targetCell || indicatorCell === "") return null;
  const match = CELL.exec(targetCell.text);
  if (!match) return null;
  const value = Number(match[2].replace(/,/g, ""));
  const afterNumber = match[0].length;
  // The unit: in the cell (45%, 2.8万辆), else the unit column, else the indicator's bracket.
  const bracket = /（([^（）]{1,6})）$/.exec(indicatorCell);
  const unitColumn = columns.unit >= 0 ? (cells[columns.unit]?.text ?? "") : "";
  const whole = (candidate: string): ReturnType<typeof readUnit> => {
    const unit = readUnit(candidate, 0);
    return unit && unit.unit === candidate ? unit : null;
  };
  const cellUnit = readUnit(targetCell.text, afterNumber);
  const bracketUnit = bracket ? whole(bracket[1]) : null;
  const unit = cellUnit ?? whole(unitColumn) ?? bracketUnit;
  if (!unit) return null;
  const unitInCell = cellUnit !== null;
  const suffix = CELL_SUFFIX.exec(targetCell.text.slice(afterNumber + (unitInCell ? unit.unit.length : 0)));
  const prefix = match[1] ?? null;
  const comparator: Comparator =
    prefix === "≥" || prefix === ">="
      ? ">="
      : prefix === ">"
        ? ">"
        : prefix === "≤" || prefix === "<="
          ? "<="
          : comparatorOf(prefix, suffix?.[1] ?? "");
  // 城市公交车新能源化比例（%） → 城市公交车新能源化比例: the bracket held only the unit.
  const indicator = (bracket && unit === bracketUnit ? indicatorCell.slice(0, bracket.index) : indicatorCell).slice(
    0,
    40,
  );
  const kind = kindOf(indicatorCell, unit.unit);
  const ownBase = /较([0-9]{4})年/.exec(indicatorCell);
  // Cleaned text has no spaces, so a cell's text starts at its offset.
  const numberStart = lineStart + targetCell.start + (prefix?.length ?? 0);
  return {
    target: {
      kind,
      comparator,
      value,
      unit: unit.unit,
      normalizedValue: Math.round(value * unit.factor * 1e9) / 1e9,
      baseYear: kind === "growth_vs_baseline" ? (ownBase ? Number(ownBase[1]) : columns.baseYear) : null,
      startYear: kind === "cumulative" || kind === "annual" ? options.planStartYear : null,
      targetYear: targetYear ?? options.horizonYear,
      indicator,
      // The whole row is the source: a reader sees the indicator, base and target together.
      start: lineStart,
      end: lineEnd,
      anchor: numberStart,
    },
    departments: columns.departments >= 0 ? cells[columns.departments]?.text || null : null,
  };
}

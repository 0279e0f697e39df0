/** Output of `liangxin check`: the terminal table and JSON (the .xlsx report is in checkXlsx.ts, loaded only when asked for). */
import type { CheckResult } from "../../core/check";
import type { Locale } from "../../core/i18n";

export type Labels = Record<
  | "summary"
  | "league"
  | "behindList"
  | "errors"
  | "notes"
  | "department"
  | "behind"
  | "atRisk"
  | "onTrack"
  | "worstGap"
  | "targetsBehind"
  | "targetId"
  | "indicator"
  | "period"
  | "value"
  | "expected"
  | "gap"
  | "runRate"
  | "file"
  | "row"
  | "column"
  | "reason"
  | "none"
  | "more"
  | "rows"
  | "status"
  | "basis"
  | "gapAbs"
  | "targetValue"
  | "baseline"
  | "forecast"
  | "forecastLow"
  | "forecastHigh"
  | "probability"
  | "example"
  | "charts"
  | "chartTitle",
  string
>;

export const LABELS: Record<Locale, Labels> = {
  "zh-CN": {
    summary: "月报检查",
    league: "部门预警（最差在前）",
    behindList: "落后目标",
    errors: "退回的行",
    notes: "提示",
    department: "部门",
    behind: "落后",
    atRisk: "预警",
    onTrack: "正常",
    worstGap: "最大差距",
    targetsBehind: "落后目标编号",
    targetId: "目标编号",
    indicator: "指标",
    period: "期间",
    value: "填报值",
    expected: "轨迹值",
    gap: "差距",
    runRate: "所需月均进度",
    file: "文件",
    row: "行",
    column: "列",
    reason: "原因",
    none: "（无）",
    more: "另有 {n} 行未列出，见 --format json 或 xlsx",
    rows: "全部行",
    status: "状态",
    basis: "口径",
    gapAbs: "差距（绝对值）",
    targetValue: "目标值",
    baseline: "基期值",
    forecast: "预测目标年值",
    forecastLow: "预测下限",
    forecastHigh: "预测上限",
    probability: "达标概率",
    example: "示例数据",
    charts: "落后目标图表",
    chartTitle: "{department} {targetId} {indicator}：填报值与轨迹",
  },
  "en-US": {
    summary: "Monthly report check",
    league: "Departments (worst first)",
    behindList: "Targets behind",
    errors: "Rejected rows",
    notes: "Notes",
    department: "Department",
    behind: "Behind",
    atRisk: "At risk",
    onTrack: "On track",
    worstGap: "Worst gap",
    targetsBehind: "Targets behind",
    targetId: "Target id",
    indicator: "Indicator",
    period: "Period",
    value: "Value",
    expected: "Trajectory",
    gap: "Gap",
    runRate: "Required per month",
    file: "File",
    row: "Row",
    column: "Column",
    reason: "Reason",
    none: "(none)",
    more: "{n} more not listed; see --format json or xlsx",
    rows: "All rows",
    status: "Status",
    basis: "Basis",
    gapAbs: "Gap (absolute)",
    targetValue: "Target value",
    baseline: "Baseline",
    forecast: "Forecast (target year)",
    forecastLow: "Forecast low",
    forecastHigh: "Forecast high",
    probability: "Probability of target",
    example: "Example data",
    charts: "Charts",
    chartTitle: "{department} {targetId} {indicator}: reported vs trajectory",
  },
};

/** Rows of rejected rows and notes shown on the terminal before pointing to the full output. */
const TERMINAL_LIST_LIMIT = 100;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1;
  return width;
}

/** ESC-introduced sequences (CSI, OSC and the rest) and the other C0/C1 controls. */
const TERMINAL_CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?|[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from report cells as the terminal may show it: escape sequences removed (a cell holding
 * "\x1b]0;…" must not retitle the window or recolour the table), other controls as spaces.
 * @example terminalText("市商务局\u001b[31m") // "市商务局"
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (match) => (match.startsWith("\u001b") ? "" : " "));
}

function renderTable(header: string[], cells: string[][]): string {
  const rows = cells.map((row) => row.map(terminalText));
  const widths = header.map((cell, column) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ""))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell + " ".repeat(widths[column] - displayWidth(cell)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

const percent = (value: number | null): string => (value === null ? "" : `${(value * 100).toFixed(1)}%`);
const number = (value: number | null): string => (value === null ? "" : Number(value.toPrecision(6)).toString());

/**
 * The terminal report: league table, targets behind, rejected rows and notes.
 * @param result the check result
 * @param locale label language
 */
export function formatCheckTable(result: CheckResult, locale: Locale): string {
  const l = LABELS[locale];
  const parts: string[] = [];
  parts.push(`${l.league}\n`);
  parts.push(
    result.departments.length === 0
      ? `${l.none}\n`
      : renderTable(
          [l.department, l.behind, l.atRisk, l.onTrack, l.worstGap, l.targetsBehind],
          result.departments.map((entry) => [
            entry.department,
            String(entry.behind),
            String(entry.atRisk),
            String(entry.onTrack),
            percent(entry.worstGap),
            entry.targetsBehind.join(" "),
          ]),
        ),
  );
  parts.push(`\n${l.behindList}\n`);
  parts.push(
    result.behind.length === 0
      ? `${l.none}\n`
      : renderTable(
          [l.department, l.targetId, l.indicator, l.period, l.value, l.expected, l.gap, l.runRate],
          result.behind.map((entry) => [
            entry.department,
            entry.targetId,
            entry.indicator,
            entry.period,
            number(entry.value),
            number(entry.expected),
            percent(entry.gap),
            number(entry.runRate),
          ]),
        ),
  );
  for (const [title, list] of [
    [l.errors, result.errors],
    [l.notes, result.notes],
  ] as const) {
    if (list.length === 0 && list === result.notes) continue;
    parts.push(`\n${title}\n`);
    if (list.length === 0) {
      parts.push(`${l.none}\n`);
      continue;
    }
    parts.push(
      renderTable(
        [l.file, l.row, l.column, l.reason],
        list
          .slice(0, TERMINAL_LIST_LIMIT)
          .map((entry) => [entry.file, entry.row ? String(entry.row) : "", entry.column ?? "", entry.reason]),
      ),
    );
    if (list.length > TERMINAL_LIST_LIMIT)
      parts.push(l.more.replace("{n}", String(list.length - TERMINAL_LIST_LIMIT)) + "\n");
  }
  return parts.join("");
}

/** Array elements serialised per chunk when streaming JSON (bounded memory for 100,000 rows). */
const JSON_CHUNK_ITEMS = 2000;

/**
 * JSON output, streamed: `rows`, `departments`, `behind`, `errors`, `notes`, `summary`, one array
 * element per line (100,000 rows stay readable with line tools and a third the size of fully
 * indented JSON), handed to `write` in chunks so no single 40 MB string is built.
 * @param result the check result
 * @param write receives consecutive chunks of the document
 */
export function writeCheckJson(result: CheckResult, write: (chunk: string) => void): void {
  const entries = Object.entries(result);
  write("{\n");
  entries.forEach(([key, value], index) => {
    const comma = index < entries.length - 1 ? "," : "";
    if (!Array.isArray(value)) {
      write(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`);
      return;
    }
    if (value.length === 0) {
      write(`  ${JSON.stringify(key)}: []${comma}\n`);
      return;
    }
    write(`  ${JSON.stringify(key)}: [\n`);
    for (let start = 0; start < value.length; start += JSON_CHUNK_ITEMS) {
      const end = Math.min(start + JSON_CHUNK_ITEMS, value.length);
      const lines: string[] = [];
      for (let item = start; item < end; item++)
        lines.push("    " + JSON.stringify(value[item]) + (item < value.length - 1 ? ",\n" : "\n"));
      write(lines.join(""));
    }
    write(`  ]${comma}\n`);
  });
  write("}\n");
}

/** The whole JSON document as one string (see writeCheckJson). */
export function formatCheckJson(result: CheckResult): string {
  const chunks: string[] = [];
  writeCheckJson(result, (chunk) => chunks.push(chunk));
  return chunks.join("");
}

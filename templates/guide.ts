/** 说明: how to use the workbook, what each status means, the plan, where the targets come from, and the tolerance setting. */
import { DEFAULT_TOLERANCE } from "../src/core/status";
import { STATUS_LABELS } from "../src/core/i18n";
import { STATUS_COLOURS, SHEET_NAMES } from "../src/workbook/model";
import type { CellContent, RenderedStyle, SheetContext, SheetTemplate } from "../src/workbook/model";

/** The status tolerance cell (referenced absolutely by every status formula). */
export const TOLERANCE_CELL = "B3";

export const guideSheet: SheetTemplate = {
  key: "guide",
  frozen: { rows: 0, columns: 0 },
  extras: (ctx: SheetContext) => {
    const { plan } = ctx.catalog;
    const text = ctx.text;
    const status = (code: "onTrack" | "atRisk" | "behind"): string =>
      `${STATUS_LABELS["zh-CN"][code]}（${STATUS_LABELS["en-US"][code]}）`;
    const rows: CellContent[][] = [
      [plan.title || text("两新目标工作簿", "两新 targets workbook"), null],
      [text("设置", "Settings"), null],
      [text("状态容差", "Status tolerance"), DEFAULT_TOLERANCE],
      [null, null],
      [text("方案", "Plan"), null],
      [text("发文机关", "Issued by"), plan.government || null],
      [text("标题", "Title"), plan.title || null],
      [text("文号", "Document number"), plan.docNumber],
      [text("日期", "Date"), plan.date],
      [text("目标数", "Targets"), ctx.catalog.targets.length],
      [null, null],
      [text("目标从哪里来", "Where the targets come from"), null],
      [
        null,
        text(
          "目标由 liangxin 从方案原文逐条提取；「目标总表」的「原文条款」列保留提出每个目标的原句，请核对。牵头单位为推断时（原文未写明）以原文为准。",
          "Each target was extracted from the plan's text by liangxin; the 原文条款 column of 目标总表 keeps the clause that states it — please check. Where the lead department was inferred, the text prevails.",
        ),
      ],
      [text("使用步骤", "How to use"), null],
      [
        null,
        text(
          "1. 在「目标总表」填写各目标的基期值（2023年实际数），按「计量单位」列的单位（如 吨，不是方案中的 万吨）。目标值与年均增速自动计算。",
          "1. In 目标总表, type each target's baseline (2023 actual) in the unit of the 计量单位 column (e.g. 吨, not the plan's 万吨). Target value and required growth compute.",
        ),
      ],
      [
        null,
        text(
          "2. 在「年度轨迹」查看 2023—2027 年应达到的数值，可填写每年实际数；选择目标编号查看图表。",
          "2. 年度轨迹 shows the value due each year 2023–2027; type yearly actuals; pick a target ID for the chart.",
        ),
      ],
      [
        null,
        text(
          "3. 各部门每月在「月度填报」填写：期间（如 2025-06）、部门、目标编号、填报值、口径。",
          "3. Each month departments fill 月度填报: period (e.g. 2025-06), department, target ID, value, basis.",
        ),
      ],
      [
        null,
        text(
          "4. 「部门预警」按部门汇总最新一期的落后、预警、正常目标数和最差差距。",
          "4. 部门预警 counts each department's targets behind / at risk / on track in their latest reports.",
        ),
      ],
      [text("状态含义", "Statuses"), null],
      [status("behind"), text("差距低于 −容差（默认 −10%）。", "Gap below −tolerance (default −10%).")],
      [status("atRisk"), text("差距在 −容差 与 0 之间。", "Gap between −tolerance and 0.")],
      [
        status("onTrack"),
        text(
          "填报值达到或超过轨迹值（目标低于基期值的下降类目标：不高于轨迹值）。",
          "Reported value at or above the trajectory (at or below it for a target below its baseline).",
        ),
      ],
      [
        text("缺基期值", "No baseline"),
        text(
          "增长、水平、比重类目标需要基期值才能计算轨迹；本工作簿从不猜测基期值。",
          "Growth, level and share targets need a baseline; this workbook never guesses one.",
        ),
      ],
      [
        text("期外", "Outside plan"),
        text(
          "填报期间早于起始年或晚于目标年：不计算差距，不计入部门预警（与命令行检查一致）。",
          "A period before the start year or after the target year: no gap, left out of 部门预警 (as the command-line check rejects it).",
        ),
      ],
      [
        text("重复冲突", "Conflicting duplicate"),
        text(
          "同一部门、目标、期间填报了不同数值或口径：各行都不计入，请核实后保留一行。完全相同的重复只计一次。",
          "The same department, target and period reported with different values or bases: none of the rows counts until one is kept. Identical duplicates count once.",
        ),
      ],
      [text("轨迹定义", "Trajectory"), null],
      [
        null,
        text(
          "增长类（流量）与水平类（存量）按复合增长路径 B·(T/B)^((y−y0)/(y1−y0))；月度流量按年初至今累计（当年值 × 月数/12）；存量按月末时点；比重按百分点线性变化；累计类从起始年年初的 0 按月等额增至目标年年末；每年类每年重新计算；年均增长率目标的目标值为 基期值 ×（1+增速）^年数，沿同一复合路径。",
          "Growth (flows) and level (stocks) follow B·(T/B)^((y−y0)/(y1−y0)); monthly flows are year-to-date (the year's value × m/12); stocks at month-end; shares move linearly in points; cumulative targets rise in equal monthly steps from 0 at the start of the start year to the target at the end of the target year; per-year targets restart each year; an average-annual-growth target aims at baseline × (1 + rate)^years on the same compound path.",
        ),
      ],
      [
        text("公式", "Formulas"),
        ctx.flavour === "builtin"
          ? text(
              "本文件只用 Excel 内置函数（RRI、POWER、COUNTIFS、MINIFS 等），可在 Excel、WPS、LibreOffice 中计算，无需加载项。",
              "This file uses Excel built-ins only (RRI, POWER, COUNTIFS, MINIFS …): it computes in Excel, WPS and LibreOffice without the add-in.",
            )
          : text(
              "本工作簿使用 liangxin 加载项的自定义函数（TRAJECTORY、TARGET_GAP、TARGET_STATUS、LAGGARDS 等）。",
              "This workbook uses the liangxin add-in's custom functions (TRAJECTORY, TARGET_GAP, TARGET_STATUS, LAGGARDS …).",
            ),
      ],
    ];
    if (ctx.exampleData) {
      rows.push([
        text("示例数据", "Example data"),
        text(
          "标有「示例数据」的行是演示用的虚构数字，使用前请删除。",
          "Rows marked 示例数据 are made-up demonstration figures: delete them before use.",
        ),
      ]);
    }
    for (const warning of ctx.catalog.warnings) rows.push([text("提取提示", "Extraction note"), warning]);
    const styleRows = (label: string): RenderedStyle[] =>
      rows.flatMap((row, index) =>
        row[0] === label ? [{ range: `A${index + 1}`, bold: true } satisfies RenderedStyle] : [],
      );
    const statusRow = (code: "onTrack" | "atRisk" | "behind"): RenderedStyle => {
      const index = rows.findIndex((row) => row[0] === status(code));
      return {
        range: `A${index + 1}`,
        fill: STATUS_COLOURS[code].fill,
        fontColor: STATUS_COLOURS[code].font,
        bold: true,
      };
    };
    return {
      blocks: [{ row: 0, column: 0, cells: rows }],
      columnWidths: { A: 22, B: 100 },
      numberFormats: [{ range: TOLERANCE_CELL, format: "0%" }],
      styles: [
        { range: "A1", bold: true, fontSize: 14 },
        ...[
          text("设置", "Settings"),
          text("方案", "Plan"),
          text("目标从哪里来", "Where the targets come from"),
          text("使用步骤", "How to use"),
          text("状态含义", "Statuses"),
          text("轨迹定义", "Trajectory"),
        ].flatMap(styleRows),
        { range: TOLERANCE_CELL, fill: "FFFFF2CC" },
        { range: `B1:B${rows.length}`, wrap: true },
        statusRow("behind"),
        statusRow("atRisk"),
        statusRow("onTrack"),
      ],
      notes: [
        {
          cell: TOLERANCE_CELL,
          text: text(
            "差距低于 −容差 为落后；可修改（如 0.05 表示 5%）。",
            "A gap below −tolerance is behind; editable (0.05 = 5%).",
          ),
        },
      ],
      validations: [
        {
          range: TOLERANCE_CELL,
          type: "decimal",
          min: 0,
          max: 1,
          allowBlank: false,
          error: text("容差为 0 到 1 之间的小数。", "Tolerance is a fraction between 0 and 1."),
        },
      ],
      inputCells: [{ key: "tolerance", cell: TOLERANCE_CELL, label: text("状态容差", "Status tolerance") }],
    };
  },
};

export const GUIDE_SHEET_NAME = SHEET_NAMES.guide.zh;

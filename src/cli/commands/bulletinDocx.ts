/**
 * Lays the 通报 out as a Word document with the docx library, in the usual layout of a government
 * bulletin (GB/T 9704 margins, 黑体 headings, 仿宋 body): issue line, red rule, title, summary,
 * 一、总体进展 / 二、落后目标 / 三、各部门情况 / 四、下步工作 with blanks for the office to write.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Locale } from "../../core/i18n";
import type { Bulletin, Trend } from "../../core/round";
import { formatFigure, formatGap } from "../../core/round";
import type { ChartImage } from "./bulletinCharts";
import { statusByDepartmentChart, targetLineChart } from "./bulletinCharts";

const BODY_FONT = { ascii: "Times New Roman", eastAsia: "仿宋_GB2312", hAnsi: "Times New Roman" };
const HEADING_FONT = { ascii: "Times New Roman", eastAsia: "黑体", hAnsi: "Times New Roman" };
const TITLE_FONT = { ascii: "Times New Roman", eastAsia: "方正小标宋简体", hAnsi: "Times New Roman" };
/** Half-points: 二号 22pt title, 三号 16pt body, 小四 12pt issue line, 小五 9pt tables (they are wide). */
const SIZE = { title: 44, body: 32, table: 18, small: 24 };
/** Text width of an A4 page with GB/T 9704 margins (156 mm), in twentieths of a point. */
const TEXT_WIDTH = 8844;
const CM = 567;

const LABELS: Record<Locale, Record<string, string>> = {
  "zh-CN": {
    issue: "第　　期",
    office: "两新工作专班办公室",
    date: "年　月　日",
    overall: "一、总体进展",
    behind: "二、落后目标",
    departments: "三、各部门情况",
    next: "四、下步工作",
    status: "状态",
    thisMonth: "本月",
    lastMonth: "上月",
    change: "变化",
    onTrack: "正常",
    atRisk: "预警",
    behindLabel: "落后",
    no: "序号",
    targetId: "目标编号",
    indicator: "指标",
    department: "责任单位",
    value: "本期值",
    expected: "序时进度",
    gap: "差距",
    trend: "较上月",
    months: "连续落后月数",
    previousGap: "上月差距",
    rank: "排名",
    targets: "目标数",
    worst: "最大差距",
    none: "本月无落后于序时进度的目标。",
    missing: "未报送单位：",
    nextBlank: "（由办公室填写：针对落后目标的督办事项、责任单位和完成时限。）",
    behindIntro: "以下目标的最新填报值落后于序时进度超过容差，按差距由大到小排列；差距 = 填报值 ÷ 序时进度 − 1。",
    charts: "落后目标走势（填报值与序时进度）：",
    chartsMore: "另有{n}项落后目标未绘图，见上表。",
    departmentsIntro:
      "各单位按落后目标数、预警目标数、最大差距依次排名（与调度表「部门预警」的规则相同）；每个目标按本单位最新一期填报计。",
    monthUnit: "个月",
    older: "（{period}数）",
    page: "— {n} —",
  },
  "en-US": {
    issue: "No.    ",
    office: "Equipment renewal and trade-in task force office",
    date: "Date:            ",
    overall: "1. Overall progress",
    behind: "2. Targets behind",
    departments: "3. Departments",
    next: "4. Next steps",
    status: "Status",
    thisMonth: "This month",
    lastMonth: "Last month",
    change: "Change",
    onTrack: "On track",
    atRisk: "At risk",
    behindLabel: "Behind",
    no: "No.",
    targetId: "Target",
    indicator: "Indicator",
    department: "Department",
    value: "Reported",
    expected: "Expected",
    gap: "Gap",
    trend: "vs last month",
    months: "Months behind",
    previousGap: "Gap last month",
    rank: "Rank",
    targets: "Targets",
    worst: "Worst gap",
    none: "No target is behind the expected progress this month.",
    missing: "Not reported: ",
    nextBlank: "(For the office: follow-up actions, responsible departments and deadlines for the targets behind.)",
    behindIntro:
      "Targets whose latest figure is behind the expected progress beyond the tolerance, worst first; gap = reported ÷ expected − 1.",
    charts: "Targets behind over time (reported against expected):",
    chartsMore: "{n} more targets behind are listed in the table above.",
    departmentsIntro:
      "Departments ranked by targets behind, then at risk, then the worst gap (as in 部门预警 and liangxin check).",
    monthUnit: "",
    older: " ({period})",
    page: "— {n} —",
  },
};

const TREND_LABELS: Record<Locale, Record<Trend, string>> = {
  "zh-CN": { improved: "好转", worsened: "恶化", unchanged: "持平", new: "新增", noReport: "未报送" },
  "en-US": { improved: "improved", worsened: "worse", unchanged: "unchanged", new: "new", noReport: "not reported" },
};

function text(
  value: string,
  options: { bold?: boolean; size?: number; font?: typeof BODY_FONT; color?: string } = {},
): TextRun {
  return new TextRun({
    text: value,
    bold: options.bold,
    size: options.size ?? SIZE.body,
    font: options.font ?? BODY_FONT,
    color: options.color,
  });
}

/** A body paragraph; `keepNext` holds it on the page of what follows (the table or chart it introduces). */
function bodyParagraph(value: string, keepNext = false): Paragraph {
  return new Paragraph({
    children: [text(value)],
    keepNext,
    indent: { firstLine: 2 * 320 },
    spacing: { line: 560, lineRule: "exact" },
  });
}

function heading(value: string): Paragraph {
  return new Paragraph({
    children: [text(value, { font: HEADING_FONT })],
    keepNext: true,
    indent: { firstLine: 2 * 320 },
    spacing: { before: 120, line: 560, lineRule: "exact" },
  });
}

function cell(
  value: string,
  options: {
    header?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    width: number;
    fill?: string;
  },
): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: options.fill
      ? { fill: options.fill, color: "auto", type: "clear" }
      : options.header
        ? { fill: "D9E2F3", color: "auto", type: "clear" }
        : undefined,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: options.align ?? (options.header ? AlignmentType.CENTER : AlignmentType.LEFT),
        children: [
          text(value, { size: SIZE.table, bold: options.header, font: options.header ? HEADING_FONT : BODY_FONT }),
        ],
      }),
    ],
  });
}

/** A table whose columns share TEXT_WIDTH in the given proportions; numbers right-aligned. */
function table(
  headers: string[],
  rows: string[][],
  weights: number[],
  numeric: boolean[],
  fills: (string | undefined)[][] = [],
): Table {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.round((weight / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((header, index) => cell(header, { header: true, width: widths[index] })),
      }),
      ...rows.map(
        (row, rowIndex) =>
          new TableRow({
            cantSplit: true,
            children: row.map((value, index) =>
              cell(value, {
                width: widths[index],
                align: numeric[index] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                fill: fills[rowIndex]?.[index],
              }),
            ),
          }),
      ),
    ],
  });
}

function image(chart: ChartImage, widthCm: number): Paragraph {
  const widthPx = Math.round((widthCm / 2.54) * 96);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    spacing: { before: 120 },
    children: [
      new ImageRun({
        type: "png",
        data: chart.png,
        transformation: { width: widthPx, height: Math.round((widthPx * chart.height) / chart.width) },
      }),
    ],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

/** Charts two to a row in a borderless table: eight targets fit on two pages instead of four. */
function chartGrid(charts: readonly ChartImage[]): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  const rows: TableRow[] = [];
  for (let index = 0; index < charts.length; index += 2) {
    const pair = charts.slice(index, index + 2);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [0, 1].map(
          (offset) =>
            new TableCell({
              width: { size: half, type: WidthType.DXA },
              borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
              children: [pair[offset] ? image(pair[offset], 7.6) : new Paragraph({})],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows,
  });
}

const STATUS_FILL = { behind: "FFC7CE", atRisk: "FFEB9C", onTrack: undefined } as const;

/**
 * The bulletin as .docx bytes.
 * @param bulletin the content (buildBulletin)
 * @param office the issuing office as printed on the 发文 line (default: the city's 两新 task force office)
 */
export async function bulletinDocx(bulletin: Bulletin, office?: string): Promise<Buffer> {
  const locale = bulletin.locale;
  const l = LABELS[locale];
  const trend = TREND_LABELS[locale];
  const zh = locale === "zh-CN";
  const issuer = office ?? (zh ? `${bulletin.city}市${l.office}` : `${bulletin.city} ${l.office}`);
  const children: (Paragraph | Table)[] = [];

  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [text(l.issue, { size: SIZE.body })],
    }),
    new Paragraph({
      tabStops: [{ type: "right", position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: "C00000", space: 6 } },
      spacing: { after: 360 },
      children: [text(issuer, { size: SIZE.small }), text(`\t${l.date}`, { size: SIZE.small })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360, line: 700, lineRule: "exact" },
      children: [text(bulletin.title, { size: SIZE.title, font: TITLE_FONT, bold: !zh })],
    }),
    bodyParagraph(bulletin.summary),
  );

  // 一、总体进展
  children.push(heading(l.overall));
  const counts = bulletin.counts;
  const previous = bulletin.previousCounts;
  const changeOf = (now: number, before: number | undefined): string =>
    before === undefined ? "—" : now === before ? "0" : `${now > before ? "+" : "−"}${Math.abs(now - before)}`;
  children.push(
    table(
      [l.status, l.thisMonth, l.lastMonth, l.change],
      (["behind", "atRisk", "onTrack"] as const).map((status) => [
        { behind: l.behindLabel, atRisk: l.atRisk, onTrack: l.onTrack }[status],
        String(counts[status]),
        previous ? String(previous[status]) : "—",
        changeOf(counts[status], previous?.[status]),
      ]),
      [3, 2, 2, 2],
      [false, true, true, true],
    ),
  );

  // 二、落后目标
  children.push(heading(l.behind));
  if (bulletin.behind.length === 0) children.push(bodyParagraph(l.none));
  else {
    children.push(bodyParagraph(l.behindIntro, true));
    children.push(
      table(
        [l.no, l.targetId, l.indicator, l.department, l.value, l.expected, l.gap, l.trend, l.previousGap, l.months],
        bulletin.behind.map((line, index) => [
          String(index + 1),
          line.targetId,
          line.indicator,
          line.department,
          formatFigure(line.value, line.rate) +
            (line.period !== bulletin.period ? l.older.replace("{period}", line.period) : ""),
          formatFigure(line.expected, line.rate),
          formatGap(line.gap),
          trend[line.trend],
          line.previousGap === null ? "—" : formatGap(line.previousGap),
          String(line.monthsBehind),
        ]),
        [4, 7.5, 14, 12.5, 9, 9, 8.5, 6, 8.5, 5.5],
        [true, false, false, false, true, true, true, false, true, true],
      ),
    );
    if (bulletin.series.length) {
      children.push(bodyParagraph(l.charts, true));
      children.push(chartGrid(bulletin.series.map((series) => targetLineChart(series, locale))));
      const more = bulletin.behind.length - bulletin.series.length;
      if (more > 0) children.push(bodyParagraph(l.chartsMore.replace("{n}", String(more))));
    }
  }

  // 三、各部门情况
  children.push(heading(l.departments));
  children.push(bodyParagraph(l.departmentsIntro, true));
  children.push(
    table(
      [l.rank, l.department, l.targets, l.behindLabel, l.atRisk, l.onTrack, l.worst, l.trend],
      bulletin.league.map((line) => [
        String(line.rank),
        line.department,
        String(line.targets),
        String(line.counts.behind),
        String(line.counts.atRisk),
        String(line.counts.onTrack),
        line.worstGap === null ? "—" : formatGap(line.worstGap),
        trend[line.trend],
      ]),
      [4, 16, 5, 5, 5, 5, 8, 7],
      [true, false, true, true, true, true, true, false],
      bulletin.league.map((line) => [
        undefined,
        undefined,
        undefined,
        line.counts.behind ? STATUS_FILL.behind : undefined,
        line.counts.atRisk ? STATUS_FILL.atRisk : undefined,
        undefined,
        undefined,
        undefined,
      ]),
    ),
  );
  if (bulletin.league.length) children.push(image(statusByDepartmentChart(bulletin.league, locale), 15));
  if (bulletin.missingDepartments.length)
    children.push(bodyParagraph(`${l.missing}${bulletin.missingDepartments.join(zh ? "、" : ", ")}${zh ? "。" : "."}`));

  // 四、下步工作: left for the office.
  children.push(heading(l.next));
  children.push(bodyParagraph(l.nextBlank));
  // Ruled lines to write on: an underlined tab to the right margin (bordered paragraphs merge into one box).
  for (let index = 0; index < 4; index++)
    children.push(
      new Paragraph({
        tabStops: [{ type: "right", position: TEXT_WIDTH }],
        spacing: { line: 560, lineRule: "exact" },
        children: [
          new TextRun({ text: "\t", underline: { type: "single", color: "808080" }, size: SIZE.body, font: BODY_FONT }),
        ],
      }),
    );

  const document = new Document({
    creator: "liangxin",
    title: bulletin.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(3.7 * CM),
              bottom: Math.round(3.5 * CM),
              left: Math.round(2.8 * CM),
              right: Math.round(2.6 * CM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 28, font: BODY_FONT })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}

/**
 * The 通报's charts, drawn from its figures: echarts renders SVG on the server (no DOM), resvg turns
 * it into PNG with the system's CJK font (fonts-noto-cjk), so Chinese labels show in Word and PDF.
 */
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { Locale } from "../../core/i18n";
import type { LeagueLine, TargetSeries } from "../../core/round";

/** The CJK font the PNGs are drawn with (Debian's fonts-noto-cjk). */
export const CHART_FONT = "Noto Sans CJK SC";

const COLOURS = { behind: "#C00000", atRisk: "#E3A000", onTrack: "#3A8E3A", reported: "#1F4E79", expected: "#7F7F7F" };

/** A chart as PNG and its size in pixels (drawn at twice the size for print). */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

function toPng(option: echarts.EChartsCoreOption, width: number, height: number): ChartImage {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT },
    background: "#ffffff",
  })
    .render()
    .asPng();
  return { png: Buffer.from(png), width, height };
}

/**
 * Stacked bars of each department's targets by status (落后/预警/正常), worst department at the top.
 * @param league the bulletin's league table (worst first)
 */
export function statusByDepartmentChart(league: readonly LeagueLine[], locale: Locale): ChartImage {
  const zh = locale === "zh-CN";
  const lines = [...league].reverse(); // echarts draws the first category at the bottom
  const height = Math.max(220, 100 + lines.length * 26);
  const series = (["behind", "atRisk", "onTrack"] as const).map((status) => ({
    name: zh
      ? { behind: "落后", atRisk: "预警", onTrack: "正常" }[status]
      : { behind: "Behind", atRisk: "At risk", onTrack: "On track" }[status],
    type: "bar",
    stack: "status",
    barWidth: 16,
    itemStyle: { color: COLOURS[status] },
    label: {
      show: true,
      color: "#ffffff",
      fontSize: 11,
      formatter: (p: { value: number }) => (p.value ? String(p.value) : ""),
    },
    data: lines.map((line) => line.counts[status]),
  }));
  return toPng(
    {
      title: {
        text: zh ? "各单位目标状态" : "Targets by status and department",
        left: "center",
        textStyle: { fontSize: 15, fontFamily: CHART_FONT },
      },
      legend: { bottom: 0, textStyle: { fontFamily: CHART_FONT } },
      grid: { left: 150, right: 36, top: 40, bottom: 48 },
      xAxis: { type: "value", minInterval: 1, name: zh ? "目标数" : "targets" },
      yAxis: {
        type: "category",
        data: lines.map((line) => line.department),
        axisLabel: { fontSize: 12, width: 140, overflow: "truncate" },
      },
      series,
    },
    640,
    height,
  );
}

/**
 * One target behind: the department's monthly figures against the expected progress (序时进度).
 * @param series the target's reports up to the period
 */
export function targetLineChart(series: TargetSeries, locale: Locale): ChartImage {
  const zh = locale === "zh-CN";
  const scale = series.rate ? 100 : 1;
  const unit = series.rate ? "%" : series.unit;
  return toPng(
    {
      title: {
        text: `${series.targetId} ${series.indicator}`,
        subtext: `${series.department}${unit ? (zh ? `（单位：${unit}）` : ` (unit: ${unit})`) : ""}`,
        left: "center",
        // Long indicator names are cut with an ellipsis: the full name is in the table above the charts.
        textStyle: { fontSize: 17, fontFamily: CHART_FONT, width: 450, overflow: "truncate", ellipsis: "…" },
        subtextStyle: { fontSize: 14, fontFamily: CHART_FONT },
      },
      legend: { bottom: 0, textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
      grid: { left: 70, right: 24, top: 70, bottom: 52 },
      xAxis: { type: "category", data: series.periods, boundaryGap: true, axisLabel: { fontSize: 13 } },
      yAxis: { type: "value", scale: false, axisLabel: { fontSize: 13 } },
      series: [
        {
          name: zh ? "填报值" : "Reported",
          type: "line",
          symbolSize: 7,
          lineStyle: { width: 2.5 },
          itemStyle: { color: COLOURS.reported },
          label: { show: true, fontSize: 13, formatter: (p: { value: number }) => formatTick(p.value, series.rate) },
          data: series.values.map((value) => value * scale),
        },
        {
          name: zh ? "序时进度" : "Expected",
          type: "line",
          symbolSize: 5,
          lineStyle: { width: 2, type: "dashed" },
          itemStyle: { color: COLOURS.expected },
          data: series.expected.map((value) => value * scale),
        },
      ],
    },
    480,
    300,
  );
}

function formatTick(value: number, rate: boolean): string {
  if (rate) return `${value.toFixed(1)}%`;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(value);
}

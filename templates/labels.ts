/** Display labels used by the templates (zh-CN first, en-US second), keyed by language-neutral codes. */
import type { TargetKind } from "../src/core/catalog";
import type { Locale } from "../src/core/i18n";

export const KIND_LABELS: Record<Locale, Record<TargetKind, string>> = {
  "zh-CN": {
    growth_vs_baseline: "较基期增长",
    level: "达到水平",
    share: "比重",
    cumulative: "累计",
    annual: "每年",
    milestone: "节点任务",
  },
  "en-US": {
    growth_vs_baseline: "Growth vs base year",
    level: "Level",
    share: "Share",
    cumulative: "Cumulative",
    annual: "Per year",
    milestone: "Milestone",
  },
};

/** 口径 of a monthly figure: year-to-date (flows) or a level at month-end (stocks). Both languages are accepted in cells. */
export const BASIS_LABELS: Record<Locale, { ytd: string; level: string }> = {
  "zh-CN": { ytd: "累计", level: "水平" },
  "en-US": { ytd: "YTD", level: "level" },
};

/** Shown where a trajectory needs a baseline the user has not typed yet (never guessed). */
export const MISSING_BASELINE: Record<Locale, string> = { "zh-CN": "缺基期值", "en-US": "No baseline" };

/** Marks rows of targets that a reload kept after the catalog dropped them. */
export const KEPT_TARGET_LABEL: Record<Locale, string> = { "zh-CN": "已移出目录", "en-US": "Not in catalog" };

/** Labels example rows; example data is only written when asked for. */
export const EXAMPLE_LABEL: Record<Locale, string> = { "zh-CN": "示例数据", "en-US": "示例数据 (example data)" };

/** 计量单位 of a growth target: the plan gives no unit for the indicator, so the planner picks one and keeps to it. */
export const OWN_UNIT_LABEL: Record<Locale, string> = { "zh-CN": "自定", "en-US": "own unit" };

/** Shown in 目标总表 where a typed baseline looks like it was typed in the plan's unit (万吨) rather than the unit of figures (吨). */
export const UNIT_MISMATCH_LABEL: Record<Locale, string> = { "zh-CN": "可能单位不一致", "en-US": "Units may differ" };

/** Header note of the 计量单位 columns (目标总表, 年度轨迹, 月度填报): what to type figures in. */
export const UNIT_OF_FIGURES_NOTE = {
  zh:
    "基期值、目标值、年度实际和月度填报值都按此单位：方案中的 万/亿 已换算为基本单位（30万吨 → 300000 吨，0.2万台 → 2000 台）。" +
    "% 表示比重，按百分数填写（如 45%）。「自定」为增长类目标：方案未给出指标本身的单位，基期值与月度填报用同一单位即可。",
  en:
    "Type baselines, actuals and monthly figures in this unit: the plan's 万/亿 are converted to base units (30万吨 → 300000 吨, 0.2万台 → 2000 台). " +
    "% is a share: type it as a percentage (e.g. 45%). 自定 (own unit) marks growth targets: the plan gives no unit for the indicator, so use the same unit for the baseline and the reports.",
} as const;

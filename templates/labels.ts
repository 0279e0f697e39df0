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

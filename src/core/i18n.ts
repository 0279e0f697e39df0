/**
 * Display labels. Codes are language-neutral; zh-CN is the product's first language and
 * en-US the second dictionary (never a second code path).
 */
export type Locale = "zh-CN" | "en-US";

/** Status of a reported figure against its trajectory. */
export type StatusCode = "onTrack" | "atRisk" | "behind";

export const STATUS_LABELS: Record<Locale, Record<StatusCode, string>> = {
  "zh-CN": { onTrack: "正常", atRisk: "预警", behind: "落后" },
  "en-US": { onTrack: "On track", atRisk: "At risk", behind: "Behind" },
};

export function statusLabel(code: StatusCode, locale: Locale = "zh-CN"): string {
  return STATUS_LABELS[locale][code];
}

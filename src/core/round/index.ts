/** The office's monthly round (issue 14): hand out, collect, history and the 通报 — pure core. */
export { catalogIdOf, findCatalogId, CATALOG_ID_PATTERN, CATALOG_ID_PREFIX } from "./catalogId";
export { departmentCut } from "./departmentCut";
export type { DepartmentRole, DepartmentShare, DepartmentTarget } from "./departmentCut";
export { mapRoundHeader, findRoundHeader, ROUND_HEADER_SCAN_ROWS } from "./headers";
export type { RoundField, RoundHeader } from "./headers";
export { planCollect, reportKey } from "./collect";
export type {
  AppendAction,
  CollectIssue,
  CollectIssueCode,
  CollectOptions,
  CollectPlan,
  CollectedFigures,
  DepartmentReceipt,
  OfficeRow,
  ReplaceAction,
  ReturnedFile,
} from "./collect";
export {
  TREND_STEP,
  departmentTrend,
  leagueAt,
  periodOrdinal,
  previousPeriod,
  rowsUpTo,
  targetHistories,
  targetTrend,
} from "./history";
export type { TargetHistory, Trend } from "./history";
export { buildBulletin, formatFigure, formatGap, periodLabel } from "./bulletin";
export type { BehindLine, Bulletin, BulletinOptions, LeagueLine, StatusCounts, TargetSeries } from "./bulletin";

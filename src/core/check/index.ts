/** The monthly report check (issue 5): pure core shared by the CLI and the add-in. */
export * from "./types";
export { runReportCheck } from "./check";
export type { CheckOptions } from "./check";
export { readBaselines } from "./baselines";
export type { BaselineReadResult } from "./baselines";
export { departmentLeague, behindTargets, latestReports } from "./league";
export {
  findReportHeader,
  findBaselineHeader,
  mapReportHeader,
  mapBaselineHeader,
  REQUIRED_REPORT_FIELDS,
} from "./headers";
export { readNumberCell, readTextCell, readBasisCell } from "./cells";
export { issueReason } from "./issues";
export { prepareTarget, shareAsFraction } from "./targets";
export type { TargetPlan, ReadyTargetPlan, BlockedTargetPlan } from "./targets";

/** The ribbon command tells the task pane (same shared runtime) what a report check found. */
export const CHECKED_EVENT = "liangxin:reports-checked";
export const FAILED_EVENT = "liangxin:reports-failed";

export interface CheckedDetail {
  checked: number;
  rejected: number;
  behind: number;
}

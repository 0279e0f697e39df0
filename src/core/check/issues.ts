/**
 * Reasons for rejected or noted report rows: language-neutral codes, with zh-CN first and en-US
 * as a second dictionary.
 */
import type { Locale } from "../i18n";
import type { IssueCode } from "./types";

/** Parameters a reason may mention. */
export interface IssueDetail {
  targetId?: string;
  text?: string;
  period?: string;
  startYear?: number;
  targetYear?: number;
  otherFile?: string;
  otherRow?: number;
  columns?: string;
  /** The field two columns compete for (期间). */
  field?: string;
  message?: string;
  /** Spellings of one department seen in a duplicate pair, when they differ (“商务局”与“市商务局”). */
  spellings?: [string, string];
  /** The department as written, and the target's responsible departments in the catalog. */
  department?: string;
  responsible?: string;
}

type Render = (detail: IssueDetail) => string;

const at = (detail: IssueDetail, zh: boolean): string =>
  zh ? `${detail.otherFile} 第${detail.otherRow}行` : `${detail.otherFile} row ${detail.otherRow}`;

/** Says that two spellings were taken as one department, when the pair was spelled differently. */
const sameDepartment = (detail: IssueDetail, zh: boolean): string => {
  if (!detail.spellings || detail.spellings[0] === detail.spellings[1]) return "";
  const [a, b] = detail.spellings;
  return zh ? `；“${a}”与“${b}”按同一部门计` : `; "${a}" and "${b}" count as one department`;
};

const REASONS: Record<Locale, Record<IssueCode, Render>> = {
  "zh-CN": {
    unreadableFile: (d) => `无法读取文件：${d.message ?? ""}`,
    missingColumns: (d) => `找不到表头列：${d.columns}（需要 期间/月份、部门/责任单位、目标编号、填报值）`,
    ambiguousColumns: (d) =>
      `${d.columns} 两列都可作“${d.field}”，无法确定用哪一列；请删除或改名其中一列（见 docs/check.md 表头）`,
    unreadableRow: (d) => `该行无法检查：${d.message ?? ""}`,
    unknownTarget: (d) => `未知目标编号“${d.targetId}”`,
    milestoneTarget: (d) => `目标“${d.targetId}”为无数值的时间节点目标，不按轨迹检查`,
    missingTargetId: () => "目标编号为空",
    missingDepartment: () => "部门为空",
    missingPeriod: () => "期间为空",
    badPeriod: (d) => `期间“${d.text}”无法识别（应为 2025-06、2025年6月 或日期）`,
    outsidePlan: (d) => `期间 ${d.period} 不在方案期内（${d.startYear}–${d.targetYear}年）`,
    notANumber: (d) => `填报值“${d.text}”不是数字`,
    negativeValue: (d) => `填报值 ${d.text} 为负数，数量不能为负`,
    badBasis: (d) => `口径“${d.text}”无法识别（应为 累计 或 时点）`,
    conflictingDuplicate: (d) =>
      `同一部门、目标、期间重复填报且数值不同（另见 ${at(d, true)}${sameDepartment(d, true)}）`,
    conflictingBasis: (d) => `同一部门、目标、期间重复填报且口径不同（另见 ${at(d, true)}${sameDepartment(d, true)}）`,
    missingBaseline: (d) => `目标“${d.targetId}”缺少基期值（2023年数），无法计算轨迹`,
    trajectoryError: (d) => `目标“${d.targetId}”无法计算轨迹：${d.message ?? ""}`,
    duplicateKept: (d) => `与 ${at(d, true)} 重复（数值相同），只保留一行${sameDepartment(d, true)}`,
    blankValue: () => "填报值为空，未检查",
    badBaseline: (d) => `基期值“${d.text}”不是非负数字`,
    conflictingBaseline: (d) => `目标“${d.targetId}”的基期值与 ${at(d, true)} 不同`,
    unitMismatch: (d) => d.message ?? "", // worded in unitNotes.ts (it needs the target's units)
    departmentNotResponsible: (d) =>
      `部门“${d.department}”不是目标“${d.targetId}”的牵头或配合单位（方案中为：${d.responsible}），仍计入该部门；请核对部门或目标编号`,
  },
  "en-US": {
    unreadableFile: (d) => `cannot read the file: ${d.message ?? ""}`,
    missingColumns: (d) => `header columns not found: ${d.columns} (need period, department, target id, value)`,
    ambiguousColumns: (d) =>
      `columns ${d.columns} could each be the ${d.field} column; remove or rename one (see docs/check.md, headers)`,
    unreadableRow: (d) => `the row cannot be checked: ${d.message ?? ""}`,
    unknownTarget: (d) => `unknown target id "${d.targetId}"`,
    milestoneTarget: (d) => `target "${d.targetId}" is a milestone without a number; not checked against a trajectory`,
    missingTargetId: () => "target id is blank",
    missingDepartment: () => "department is blank",
    missingPeriod: () => "period is blank",
    badPeriod: (d) => `period "${d.text}" not recognised (use 2025-06, 2025年6月 or a date)`,
    outsidePlan: (d) => `period ${d.period} is outside the plan (${d.startYear}–${d.targetYear})`,
    notANumber: (d) => `value "${d.text}" is not a number`,
    negativeValue: (d) => `value ${d.text} is negative; a count cannot be negative`,
    badBasis: (d) => `basis "${d.text}" not recognised (use YTD or level)`,
    conflictingDuplicate: (d) =>
      `same department, target and period reported twice with different values (see ${at(d, false)}${sameDepartment(d, false)})`,
    conflictingBasis: (d) =>
      `same department, target and period reported twice with a different basis (口径) (see ${at(d, false)}${sameDepartment(d, false)})`,
    missingBaseline: (d) => `target "${d.targetId}" has no baseline (2023 figure); its trajectory cannot be computed`,
    trajectoryError: (d) => `target "${d.targetId}": trajectory cannot be computed: ${d.message ?? ""}`,
    duplicateKept: (d) => `duplicate of ${at(d, false)} (same value); one row kept${sameDepartment(d, false)}`,
    blankValue: () => "value is blank; not checked",
    badBaseline: (d) => `baseline "${d.text}" is not a non-negative number`,
    conflictingBaseline: (d) => `target "${d.targetId}": baseline differs from ${at(d, false)}`,
    unitMismatch: (d) => d.message ?? "",
    departmentNotResponsible: (d) =>
      `department "${d.department}" is neither lead nor support of target "${d.targetId}" in the plan (${d.responsible}); still counted for it; check the department or target id`,
  },
};

/**
 * The reason shown for an issue code.
 * @param code language-neutral issue code
 * @param detail values the reason mentions
 * @param locale display language (zh-CN by default)
 * @returns the reason text
 * @example issueReason("unknownTarget", { targetId: "南平-99" }) // → "未知目标编号“南平-99”"
 */
export function issueReason(code: IssueCode, detail: IssueDetail = {}, locale: Locale = "zh-CN"): string {
  return REASONS[locale][code](detail);
}

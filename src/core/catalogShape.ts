/**
 * A catalog read from outside (a .json file, the state saved in a workbook) is checked field by
 * field against schemas/catalog.schema.json before anything uses it: a malformed catalog is a
 * message naming the field, never a TypeError halfway through a check. Descriptive fields a
 * hand-written or older catalog may leave out get their neutral defaults (no supporting departments,
 * plan-default years, no unit); the fields a trajectory is computed from (id, kind, comparator, value,
 * normalizedValue) are never defaulted.
 */
import type { Catalog, PlanInfo, Target } from "./catalog";
import { TARGET_KINDS } from "./catalog";
import { EARLIEST_REPORT_YEAR, LATEST_REPORT_YEAR } from "./period";

/** A catalog that passed the checks, or what is wrong with it (at most a few problems, each naming a target and field). */
export type CatalogShape = { catalog: Catalog; problems?: undefined } | { catalog?: undefined; problems: string[] };

const COMPARATORS = new Set([">=", ">", "~", "<=", "="]);
const DOMAINS = new Set([
  "综合",
  "标准",
  "回收利用",
  "消费品",
  "医疗",
  "教育",
  "文旅",
  "农业",
  "交通",
  "建筑市政",
  "工业",
]);
/** Problems listed before giving up: enough to fix a file, not a wall of text. */
const MAX_PROBLEMS = 5;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const own = (fields: Fields, key: string): unknown => (Object.hasOwn(fields, key) ? fields[key] : undefined);
const isYear = (value: unknown): boolean =>
  value === null ||
  (Number.isInteger(value) && (value as number) >= EARLIEST_REPORT_YEAR && (value as number) <= LATEST_REPORT_YEAR);
const isTextOrNull = (value: unknown): boolean => value === null || typeof value === "string";

/**
 * Checks one target and fills its optional fields.
 * @returns the target, or the problems found (each "id.field: why")
 */
function targetFrom(value: unknown, index: number): { target: Target } | { problems: string[] } {
  if (!isObject(value)) return { problems: [`targets[${index}]: 不是对象 (not an object)`] };
  const id = own(value, "id");
  const name = typeof id === "string" && id ? id : `targets[${index}]`;
  const problems: string[] = [];
  const need = (ok: boolean, field: string, what: string): void => {
    if (!ok) problems.push(`${name}.${field}: ${what}`);
  };
  const kind = own(value, "kind");
  const milestone = kind === "milestone";
  need(typeof id === "string" && /^.+-[0-9]{2,}$/.test(id), "id", "应为 城市-编号，如 南平-07 (like 南平-07)");
  need(typeof own(value, "indicator") === "string", "indicator", "应为文字 (text)");
  need((TARGET_KINDS as readonly unknown[]).includes(kind), "kind", `应为 ${TARGET_KINDS.join("/")}`);
  const comparator = own(value, "comparator");
  need(
    milestone ? comparator === null || comparator === undefined : COMPARATORS.has(comparator as string),
    "comparator",
    "应为 >=、>、~、<=、= 之一 (a comparator)",
  );
  for (const field of ["value", "normalizedValue"]) {
    const number = own(value, field);
    need(
      milestone ? number === null || number === undefined : typeof number === "number" && Number.isFinite(number),
      field,
      milestone ? "时间节点目标应为 null (null for a milestone)" : "应为有限数值 (a finite number)",
    );
  }
  const unit = own(value, "unit");
  // Stricter than the schema would be harsher than useful: a hand-made catalog may leave a unit out (null).
  need(unit === undefined || isTextOrNull(unit), "unit", "应为文字或 null (text or null)");
  for (const field of ["baseYear", "startYear", "targetYear"]) {
    const year = own(value, field);
    need(year === undefined || isYear(year), field, `应为 ${EARLIEST_REPORT_YEAR}–${LATEST_REPORT_YEAR} 的整数或 null`);
  }
  for (const field of ["section", "task"]) {
    const text = own(value, field);
    need(text === undefined || typeof text === "string", field, "应为文字 (text)");
  }
  const domain = own(value, "domain");
  need(domain === undefined || DOMAINS.has(domain as string), "domain", "不是已知领域 (unknown domain)");
  for (const field of ["lead", "leadOriginal"]) {
    const text = own(value, field);
    need(text === undefined || isTextOrNull(text), field, "应为文字或 null (text or null)");
  }
  const support = own(value, "support");
  need(
    support === undefined || (Array.isArray(support) && support.every((entry) => typeof entry === "string")),
    "support",
    "应为文字数组 (an array of text)",
  );
  const leadInferred = own(value, "leadInferred");
  need(leadInferred === undefined || typeof leadInferred === "boolean", "leadInferred", "应为 true/false");
  const source = own(value, "source");
  need(
    source === undefined ||
      (isObject(source) &&
        typeof own(source, "text") === "string" &&
        Number.isInteger(own(source, "start")) &&
        Number.isInteger(own(source, "end"))),
    "source",
    "应为 { text, start, end }",
  );
  if (problems.length > 0) return { problems };
  const lead = (own(value, "lead") as string | null | undefined) ?? null;
  return {
    target: {
      id: id as string,
      section: (own(value, "section") as string | undefined) ?? "",
      task: (own(value, "task") as string | undefined) ?? "",
      indicator: own(value, "indicator") as string,
      domain: (domain as string | undefined) ?? "综合",
      kind: kind as Target["kind"],
      comparator: (comparator as Target["comparator"] | undefined) ?? null,
      value: (own(value, "value") as number | null | undefined) ?? null,
      unit: (unit as string | null | undefined) ?? null,
      normalizedValue: (own(value, "normalizedValue") as number | null | undefined) ?? null,
      baseYear: (own(value, "baseYear") as number | null | undefined) ?? null,
      startYear: (own(value, "startYear") as number | null | undefined) ?? null,
      targetYear: (own(value, "targetYear") as number | null | undefined) ?? null,
      lead,
      support: [...((support as string[] | undefined) ?? [])],
      leadOriginal: (own(value, "leadOriginal") as string | null | undefined) ?? lead,
      leadInferred: (leadInferred as boolean | undefined) ?? false,
      // No clause is known: an empty span says so rather than inventing one.
      source: source ? { ...(source as unknown as Target["source"]) } : { text: "", start: 0, end: 0 },
    },
  };
}

/**
 * Checks a list of targets (a catalog's, or the list a workbook saved) and fills their defaults.
 * @param value the parsed `targets` array
 * @returns the targets, or the problems (ids repeated, fields of the wrong type, at most a few)
 * @example targetsFromJson([{ id: "南平-01", indicator: "…", kind: "level", comparator: ">=", value: 5, unit: "万吨", normalizedValue: 50000 }])
 */
export function targetsFromJson(value: unknown): { targets: Target[] } | { problems: string[] } {
  if (!Array.isArray(value)) return { problems: ["targets: 应为数组 (not an array)"] };
  const targets: Target[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  value.forEach((entry, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const read = targetFrom(entry, index);
    if ("problems" in read) problems.push(...read.problems);
    else if (ids.has(read.target.id)) problems.push(`${read.target.id}: 编号重复 (id repeated)`);
    else {
      ids.add(read.target.id);
      targets.push(read.target);
    }
  });
  return problems.length > 0 ? { problems: problems.slice(0, MAX_PROBLEMS) } : { targets };
}

/**
 * Checks a parsed catalog file (one catalog, as `liangxin extract` writes it) and fills defaults.
 * @param value the parsed JSON
 * @returns the catalog, or the problems found
 * @example catalogFromJson(JSON.parse(text)).catalog?.targets.length
 */
export function catalogFromJson(value: unknown): CatalogShape {
  if (!isObject(value)) return { problems: ["不是对象 (not an object)"] };
  const read = targetsFromJson(own(value, "targets"));
  if ("problems" in read) return { problems: read.problems };
  const plan = own(value, "plan");
  const planFields: Fields = isObject(plan) ? plan : {};
  const text = (key: string): string | null => {
    const field = own(planFields, key);
    return typeof field === "string" ? field : null;
  };
  const planInfo: PlanInfo = {
    government: text("government") ?? "",
    title: text("title") ?? "",
    docNumber: text("docNumber"),
    date: text("date"),
  };
  const warnings = own(value, "warnings");
  return {
    catalog: {
      plan: planInfo,
      targets: read.targets,
      warnings: Array.isArray(warnings) ? warnings.filter((entry): entry is string => typeof entry === "string") : [],
    },
  };
}

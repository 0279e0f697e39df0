/**
 * Department identity in the report check: reports spell one department several ways (市工信局,
 * 市工业和信息化局, 工信局), so rows are grouped by the canonical name the extractor gives targets.
 */
import type { Catalog, Target } from "../catalog";
import type { GovernmentLevel } from "../departments";
import { canonicalDepartment, isKnownDepartment } from "../departments";

/**
 * The administrative level of a plan's issuing government, from its name: the level decides the
 * prefix of canonical department names (商务局 in a city plan is 市商务局).
 *
 * @param government the catalog's plan.government, e.g. "南平市人民政府", "嵩原省交通运输厅"
 * @returns "region" for 自治区, "province" for 省/特别行政区, "county" for 县/旗, "district" for 区,
 *   otherwise "city" (also when the government is unknown: the level of most 两新 plans)
 * @example governmentLevel("广州市白云区人民政府") // → "district"
 */
export function governmentLevel(government: string | null | undefined): GovernmentLevel {
  const name = (government ?? "").trim();
  // A government's name ends in its place (…人民政府); a department's plan starts with it (嵩原省交通运输厅).
  const place = name.includes("人民政府")
    ? name.slice(0, name.indexOf("人民政府"))
    : (/^[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|省|市|县|区|州|盟|旗)/.exec(name)?.[0] ?? "");
  if (/自治区$/.test(place)) return "region";
  if (/(省|特别行政区)$/.test(place)) return "province";
  if (/(县|旗)$/.test(place)) return "county";
  if (/区$/.test(place)) return "district";
  return "city";
}

const PREFIX_LEVEL: ReadonlyArray<[string, GovernmentLevel]> = [
  ["自治区", "region"],
  ["省", "province"],
  ["市", "city"],
  ["县", "county"],
  ["区", "district"],
];

/**
 * The level of a catalog's plan: from plan.government; when that is blank (a catalog saved in a
 * workbook keeps targets only), from the prefix most of its known lead departments carry.
 *
 * @param catalog the catalog
 * @returns the plan's level ("city" when nothing tells)
 * @example catalogLevel({ plan: { government: "" … }, targets: [{ lead: "县商务局" … }] … }) // → "county"
 */
export function catalogLevel(catalog: Catalog): GovernmentLevel {
  if (catalog.plan?.government?.trim()) return governmentLevel(catalog.plan.government);
  const counts = new Map<GovernmentLevel, number>();
  for (const target of catalog.targets) {
    const lead = target.lead ?? "";
    if (!isKnownDepartment(lead)) continue;
    // 市场监管局 is a name, not a 市 prefix.
    if (lead.startsWith("市场")) continue;
    const level = PREFIX_LEVEL.find(([prefix]) => lead.startsWith(prefix))?.[1];
    if (level) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  let best: GovernmentLevel = "city";
  for (const [level, count] of counts) if (count > (counts.get(best) ?? 0)) best = level;
  return best;
}

/** Canonical department names of a catalog's plan, memoised per spelling (a report repeats a few names many times). */
export interface DepartmentNames {
  /** Canonical name of a department as written in a report. */
  canonical(written: string): string;
  /**
   * Whether the department is among the target's lead and supporting departments; null when the
   * catalog names none for the target (nothing to compare with).
   */
  isResponsible(canonicalName: string, target: Target): boolean | null;
}

/**
 * Department names for a catalog's plan: canonical names at the plan's level, and each target's
 * responsible departments in the same canonical form.
 *
 * @param catalog the catalog the reports are checked against
 * @returns canonical() and isResponsible() for that plan
 * @example departmentNames(nanping).canonical("商务局") // → "市商务局"
 */
export function departmentNames(catalog: Catalog): DepartmentNames {
  const level = catalogLevel(catalog);
  const names = new Map<string, string>();
  const canonical = (written: string): string => {
    let name = names.get(written);
    if (name === undefined) names.set(written, (name = canonicalDepartment(written, level) || written.trim()));
    return name;
  };
  const responsible = new Map<Target, ReadonlySet<string>>();
  return {
    canonical,
    isResponsible(canonicalName, target) {
      let set = responsible.get(target);
      if (!set) {
        const listed = [target.lead, ...(target.support ?? [])].filter(
          (name): name is string => typeof name === "string" && name.trim() !== "",
        );
        set = new Set(listed.map(canonical));
        responsible.set(target, set);
      }
      return set.size === 0 ? null : set.has(canonicalName);
    },
  };
}

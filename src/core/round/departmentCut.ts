/**
 * The department cut of a catalog (分发): which targets each responsible department reports, and
 * whether it leads them or supports them. Milestones carry no figure and are left out; so are
 * targets with no department named.
 */
import type { Catalog, Target } from "../catalog";
import { departmentNames } from "../check/departments";
import { trajectoryKindForTarget } from "../trajectory";

/** A department's part in a target: 牵头 (lead, also a co-lead listed first) or 配合 (support). */
export type DepartmentRole = "lead" | "support";

export interface DepartmentTarget {
  target: Target;
  role: DepartmentRole;
  /** The plan did not name the lead as such (the extractor inferred it): shown as （推定）. */
  inferred: boolean;
}

export interface DepartmentShare {
  /** Canonical department name (the league table's name). */
  department: string;
  /** Its targets in catalog order. */
  targets: DepartmentTarget[];
}

/**
 * Cuts a catalog by responsible department: one share per department named as lead or support of a
 * target with a trajectory, leads first in the order they first appear, then support-only departments.
 *
 * @param catalog the office workbook's catalog
 * @returns one share per department, each with its targets in catalog order
 * @example departmentCut(nanping)[0] // → { department: "市商务局", targets: [{ target: 南平-01, role: "lead", … }, …] }
 */
export function departmentCut(catalog: Catalog): DepartmentShare[] {
  const names = departmentNames(catalog);
  const shares = new Map<string, DepartmentTarget[]>();
  const add = (name: string | null, entry: Omit<DepartmentTarget, "target">, target: Target): void => {
    if (!name || !name.trim()) return;
    const department = names.canonical(name);
    const list = shares.get(department) ?? [];
    if (list.some((existing) => existing.target.id === target.id)) return; // a department named twice keeps its first role
    list.push({ target, ...entry });
    shares.set(department, list);
  };
  const tracked = catalog.targets.filter((target) => trajectoryKindForTarget(target) !== null);
  for (const target of tracked) add(target.lead, { role: "lead", inferred: target.leadInferred }, target);
  for (const target of tracked)
    for (const department of target.support ?? []) add(department, { role: "support", inferred: false }, target);
  const order = new Map(catalog.targets.map((target, index) => [target.id, index]));
  return [...shares].map(([department, targets]) => ({
    department,
    targets: targets.sort((a, b) => (order.get(a.target.id) ?? 0) - (order.get(b.target.id) ?? 0)),
  }));
}

/**
 * Restatements: a goal a table (task table or indicator table) states again after the body.
 * It is not a second target; it lends the body target its departments. And goals stated together
 * (siblings of one list, an outcome continuing the goal before it) share departments.
 */
import { bigrams } from "../../bigrams";
import { domainOf } from "../naming";
import type { FoundTarget } from "../targets";

/**
 * The body target a task table's goal restates: the same milestone, or the same number and unit,
 * said in words that share at least a third of the table phrase's two-character words (half for a
 * milestone). Each body target is restated at most once.
 * @param sameValue - body targets with the goal's number and unit (or every body milestone)
 * @param words - the table's words for the goal (default: its source span; an indicator-table
 *   row passes its indicator, as the row's other cells are numbers and departments)
 */
export function bodyStatementOf(
  goal: FoundTarget,
  sameValue: readonly FoundTarget[],
  taken: ReadonlyMap<FoundTarget, unknown>,
  text: string,
  words: string = text.slice(goal.start, goal.end),
): FoundTarget | null {
  const phrase = bigrams(words);
  let best: FoundTarget | null = null;
  let bestShare = goal.kind === "milestone" ? 0.5 : 1 / 3;
  for (const candidate of sameValue) {
    if (taken.has(candidate)) continue;
    const stated = bigrams(text.slice(candidate.start, candidate.end));
    let shared = 0;
    for (const pair of phrase.keys()) if (stated.has(pair)) shared++;
    const share = phrase.size === 0 ? 0 : shared / phrase.size;
    if (share >= bestShare) {
      best = candidate;
      bestShare = share;
    }
  }
  return best;
}

/** What a restatement must repeat: the milestone-ness, or the number and unit. */
export function statedKey(item: FoundTarget): string {
  return item.kind === "milestone" ? "milestone" : `${item.value ?? ""}|${item.unit ?? ""}`;
}

/**
 * Whether two goals were stated together: one 分别 phrase (same clause span), items of one list
 * (数字化研发设计工具普及率达到85%、关键工序数控化率达到65%), or the next phrase stating another rate
 * of the same field (…普及率超过90%，关键工序数控化率超过75%). Consecutive growth goals (报废汽车
 * 回收量…，二手车交易量…) are separate headline goals with departments of their own: not siblings.
 */
export function isSibling(previous: FoundTarget, item: FoundTarget, text: string): boolean {
  if (previous.start === item.start && previous.end === item.end) return true;
  if (item.start < previous.end) return false;
  const between = text.slice(previous.end, item.start);
  if (/^[、和及]?$/.test(between)) return true;
  const field = domainOf([item.indicator]);
  return (
    between === "，" &&
    previous.kind === "share" &&
    item.kind === "share" &&
    field !== "综合" &&
    domainOf([previous.indicator]) === field
  );
}

/**
 * Whether an outcome with no field of its own (拉动消费8亿元以上) continues the goal stated just before
 * it in the same clause (…家电以旧换新2.5万台（套）以上，拉动消费8亿元以上): it is that goal's outcome,
 * so it has that goal's departments rather than those of a task sharing a common word (消费).
 * Investment totals are linked on their own (to the task opening the equipment part).
 */
export function continuesGoal(previous: FoundTarget, item: FoundTarget, text: string): boolean {
  if (item.start < previous.end || text.slice(previous.end, item.start) !== "，") return false;
  return /^(?:拉动|带动)/.test(item.indicator) && domainOf([item.indicator]) === "综合" && !/投资/.test(item.indicator);
}

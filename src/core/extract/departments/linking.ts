/**
 * Linking a goal (总体要求/工作目标) to the task that covers it. Goals name no department; the
 * task whose title and text share most of the indicator's words supplies them (inferred).
 */
import { specificBigrams } from "../../bigrams";
import { domainOf } from "../naming";
import type { Block } from "../sections";

/**
 * Builds the linker of a plan's goals to its tasks: the task whose title and text share most of
 * the indicator's two-character words, the title counting three times; ties go to the earlier
 * task. An aggregate (设备投资规模, 设备更新投资) goes to the first task, which in these plans opens
 * the equipment-renewal part, if it names departments. Tasks are indexed once by their words, so
 * each goal only scores the tasks that share one.
 *
 * @param blocks - all blocks of the plan
 * @param text - cleaned plan text
 * @param hasDepartments - whether a block has departments to lend
 * @returns a function from a goal's indicator (e.g. 二手车交易量) to the linked task block, or null
 *   when no task shares enough words
 * @example createGoalLinker(blocks, text, () => true)("二手车交易量")?.task // → "支持二手商品流通交易"
 */
export function createGoalLinker(
  blocks: readonly Block[],
  text: string,
  hasDepartments: (block: Block) => boolean,
): (indicator: string) => Block | null {
  const allTasks = blocks.filter((block) => !block.isGoals && !block.isAppendix && block.task !== "");
  const tasks = allTasks.filter(hasDepartments);
  const order = new Map(tasks.map((block, index) => [block, index]));
  // Word → tasks with its weight there (3 in the title, 1 in the body).
  const index = new Map<string, Array<{ block: Block; weight: number }>>();
  for (const block of tasks) {
    const title = specificBigrams(block.task);
    const body = specificBigrams(text.slice(block.start, block.end));
    for (const pair of new Set([...title.keys(), ...body.keys()])) {
      const weight = (title.has(pair) ? 3 : 0) + (body.has(pair) ? 1 : 0);
      let list = index.get(pair);
      if (!list) index.set(pair, (list = []));
      list.push({ block, weight });
    }
  }
  const first = tasks[0];
  // The first task below the headings that open it; a later task with departments is about something else.
  const aggregateTask =
    first !== undefined &&
    allTasks.slice(0, allTasks.indexOf(first)).every((block) => first.path.includes(block.path[block.path.length - 1]))
      ? first
      : null;
  return (indicator) => {
    if (tasks.length === 0) return null;
    if (/设备(?:更新)?投资|投资规模/.test(indicator))
      return aggregateTask !== null && lendsToAggregate(aggregateTask, indicator) ? aggregateTask : null;
    const scores = new Map<Block, number>();
    for (const pair of specificBigrams(indicator).keys()) {
      for (const { block, weight } of index.get(pair) ?? []) scores.set(block, (scores.get(block) ?? 0) + weight);
    }
    let best: Block | null = null;
    // One shared word in a task's body is chance; ask for a title word or two body words.
    let bestScore = 1;
    for (const [block, score] of scores) {
      if (
        score > bestScore ||
        (score === bestScore && best !== null && (order.get(block) ?? 0) < (order.get(best) ?? 0))
      ) {
        best = block;
        bestScore = score;
      }
    }
    return best ?? taskOfField(indicator);
  };

  /**
   * Whether the first task may lend its departments to an investment total: when it is about
   * industry or equipment in general (推进重点行业设备更新改造 — the part these plans open with, led
   * by the department that leads equipment renewal), or about the field the total names
   * (农业农村领域设备投资 ← 推进农业机械装备更新). A plan opening with one other field (农业机械)
   * does not make that field's department the lead of investment in every field: no lead, rather
   * than a wrong one.
   */
  function lendsToAggregate(task: Block, indicator: string): boolean {
    const taskField = domainOf([task.task]);
    if (taskField === "工业" || taskField === "综合") return true;
    return domainOf([indicator.replace(/设备(?:更新)?投资|投资规模/g, "")]) === taskField;
  }

  /**
   * No task shares the indicator's words (二手车交易量 in a plan whose tasks never say 二手): the one
   * task whose title is in the indicator's field (完善废旧产品回收利用体系 for 回收利用). Two such
   * tasks, or only a general field (综合), link nothing rather than guess.
   */
  function taskOfField(indicator: string): Block | null {
    const field = domainOf([indicator]);
    if (field === "综合") return null;
    const inField = allTasks.filter((block) => domainOf([block.task]) === field);
    return inField.length === 1 && order.has(inField[0]) ? inField[0] : null;
  }
}

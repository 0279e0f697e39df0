/**
 * Linking a goal (总体要求/工作目标) to the task that covers it. Goals name no department; the
 * task whose title and text share most of the indicator's words supplies them (inferred).
 */
import type { Block } from "./sections";

function bigrams(text: string): Set<string> {
  const pairs = new Set<string>();
  const cjk = text.replace(/[^\u4e00-\u9fff]/g, "");
  for (let index = 0; index + 1 < cjk.length; index++) pairs.add(cjk.slice(index, index + 2));
  return pairs;
}

// Bigrams of each block's title and body, computed once per block (goals ask repeatedly).
const BLOCK_BIGRAMS = new WeakMap<Block, { title: Set<string>; body: Set<string> }>();

function blockBigrams(block: Block, text: string): { title: Set<string>; body: Set<string> } {
  let cached = BLOCK_BIGRAMS.get(block);
  if (!cached) {
    cached = { title: bigrams(block.task), body: bigrams(text.slice(block.start, block.end)) };
    BLOCK_BIGRAMS.set(block, cached);
  }
  return cached;
}

// Too common in these plans to say which task is meant.
const COMMON = new Set(["推动", "推进", "加快", "实施", "提升", "开展", "支持", "水平", "更新", "重点", "行业", "领域", "全市", "达到", "基本"]);

/**
 * The task block that covers a goal's indicator: most shared two-character words, the title
 * counting three times; ties go to the earlier task. An aggregate (设备投资规模) goes to the
 * first task, which in these plans opens the equipment-renewal part.
 *
 * @param indicator - the goal's indicator, e.g. 二手车交易量
 * @param blocks - all blocks of the plan
 * @param text - cleaned plan text
 * @param hasDepartments - whether a block has departments to lend
 * @returns the linked task block, or null when no task shares enough words
 * @example linkGoalToTask("二手车交易量", blocks, text, () => true)?.task // → "支持二手商品流通交易"
 */
export function linkGoalToTask(indicator: string, blocks: readonly Block[], text: string, hasDepartments: (block: Block) => boolean): Block | null {
  const tasks = blocks.filter((block) => !block.isGoals && !block.isAppendix && block.task !== "" && hasDepartments(block));
  if (tasks.length === 0) return null;
  if (/设备投资|投资规模/.test(indicator)) return tasks[0];
  const wanted = [...bigrams(indicator)].filter((pair) => !COMMON.has(pair));
  let best: Block | null = null;
  // One shared word in a task's body is chance; ask for a title word or two body words.
  let bestScore = 1;
  for (const block of tasks) {
    const { title, body } = blockBigrams(block, text);
    let score = 0;
    for (const pair of wanted) score += (title.has(pair) ? 3 : 0) + (body.has(pair) ? 1 : 0);
    if (score > bestScore) {
      best = block;
      bestScore = score;
    }
  }
  return best;
}

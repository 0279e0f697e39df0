/**
 * Two-character words (bigrams): how the extractor and the reload compare a plan's phrases without
 * a dictionary. Chinese has no spaces, so the character pairs of a phrase stand for its words:
 * 医疗设备更新 → 医疗, 疗设, 设备, 备更, 更新. One definition for the whole repository.
 */

/** Runs of Chinese characters: the default words of a phrase (digits and punctuation break them). */
export const CHINESE_RUNS = /[\u4e00-\u9fff]+/g;

/**
 * Words every task title and goal of these plans has (推进, 设备, 更新 …): they say nothing about
 * which task, row or topic a phrase is about, so they are dropped before comparing (see
 * specificBigrams). The single characters are joiners (和, 及, 与, 的).
 */
export const STOP_WORDS: readonly string[] = [
  "推进",
  "推动",
  "加快",
  "实施",
  "开展",
  "加强",
  "支持",
  "促进",
  "完善",
  "健全",
  "发展",
  "更新",
  "行动",
  "领域",
  "工作",
  "提升",
  "全面",
  "水平",
  "重点",
  "行业",
  "全市",
  "达到",
  "基本",
  "和",
  "及",
  "与",
  "的",
];

const STOP_PAIRS = new Set(STOP_WORDS.filter((word) => word.length === 2));
const JOINERS = new Set(STOP_WORDS.filter((word) => word.length === 1));

/**
 * The two-character words of a text, counted: every pair of adjacent characters inside one run
 * (a pair never spans a break between runs).
 * @param text - any text
 * @param runs - a global pattern for the runs to read (default: runs of Chinese characters)
 * @returns each pair with the number of times it occurs
 * @example [...bigrams("设备更新，2027").keys()] // → ["设备", "备更", "更新"]
 */
export function bigrams(text: string, runs: RegExp = CHINESE_RUNS): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const [run] of text.matchAll(runs)) {
    for (let index = 0; index + 1 < run.length; index++) {
      const pair = run.slice(index, index + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return pairs;
}

/**
 * The two-character words of a phrase's Chinese that say what it is about: stop words and pairs
 * with a joiner (和, 及, 与, 的) left out.
 * @example [...specificBigrams("推进医疗卫生更新").keys()] // → ["进医", "医疗", "疗卫", "卫生", "生更"]
 */
export function specificBigrams(text: string): Map<string, number> {
  const pairs = bigrams(text);
  for (const pair of pairs.keys())
    if (STOP_PAIRS.has(pair) || JOINERS.has(pair[0]) || JOINERS.has(pair[1])) pairs.delete(pair);
  return pairs;
}

/**
 * Years in a sentence: deadlines (到2027年, 2024年底前, 2027年实现, “十四五”末, a dated
 * 2024年9月15日前 or 2024年6月底前), periods (2024—2027年, 2024至2027年) and base years
 * (较2023年). Dates with no 前 (2024年5月11日), editions
 * (2024年版) and conditions (2000年底前建成的小区) are not years of a target.
 */
import { parseChineseNumeral } from "./numbers";

export type YearRole = "deadline" | "base" | "start";

export interface YearMention {
  role: YearRole;
  year: number;
  /** First year of a period (2024 in 2024—2027年), else null. */
  periodStart: number | null;
  /** Clean-text offsets within the scanned string. */
  start: number;
  end: number;
}

// One pass over the sentence; alternatives are tried left to right at each position.
const YEAR_PATTERN =
  /(较|比|相比|相较于?|同比)([0-9]{4})年|([0-9]{4})年?(?:—|-|~|至|到)([0-9]{4})年(?:底前|底|末|前)?|(自|从)?([0-9]{4})年(起|以来|底前|底|末|前|以前)?(?![0-9]|版|度|第)|[“"]?(十[一二三四五六七八九])五[”"]?(?:末|期间|时期|期末)|([0-9]{4})年[0-9]{1,2}月(?:[0-9]{1,2}日)?底?(?:前|以前|之前)/g;

/**
 * A year phrase qualifying a noun is a condition, not a deadline: 2000年底前建成的(小区),
 * 2018年以前注册登记的(车辆).
 */
const CONDITION_AFTER =
  /^(?:建成|建设|投用|投入使用|投运|注册登记|注册|登记|购买|购置|出厂|生产|取得|办理|备案|核发)[^，；。]{0,4}的/;

/** Last year of a five-year plan period: 十四五 → 2025 (2021–2025), 十五五 → 2030. */
function fiveYearPlanEnd(ordinal: string): number {
  // Five-year plans run back to back from the 4th (1971–1975): the nth ends in 1955 + 5n.
  return 1955 + 5 * (parseChineseNumeral(ordinal) ?? 0);
}

/**
 * Finds the years in one sentence of cleaned text.
 * @param sentence - cleaned text of one sentence
 * @returns year mentions in order, with their role
 * @example
 * scanYears("2024至2027年，力争每年…")[0] // → { role: "deadline", year: 2027, periodStart: 2024, … }
 */
export function scanYears(sentence: string): YearMention[] {
  const found: YearMention[] = [];
  for (const match of sentence.matchAll(YEAR_PATTERN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[2]) {
      found.push({ role: "base", year: Number(match[2]), periodStart: null, start, end });
    } else if (match[4]) {
      found.push({ role: "deadline", year: Number(match[4]), periodStart: Number(match[3]), start, end });
    } else if (match[8]) {
      // “十四五”末 / “十四五”期间: the period's last year is the deadline.
      found.push({ role: "deadline", year: fiveYearPlanEnd(match[8]), periodStart: null, start, end });
    } else if (match[9]) {
      // A dated deadline (2024年9月15日前, 2024年6月底前) is a deadline in that year.
      if (CONDITION_AFTER.test(sentence.slice(end))) continue;
      found.push({ role: "deadline", year: Number(match[9]), periodStart: null, start, end });
    } else if (match[6]) {
      if (CONDITION_AFTER.test(sentence.slice(end))) continue;
      const year = Number(match[6]);
      const isStart = Boolean(match[5]) || match[7] === "起" || match[7] === "以来";
      // 与2023年相比: a base year written around the year.
      if (sentence[start - 1] === "与" && !match[7] && /^(?:相比|比较|相较)/.test(sentence.slice(end))) {
        found.push({ role: "base", year, periodStart: null, start: start - 1, end: end + 2 });
        continue;
      }
      // A date (2024年5月) was excluded by the lookahead on digits.
      found.push({ role: isStart ? "start" : "deadline", year, periodStart: null, start, end });
    }
  }
  return found.filter((mention) => mention.year >= 1990 && mention.year <= 2100);
}

/** Pure year phrases that may stand as their own clause: 到2027年, 力争到2025年, 2024至2027年. */
export const YEAR_ONLY_PIECE =
  /^(?:力争|争取|计划)?(?:到|至|截至|在)?[0-9]{4}年?(?:(?:—|-|~|至|到)[0-9]{4}年)?(?:底前|底|末|前)?(?:年)?$/;

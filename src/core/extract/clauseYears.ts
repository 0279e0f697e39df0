/**
 * Which year governs a number: the plan's horizon and start years, and the deadline of a number
 * from its clause, its sentence's lead-in phrase or a period of its own (三年内).
 */
import type { MatchIndex } from "./matchIndex";
import { parseNumber } from "./numbers";
import { CLOSING_DEADLINE, COMPLETION_DEADLINE, OWN_PERIOD } from "./lexicon";
import { scanYears, YEAR_ONLY_PIECE, type YearMention } from "./years";

export interface TargetScanOptions {
  /** Year most plan targets are set for (到2027年): used where a clause names none. */
  horizonYear: number | null;
  /** First year of the plan's period: start of cumulative and per-year counts. */
  planStartYear: number | null;
  /**
   * First year of the period the plan states (2024 in 2024—2027年), else its issue year: where a
   * clause's own period (三年内) starts. Null or absent when the plan states neither.
   */
  periodStartYear?: number | null;
}

/**
 * The plan's horizon and start years: the most frequent deadline year (ties → the later); the
 * year after its most frequent base year (较2023年 → 2024); and the first year of its stated
 * period (2024—2027年), else the year it was issued.
 * @param text - cleaned plan text
 * @param issueYear - the year of the plan's 文号 or date of issue (云政办〔2024〕7号 → 2024), if known
 * @example planYears("2024—2027年，每年…300台。到2027年，…增长30%。", null) // → { horizonYear: 2027, planStartYear: 2024, periodStartYear: 2024 }
 */
export function planYears(text: string, issueYear: number | null = null): TargetScanOptions {
  const deadlines = new Map<number, number>();
  const bases = new Map<number, number>();
  const periodStarts = new Map<number, number>();
  for (const mention of scanYears(text)) {
    if (mention.role === "base") bases.set(mention.year, (bases.get(mention.year) ?? 0) + 1);
    else if (mention.role === "deadline") {
      deadlines.set(mention.year, (deadlines.get(mention.year) ?? 0) + 1);
      if (mention.periodStart !== null)
        periodStarts.set(mention.periodStart, (periodStarts.get(mention.periodStart) ?? 0) + 1);
    }
  }
  const mostFrequent = (counts: Map<number, number>): number | null => {
    let best: number | null = null;
    let bestCount = 0;
    for (const [year, count] of counts) {
      if (count > bestCount || (count === bestCount && best !== null && year > best)) {
        best = year;
        bestCount = count;
      }
    }
    return best;
  };
  const base = mostFrequent(bases);
  const periodStart = mostFrequent(periodStarts);
  return {
    horizonYear: mostFrequent(deadlines),
    planStartYear: base !== null ? base + 1 : periodStart,
    periodStartYear: periodStart ?? issueYear,
  };
}

/** The years of one sentence, and which of them lead in the clauses after them. */
export interface SentenceYears {
  years: readonly YearMention[];
  /** Deadlines standing as their own phrase (到2027年，… / 到2027年：…), which govern later clauses too. */
  leadIns: ReadonlySet<YearMention>;
  /** The sentence's text, which the mentions' offsets point into. */
  sentence: string;
}

/**
 * Whether a deadline is a lead-in: a phrase of its own (到2027年，A；B。 or 到2027年：A；B), which
 * sets the year of every clause after it in the sentence. A year inside a clause's own words
 * (力争2025年全市…达到2.5万辆；每年举办…) governs that clause only.
 * @param sentence - cleaned sentence text the mention's offsets point into
 */
export function isLeadIn(sentence: string, year: YearMention): boolean {
  if (year.role !== "deadline") return false;
  let start = year.start;
  while (start > 0 && !/[，：；,]/.test(sentence[start - 1])) start--;
  let end = year.end;
  while (end < sentence.length && !/[，：；,]/.test(sentence[end])) end++;
  return YEAR_ONLY_PIECE.test(sentence.slice(start, end));
}

/**
 * The deadline governing a number: the last deadline before it in its own clause; else, unless
 * the clause states a period of its own (三年内累计…), the last lead-in deadline before it in the
 * sentence (到2027年，…；…); else a deadline later in its clause that closes it (…N台，2025年底前
 * 完成) or sits in its own phrase, but not a breakdown (其中2024年完成80台) and not a year opening
 * a statement of its own (每年…1500台以上，2024年底前完成…摸底登记). A year inside an earlier
 * clause's words does not carry over. A per-year amount (每年…) has no completion date: a
 * 年底前-type deadline of another phrase does not date it.
 * @param clause - text of the number's clause, which starts at sentence offset `clauseStart`
 * @param perYear - the number is a per-year amount (每年…, 年均…)
 * @param clauseIndex - the clause's match index, if the caller has one (for 三年内 before the number)
 */
export function yearFor(
  { years, leadIns, sentence }: SentenceYears,
  position: number,
  clauseStart: number,
  clause: string,
  options: Pick<TargetScanOptions, "periodStartYear">,
  perYear = false,
  clauseIndex: MatchIndex | null = null,
): YearMention | null {
  const clauseEnd = clauseStart + clause.length;
  const piecesApart = (from: number, to: number): boolean =>
    /[，：；,]/.test(sentence.slice(Math.max(0, from), Math.max(0, to)));
  // 2025年底前，A全部完成更新，每年更新B 150套: the completion date is not the per-year amount's.
  const counts = (year: YearMention): boolean =>
    year.role === "deadline" &&
    !(
      perYear &&
      year.start >= 0 &&
      year.periodStart === null &&
      COMPLETION_DEADLINE.test(sentence.slice(year.start, year.end)) &&
      piecesApart(year.end, position)
    );
  // The last counting deadline before the number in its clause, else the last lead-in before the
  // clause: scanned backwards from the number, so each number looks at the years near it.
  const beforePosition = firstYearFrom(years, position);
  let own: YearMention | null = null;
  let carried: YearMention | null = null;
  for (let at = beforePosition - 1; at >= 0; at--) {
    const year = years[at];
    if (year.start >= clauseStart) {
      if (counts(year)) {
        own = year;
        break;
      }
    } else if (leadIns.has(year) && counts(year)) {
      carried = year;
      break;
    }
  }
  if (own) return own;
  const period = clauseIndex
    ? clauseIndex.first(OWN_PERIOD, 0, position - clauseStart)
    : OWN_PERIOD.exec(clause.slice(0, position - clauseStart));
  if (period) return periodEnd(period, clauseStart, options.periodStartYear ?? null);
  if (carried) return carried;
  for (let at = firstYearFrom(years, Math.max(clauseStart, position)); at < years.length; at++) {
    const year = years[at];
    if (year.start >= clauseEnd) break;
    if (closesClause(year)) return year;
  }
  return null;

  function closesClause(year: YearMention): boolean {
    {
      if (year.role !== "deadline") return false;
      const relative = year.start - clauseStart;
      if (clause.slice(Math.max(0, relative - 3), relative).includes("其中")) return false;
      if (!piecesApart(position, year.start)) return true;
      let pieceStart = relative;
      while (pieceStart > 0 && !/[，：,]/.test(clause[pieceStart - 1])) pieceStart--;
      let pieceEnd = relative;
      while (pieceEnd < clause.length && !/[，：,]/.test(clause[pieceEnd])) pieceEnd++;
      return CLOSING_DEADLINE.test(clause.slice(pieceStart, pieceEnd));
    }
  }
}

/** Index of the first year mention starting at or after a position (mentions are in text order). */
export function firstYearFrom(years: readonly YearMention[], position: number): number {
  let low = 0;
  let high = years.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (years[middle].start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The last year of a clause's own period (三年内): the plan's period start + N − 1, placed where the
 * phrase stands. Null when the plan states no start (only 到2027年): the horizon then applies.
 * @param period - the OWN_PERIOD match in the clause text before the number
 * @param clauseStart - sentence offset of the clause
 * @param periodStartYear - first year of the plan's stated period or its issue year, or null
 */
export function periodEnd(
  period: RegExpExecArray,
  clauseStart: number,
  periodStartYear: number | null,
): YearMention | null {
  const years = parseNumber(period[1] ?? period[2]);
  if (periodStartYear === null || years === null || years < 1) return null;
  const start = clauseStart + period.index;
  return {
    role: "deadline",
    year: periodStartYear + years - 1,
    periodStart: periodStartYear,
    start,
    end: start + period[0].length,
  };
}

/** Each sentence's base years, found once. */
const BASES = new WeakMap<readonly YearMention[], YearMention[]>();

/** The base year named last before a sentence position (较2023年), or null. */
export function lastBaseYear(years: readonly YearMention[], position: number): number | null {
  let bases = BASES.get(years);
  if (!bases) BASES.set(years, (bases = years.filter((year) => year.role === "base")));
  return bases[firstYearFrom(bases, position) - 1]?.year ?? null;
}

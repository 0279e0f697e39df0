/**
 * Target recognition: finds the quantified targets and the milestones in cleaned plan text.
 *
 * The text is walked sentence by sentence (。！？ and line ends); a sentence is split into clauses
 * (；), each read by readClause (clause.ts); a list's lead-in line (到2027年：) dates the items
 * below it. Table rows (with tabs) are left to the table readers.
 */
import type { Target } from "../catalog";
import { readClause } from "./clause";
import { isLeadIn, type TargetScanOptions } from "./clauseYears";
import { LIST_ITEM, SECTION_HEADING } from "./lexicon";
import { scanMentions } from "./mentions";
import { scanYears, YEAR_ONLY_PIECE, type YearMention } from "./years";

export { planYears, type TargetScanOptions } from "./clauseYears";

/** A target found in the cleaned text, before departments, ids and domains are attached. */
export interface FoundTarget extends Pick<
  Target,
  "kind" | "comparator" | "value" | "unit" | "normalizedValue" | "baseYear" | "startYear" | "targetYear" | "indicator"
> {
  /** Clean-text span of the stating clause. */
  start: number;
  end: number;
  /** Clean-text offset of the number (or of the predicate for a milestone). */
  anchor: number;
  /** Set for a situation figure (a fact, not a target), with the year it is for. */
  situation?: { year: number | null };
}

/** A dated sentence in which nothing was recognised (reported as a warning). */
export interface UnreadSentence {
  start: number;
  end: number;
}

interface Sentence {
  start: number;
  end: number;
}

function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const ch = text[index];
    if (index === text.length || ch === "\n" || ch === "。" || ch === "！" || ch === "？") {
      if (index > start) sentences.push({ start, end: index });
      start = index + 1;
    }
  }
  return sentences;
}

/**
 * Finds targets and milestones in cleaned plan text.
 *
 * @param text - cleaned plan text (see normalizePlanText)
 * @param options - the plan's horizon and start years (see planYears)
 * @returns targets in text order and dated sentences where nothing was recognised
 * @example
 * findTargets("到2027年，再生资源回收量达到30万吨以上。", { horizonYear: 2027, planStartYear: 2024 }).targets[0].value // → 30
 */
export function findTargets(
  text: string,
  options: TargetScanOptions,
): { targets: FoundTarget[]; unread: UnreadSentence[] } {
  const targets: FoundTarget[] = [];
  const unread: UnreadSentence[] = [];
  // The deadline of a line that leads in a list (到2027年：⏎1．…⏎2．…): it dates the lines below it.
  let listYear: YearMention | null = null;
  // A list opened by a line with no year (主要目标：⏎1．到2027年，…⏎2．…): its first item's lead-in
  // year dates the later items, as long as lines keep opening with an item marker.
  let listAwaitsYear = false;
  let listYearFromItem = false;
  // The lead-in deadline of an earlier sentence of the paragraph (到2027年，…。基本淘汰…。): it
  // dates a later sentence's milestones when that sentence names no year of its own.
  let paragraphYear: YearMention | null = null;
  for (const sentence of sentencesOf(text)) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const startsLine = sentence.start === 0 || text[sentence.start - 1] === "\n";
    if (startsLine) paragraphYear = null;
    const isItem = startsLine && LIST_ITEM.test(sentenceText);
    if (startsLine && (SECTION_HEADING.test(sentenceText) || ((listAwaitsYear || listYearFromItem) && !isItem))) {
      listYear = null;
      listAwaitsYear = false;
      listYearFromItem = false;
    }
    if (sentenceText.includes("\t")) continue; // table rows are read by the table readers
    const { ownYears, leadIns } = readSentence(text, sentence, listYear, options, targets, unread, paragraphYear);
    paragraphYear = ownYears.filter((year) => leadIns.has(year)).pop() ?? paragraphYear;
    if (text[sentence.end] === "\n" && sentenceText.endsWith("：")) {
      listYear = ownYears.filter((year) => leadIns.has(year)).pop() ?? null;
      listAwaitsYear = listYear === null;
      listYearFromItem = false;
    } else if (listAwaitsYear && isItem) {
      const firstPiece = sentenceText.replace(LIST_ITEM, "").split(/[，：,]/)[0];
      const itemYear = ownYears.find((year) => year.role === "deadline" && YEAR_ONLY_PIECE.test(firstPiece));
      if (itemYear) {
        listYear = itemYear;
        listAwaitsYear = false;
        listYearFromItem = true;
      }
    }
  }
  return { targets, unread };
}

/**
 * Reads one sentence: its clauses (split at ；) with the sentence's years, plus a year carried in
 * from a list's lead-in line or a table's deadline column (placed before the sentence).
 * @returns the sentence's own years, and the deadlines that lead in later clauses
 */
function readSentence(
  text: string,
  sentence: Sentence,
  carriedYear: YearMention | null,
  options: TargetScanOptions,
  targets: FoundTarget[],
  unread: UnreadSentence[] | null,
  paragraphYear: YearMention | null = null,
): { ownYears: YearMention[]; leadIns: Set<YearMention> } {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const ownYears = scanYears(sentenceText);
  // Placed before the sentence (offset −1), so any year of the sentence's own comes after it.
  const years: YearMention[] = carriedYear ? [{ ...carriedYear, start: -1, end: -1 }, ...ownYears] : ownYears;
  const leadIns = new Set<YearMention>(years.filter((year) => year.start < 0 || isLeadIn(sentenceText, year)));
  const before = targets.length;
  const sentenceYears = { years, leadIns, sentence: sentenceText };
  const paragraphDeadline = paragraphYear ? { ...paragraphYear, start: -1, end: -1 } : null;
  const milestoneYears =
    paragraphDeadline && !years.some((year) => year.role === "deadline")
      ? { years: [paragraphDeadline], leadIns: new Set([paragraphDeadline]), sentence: sentenceText }
      : sentenceYears;
  let clauseStart = 0;
  for (const clauseText of sentenceText.split("；")) {
    readClause(clauseText, clauseStart, sentenceYears, sentence.start, options, targets, milestoneYears);
    clauseStart += clauseText.length + 1;
  }
  if (
    unread &&
    targets.length === before &&
    years.some((year) => year.role === "deadline") &&
    scanMentions(sentenceText).length > 0
  ) {
    unread.push(sentence);
  }
  return { ownYears, leadIns };
}

/**
 * Finds targets and milestones in one stretch of text that is not a plan sentence of its own: a
 * task table's 工作目标 cell. The row's deadline (完成时限 2025年底) dates what the cell does not.
 *
 * @param text - cleaned plan text
 * @param start - clean-text start of the stretch
 * @param end - clean-text end of the stretch
 * @param deadlineYear - the row's deadline year, or null (the plan's horizon then applies)
 * @param options - the plan's horizon and start years (see planYears)
 * @returns targets with clean-text spans inside the stretch
 * @example
 * findTargetsIn("新增变压器1000台以上", 0, 11, 2025, { horizonYear: 2027, planStartYear: 2024 })[0].targetYear // → 2025
 */
export function findTargetsIn(
  text: string,
  start: number,
  end: number,
  deadlineYear: number | null,
  options: TargetScanOptions,
): FoundTarget[] {
  const targets: FoundTarget[] = [];
  const deadline: YearMention | null =
    deadlineYear === null ? null : { role: "deadline", year: deadlineYear, periodStart: null, start: -1, end: -1 };
  for (const sentence of sentencesOf(text.slice(start, end))) {
    readSentence(text, { start: start + sentence.start, end: start + sentence.end }, deadline, options, targets, null);
  }
  return targets;
}

/**
 * Milestones: dated phrases with a completion predicate and no number (到2027年，全面淘汰…), and
 * actions done by a dated deadline (2024年底前完成…摸底登记).
 */
import { DATED_ACTION, IMPLEMENTING_DOCUMENT, MILESTONE_PREDICATE } from "./lexicon";
import type { Piece } from "./mentions";
import { indicatorName } from "./naming";
import { firstYearFrom, yearFor, type SentenceYears, type TargetScanOptions } from "./clauseYears";
import { YEAR_ONLY_PIECE } from "./years";
import type { FoundTarget } from "./targets";

/**
 * Reads the milestones of one clause: each phrase (piece) with no number read as a target that
 * holds a completion predicate (全面淘汰, 全覆盖, 完成…改造) or a dated action, dated by the deadline
 * governing it (see yearFor). Two predicates in one phrase (全部更新改造完毕) are one milestone.
 * @param clause - the clause's text
 * @param pieces - its pieces (see splitPieces)
 * @param numbered - pieces where a number was read as a target: no milestone there
 * @param clauseOffset - sentence offset of the clause
 * @param sentenceOffset - clean-text offset of the sentence
 * @param out - found targets, to which the milestones are appended
 */
export function readMilestones(
  clause: string,
  pieces: readonly Piece[],
  numbered: ReadonlySet<Piece>,
  sentenceYears: SentenceYears,
  clauseOffset: number,
  sentenceOffset: number,
  options: TargetScanOptions,
  out: FoundTarget[],
): void {
  const absolute = (position: number): number => sentenceOffset + clauseOffset + position;
  for (const piece of pieces) {
    if (numbered.has(piece)) continue;
    const pieceText = clause.slice(piece.start, piece.end);
    let segmentStart = 0;
    let lastEnd = -1;
    for (const match of pieceText.matchAll(MILESTONE_PREDICATE)) {
      const matchStart = match.index ?? 0;
      const year = yearFor(sentenceYears, clauseOffset + piece.start + matchStart, clauseOffset, clause, options);
      if (!year || year.start > clauseOffset + piece.start + matchStart) continue;
      // Two predicates in one phrase (全部更新改造完毕) are one milestone; a 、 separates two.
      if (lastEnd >= 0 && !pieceText.slice(lastEnd, matchStart).includes("、")) {
        const last = out[out.length - 1];
        last.end = Math.max(last.end, absolute(piece.start + endOfPhrase(pieceText, matchStart + match[0].length)));
        lastEnd = matchStart + match[0].length;
        continue;
      }
      if (lastEnd >= 0) segmentStart = pieceText.lastIndexOf("、", matchStart) + 1;
      const phraseEnd = endOfPhrase(pieceText, matchStart + match[0].length);
      let spanStart = piece.start + segmentStart;
      const index = piece.index;
      if (
        segmentStart === 0 &&
        index > 0 &&
        YEAR_ONLY_PIECE.test(clause.slice(pieces[index - 1].start, pieces[index - 1].end))
      ) {
        spanStart = pieces[index - 1].start;
      }
      out.push({
        kind: "milestone",
        comparator: null,
        value: null,
        unit: null,
        normalizedValue: null,
        baseYear: null,
        startYear: null,
        targetYear: year.year,
        indicator: indicatorName(pieceText.slice(segmentStart, phraseEnd)).slice(0, 40),
        start: absolute(spanStart),
        end: absolute(piece.start + phraseEnd),
        anchor: absolute(piece.start + matchStart),
      });
      lastEnd = matchStart + match[0].length;
    }
    if (lastEnd < 0) {
      const prior = piece.index > 0 ? pieces[piece.index - 1] : null;
      const dated =
        datedAction(pieceText, clauseOffset + piece.start, sentenceYears) ??
        (prior
          ? actionAfterDeadline(
              clause.slice(prior.start, prior.end),
              clauseOffset + prior.start,
              pieceText,
              sentenceYears,
            )
          : null);
      if (dated) {
        const phraseEnd = endOfPhrase(pieceText, dated.actionAt);
        const spanStart = dated.actionAt < 0 && prior ? prior.start : piece.start;
        out.push({
          kind: "milestone",
          comparator: null,
          value: null,
          unit: null,
          normalizedValue: null,
          baseYear: null,
          startYear: null,
          targetYear: dated.year,
          indicator: indicatorName(pieceText.slice(Math.max(0, dated.actionAt), phraseEnd)).slice(0, 40),
          start: absolute(spanStart),
          end: absolute(piece.start + phraseEnd),
          anchor: absolute(piece.start + Math.max(0, dated.actionAt)),
        });
      }
    }
  }
}

/**
 * A milestone with no end-state word: a deadline ending in 前 (年底前, 6月底前, 9月15日前) directly
 * followed by a verb of completing or issuing and its object, in one phrase.
 * @param pieceText - the phrase's text
 * @param pieceOffset - sentence offset of the phrase
 * @returns the deadline year and the phrase offset of the verb, or null
 */
function datedAction(
  pieceText: string,
  pieceOffset: number,
  { years, sentence }: SentenceYears,
): { year: number; actionAt: number } | null {
  for (let at = firstYearFrom(years, pieceOffset); at < years.length; at++) {
    const year = years[at];
    if (year.start > pieceOffset + pieceText.length) break;
    if (year.role !== "deadline" || year.end > pieceOffset + pieceText.length) continue;
    if (!sentence.slice(year.start, year.end).endsWith("前")) continue;
    const actionAt = year.end - pieceOffset;
    const action = DATED_ACTION.exec(pieceText.slice(actionAt));
    // 各市要于2024年6月底前出台具体实施方案: issuing a document is how the plan is carried out, not a target.
    if (action && !IMPLEMENTING_DOCUMENT.test(action[0])) return { year: year.year, actionAt };
  }
  return null;
}

/** A deadline standing as a phrase of its own: 2024年底前, 力争2025年6月底前, 于2025年9月30日前. */
const DEADLINE_PIECE =
  /^(?:力争|争取|要|须|需)?(?:于|在|到)?[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?底?(?:前|以前|之前)$/;

/**
 * A dated action whose deadline stands as a phrase of its own before it: 2024年底前，完成…摸底登记.
 * @param priorText - the phrase before (the deadline alone, ending in 前)
 * @param priorOffset - sentence offset of that phrase
 * @param pieceText - the phrase that opens with the action
 * @returns the deadline year and actionAt −1 (the milestone's source starts at the deadline), or null
 */
function actionAfterDeadline(
  priorText: string,
  priorOffset: number,
  pieceText: string,
  { years }: SentenceYears,
): { year: number; actionAt: number } | null {
  if (!DEADLINE_PIECE.test(priorText)) return null;
  const year = years.find(
    (mention) =>
      mention.role === "deadline" && mention.start >= priorOffset && mention.end <= priorOffset + priorText.length,
  );
  const action = DATED_ACTION.exec(pieceText);
  if (!year || !action || IMPLEMENTING_DOCUMENT.test(action[0])) return null;
  return { year: year.year, actionAt: -1 };
}

/** End of a milestone phrase: the next 、 (another item) or the end of the piece. */
function endOfPhrase(pieceText: string, from: number): number {
  const next = pieceText.indexOf("、", from);
  return next < 0 ? pieceText.length : next;
}

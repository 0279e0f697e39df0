/**
 * 分别 lists: 普及率、数控化率分别超过90%、75% pairs each listed subject with its value; 到2025年、2027年，
 * …分别达到500辆、800辆 pairs each value with its year.
 */
import { firstYearFrom, type SentenceYears } from "./clauseYears";
import type { Mention, Piece } from "./mentions";
import { indicatorName } from "./naming";
import type { FoundTarget } from "./targets";

/**
 * 普及率、数控化率分别超过90%、75%: pairs the listed subjects with the listed values and gives
 * every member the whole phrase as its source.
 */
export function distributeRespectively(
  clause: string,
  accepted: Array<{ mention: Mention; target: FoundTarget; piece: Piece; listed: boolean }>,
  pairedYearsBefore: (position: number) => number[],
): void {
  for (let index = 0; index < accepted.length; index++) {
    const head = accepted[index];
    if (head.listed) continue;
    let last = index;
    while (last + 1 < accepted.length && accepted[last + 1].listed) last++;
    if (last === index) continue;
    const pieceBefore = clause.slice(head.piece.start, head.mention.numberStart);
    const respectively = pieceBefore.lastIndexOf("分别");
    if (respectively < 0) continue;
    const subjectText = pieceBefore.slice(0, respectively);
    const subjects = subjectText.split("、");
    const members = accepted.slice(index, last + 1);
    const spanStart = head.target.start;
    const spanEnd = members[members.length - 1].target.end;
    // 到2025年、2027年，…分别达到500辆、800辆: one subject, a value for each year.
    const years = subjects.length === members.length ? [] : pairedYearsBefore(head.mention.numberStart);
    members.forEach((member, position) => {
      if (subjects.length === members.length)
        member.target.indicator = indicatorName(subjects[position]) || member.target.indicator;
      if (years.length === members.length) member.target.targetYear = years[position];
      member.target.start = spanStart;
      member.target.end = spanEnd;
    });
    index = last;
  }
}

/**
 * The deadlines written as one list just before a position (到2025年、2027年，…): their years in
 * order, or [] when the last deadline before it stands alone.
 */
export function pairedYears({ years, sentence }: SentenceYears, position: number): number[] {
  const chain: number[] = [];
  let at = firstYearFrom(years, position) - 1;
  while (at >= 0 && years[at].role !== "deadline") at--;
  while (at >= 0 && years[at].role === "deadline" && years[at].start >= 0) {
    chain.unshift(years[at].year);
    const before = years[at - 1];
    if (!before || before.start < 0 || !/^[、和及]$/.test(sentence.slice(before.end, years[at].start))) break;
    at--;
  }
  return chain.length >= 2 ? chain : [];
}

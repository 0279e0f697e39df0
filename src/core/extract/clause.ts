/**
 * Reading one clause (the text between ；): which of its numbers are targets, of what kind, with
 * which comparator, year, name and source span. A number with a unit is a target when it ends its
 * phrase (…达到55家以上。) or is the object of a completion verb (完成78公里…); numbers that qualify
 * a noun (使用8年以上的公务用车, 1万吨标准煤以上项目, 20项重点任务) are thresholds or plan-describing
 * counts and are skipped.
 */
import type { TargetKind } from "../catalog";
import {
  ACTIVITY_BEFORE_COUNT,
  BACKGROUND,
  BASE_PHRASE,
  comparatorOf,
  COMPLETION_VERB,
  COMPLETION_VERB_END,
  DECREASE_VERB_END,
  EQUIPPED_AFTER,
  FORECAST,
  FUND,
  GROWTH_VERB_END,
  ANNUAL_RATE,
  APPROXIMATE,
  BASE_YEAR,
  BASE_YEAR_OF_FIGURE,
  CHANGE_VERB,
  CUMULATIVE,
  LEVEL_VERB_END,
  LIST_BREAK,
  MEASURED_STOCK,
  NEW_COUNT,
  NAME_WINDOW,
  TAIL,
  OBJECT_THEN_VERB,
  PAST_YEAR_FIGURE,
  PER_PERIOD,
  PER_YEAR,
  PERIODS_PER_YEAR,
  POLICY_INPUT,
  PREFIX_COMPARATOR,
  RATE_AFTER_LEVEL_VERB,
  RATE_QUALIFIER_END,
  ROUTINE,
  STRICT_LEVEL_VERB_END,
  TARGET_CONTEXT,
  THRESHOLD_BEFORE,
} from "./lexicon";
import { MatchIndex } from "./matchIndex";
import { isCjk, scanMentions, splitPieces, type Mention, type Piece } from "./mentions";
import { readMilestones } from "./milestones";
import { distributeRespectively, pairedYears } from "./respectively";
import { indicatorName } from "./naming";
import { RATIO_UNITS } from "./numbers";
import { lastBaseYear, yearFor, type SentenceYears, type TargetScanOptions } from "./clauseYears";
import { YEAR_ONLY_PIECE } from "./years";
import type { FoundTarget } from "./targets";

/**
 * Reads the targets and milestones of one clause into `out`.
 * @param clause - the clause's text
 * @param clauseOffset - sentence offset of the clause
 * @param sentenceYears - the sentence's years (see SentenceYears)
 * @param sentenceOffset - clean-text offset of the sentence
 * @param options - the plan's horizon and start years
 * @param out - found targets, appended to in clause order
 * @param milestoneYears - the years that date milestones: the sentence's, or a deadline carried
 *   from an earlier sentence of the paragraph when the sentence names none
 */
export function readClause(
  clause: string,
  clauseOffset: number,
  sentenceYears: SentenceYears,
  sentenceOffset: number,
  options: TargetScanOptions,
  out: FoundTarget[],
  milestoneYears: SentenceYears = sentenceYears,
): void {
  const pieces = splitPieces(clause);
  const pieceOf = (position: number): Piece => {
    // The first piece ending at or after the position (pieces are in order).
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pieces[middle].end < position) low = middle + 1;
      else high = middle;
    }
    return pieces[low];
  };
  const index = new MatchIndex(clause);
  const absolute = (position: number): number => sentenceOffset + clauseOffset + position;
  const { years } = sentenceYears;
  const sentenceHasDeadline = years.some((year) => year.role === "deadline");
  const explicitStart = years.find((candidate) => candidate.role === "start")?.year ?? null;
  const accepted: Array<{ mention: Mention; target: FoundTarget; piece: Piece; listed: boolean }> = [];

  // spanEnd: clause offset where the previous target's stated phrase (number and object) ends.
  let previous: { mention: Mention; target: FoundTarget; piece: Piece; spanEnd: number; perPeriod: boolean } | null =
    null;
  const mentions = scanMentions(clause);
  for (const [mentionIndex, mention] of mentions.entries()) {
    const piece = pieceOf(mention.numberStart);
    // Patterns ending in $ look only at the words right before the number; patterns found anywhere
    // before it are asked of the clause's match index (see MatchIndex): linear in the clause.
    const pieceBefore = clause.slice(Math.max(piece.start, mention.numberStart - TAIL), mention.numberStart);
    const inPiece = (pattern: RegExp): RegExpExecArray | null => index.first(pattern, piece.start, mention.numberStart);
    const after = clause.slice(mention.suffixEnd, mention.suffixEnd + TAIL);
    const between =
      previous !== null && previous.piece === piece
        ? clause.slice(previous.mention.suffixEnd, mention.numberStart)
        : null;
    const listed = between !== null && /^[、和及]$/.test(between);
    // 燃气管网120公里、供水管网80公里: the next item of a list names its own object but has no verb.
    const listedItem = !listed && between !== null && /^、[^，；、的]{1,20}$/.test(between);
    const segmentStart =
      previous !== null && previous.piece === piece
        ? previous.spanEnd + (/[、和及]/.test(clause[previous.spanEnd] ?? "") ? 1 : 0)
        : piece.start;
    const localStart = Math.min(segmentStart, mention.numberStart);
    const localBefore = clause.slice(Math.max(localStart, mention.numberStart - TAIL), mention.numberStart);
    const targetContext = index.has(TARGET_CONTEXT, 0, mention.numberStart);

    // Attributive numbers qualify the noun after them: thresholds and plan-describing counts.
    const attributive = isCjk(after[0]) && !/^(?:的目标|目标)/.test(after);
    if (
      attributive &&
      !countedObject(
        mention,
        mentions[mentionIndex + 1],
        pieceBefore,
        inPiece(COMPLETION_VERB) !== null,
        clause,
        piece,
        index,
        sentenceHasDeadline || targetContext,
      )
    ) {
      continue;
    }
    // …风电装机容量达到300万千瓦，老旧风电场更新改造容量100万千瓦: a verbless next item of the same
    // measure (容量, 规模) ending its phrase continues the list; elsewhere they state a condition.
    const continuesList =
      !attributive &&
      /(?:容量|规模)$/.test(pieceBefore) &&
      !/以下|以内/.test(mention.suffix) &&
      /^(?:$|[，。；,])/.test(after) &&
      accepted.length > 0 &&
      accepted[accepted.length - 1].piece.index === piece.index - 1 &&
      accepted[accepted.length - 1].mention.unit === mention.unit;
    if (THRESHOLD_BEFORE.test(pieceBefore) && !RATE_AFTER_LEVEL_VERB.test(pieceBefore) && !continuesList) continue;
    const pastYear = inPiece(PAST_YEAR_FIGURE);
    const firstPlanYear = options.planStartYear ?? options.horizonYear;
    if (pastYear && firstPlanYear !== null && Number(pastYear[1]) < firstPlanYear && !inPiece(BASE_YEAR_OF_FIGURE))
      continue;
    if (inPiece(BACKGROUND)) continue;
    // Only words right before the number: 补贴 may also name the activity being counted.
    if (POLICY_INPUT.test(pieceBefore.slice(-8)) || (/元$/.test(mention.unit) && inPiece(FUND))) continue;
    const perPeriod = RATIO_UNITS.has(mention.unit) ? null : inPiece(PER_PERIOD);
    if (perPeriod && (/次$/.test(mention.unit) || inPiece(ROUTINE))) continue;
    const prefixMatch = PREFIX_COMPARATOR.exec(localBefore);
    const hasComparator = prefixMatch !== null || mention.suffix !== "" || mention.rangeTop !== null;
    const inContext =
      sentenceHasDeadline ||
      // 更新老旧环卫车辆60台。: the object of a completion verb, ending its phrase, in a task.
      (!attributive && index.has(COMPLETION_VERB, localStart, mention.numberStart)) ||
      targetContext ||
      perPeriod !== null ||
      hasComparator ||
      listed ||
      listedItem ||
      LEVEL_VERB_END.test(localBefore) ||
      GROWTH_VERB_END.test(localBefore);
    // A figure of where things stand (全市电梯总数16.1万台, 乘用车保有量约500万辆): no deadline in the
    // sentence, no target word, no verb that sets it — a fact, not a target.
    const bareFigure =
      !attributive &&
      !listed &&
      !listedItem &&
      !sentenceHasDeadline &&
      !targetContext &&
      perPeriod === null &&
      !index.has(COMPLETION_VERB, localStart, mention.numberStart) &&
      !LEVEL_VERB_END.test(localBefore) &&
      !GROWTH_VERB_END.test(localBefore) &&
      (prefixMatch === null || APPROXIMATE.test(prefixMatch[1])) &&
      (mention.suffix === "" || mention.suffix === "左右" || mention.suffix === "多") &&
      mention.rangeTop === null &&
      (MEASURED_STOCK.test(localBefore) ||
        (/^其中/.test(clause.slice(piece.start)) && previous?.target.situation !== undefined)) &&
      !inPiece(POLICY_INPUT);
    if (!inContext && !bareFigure) continue;

    const lastBase = index.last(BASE_PHRASE, 0, mention.numberStart);
    const baseYear = lastBase ? Number(lastBase[1]) : null;
    const growthVerb = GROWTH_VERB_END.test(localBefore) && !/(?:到|至)$/.test(localBefore);
    // An item that only names its object (、供水管网80公里) is measured as the item before it.
    const sameAsPrevious =
      previous !== null &&
      ((listed && localBefore.trim() === "") ||
        (listedItem &&
          !index.has(COMPLETION_VERB, localStart, mention.numberStart) &&
          !LEVEL_VERB_END.test(localBefore) &&
          !GROWTH_VERB_END.test(localBefore)));
    let kind: TargetKind;
    if (sameAsPrevious && previous) {
      kind = previous.target.kind;
    } else if (RATIO_UNITS.has(mention.unit)) {
      // A base year counts for a share only when a change verb follows it in this piece
      // (较2023年…新增和更换…比例达到100% is a share: 新增 names the machines, not a change).
      const basePiece = inPiece(BASE_YEAR);
      const changeAfterBase = basePiece !== null && index.has(CHANGE_VERB, basePiece.index, mention.numberStart);
      if (mention.unit !== "倍" && ANNUAL_RATE.test(localBefore)) kind = "annual";
      else
        kind =
          mention.unit === "倍" ||
          mention.unit === "成" ||
          growthVerb ||
          mention.unit.endsWith("百分点") ||
          changeAfterBase
            ? "growth_vs_baseline"
            : "share";
    } else if (perPeriod || inPiece(PER_YEAR)) {
      kind = "annual";
    } else if (
      inPiece(CUMULATIVE) ||
      cumulativeCarries(index, piece.start, accepted.length > 0 ? accepted[accepted.length - 1].mention.suffixEnd : -1)
    ) {
      kind = "cumulative";
    } else if (baseYear !== null && growthVerb) {
      kind = "growth_vs_baseline";
    } else if (inPiece(NEW_COUNT)) {
      // 新增…达到8家: the new ones are counted over the period, whatever verb states the count.
      kind = "cumulative";
    } else if (STRICT_LEVEL_VERB_END.test(localBefore.replace(/力争|争取/g, "").replace(RATE_QUALIFIER_END, ""))) {
      kind = "level";
    } else if (
      inPiece(COMPLETION_VERB) ||
      ACTIVITY_BEFORE_COUNT.test(localBefore) ||
      (/为$/.test(localBefore) && EQUIPPED_AFTER.test(after))
    ) {
      kind = "cumulative";
    } else {
      kind = "level";
    }
    let comparator = comparatorOf(prefixMatch ? prefixMatch[1] : null, mention.suffix);
    if (listed && previous && comparator === "=" && localBefore.trim() === "")
      comparator = previous.target.comparator ?? "=";
    if (mention.rangeTop !== null) comparator = ">=";

    const year = yearFor(
      sentenceYears,
      clauseOffset + mention.numberStart,
      clauseOffset,
      clause,
      options,
      kind === "annual",
      index,
    );
    const targetYear = year ? year.year : options.horizonYear;
    const counts = kind === "cumulative" || kind === "annual";
    const startYear = counts ? (year?.periodStart ?? explicitStart ?? options.planStartYear) : null;

    // Source: the phrase from its segment start, with a scope piece (更新的公交车辆中，) and a bare
    // year piece before it.
    let spanStart = Math.min(segmentStart, mention.numberStart);
    let scope = "";
    if (spanStart === piece.start) {
      let at = piece.index;
      const scoped =
        at > 0 && RATIO_UNITS.has(mention.unit) ? scopeOf(clause.slice(pieces[at - 1].start, pieces[at - 1].end)) : "";
      if (scoped !== "") {
        scope = scoped;
        at--;
        spanStart = pieces[at].start;
      }
      const prior = at > 0 ? pieces[at - 1] : null;
      if (prior && YEAR_ONLY_PIECE.test(clause.slice(prior.start, prior.end))) spanStart = prior.start;
    }
    // …完成78公里燃气管道老化更新: the object after the number belongs to the stated target, up to
    // the end of the phrase (or the 、 before the next number of a list).
    let spanEnd = mention.suffixEnd;
    if (attributive) {
      const next = mentions[mentionIndex + 1];
      const nextInPiece = next !== undefined && next.numberStart < piece.end;
      const listBreak = nextInPiece ? index.lastStartBy(LIST_BREAK, next.numberStart) : -1;
      spanEnd = listBreak > mention.suffixEnd ? listBreak : nextInPiece ? mention.suffixEnd : piece.end;
    }
    // Names are at most 40 characters: a bounded stretch of text names the number.
    const nameBefore = clause.slice(Math.max(localStart, mention.numberStart - NAME_WINDOW), mention.numberStart);
    const nameAfter = clause.slice(mention.suffixEnd, Math.min(piece.end, mention.suffixEnd + NAME_WINDOW));
    let indicator = indicatorName(nameBefore.replace(RATE_QUALIFIER_END, ""));
    // 完成78公里燃气管道老化更新: the measured thing follows the number.
    if (attributive) indicator = indicatorName(nameAfter) || indicator;
    if (indicator === "" && listed && previous) indicator = previous.target.indicator;
    if (indicator === "")
      indicator = indicatorName(
        clause.slice(Math.max(piece.start, mention.numberStart - NAME_WINDOW), mention.numberStart),
      );
    // 每年推动不少于15家4A级及以上旅游景区开展…: only the words after the number name it.
    if (indicator === "") indicator = indicatorName(nameAfter);
    // …设备投资规模较2023年增长35%以上，年均增长8%左右 / …不少于350台，其中2024年完成80台: a number with
    // no subject of its own measures the previous one's (its annual rate, or a part of it).
    if (indicator === "" && previous)
      indicator =
        `${previous.target.indicator}${kind === "annual" && RATIO_UNITS.has(mention.unit) ? "年均增长" : ""}`.slice(
          0,
          40,
        );
    // 推进…柴油货车淘汰，力争…累计淘汰350辆: a bare verb takes its object from the piece before.
    if (indicator.length > 0 && indicator.length < 4)
      indicator = objectBefore(clause, pieces, piece, indicator) ?? indicator;
    // Two shares of one name (新能源车辆比例) told apart by their scope: 更新的公交车辆中新能源车辆比例.
    if (scope !== "" && indicator !== "") indicator = `${scope}${indicator}`.slice(0, 40);
    // A decrease is a negative change, so baseline × (1 + normalizedValue) is the target.
    const decrease =
      (kind === "growth_vs_baseline" || kind === "annual") &&
      RATIO_UNITS.has(mention.unit) &&
      (DECREASE_VERB_END.test(localBefore) ||
        (sameAsPrevious && previous !== null && (previous.target.value ?? 0) < 0));
    const signedValue = decrease ? -mention.value : mention.value;
    // 每季度1场 → 4 a year: the core tracks per-year amounts (value and unit stay as written).
    const periodsPerYear = perPeriod ? PERIODS_PER_YEAR[perPeriod[1]] : 1;
    const normalizedValue = Math.round(signedValue * mention.factor * periodsPerYear * 1e9) / 1e9;
    // 每季度组织1场…，全年不少于4场: the year's figure, with no subject of its own, restates the
    // per-period one: one target, stated by both phrases, with the year's figure and comparator.
    if (
      previous?.perPeriod &&
      !perPeriod &&
      kind === "annual" &&
      previous.target.unit === mention.unit &&
      previous.target.normalizedValue === normalizedValue &&
      indicatorName(clause.slice(Math.max(piece.start, mention.numberStart - NAME_WINDOW), mention.numberStart)) === ""
    ) {
      Object.assign(previous.target, { comparator, value: signedValue, normalizedValue, end: absolute(spanEnd) });
      previous = { mention, target: previous.target, piece, spanEnd, perPeriod: false };
      continue;
    }
    // Where things stand, not a goal: a bare figure, a forecast (有望超过70万辆), or a figure of a
    // plain past year (2023年全市…达到186家, before the plan's first year) with no target word.
    const firstKnownYear = options.planStartYear ?? options.periodStartYear ?? null;
    const pastYearFigure =
      year !== null &&
      year.start >= 0 &&
      firstKnownYear !== null &&
      year.year < firstKnownYear &&
      !targetContext &&
      // 2023年全市… (a plain year) or 截至2023年底 (a status date), not 到2023年 (a deadline).
      ((/^[0-9]{4}年$/.test(sentenceYears.sentence.slice(year.start, year.end)) &&
        !/[到至截]$/.test(sentenceYears.sentence.slice(Math.max(0, year.start - 1), year.start))) ||
        (/^[0-9]{4}年[底末]?$/.test(sentenceYears.sentence.slice(year.start, year.end)) &&
          /(?:截至|截止)$/.test(sentenceYears.sentence.slice(Math.max(0, year.start - 2), year.start))));
    const forecast = inPiece(FORECAST) !== null;
    const situation =
      bareFigure || forecast || pastYearFigure || (sameAsPrevious && previous?.target.situation !== undefined)
        ? { year: pastYearFigure || forecast ? (year?.year ?? null) : (previous?.target.situation?.year ?? null) }
        : undefined;
    const target: FoundTarget = {
      ...(situation ? { situation } : {}),
      kind,
      comparator,
      value: signedValue,
      unit: mention.unit,
      normalizedValue,
      // 较2023年 anywhere before the number in the sentence (较2023年增长25%；…增加约一倍).
      baseYear:
        kind === "growth_vs_baseline" ? (baseYear ?? lastBaseYear(years, clauseOffset + mention.numberStart)) : null,
      startYear,
      targetYear,
      indicator,
      start: absolute(spanStart),
      end: absolute(spanEnd),
      anchor: absolute(mention.numberStart),
    };
    accepted.push({ mention, target, piece, listed });
    previous = { mention, target, piece, spanEnd, perPeriod: perPeriod !== null };
  }

  distributeRespectively(clause, accepted, (position) => pairedYears(sentenceYears, clauseOffset + position));
  for (const entry of accepted) out.push(entry.target);

  if (milestoneYears.years.some((year) => year.role === "deadline"))
    readMilestones(
      clause,
      pieces,
      new Set(accepted.map((entry) => entry.piece)),
      milestoneYears,
      clauseOffset,
      sentenceOffset,
      options,
      out,
    );
}

/**
 * The scope of a share stated in the piece before it: 全市更新的公交车辆中，新能源车辆比例达100% →
 * 更新的公交车辆中. Only a short noun phrase ending in 中 (not 其中, 工作中, 过程中); brackets dropped.
 * @param priorPiece - text of the piece before the share's own piece
 * @returns the scope words, or "" when the piece is not a scope
 */
function scopeOf(priorPiece: string): string {
  if (!/中$/.test(priorPiece) || /(?:其|工作|过程|推进|实施|执行|发展|建设)中$/.test(priorPiece)) return "";
  const scope = indicatorName(priorPiece.replace(/（[^（）]*）/g, "")).replace(/^在/, "");
  return scope.length >= 3 && scope.length <= 20 && !/[0-9]/.test(scope) ? scope : "";
}

/**
 * Whether a number followed by its noun is still the amount to do (the object counted), not a
 * condition on the noun: 完成78公里燃气管道…, 每年推动500家以上规上工业企业实施…, 建设和改造
 * 不少于10万个充电端口. Conditions keep being skipped: 1万吨标准煤以上项目 (no completion verb),
 * 200万元以上的技改项目 (的), 实施500万元以上项目100个 (money, and another number follows).
 *
 * @param next - the next number in the clause, if any
 * @param pieceBefore - the piece's words right before the number (see TAIL)
 * @param completionVerbBefore - whether a completion verb stands anywhere in the piece before the number
 * @param piece - the number's piece; index - the clause's match index
 * @param dated - whether the sentence has a deadline or the clause a target word (每年, 力争 …)
 */

function countedObject(
  mention: Mention,
  next: Mention | undefined,
  pieceBefore: string,
  completionVerbBefore: boolean,
  clause: string,
  piece: Piece,
  index: MatchIndex,
  dated: boolean,
): boolean {
  // 淘汰35蒸吨/小时以下燃煤锅炉: an upper bound on a noun is a threshold, never an amount to do.
  if (/以下|以内/.test(mention.suffix)) return false;
  if (mention.suffix === "" && COMPLETION_VERB_END.test(pieceBefore)) return true;
  // 到2027年，为120家村卫生室配备…设备: the places equipped by a date are a deliverable.
  if (dated && /为$/.test(pieceBefore) && EQUIPPED_AFTER.test(clause.slice(mention.suffixEnd, piece.end))) return true;
  // A list (打造10个以上…中心、培育10家以上…企业): only this item's object counts.
  const listBreak = index.first(LIST_BREAK, mention.suffixEnd, piece.end);
  const restEnd = listBreak ? listBreak.index : piece.end;
  if (/元$/.test(mention.unit) || (next !== undefined && next.numberStart < restEnd)) return false;
  const rest = clause.slice(mention.suffixEnd, restEnd);
  if (rest.includes("的")) return false;
  // Undated, only a plain object ends it, and not in the past tense (培育了30家以上…企业 is background).
  if (mention.suffix !== "")
    return COMPLETION_VERB_END.test(pieceBefore) && (dated || (!pieceBefore.endsWith("了") && endsWithObject(rest)));
  return /(?:不少于|不低于|达到)$/.test(pieceBefore) && completionVerbBefore;
}

/**
 * Whether the words after a counted number are only its object: 打造10个以上家装消费体验中心。
 * An undated task sentence states a target this way; a verb after the object (…企业参加展会,
 * …企业开展转型) makes the number a participant count instead.
 */
function endsWithObject(rest: string): boolean {
  return (
    rest.length >= 2 &&
    rest.length <= 20 &&
    !/[的，、]/.test(rest) &&
    !COMPLETION_VERB.test(rest) &&
    !OBJECT_THEN_VERB.test(rest)
  );
}

/**
 * The object of a bare verb from the piece before it in the clause: in 推进国三及以下营运柴油货车淘汰，
 * 力争2025年底前累计淘汰350辆 the 淘汰 of the number is the 柴油货车淘汰 of the piece before.
 * @param verb - the bare indicator (淘汰)
 * @returns the earlier piece's name when it contains the verb and more, else null
 */
function objectBefore(clause: string, pieces: readonly Piece[], piece: Piece, verb: string): string | null {
  if (piece.index <= 0) return null;
  const priorPiece = pieces[piece.index - 1];
  const prior = clause.slice(Math.max(priorPiece.start, priorPiece.end - NAME_WINDOW), priorPiece.end);
  if (!prior.includes(verb)) return null;
  const name = indicatorName(prior);
  return name.length > verb.length && name.includes(verb) ? name : null;
}

/**
 * 累计更新…设备，带动投资约120亿元: a 累计 earlier in the clause makes a later amount
 * cumulative when no number was read between them.
 * @param pieceStart - start of the number's piece in the clause
 * @param lastNumberEnd - end of the last number read in the clause (−1 when none)
 */
function cumulativeCarries(index: MatchIndex, pieceStart: number, lastNumberEnd: number): boolean {
  const at = index.lastStartBy(CUMULATIVE, pieceStart);
  return at >= 0 && at > lastNumberEnd;
}

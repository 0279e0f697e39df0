/**
 * Target recognition: finds the quantified targets and the milestones in cleaned plan text.
 *
 * A sentence is split into clauses (；) and pieces (，). A number with a unit is a target when
 * it ends its phrase (…达到55家以上。) or is the object of a completion verb (完成78公里…);
 * numbers that qualify a noun (使用8年以上的公务用车, 1万吨标准煤以上项目, 20项重点任务) are
 * thresholds or plan-describing counts and are skipped. A milestone is a dated clause with a
 * completion predicate and no number (到2027年，全面淘汰…).
 */
import type { Comparator, Target, TargetKind } from "../catalog";
import { RATIO_UNITS, parseNumber, readUnit } from "./numbers";
import { indicatorName } from "./naming";
import { scanYears, YEAR_ONLY_PIECE, type YearMention } from "./years";

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
}

/** A dated sentence in which nothing was recognised (reported as a warning). */
export interface UnreadSentence {
  start: number;
  end: number;
}

interface Mention {
  /** Offsets relative to the clause. */
  numberStart: number;
  numberEnd: number;
  suffixEnd: number;
  value: number;
  unit: string;
  factor: number;
  suffix: string;
  /** Upper bound of a range (50—60万吨), else null. */
  rangeTop: number | null;
}

const NUMBER_TOKEN = /[0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+/g;
const SUFFIX = /^(?:（含）)?(及以上|以上|及以下|以下|以内|左右|多)/;
const PREFIX_COMPARATOR = /(不低于|不少于|至少|不超过|不高于|控制在|超过|突破|高于|多于|低于|少于|大约|约|近)(?:约)?$/;
/** Verbs of doing a countable thing: the number after them is an amount to complete. */
const COMPLETION_VERB =
  /完成|新建|改建|新改建|改造|更新|更换|淘汰|建成|建设|培育|新增|实施|招引|引进|引育|报废|加装|创建|打造|推广|迁建|提标|配备|安装|购置|培训|收购|处置|组织|开展|举办|新投产|投产|制修订|制定|发布|共通|回收|推动|落地|认定|储备|争取|规范提升|整治提升|提质升级|提档升级/;
const COMPLETION_VERB_END = new RegExp(`(?:${COMPLETION_VERB.source})(?:约|共|了)?$`);
const LEVEL_VERB_END =
  /(?:达到|达|突破|保持在|保持|稳定在|提高到|提升到|提高至|提升至|增至|超过|不低于|不少于)(?:约)?$/;
/** Verbs that set an amount to reach; 超过/不低于/不少于 only compare, so a completion verb before them decides. */
const STRICT_LEVEL_VERB_END = /(?:达到|达|突破|保持在|保持|稳定在|提高到|提升到|提高至|提升至|增至)(?:约)?$/;
/** A growth rate per year (年均增长8%, 年增长10%左右): an annual target, not growth against a base. */
const ANNUAL_RATE =
  /(?:年均|每年|(?<![0-9〇零一二三四五六七八九十])年)(?:增长|增速|递增|提高|提升)(?:率)?(?:达到|保持在|为)?(?:约|近|超过|不低于)?$/;
const GROWTH_VERB_END = /(?:增长|增加|提高|提升|下降|降低|减少|翻)(?:了)?(?:约|近|超过|不低于|不少于)?$/;
/** A change downwards (比2023年下降4.5%): stored as a negative change, −4.5 and −0.045. */
const DECREASE_VERB_END = /(?:下降|降低|减少)(?:了)?(?:约|近|超过|不低于|不少于)?$/;
const BASE_PHRASE = /(?:较|比|相比|相较于?|同比)([0-9]{4})年/g;
/** Words before a number that make it a condition, not a goal (使用8年以上, 年耗能1万吨). */
const THRESHOLD_BEFORE =
  /(?:使用|运行|服役|车龄|能耗|耗能|年产|年处理|日处理|年拆解|加工|功率|排量|载重|年限|设计|容量|规模为|人间|总投资|投资额|购置额)(?:约|超过|达|在)?$/;
/** A rate qualifier between a level verb and its number (达到日处理3.5万吨): part of the measure, not a threshold. */
const RATE_AFTER_LEVEL_VERB =
  /(?:达到|达|突破|提高到|提升到|提高至|提升至|增至|超过)(日|年|月)(?:处理|均|产)?(?:能力)?$/;
/** The rate qualifier itself, dropped before reading the verb and the name. */
const RATE_QUALIFIER_END =
  /(?<=达到|达|突破|提高到|提升到|提高至|提升至|增至|超过)(?:日|年|月)(?:处理|均|产)?(?:能力)?$/;
/** A figure of a past year (2023年度…零售额不低于5000万元): a condition or background, not a goal. */
const PAST_YEAR_FIGURE = /([0-9]{4})年度/;
const BACKGROUND = /已经?(?:建成|完成|累计|达到|实现|有)|现有|目前|截至目前|截止目前|去年|上年/;
/**
 * Policy inputs, not outcomes: subsidy rates and caps, loan terms, meeting frequencies, and
 * arrangement rates (担保费率不超过1%, 考核分值占比不低于2%: fee rates, assessment weights).
 */
const POLICY_INPUT =
  /补贴|补助|奖励|奖补|贴息|首付|利率|费率|分值|权重|贷款|额度|最高|单件|单台|单个|每辆|每台|每户|每件|每人|每个|每套|每(?:周|旬|半月)|按(?:照)?[^，]{0,12}的$|给予/;
const FUND = /资金|基金|经费|预算|金额/;
/**
 * An amount per quarter, month or half-year (每季度组织1场…): a per-year target, counted as the
 * year's total (×4, ×12, ×2) so it is tracked like 每年….
 */
const PER_PERIOD = /每(季度|月|半年)/;
const PERIODS_PER_YEAR: Readonly<Record<string, number>> = { 季度: 4, 月: 12, 半年: 2 };
/** A working routine, not an outcome: 每季度调度1次, 每月报送…, 每半年报告一次. */
const ROUTINE = /调度|报送|报告|通报|召开|督导|督查|检查|会商|对账|研判/;
/** A per-year amount written as the year's (全年不少于4场, 年度完成…): like 每年. */
const PER_YEAR = /每年|年均|每年度|全年|(?<![0-9])年度/;
const TARGET_CONTEXT = /每年|年均|累计|力争|目标|确保|争取/;
const MILESTONE_PREDICATE =
  /(?:全面|全部|基本|彻底)(?:淘汰|完成|退出|使用|停止使用|停用|关停|拆除|达到|实现|建成|覆盖|取消|消除|更新|更换|替换|清零)|全覆盖|完毕|完成[^，；。]{2,40}?(?:改造|更新|淘汰|建设|任务)|实现(?:稳定|正常|达标)(?:运行|排放)|实现(?:应收尽收|动态清零|清零)/g;
/**
 * An activity named right before its count, with no verb of its own: 汽车以旧换新1500辆 is a total
 * done, and so is an amount brought about (拉动消费8亿元, 带动投资约120亿元) — unless a level verb
 * (带动消费额突破80亿元) makes it an amount to reach.
 */
const ACTIVITY_BEFORE_COUNT = /(?:以旧换新|换新|置换|(?:拉动|带动)[\u4e00-\u9fff]{0,8})$/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
}

/**
 * Comparator from the words around a number: a suffix (以上, 左右) wins over a prefix (超过, 突破, 约).
 * @example comparatorOf("不低于", "") // → ">="
 */
export function comparatorOf(prefix: string | null, suffix: string): Comparator {
  if (suffix === "以上" || suffix === "及以上") return ">=";
  if (suffix === "以下" || suffix === "及以下" || suffix === "以内") return "<=";
  if (suffix === "左右") return "~";
  if (suffix === "多") return ">";
  switch (prefix) {
    case "超过":
    case "突破":
    case "高于":
    case "多于":
      return ">";
    case "不低于":
    case "不少于":
    case "至少":
      return ">=";
    case "不超过":
    case "不高于":
    case "控制在":
    case "低于":
    case "少于":
      return "<=";
    case "约":
    case "大约":
    case "近":
      return "~";
    default:
      return "=";
  }
}

/** Numbers with units in one clause. */
function scanMentions(clause: string): Mention[] {
  const mentions: Mention[] = [];
  let skipUntil = -1; // the upper bound of a range already read
  for (const match of clause.matchAll(NUMBER_TOKEN)) {
    let token = match[0];
    const start = match.index ?? 0;
    if (start < skipUntil) continue;
    const before = clause[start - 1];
    if (before !== undefined && /[0-9.A-Za-z第〔]/.test(before)) continue;
    const isArabic = /^[0-9]/.test(token);
    // 两万辆: the 万 belongs to the unit, as in 2万辆.
    if (!isArabic && /[万亿]$/.test(token) && token.length > 1) token = token.slice(0, -1);
    const value = parseNumber(token);
    if (value === null) continue;
    let unitAt = start + token.length;
    let rangeTop: number | null = null;
    // A range 50—60万吨: read the upper bound, keep the lower one as the value.
    const range = /^(?:—|-|~|至|到)([0-9][0-9,]*(?:\.[0-9]+)?)/.exec(clause.slice(unitAt));
    if (isArabic && range && readUnit(clause, unitAt + range[0].length)) {
      rangeTop = Number(range[1].replace(/,/g, ""));
      unitAt += range[0].length;
      skipUntil = unitAt;
    }
    // 翻一番 = 增长一倍, 翻两番 = 增长三倍 (doubling n times: 2^n − 1 as a growth ratio).
    if (!isArabic && before === "翻" && clause[unitAt] === "番" && value >= 1 && value <= 4) {
      mentions.push({
        numberStart: start,
        numberEnd: start + token.length,
        suffixEnd: unitAt + 1,
        value: 2 ** value - 1,
        unit: "倍",
        factor: 1,
        suffix: "",
        rangeTop: null,
      });
      continue;
    }
    const unit = readUnit(clause, unitAt);
    if (!unit) continue;
    if (!isArabic) {
      const textBefore = clause.slice(Math.max(0, start - 4), start);
      const unitEnd = unitAt + unit.unit.length;
      // 两千台, 一千二百台, 十个 ending their phrase are amounts; 一个, 两个市场, 一次 are words.
      const endsPhrase = !isCjk(clause.slice(unitEnd).replace(SUFFIX, "")[0]);
      const trusted =
        unit.unit === "倍" ||
        /[万亿]/.test(unit.unit) ||
        (unit.unit === "成" && /(?:增长|增加|提高|提升|下降|降低|减少)约?$/.test(textBefore)) ||
        (/[十百千]/.test(token) && endsPhrase) ||
        /(?:达到|增加|增长|新增|累计|完成|建成|培育|不少于|不低于)约?$/.test(textBefore);
      if (!trusted) continue;
    }
    // 35蒸吨/小时: a rate unit is read whole, so what follows it (以下燃煤锅炉) is seen.
    const perTime = /^\/(?:小时|时|h|日|天|月|年)/.exec(clause.slice(unitAt + unit.unit.length));
    const unitName = perTime ? unit.unit + perTime[0] : unit.unit;
    const unitEnd = unitAt + unitName.length;
    const suffixMatch = SUFFIX.exec(clause.slice(unitEnd));
    mentions.push({
      numberStart: start,
      numberEnd: start + token.length,
      suffixEnd: unitEnd + (suffixMatch ? suffixMatch[0].length : 0),
      value,
      unit: unitName,
      factor: unit.factor,
      suffix: suffixMatch ? suffixMatch[1] : "",
      rangeTop,
    });
  }
  return mentions;
}

interface Piece {
  start: number;
  end: number;
}

function splitPieces(clause: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let depth = 0;
  for (let index = 0; index <= clause.length; index++) {
    const ch = clause[index];
    if (ch === "（") depth++;
    else if (ch === "）" && depth > 0) depth--;
    if (index === clause.length || (depth === 0 && (ch === "，" || ch === "：" || ch === ","))) {
      pieces.push({ start, end: index });
      start = index + 1;
    }
  }
  return pieces;
}

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
  for (const sentence of sentencesOf(text)) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const startsLine = sentence.start === 0 || text[sentence.start - 1] === "\n";
    const isItem = startsLine && LIST_ITEM.test(sentenceText);
    if (startsLine && (SECTION_HEADING.test(sentenceText) || ((listAwaitsYear || listYearFromItem) && !isItem))) {
      listYear = null;
      listAwaitsYear = false;
      listYearFromItem = false;
    }
    if (sentenceText.includes("\t")) continue; // table rows are read by the table readers
    const { ownYears, leadIns } = readSentence(text, sentence, listYear, options, targets, unread);
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
): { ownYears: YearMention[]; leadIns: Set<YearMention> } {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const ownYears = scanYears(sentenceText);
  // Placed before the sentence (offset −1), so any year of the sentence's own comes after it.
  const years: YearMention[] = carriedYear ? [{ ...carriedYear, start: -1, end: -1 }, ...ownYears] : ownYears;
  const leadIns = new Set<YearMention>(years.filter((year) => year.start < 0 || isLeadIn(sentenceText, year)));
  const before = targets.length;
  let clauseStart = 0;
  for (const clauseText of sentenceText.split("；")) {
    readClause(clauseText, clauseStart, { years, leadIns, sentence: sentenceText }, sentence.start, options, targets);
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

/** An item marker opening a line of a list: 1． (cleaned to 1.), （1）, ①. */
const LIST_ITEM = /^(?:[0-9]{1,2}[.、](?![0-9])|（[0-9]{1,2}）|[①-⑳])/;

/** A section or chapter heading line (二、, （二）, 第二章): it ends the list a 到2027年： line leads in. */
const SECTION_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十百]{1,4}[章节部分]|附件)/;

/**
 * A period of the clause's own with no year (三年内, 今后三年): it counts from the plan's period
 * start (三年内 from 2024 → 2024, 2025, 2026), else runs to the plan's horizon.
 */
const OWN_PERIOD = /(?<![0-9])([一二两三四五六七八九十0-9]{1,2})年(?:内|之内)|今后([一二两三四五六七八九十0-9]{1,2})年/;

/** The years of one sentence, and which of them lead in the clauses after them. */
interface SentenceYears {
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
function isLeadIn(sentence: string, year: YearMention): boolean {
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
 */
function yearFor(
  { years, leadIns, sentence }: SentenceYears,
  position: number,
  clauseStart: number,
  clause: string,
  options: Pick<TargetScanOptions, "periodStartYear">,
  perYear = false,
): YearMention | null {
  let own: YearMention | null = null;
  let carried: YearMention | null = null;
  const clauseEnd = clauseStart + clause.length;
  const piecesApart = (from: number, to: number): boolean =>
    /[，：；,]/.test(sentence.slice(Math.max(0, from), Math.max(0, to)));
  for (const year of years) {
    if (year.role !== "deadline" || year.start >= position) continue;
    // 2025年底前，A全部完成更新，每年更新B 150套: the completion date is not the per-year amount's.
    if (
      perYear &&
      year.start >= 0 &&
      year.periodStart === null &&
      COMPLETION_DEADLINE.test(sentence.slice(year.start, year.end)) &&
      piecesApart(year.end, position)
    )
      continue;
    if (year.start >= clauseStart) own = year;
    else if (leadIns.has(year)) carried = year;
  }
  if (own) return own;
  const period = OWN_PERIOD.exec(clause.slice(0, position - clauseStart));
  if (period) return periodEnd(period, clauseStart, options.periodStartYear ?? null);
  if (carried) return carried;
  return (
    years.find((year) => {
      if (year.role !== "deadline" || year.start < clauseStart || year.start >= clauseEnd || year.start < position)
        return false;
      const relative = year.start - clauseStart;
      if (clause.slice(Math.max(0, relative - 3), relative).includes("其中")) return false;
      if (!piecesApart(position, year.start)) return true;
      let pieceStart = relative;
      while (pieceStart > 0 && !/[，：,]/.test(clause[pieceStart - 1])) pieceStart--;
      let pieceEnd = relative;
      while (pieceEnd < clause.length && !/[，：,]/.test(clause[pieceEnd])) pieceEnd++;
      return CLOSING_DEADLINE.test(clause.slice(pieceStart, pieceEnd));
    }) ?? null
  );
}

/**
 * The last year of a clause's own period (三年内): the plan's period start + N − 1, placed where the
 * phrase stands. Null when the plan states no start (only 到2027年): the horizon then applies.
 * @param period - the OWN_PERIOD match in the clause text before the number
 * @param clauseStart - sentence offset of the clause
 * @param periodStartYear - first year of the plan's stated period or its issue year, or null
 */
function periodEnd(period: RegExpExecArray, clauseStart: number, periodStartYear: number | null): YearMention | null {
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

/** A deadline by which something is completed (年底前, 6月底前, 以前): not the end of a per-year count. */
const COMPLETION_DEADLINE = /前$/;
/** A phrase that only closes the clause before it with a deadline: ，2025年底前完成 / ，力争2026年全部建成. */
const CLOSING_DEADLINE =
  /^(?:并|均|须|需|要|力争|争取|确保)?(?:于|在|到)?[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:底前|底|末|前|以前|之前)?(?:全部|全面|基本)?(?:完成|实现|建成|到位|完工|投用|投运)?(?:任务)?$/;

function readClause(
  clause: string,
  clauseOffset: number,
  sentenceYears: SentenceYears,
  sentenceOffset: number,
  options: TargetScanOptions,
  out: FoundTarget[],
): void {
  const pieces = splitPieces(clause);
  const pieceOf = (position: number): Piece =>
    pieces.find((piece) => position >= piece.start && position <= piece.end) ?? pieces[pieces.length - 1];
  const absolute = (position: number): number => sentenceOffset + clauseOffset + position;
  const { years } = sentenceYears;
  const sentenceHasDeadline = years.some((year) => year.role === "deadline");
  const accepted: Array<{ mention: Mention; target: FoundTarget; piece: Piece; listed: boolean }> = [];

  // spanEnd: clause offset where the previous target's stated phrase (number and object) ends.
  let previous: { mention: Mention; target: FoundTarget; piece: Piece; spanEnd: number; perPeriod: boolean } | null =
    null;
  const mentions = scanMentions(clause);
  for (const [mentionIndex, mention] of mentions.entries()) {
    const piece = pieceOf(mention.numberStart);
    const pieceBefore = clause.slice(piece.start, mention.numberStart);
    const clauseBefore = clause.slice(0, mention.numberStart);
    const after = clause.slice(mention.suffixEnd);
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
    const localBefore = clause.slice(Math.min(segmentStart, mention.numberStart), mention.numberStart);

    // Attributive numbers qualify the noun after them: thresholds and plan-describing counts.
    const attributive = isCjk(after[0]) && !/^(?:的目标|目标)/.test(after);
    if (
      attributive &&
      !countedObject(
        mention,
        mentions[mentionIndex + 1],
        pieceBefore,
        clause.slice(mention.suffixEnd, piece.end),
        sentenceHasDeadline || TARGET_CONTEXT.test(clauseBefore),
      )
    ) {
      continue;
    }
    if (THRESHOLD_BEFORE.test(pieceBefore) && !RATE_AFTER_LEVEL_VERB.test(pieceBefore)) continue;
    const pastYear = PAST_YEAR_FIGURE.exec(pieceBefore);
    const firstPlanYear = options.planStartYear ?? options.horizonYear;
    if (
      pastYear &&
      firstPlanYear !== null &&
      Number(pastYear[1]) < firstPlanYear &&
      !/(?:较|比|相比|相较于?|同比)[0-9]{4}年度/.test(pieceBefore)
    )
      continue;
    if (BACKGROUND.test(pieceBefore)) continue;
    // Only words right before the number: 补贴 may also name the activity being counted.
    if (POLICY_INPUT.test(pieceBefore.slice(-8)) || (/元$/.test(mention.unit) && FUND.test(pieceBefore))) continue;
    const perPeriod = RATIO_UNITS.has(mention.unit) ? null : PER_PERIOD.exec(pieceBefore);
    if (perPeriod && (/次$/.test(mention.unit) || ROUTINE.test(pieceBefore))) continue;
    const prefixMatch = PREFIX_COMPARATOR.exec(localBefore);
    const hasComparator = prefixMatch !== null || mention.suffix !== "" || mention.rangeTop !== null;
    const inContext =
      sentenceHasDeadline ||
      // 更新老旧环卫车辆60台。: the object of a completion verb, ending its phrase, in a task.
      (!attributive && COMPLETION_VERB.test(localBefore)) ||
      TARGET_CONTEXT.test(clauseBefore) ||
      perPeriod !== null ||
      hasComparator ||
      listed ||
      listedItem ||
      LEVEL_VERB_END.test(localBefore) ||
      GROWTH_VERB_END.test(localBefore);
    if (!inContext) continue;

    const baseMatches = [...clauseBefore.matchAll(BASE_PHRASE)];
    const baseYear = baseMatches.length > 0 ? Number(baseMatches[baseMatches.length - 1][1]) : null;
    const growthVerb = GROWTH_VERB_END.test(localBefore) && !/(?:到|至)$/.test(localBefore);
    // An item that only names its object (、供水管网80公里) is measured as the item before it.
    const sameAsPrevious =
      previous !== null &&
      ((listed && localBefore.trim() === "") ||
        (listedItem &&
          !COMPLETION_VERB.test(localBefore) &&
          !LEVEL_VERB_END.test(localBefore) &&
          !GROWTH_VERB_END.test(localBefore)));
    let kind: TargetKind;
    if (sameAsPrevious && previous) {
      kind = previous.target.kind;
    } else if (RATIO_UNITS.has(mention.unit)) {
      // A base year counts for a share only when a change verb follows it in this piece
      // (较2023年…新增和更换…比例达到100% is a share: 新增 names the machines, not a change).
      const basePiece = pieceBefore.search(/(?:较|比|相比|相较于?|同比)[0-9]{4}年/);
      const changeAfterBase = basePiece >= 0 && /增长|增加|提高|提升|下降|降低|减少/.test(pieceBefore.slice(basePiece));
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
    } else if (perPeriod || PER_YEAR.test(pieceBefore)) {
      kind = "annual";
    } else if (
      /累计/.test(pieceBefore) ||
      cumulativeCarries(clause, piece.start, accepted.length > 0 ? accepted[accepted.length - 1].mention.suffixEnd : -1)
    ) {
      kind = "cumulative";
    } else if (baseYear !== null && growthVerb) {
      kind = "growth_vs_baseline";
    } else if (STRICT_LEVEL_VERB_END.test(localBefore.replace(/力争|争取/g, "").replace(RATE_QUALIFIER_END, ""))) {
      kind = "level";
    } else if (
      COMPLETION_VERB.test(pieceBefore) ||
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
    );
    const targetYear = year ? year.year : options.horizonYear;
    const counts = kind === "cumulative" || kind === "annual";
    const explicitStart = years.find((candidate) => candidate.role === "start")?.year ?? null;
    const startYear = counts ? (year?.periodStart ?? explicitStart ?? options.planStartYear) : null;

    // Source: the phrase from its segment start, with a scope piece (更新的公交车辆中，) and a bare
    // year piece before it.
    let spanStart = Math.min(segmentStart, mention.numberStart);
    let scope = "";
    if (spanStart === piece.start) {
      let index = pieces.indexOf(piece);
      const scoped =
        index > 0 && RATIO_UNITS.has(mention.unit)
          ? scopeOf(clause.slice(pieces[index - 1].start, pieces[index - 1].end))
          : "";
      if (scoped !== "") {
        scope = scoped;
        index--;
        spanStart = pieces[index].start;
      }
      const prior = index > 0 ? pieces[index - 1] : null;
      if (prior && YEAR_ONLY_PIECE.test(clause.slice(prior.start, prior.end))) spanStart = prior.start;
    }
    // …完成78公里燃气管道老化更新: the object after the number belongs to the stated target, up to
    // the end of the phrase (or the 、 before the next number of a list).
    let spanEnd = mention.suffixEnd;
    if (attributive) {
      const next = mentions[mentionIndex + 1];
      const nextInPiece = next !== undefined && next.numberStart < piece.end;
      const listBreak = nextInPiece ? clause.lastIndexOf("、", next.numberStart) : -1;
      spanEnd = listBreak > mention.suffixEnd ? listBreak : nextInPiece ? mention.suffixEnd : piece.end;
    }
    let indicator = indicatorName(localBefore.replace(RATE_QUALIFIER_END, ""));
    // 完成78公里燃气管道老化更新: the measured thing follows the number.
    if (attributive) indicator = indicatorName(clause.slice(mention.suffixEnd, piece.end)) || indicator;
    if (indicator === "" && listed && previous) indicator = previous.target.indicator;
    if (indicator === "") indicator = indicatorName(pieceBefore);
    // 每年推动不少于15家4A级及以上旅游景区开展…: only the words after the number name it.
    if (indicator === "") indicator = indicatorName(clause.slice(mention.suffixEnd, piece.end));
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
      indicatorName(pieceBefore) === ""
    ) {
      Object.assign(previous.target, { comparator, value: signedValue, normalizedValue, end: absolute(spanEnd) });
      previous = { mention, target: previous.target, piece, spanEnd, perPeriod: false };
      continue;
    }
    const target: FoundTarget = {
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

  distributeRespectively(clause, accepted);
  for (const entry of accepted) out.push(entry.target);

  // Milestones: dated pieces with a completion predicate and no accepted number.
  if (!sentenceHasDeadline) return;
  for (const piece of pieces) {
    if (accepted.some((entry) => entry.piece === piece)) continue;
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
      const index = pieces.indexOf(piece);
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
      const dated = datedAction(pieceText, clauseOffset + piece.start, sentenceYears);
      if (dated) {
        const phraseEnd = endOfPhrase(pieceText, dated.actionAt);
        out.push({
          kind: "milestone",
          comparator: null,
          value: null,
          unit: null,
          normalizedValue: null,
          baseYear: null,
          startYear: null,
          targetYear: dated.year,
          indicator: indicatorName(pieceText.slice(dated.actionAt, phraseEnd)).slice(0, 40),
          start: absolute(piece.start),
          end: absolute(piece.start + phraseEnd),
          anchor: absolute(piece.start + dated.actionAt),
        });
      }
    }
  }
}

/** Documents and arrangements that carry a plan out (实施方案, 实施细则, 工作机制): a step, not a target. */
const IMPLEMENTING_DOCUMENT = /(?:方案|办法|细则|措施|意见|计划|政策|通知|机制|制度)$/;
/** An action done by a dated deadline: 2024年底前完成…摸底登记, 于2024年6月底前出台…实施方案. */
const DATED_ACTION = /^(?:全部|全面|基本)?(?:完成|出台|制定|印发|建成)[^，；。、]{2,40}/;

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
  for (const year of years) {
    if (year.role !== "deadline" || year.start < pieceOffset || year.end > pieceOffset + pieceText.length) continue;
    if (!sentence.slice(year.start, year.end).endsWith("前")) continue;
    const actionAt = year.end - pieceOffset;
    const action = DATED_ACTION.exec(pieceText.slice(actionAt));
    // 各市要于2024年6月底前出台具体实施方案: issuing a document is how the plan is carried out, not a target.
    if (action && !IMPLEMENTING_DOCUMENT.test(action[0])) return { year: year.year, actionAt };
  }
  return null;
}

/** The base year named last before a sentence position (较2023年), or null. */
function lastBaseYear(years: readonly YearMention[], position: number): number | null {
  let base: number | null = null;
  for (const year of years) if (year.role === "base" && year.start < position) base = year.year;
  return base;
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
 * @param pieceBefore - piece text before the number
 * @param pieceRest - piece text after the number's unit and suffix
 * @param dated - whether the sentence has a deadline or the clause a target word (每年, 力争 …)
 */
/** 为120家村卫生室配备…: the places a verb equips or renews, after 为 + count. */
const EQUIPPED_AFTER = /^[^，；。、的]{1,12}?(?:配备|配置|安装|加装|更新|改造|建设)/;

function countedObject(
  mention: Mention,
  next: Mention | undefined,
  pieceBefore: string,
  pieceRest: string,
  dated: boolean,
): boolean {
  // 淘汰35蒸吨/小时以下燃煤锅炉: an upper bound on a noun is a threshold, never an amount to do.
  if (/以下|以内/.test(mention.suffix)) return false;
  if (mention.suffix === "" && COMPLETION_VERB_END.test(pieceBefore)) return true;
  // 到2027年，为120家村卫生室配备…设备: the places equipped by a date are a deliverable.
  if (dated && /为$/.test(pieceBefore) && EQUIPPED_AFTER.test(pieceRest)) return true;
  // A list (打造10个以上…中心、培育10家以上…企业): only this item's object counts.
  const rest = pieceRest.split("、")[0];
  if (
    /元$/.test(mention.unit) ||
    rest.includes("的") ||
    (next !== undefined && next.numberStart < mention.suffixEnd + rest.length)
  )
    return false;
  // Undated, only a plain object ends it, and not in the past tense (培育了30家以上…企业 is background).
  if (mention.suffix !== "")
    return COMPLETION_VERB_END.test(pieceBefore) && (dated || (!pieceBefore.endsWith("了") && endsWithObject(rest)));
  return /(?:不少于|不低于|达到)$/.test(pieceBefore) && COMPLETION_VERB.test(pieceBefore);
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

/** Verbs that make a counted group act rather than be the result: 企业参加…, 企业开展…. */
const OBJECT_THEN_VERB = /参加|参与|开展|进行|享受|申报|获得|入驻|使用|应用|接入|加入|签约/;

/**
 * The object of a bare verb from the piece before it in the clause: in 推进国三及以下营运柴油货车淘汰，
 * 力争2025年底前累计淘汰350辆 the 淘汰 of the number is the 柴油货车淘汰 of the piece before.
 * @param verb - the bare indicator (淘汰)
 * @returns the earlier piece's name when it contains the verb and more, else null
 */
function objectBefore(clause: string, pieces: readonly Piece[], piece: Piece, verb: string): string | null {
  const index = pieces.indexOf(piece);
  if (index <= 0) return null;
  const prior = clause.slice(pieces[index - 1].start, pieces[index - 1].end);
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
function cumulativeCarries(clause: string, pieceStart: number, lastNumberEnd: number): boolean {
  const at = clause.lastIndexOf("累计", pieceStart);
  return at >= 0 && at > lastNumberEnd;
}

/** End of a milestone phrase: the next 、 (another item) or the end of the piece. */
function endOfPhrase(pieceText: string, from: number): number {
  const next = pieceText.indexOf("、", from);
  return next < 0 ? pieceText.length : next;
}

/**
 * 普及率、数控化率分别超过90%、75%: pairs the listed subjects with the listed values and gives
 * every member the whole phrase as its source.
 */
function distributeRespectively(
  clause: string,
  accepted: Array<{ mention: Mention; target: FoundTarget; piece: Piece; listed: boolean }>,
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
    members.forEach((member, position) => {
      if (subjects.length === members.length)
        member.target.indicator = indicatorName(subjects[position]) || member.target.indicator;
      member.target.start = spanStart;
      member.target.end = spanEnd;
    });
    index = last;
  }
}

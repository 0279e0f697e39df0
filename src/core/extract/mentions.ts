/**
 * Numbers with units in one clause (mentions), and the clause's pieces (split at ，：,).
 */
import { parseNumber, readUnit } from "./numbers";
import { NUMBER_TOKEN, SUFFIX } from "./lexicon";

export interface Mention {
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

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && /[\u4e00-\u9fff]/.test(ch);
}

/** Numbers with units in one clause. */
export function scanMentions(clause: string): Mention[] {
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
      rangeTop = parseNumber(range[1]);
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

export interface Piece {
  /** Position among the clause's pieces. */
  index: number;
  start: number;
  end: number;
}

export function splitPieces(clause: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let depth = 0;
  for (let index = 0; index <= clause.length; index++) {
    const ch = clause[index];
    if (ch === "（") depth++;
    else if (ch === "）" && depth > 0) depth--;
    if (index === clause.length || (depth === 0 && (ch === "，" || ch === "：" || ch === ","))) {
      pieces.push({ index: pieces.length, start, end: index });
      start = index + 1;
    }
  }
  return pieces;
}

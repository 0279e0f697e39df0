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
  // Numbers that take the unit written once at the end of their list (3、5家以上).
  const sharing = new Set<Mention>();
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
    let unit = readUnit(clause, unitAt);
    let sharedUnit = false;
    // 分别达到3、5家 / 分别提高12、10个百分点: a number of a 、-list takes the unit written once at its end.
    if (!unit && isArabic && clause[unitAt] === "、") {
      const list = LIST_TO_UNIT.exec(clause.slice(unitAt, unitAt + 200));
      const listUnit = list ? readUnit(clause, unitAt + list[0].length) : null;
      if (listUnit) {
        unit = listUnit;
        sharedUnit = true;
      }
    }
    if (!unit) continue;
    if (sharedUnit) {
      const mention: Mention = {
        numberStart: start,
        numberEnd: start + token.length,
        suffixEnd: unitAt,
        value,
        unit: unit.unit,
        factor: unit.factor,
        suffix: "",
        rangeTop: null,
      };
      mentions.push(mention);
      sharing.add(mention);
      continue;
    }
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
  // 分别提高12个、10个百分点: a unit that the list's last item completes (个 → 个百分点) is that unit.
  for (let index = mentions.length - 2; index >= 0; index--) {
    const mention = mentions[index];
    const next = mentions[index + 1];
    if (
      clause.slice(mention.suffixEnd, next.numberStart) === "、" &&
      next.unit.length > mention.unit.length &&
      next.unit.startsWith(mention.unit)
    ) {
      mention.unit = next.unit;
      mention.factor = next.factor;
    }
    // …and its comparator (3、5家以上: both at least).
    if (sharing.has(mention) && clause.slice(mention.suffixEnd, next.numberStart) === "、" && mention.suffix === "")
      mention.suffix = next.suffix;
  }
  return mentions;
}

/** The rest of a 、-list of plain numbers up to the unit after its last one (、10、8 before 个百分点). */
const LIST_TO_UNIT = /^(?:、[0-9][0-9,]*(?:\.[0-9]+)?){1,8}(?=[^0-9、,.])/;

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

/**
 * Numbers and units as plans write them: Arabic (already half-width after normalisation) or
 * Chinese numerals (一倍, 两万, 二〇二四), with 万/亿 multipliers folded into the unit.
 */

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/**
 * Value of a Chinese numeral: positional (十二, 一百零五, 两万, 三千五百万) or digit by digit
 * (二〇二四).
 *
 * @param numeral - Chinese numeral characters only
 * @returns the value, or null when the string is not a numeral
 * @example
 * parseChineseNumeral("一百零五") // → 105
 * parseChineseNumeral("二〇二四") // → 2024
 */
export function parseChineseNumeral(numeral: string): number | null {
  if (numeral.length === 0) return null;
  for (const ch of numeral) if (!CHINESE_NUMERAL_CHARS.includes(ch)) return null;
  // Digit-by-digit form (years): no 十/百/千/万/亿 at all and more than one digit.
  if (numeral.length > 1 && !/[十百千万亿]/.test(numeral)) {
    let value = 0;
    for (const ch of numeral) value = value * 10 + DIGIT[ch];
    return value;
  }
  let hundredMillions = 0; // the part before 亿
  let tenThousands = 0; // the part between 亿 and 万
  let section = 0; // below 万
  let digit = 0;
  for (const ch of numeral) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
    } else if (ch in SMALL_UNIT) {
      // 十二 = 12: a bare 十 counts one ten.
      section += (digit === 0 && ch === "十" ? 1 : digit) * SMALL_UNIT[ch];
      digit = 0;
    } else if (ch === "万") {
      tenThousands = section + digit;
      section = 0;
      digit = 0;
    } else {
      hundredMillions = tenThousands * 10_000 + section + digit;
      tenThousands = 0;
      section = 0;
      digit = 0;
    }
  }
  return hundredMillions * LARGE_UNIT["亿"] + tenThousands * LARGE_UNIT["万"] + section + digit;
}

/**
 * The longest number a plan writes (1,234,567,890.25 has 16 characters): a longer run of digits is
 * not an amount (an id, a scrambled cell) and would only parse to a value past Number's precision.
 */
export const MAX_NUMBER_CHARS = 24;

/**
 * Value of a number as written: Arabic with optional thousands commas and decimals, or Chinese.
 * @example parseNumber("1,140") // → 1140
 * @example parseNumber("0.2") // → 0.2
 * @example parseNumber("一") // → 1
 * @example parseNumber("9".repeat(32000)) // → null (longer than MAX_NUMBER_CHARS)
 */
export function parseNumber(written: string): number | null {
  if (written.length > MAX_NUMBER_CHARS) return null;
  if (/^[0-9][0-9,]*(?:\.[0-9]+)?$/.test(written)) return Number(written.replace(/,/g, ""));
  return parseChineseNumeral(written);
}

/** What a unit means in base units: multiplier and base unit name. */
export interface UnitInfo {
  /** Factor from the unit as written to base units (万台 → 10000, % → 0.01). */
  factor: number;
  /** Base unit (台, 吨, ratio …). */
  base: string;
}

/**
 * Measurement units seen in 两新 and similar plans, without 万/亿 prefixes; sorted longest
 * first below, so 平方米 wins over 米 and a compound measure word (场次, 台（套）, 人次) is read
 * whole rather than as 场 followed by a stray 次. Deliberately absent: 年/月/日 (durations and
 * dates), 级 (grades), 号 (document numbers), 大 (十大工程), 方面 and 批 (批次 is a unit:
 * 抽查批次不少于200批次). 美元 takes 万/亿 like 元 (二手车出口额突破5亿美元); 床 counts beds (新增床位200床).
 */
export const BASE_UNITS: readonly string[] = [
  "个百分点",
  "百分点",
  "吨标准煤",
  "吨标煤",
  "千瓦时",
  "平方公里",
  "平方米",
  "立方米",
  "台（套）",
  "套（台）",
  "台套",
  "标准箱",
  "人次",
  "场次",
  "架次",
  "户次",
  "台次",
  "辆次",
  "车次",
  "艘次",
  "班次",
  "千瓦",
  "兆瓦",
  "公里",
  "千米",
  "公顷",
  "蒸吨",
  "批次",
  "美元",
  "吨",
  "米",
  "亩",
  "元",
  "辆",
  "台",
  "套",
  "个",
  "家",
  "项",
  "座",
  "处",
  "部",
  "支",
  "块",
  "场",
  "艘",
  "所",
  "条",
  "户",
  "人",
  "次",
  "张",
  "栋",
  "盏",
  "件",
  "只",
  "根",
  "间",
  "组",
  "架",
  "床",
  "%",
  "‰",
  "倍",
  "成",
].sort((left, right) => right.length - left.length);

/** Units that denote a ratio: their value is a share or a relative change (成 = tenths: 三成 = 30%). */
export const RATIO_UNITS = new Set(["%", "‰", "倍", "个百分点", "百分点", "成"]);

const PREFIX_FACTOR: Record<string, number> = { 千: 1_000, 万: 10_000, 亿: 100_000_000 };

function baseUnitAt(text: string, at: number): string | null {
  for (const base of BASE_UNITS) if (text.startsWith(base, at)) return base;
  return null;
}

/**
 * Reads a unit at `index` of `text`: an optional 万/亿/千 prefix then a base unit. 千 is a
 * prefix only where 千 + unit is not a unit itself (6千辆, but 30千瓦 and 5千米 are kW and km).
 * @returns the unit as written and its info, or null
 * @example readUnit("0.2万台以上", 3) // → { unit: "万台", factor: 10000, base: "台" }
 * @example readUnit("6千辆", 1) // → { unit: "千辆", factor: 1000, base: "辆" }
 */
export function readUnit(text: string, index: number): ({ unit: string } & UnitInfo) | null {
  const head = text[index];
  const unprefixed = baseUnitAt(text, index);
  const prefix = head in PREFIX_FACTOR && !(head === "千" && unprefixed !== null) ? head : "";
  const factor = prefix ? PREFIX_FACTOR[prefix] : 1;
  const base = prefix ? baseUnitAt(text, index + 1) : unprefixed;
  if (base === null) return null;
  if (prefix && RATIO_UNITS.has(base)) return null;
  if (base === "%") return { unit: "%", factor: 0.01, base: "ratio" };
  if (base === "‰") return { unit: "‰", factor: 0.001, base: "ratio" };
  if (base === "倍") return { unit: "倍", factor: 1, base: "ratio" };
  if (base === "成") return { unit: "成", factor: 0.1, base: "ratio" };
  if (base === "个百分点" || base === "百分点") return { unit: base, factor: 0.01, base: "ratio" };
  return { unit: prefix + base, factor, base };
}

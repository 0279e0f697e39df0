/**
 * The plan's own particulars: issuing government, title, document number, date of issue —
 * read from the notice header or the title line, never guessed from cited documents.
 */
import type { PlanInfo } from "../catalog";
import type { GovernmentLevel } from "../departments";
import { parseChineseNumeral } from "./numbers";

const PLACE = "[\u4e00-\u9fff]{1,10}?(?:特别行政区|自治区|自治州|自治县|省|市|县|区|州|盟|旗)";
const GOVERNMENT_LINE = new RegExp(`^(${PLACE})人民政府`);
const GOVERNMENT_ANYWHERE = new RegExp(`(?<![各、])(${PLACE})人民政府(?:办公室|办公厅)?(?:关于|文件|印发)`);
/** An issuing department standing on its own line (嵩原省交通运输厅): a sector plan's author. */
const DEPARTMENT_LINE = new RegExp(`^(${PLACE})[\u4e00-\u9fff]{2,14}?(?:厅|局|委员会|委|办公室|办公厅)(?:文件)?$`);
const TITLE_PLACE = new RegExp(`^(${PLACE})(?=推动|推进|关于|大规模|加快|实施|促进|贯彻)`);
const TITLE_WORDS = /(方案|计划|措施|意见|办法|细则)(?:（[^（）]{1,12}）)?$/;
const DOC_NUMBER_LINE = /^[\u4e00-\u9fff]{1,10}[〔[【（]\d{4}[〕\]】）]\d{1,4}号$/;
const DATE_LINE =
  /^([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日(印发|发布)?$/;

/** The departments on one header line: 松亭区商务局松亭区财政局 → 松亭区商务局, 松亭区财政局. */
function issuersOf(line: string, place: string): string[] {
  return line
    .replace(/文件$/, "")
    .split(new RegExp(`(?=${place})`))
    .filter((name) => name.length > place.length);
}

export interface PlanParticulars extends PlanInfo {
  /** Short name for ids: 南平, 河南 (empty when unknown). */
  shortName: string;
  level: GovernmentLevel;
}

function levelOf(place: string): GovernmentLevel {
  if (/自治区$/.test(place)) return "region";
  if (/(省|特别行政区)$/.test(place)) return "province";
  if (/(县|旗|自治县)$/.test(place)) return "county";
  if (/区$/.test(place)) return "district";
  return "city";
}

function shortNameOf(place: string): string {
  // 宁夏回族自治区 → 宁夏: the people's name is part of the region's title, not of its short name.
  const short = place.replace(
    /(?:壮族|回族|维吾尔|蒙古族|藏族)?(特别行政区|自治区|自治州|自治县|省|市|县|区|州|盟|旗)$/,
    "",
  );
  return short.length > 0 ? short : place;
}

function numeral(written: string): number | null {
  return /^[0-9]+$/.test(written) ? Number(written) : parseChineseNumeral(written);
}

function isoDate(match: RegExpExecArray): string | null {
  const year = numeral(match[1]);
  const month = numeral(match[2]);
  const day = numeral(match[3]);
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads the plan's particulars from its cleaned lines.
 *
 * @param lines - cleaned text split into lines
 * @returns government (or "" when the text names none), title, docNumber, ISO date, short name
 *   and administrative level
 * @example
 * readPlanInfo(["南政规〔2024〕8号", "南平市人民政府关于印发…的通知", "2024年5月11日"]).docNumber // → "南政规〔2024〕8号"
 */
export function readPlanInfo(lines: readonly string[]): PlanParticulars {
  let government = "";
  let place = "";
  let title = "";
  let docNumber: string | null = null;
  let issueDate: string | null = null;
  let printDate: string | null = null;
  // The header is at the top; dates of issue may be at the very end (印发 line).
  const head = lines.slice(0, 60);
  for (const line of head) {
    if (!place) {
      const match = GOVERNMENT_LINE.exec(line);
      if (match) place = match[1];
    }
    if (docNumber === null && DOC_NUMBER_LINE.test(line)) docNumber = line;
    if (!title && line.length <= 70 && TITLE_WORDS.test(line) && !/^(关于|《)|印发|通知/.test(line)) title = line;
  }
  for (const line of lines) {
    const date = DATE_LINE.exec(line);
    if (!date) continue;
    if (date[4]) printDate ??= isoDate(date);
    else issueDate ??= isoDate(date);
  }
  if (!place && title) place = TITLE_PLACE.exec(title)?.[1] ?? "";
  if (!place) {
    for (const line of head) {
      const match = GOVERNMENT_ANYWHERE.exec(line);
      if (match) {
        place = match[1];
        break;
      }
    }
  }
  if (place) government = `${place}人民政府`;
  if (!place) {
    // A department's own plan (交通运输厅…实施方案): its level still sets department prefixes. A
    // joint plan names every issuing department, on one line or on lines of their own.
    for (const [index, line] of head.entries()) {
      const match = DEPARTMENT_LINE.exec(line);
      if (!match) continue;
      place = match[1];
      const issuers = issuersOf(line, place);
      for (const next of head.slice(index + 1)) {
        if (!DEPARTMENT_LINE.test(next)) break;
        issuers.push(...issuersOf(next, place));
      }
      government = issuers.join("、");
      break;
    }
  }
  return {
    government,
    title,
    docNumber,
    date: issueDate ?? printDate,
    shortName: place ? shortNameOf(place) : "",
    level: place ? levelOf(place) : "city",
  };
}

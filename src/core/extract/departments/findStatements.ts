/**
 * Finding responsibility statements in a plan's text: bracketed ones, lines opening with a role
 * label, lines opening with the departments that carry a paragraph out, and sentences that are
 * nothing but a statement; each is read by parseResponsibility (statements.ts).
 */
import type { GovernmentLevel } from "../../departments";
import { lineSpans, ROLE_LABEL_LINE } from "../text";
import {
  FIRST_IS_LEAD_NOTE,
  isNameList,
  isResponsibilitySentence,
  isResponsibilityText,
  LEAD_IN,
  parseResponsibility,
  readTopicStatement,
  ROLE_WORD,
  SAME_AS_ABOVE,
  type ResponsibilityMention,
} from "./statements";

/** A stretch of text that states departments, before it is read. */
interface Statement {
  content: string;
  start: number;
  end: number;
  /** Topic clauses of a split statement (see readTopicStatement). */
  topics?: Array<{ topic: string; content: string }>;
  /** The first department listed is the lead by the statement's form (an opening list). */
  firstIsLead?: boolean;
}

/**
 * Finds every responsibility statement in cleaned text: bracketed ones (brackets may nest:
 * 各县〔市、区〕政府), lines opening with a role label (【牵头单位】X, 责任单位：X（牵头），Y; adjacent
 * label lines are one statement) and sentences that are nothing but a statement (县工信局牵头，
 * 县财政局配合。). A note that the first listed is the lead (列第一位的为牵头单位，下同) holds from
 * its statement on.
 * @param text - cleaned plan text
 * @param level - government level, for canonical names
 * @returns the statements in text order with their spans
 */
export function findResponsibilities(text: string, level: GovernmentLevel): ResponsibilityMention[] {
  const lines = [...findLabelledLines(text), ...findOpeningLists(text)].sort((left, right) => left.start - right.start);
  const others = [...findBracketed(text), ...findSentences(text)].sort((left, right) => left.start - right.start);
  // A bracket or sentence inside a labelled line is part of it (one sweep: both lists are in text order).
  const statements: Statement[] = [...lines];
  let lineIndex = 0;
  for (const statement of others) {
    while (lineIndex < lines.length && lines[lineIndex].end < statement.start) lineIndex++;
    const line = lines[lineIndex];
    if (!(line && statement.start >= line.start && statement.end <= line.end)) statements.push(statement);
  }
  statements.sort((left, right) => left.start - right.start);
  let firstIsLead = false;
  const found: ResponsibilityMention[] = [];
  for (const statement of statements) {
    if (FIRST_IS_LEAD_NOTE.test(statement.content)) firstIsLead = true;
    const previous = found[found.length - 1];
    if (SAME_AS_ABOVE.test(statement.content)) {
      if (previous)
        found.push({
          lead: previous.lead,
          support: previous.support,
          leadInferred: previous.leadInferred,
          appliesToLater: [],
          start: statement.start,
          end: statement.end,
        });
      continue;
    }
    if (statement.topics) {
      const topics = statement.topics.map((clause) => ({
        topic: clause.topic,
        ...parseResponsibility(clause.content, level, firstIsLead),
      }));
      const first = topics[0];
      found.push({
        lead: first.lead,
        support: first.support,
        leadInferred: first.leadInferred,
        appliesToLater: first.appliesToLater,
        start: statement.start,
        end: statement.end,
        topics,
      });
      continue;
    }
    const parsed = parseResponsibility(statement.content, level, firstIsLead || statement.firstIsLead === true);
    // （X牵头）（Y、Z）: a bracket naming only departments right after one naming only the lead
    // names the lead's supporting units.
    if (
      previous &&
      previous.lead &&
      !previous.leadInferred &&
      previous.support.length === 0 &&
      !ROLE_WORD.test(statement.content) &&
      /^[\s。；，]*$/.test(text.slice(previous.end, statement.start))
    ) {
      previous.support = parsed.lead ? [parsed.lead, ...parsed.support] : parsed.support;
      previous.end = statement.end;
      continue;
    }
    found.push({ ...parsed, start: statement.start, end: statement.end });
  }
  return found;
}

/** Lines that open with a role label; a run of adjacent ones (【牵头单位】X⏎【责任单位】Y) is one statement. */
function findLabelledLines(text: string): Statement[] {
  const found: Statement[] = [];
  for (const { start: lineStart, end: lineEnd } of lineSpans(text)) {
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
    if (ROLE_LABEL_LINE.test(line)) {
      const last = found[found.length - 1];
      if (last && last.end === lineStart - 1) {
        last.content += `；${line}`;
        last.end = lineEnd;
      } else {
        found.push({ content: line, start: lineStart, end: lineEnd });
      }
    }
  }
  return found;
}

/**
 * A paragraph opening with the departments that carry it out, then a colon: 市工信局、市发改委：到2027年…
 * (possibly after an item marker, 1．市商务局：…). The first named leads; the statement covers the
 * paragraph (it stands before the targets, and departmentsFor takes the last statement before a
 * target when none follows it).
 */
function findOpeningLists(text: string): Statement[] {
  const found: Statement[] = [];
  for (const { start: lineStart, end: lineEnd } of lineSpans(text)) {
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const opening = /^((?:[0-9]{1,2}[.．、]|（[0-9一二三四五六七八九十]{1,3}）)?)([^：:，,。；;（]{3,150}?)[：:]/.exec(
      line,
    );
    if (!opening || !isNameList(opening[2])) continue;
    const start = lineStart + opening[1].length;
    found.push({ content: `${opening[2]}负责`, start, end: start + opening[2].length + 1, firstIsLead: true });
  }
  return found;
}

/** Role markers and place lists that may sit in brackets inside a bare statement sentence. */
const STATEMENT_BRACKETS = /[（〔【[](?:牵头|配合|参与|协助|协办|负责)(?:单位|部门)?[）〕】\]]|（[市县区旗、]+）/g;

function findSentences(text: string): Statement[] {
  const found: Statement[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const ch = text[index];
    if (index < text.length && ch !== "。" && ch !== "\n") continue;
    // Only short stretches can be a statement; skip the check for long prose sentences.
    if (index - start <= 120) {
      const sentence = text.slice(start, index);
      if (!sentence.replace(STATEMENT_BRACKETS, "").includes("（")) {
        // Topics first: 交通运输设备更新由市交通运输局 would otherwise pass for one long name.
        const topics = readTopicStatement(sentence);
        if (topics) found.push({ content: sentence, start, end: index, topics });
        else if (isResponsibilitySentence(sentence))
          found.push({ content: sentence.replace(LEAD_IN, ""), start, end: index });
      }
    }
    start = index + 1;
  }
  return found;
}

function findBracketed(text: string): Statement[] {
  const found: Statement[] = [];
  let depth = 0;
  let openAt = -1;
  for (let index = 0; index < text.length; index++) {
    const ch = text[index];
    if (ch === "\n") {
      depth = 0;
      openAt = -1;
    } else if (ch === "（") {
      if (depth === 0) openAt = index;
      depth++;
    } else if (ch === "）" && depth > 0) {
      depth--;
      if (depth === 0 && openAt >= 0) {
        const content = text.slice(openAt + 1, index);
        if (isResponsibilityText(content) || SAME_AS_ABOVE.test(content))
          found.push({ content, start: openAt, end: index + 1 });
        openAt = -1;
      }
    }
  }
  return found;
}

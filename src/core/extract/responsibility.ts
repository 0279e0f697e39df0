/**
 * Who is responsible for a task, as plans write it:
 *   （牵头单位：X；责任单位：Y、Z）          explicit lead
 *   （X牵头，Y、Z按职责分工负责）/（X牵头，Y配合） explicit lead
 *   （X、Y按职责分工负责）/（X、Y负责）       no named lead: the first is taken, inferred
 *   以下各项任务均需…负责落实                 applies to every later task (support)
 *   an appendix table 责任分工表               task number/title → departments (inferred)
 */
import { canonicalDepartment, type GovernmentLevel } from "../departments";

export interface DepartmentName {
  /** As spelled in the text. */
  original: string;
  canonical: string;
}

export interface Responsibility {
  lead: DepartmentName | null;
  /** Co-leads first, then supporting departments, in text order. */
  support: DepartmentName[];
  /** True when the lead was not named as such (first of a list, a table row). */
  leadInferred: boolean;
}

/** A responsibility statement found in the text, with its clean-text span. */
export interface ResponsibilityMention extends Responsibility {
  start: number;
  end: number;
  /** Departments that a 以下…均需…落实 sentence adds to every later task. */
  appliesToLater: DepartmentName[];
}

// A department-like name ends in one of these (局, 委, 中心, 分行, 政府 …).
const DEPARTMENT_END =
  /(局|委|委员会|办|办公室|中心|公司|社|行|分行|队|支队|海关|关|管委会|院|政府|厅|室|处|部|站|所|团|组|协会|商会|单位|部门|街道|乡镇|集团|（[^（）]{1,12}）|〔[^〔〕]{1,12}〕)$/;
const ROLE_WORD = /牵头|负责|配合|责任单位|协助|参与|落实/;
const ROLE_SUFFIX =
  /(牵头|按照职责分工负责|按职责分工负责|按职责分工落实|按照职责负责|按职责负责|分工负责|共同负责|负责落实|负责|配合|参与|协助|落实)$/;

/** A role label (配合单位：) glued to the department list before it. */
const ROLE_LABEL_INSIDE = /(?<=[^；;。，,：:（\s])(?=(?:牵头单位|牵头部门|主要责任单位|责任单位|配合单位|参与单位|协办单位|责任部门|配合部门)[：:])/g;

/** Splits on separators that are not inside brackets. */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "（" || ch === "〔" || ch === "(" || ch === "【") depth++;
    else if ((ch === "）" || ch === "〕" || ch === ")" || ch === "】") && depth > 0) depth--;
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function splitNames(list: string, level: GovernmentLevel): DepartmentName[] {
  const names: DepartmentName[] = [];
  for (const piece of splitTopLevel(list, /[、，,]/)) {
    const original = piece
      .trim()
      .replace(/^(由|请|需|均需|各有关|有关)/, "")
      .replace(/(等有关部门|等相关部门|等部门|等单位|等)$/, "")
      .replace(/^[、，,：:]+|[、，,：:]+$/g, "");
    if (original.length < 2 || !/[\u4e00-\u9fff]/.test(original)) continue;
    names.push({ original, canonical: canonicalDepartment(original, level) });
  }
  return names;
}

/** Whether the content of a bracket is a list of departments with roles. */
export function isResponsibilityText(content: string): boolean {
  if (!ROLE_WORD.test(content) || content.length > 400) return false;
  const first = splitTopLevel(content.replace(/^(牵头单位|牵头部门|责任单位)[：:]/, ""), /[、，,；;：:]/)[0]
    .trim()
    .replace(ROLE_SUFFIX, "");
  return DEPARTMENT_END.test(first) || /^各/.test(first);
}

interface Group {
  role: string;
  names: DepartmentName[];
}

/**
 * Reads a responsibility statement (the content of a bracket or a table cell).
 *
 * @param content - e.g. "市工信局牵头，市发展改革委、生态环境局按职责分工负责"
 * @param level - government level, for canonical names
 * @returns lead, support, whether the lead was inferred, and any 以下…均需… departments
 * @example
 * parseResponsibility("牵头单位：市工信局；责任单位：市财政局", "city").lead?.canonical // → "市工业和信息化局"
 */
export function parseResponsibility(
  content: string,
  level: GovernmentLevel,
): Responsibility & { appliesToLater: DepartmentName[] } {
  const leads: DepartmentName[] = [];
  const groups: Group[] = [];
  const appliesToLater: DepartmentName[] = [];
  // （牵头单位：X (full-width space) 配合单位：Y）: a space, dropped in cleaning, was the only separator.
  const separated = content.replace(ROLE_LABEL_INSIDE, "；");
  for (const statement of splitTopLevel(separated, /[；;。]/)) {
    const trimmed = statement.trim();
    const leadLabel = /^(?:牵头单位|牵头部门|主要责任单位)[：:](.*)$/.exec(trimmed);
    if (leadLabel) {
      leads.push(...splitNames(leadLabel[1], level));
      continue;
    }
    const supportLabel = /^(?:责任单位|配合单位|参与单位|协办单位|责任部门|配合部门)[：:](.*)$/.exec(trimmed);
    if (supportLabel) {
      groups.push({ role: "负责", names: splitNames(supportLabel[1], level) });
      continue;
    }
    let pending: DepartmentName[] = [];
    for (const part of splitTopLevel(trimmed, /[，,]/)) {
      const later = /(?:以下|下同|后续)[^，]*?(?:均需|均由|需|由)(.+?)(?:负责落实|落实|负责)/.exec(part);
      if (later) {
        appliesToLater.push(...splitNames(later[1], level));
        continue;
      }
      if (/不再(?:逐一|一一)?列出/.test(part)) continue;
      const role = ROLE_SUFFIX.exec(part.trim());
      const names = splitNames(role ? part.trim().slice(0, role.index) : part, level);
      if (!role) {
        pending.push(...names);
      } else if (role[1] === "牵头") {
        leads.push(...pending, ...names);
        pending = [];
      } else {
        groups.push({ role: role[1], names: [...pending, ...names] });
        pending = [];
      }
    }
    if (pending.length > 0) groups.push({ role: "", names: pending });
  }
  const others = groups.flatMap((group) => group.names);
  if (leads.length > 0) {
    return { lead: leads[0], support: [...leads.slice(1), ...others], leadInferred: false, appliesToLater };
  }
  // No named lead: the first department named for the task itself (not a 负责落实 group).
  const primary = groups.find((group) => group.role !== "负责落实" && group.names.length > 0) ?? groups.find((group) => group.names.length > 0);
  if (!primary) return { lead: null, support: [], leadInferred: false, appliesToLater };
  const lead = primary.names[0];
  const support = others.filter((name) => name !== lead);
  return { lead, support, leadInferred: others.length > 1, appliesToLater };
}

/**
 * Whether a whole sentence is a responsibility statement outside brackets: 县工信局牵头，县发改局、
 * 县财政局配合 / 由县供销社负责 / 县教育局、县卫健局按职责分工负责. Every comma part must be a list
 * of department names, and at least one must carry a role.
 */
export function isResponsibilitySentence(sentence: string): boolean {
  if (sentence.length < 4 || sentence.length > 120 || !ROLE_WORD.test(sentence)) return false;
  let hasRole = false;
  for (const part of splitTopLevel(sentence.replace(/^由/, ""), /[，,；;]/)) {
    const trimmed = part.trim().replace(/^(?:由|请)/, "");
    const role = ROLE_SUFFIX.exec(trimmed);
    if (role) hasRole = true;
    const names = splitTopLevel(role ? trimmed.slice(0, role.index) : trimmed, /[、]/)
      .map((name) => name.trim().replace(/(等有关部门|等相关部门|等部门|等单位|等)$/, ""));
    if (names.length === 0 || names.some((name) => name.length < 2 || !(DEPARTMENT_END.test(name) || /^各/.test(name)))) return false;
  }
  return hasRole;
}

/**
 * Finds every responsibility statement in cleaned text: bracketed ones (brackets may nest:
 * 各县〔市、区〕政府) and sentences that are nothing but a statement (县工信局牵头，县财政局配合。).
 * @param text - cleaned plan text
 * @param level - government level, for canonical names
 * @returns the statements in text order with their spans
 */
export function findResponsibilities(text: string, level: GovernmentLevel): ResponsibilityMention[] {
  const found: ResponsibilityMention[] = [...findBracketed(text, level), ...findSentences(text, level)];
  return found.sort((left, right) => left.start - right.start);
}

function findSentences(text: string, level: GovernmentLevel): ResponsibilityMention[] {
  const found: ResponsibilityMention[] = [];
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const ch = text[index];
    if (index < text.length && ch !== "。" && ch !== "\n") continue;
    // Only short stretches can be a statement; skip the check for long prose sentences.
    if (index - start <= 120) {
      const sentence = text.slice(start, index);
      if (!sentence.includes("（") && isResponsibilitySentence(sentence)) {
        found.push({ ...parseResponsibility(sentence.replace(/^由/, ""), level), start, end: index });
      }
    }
    start = index + 1;
  }
  return found;
}

function findBracketed(text: string, level: GovernmentLevel): ResponsibilityMention[] {
  const found: ResponsibilityMention[] = [];
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
        if (isResponsibilityText(content)) {
          found.push({ ...parseResponsibility(content, level), start: openAt, end: index + 1 });
        }
        openAt = -1;
      }
    }
  }
  return found;
}

/**
 * Who is responsible for a task, as plans write it:
 *   （牵头单位：X；责任单位：Y、Z）          explicit lead
 *   （X牵头，Y、Z按职责分工负责）/（X牵头，Y配合） explicit lead
 *   （X、Y按职责分工负责）/（X、Y负责）       no named lead: the first is taken, inferred
 *   【牵头单位】X⏎【责任单位】Y / 责任单位：X（牵头），Y   a labelled line after the task
 *   （责任单位：X、Y。列第一位的为牵头单位，下同）  first listed is the named lead, from here on
 *   以下各项任务均需…负责落实                 applies to every later task (support)
 *   an appendix table 责任分工表               task number/title → departments (inferred)
 */
import { canonicalDepartment, isKnownDepartment, type GovernmentLevel } from "../../departments";

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
  /**
   * A statement split by topic (其中，交通运输设备更新由X牵头…；农业机械更新由Y牵头…): each topic's
   * departments; the mention's own lead is the first topic's. Absent for a plain statement.
   */
  topics?: TopicResponsibility[];
}

/** The departments a split statement gives one topic (交通运输设备更新 → 市交通运输局牵头…). */
export interface TopicResponsibility extends Responsibility {
  topic: string;
}

/**
 * Words that lead into a statement without being part of a name: 本行动由X牵头, 本任务由…,
 * 其中，…, 本行动中，…, 由X负责, 请…, 均需…. Stripped before names are read.
 */
export const LEAD_IN =
  /^(?:(?:本(?:行动|任务|项任务|项工作|项行动|方案|措施|领域)|其中|此外|同时|上述(?:各项)?(?:任务|工作))中?[，,]?)?(?:由|请|需|均需)?/;

// A department-like name ends in one of these (局, 委, 中心, 分行, 政府 …).
const DEPARTMENT_END =
  /(局|委|委员会|办|办公室|中心|公司|社|行|分行|队|支队|海关|关|管委会|院|政府|厅|室|处|部|站|所|团|组|协会|商会|单位|部门|街道|乡镇|集团|（[^（）]{1,12}）|〔[^〔〕]{1,12}〕|【[^【】]{1,12}】|\[[^[\]]{1,12}\])$/;
export const ROLE_WORD = /牵头|负责|配合|责任单位|协助|参与|落实|指导|会同|为主/;
const ROLE_SUFFIX =
  /(牵头|按照职责分工负责|按职责分工负责|按职责分工落实|按照职责负责|按职责负责|分工负责|共同负责|负责落实|负责|配合|参与|协助|落实|指导)$/;

/**
 * Role words that say lead and support in other words, rewritten to the ones read below:
 *   由X会同Y、Z组织实施 / X会同Y、Z负责  → X牵头，Y、Z配合 (负责)
 *   X为主，Y、Z参与                       → X牵头，Y、Z参与
 *   X负责、Y指导 (a role, then 、)        → X负责，Y指导
 * so the lead and the supporting departments are never read as one fused name.
 */
export function normalizeRoleWords(statement: string): string {
  return statement
    .replace(/会同([^，,；;。]+?)(?:组织实施|共同实施|实施|共同推进|推进|推动)(?=$|[，,；;。])/g, "牵头，$1配合")
    .replace(/会同/g, "牵头，")
    .replace(/为主(?=$|[，,；;。])/g, "牵头")
    .replace(/(牵头|负责|配合|参与|指导)、/g, "$1，");
}

/** A role label (配合单位：) glued to the department list before it. */
const ROLE_LABEL_INSIDE =
  /(?<=[^；;。，,：:（\s])(?=(?:牵头单位|牵头部门|主要责任单位|责任单位|配合单位|参与单位|协办单位|责任部门|配合部门)[：:])/g;

/** Splits on separators that are not inside brackets. */
export function splitTopLevel(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "（" || ch === "〔" || ch === "(" || ch === "【" || ch === "[") depth++;
    else if ((ch === "）" || ch === "〕" || ch === ")" || ch === "】" || ch === "]") && depth > 0) depth--;
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

/**
 * A role marker on one name, in any bracket plans use: 县经济商务和信息化局（牵头）, 市工信局〔牵头〕,
 * 市商务局【牵头】, 市财政局[配合]. ASCII () are already full-width after cleaning.
 */
const NAME_ROLE_MARKER = /[（〔【[](牵头|配合|参与|协助|协办|负责)(?:单位|部门)?[）〕】\]]$/;
/** A cross-reference note glued to a name: 市城管局（下同）. */
const NAME_NOTE = /[（〔](?:下同|以下同|后同|余同|同上|上同)[）〕]$/;

interface MarkedName extends DepartmentName {
  /** The name's own role marker: （牵头） makes it a named lead. */
  marker: string | null;
}

/**
 * A department named by its sector rather than its title: 商务部门, 工信部门, 发展改革、财政等部门
 * (each item of the list), or an abbreviation with the level and no 局 (县发改, 县工信, 市监). It is
 * read as the department of the plan's level for that sector (县发改 → 县发展改革局), when one
 * suffix (局, 委, 厅) makes it a known department; else it is left as written.
 */
function sectorDepartment(name: string, level: GovernmentLevel): string | null {
  const core = name.replace(/(?:部门|单位)$/, "");
  if (core === name && DEPARTMENT_END.test(name)) return null;
  if (core.length < 2 || core.length > 8 || !/^[一-鿿]+$/.test(core)) return null;
  const prefix = /^(自治区|市|省|县|区)/.exec(core)?.[1] ?? "";
  const bare = core.slice(prefix.length);
  if (bare.length < 2) return null;
  // The suffix a department of this level carries first: 厅 for a province; a city's commissions
  // (发展改革委, 卫生健康委) are 委 where a county has 局.
  const suffixes =
    level === "province" || level === "region" ? ["厅", "委", "局"] : level === "city" ? ["委", "局"] : ["局", "委"];
  for (const suffix of suffixes) {
    if (isKnownDepartment(bare + suffix)) return canonicalDepartment((prefix || "") + bare + suffix, level);
  }
  return null;
}

function splitNames(list: string, level: GovernmentLevel): MarkedName[] {
  const names: MarkedName[] = [];
  for (const piece of splitTopLevel(list, /[、，,]/)) {
    let original = piece
      .trim()
      .replace(LEAD_IN, "")
      .replace(/^(各有关|有关)/, "")
      // 发展改革、财政等部门: the sector names of a list are departments (see sectorDepartment).
      .replace(/(等有关部门|等相关部门|等部门|等单位|等)$/, (_suffix, _word, at: number, whole: string) =>
        DEPARTMENT_END.test(whole.slice(0, at)) ? "" : "部门",
      )
      .replace(/^部门$/, "")
      .replace(/^[、，,：:]+|[、，,：:]+$/g, "")
      .replace(NAME_NOTE, "");
    const marker = NAME_ROLE_MARKER.exec(original);
    if (marker) original = original.slice(0, marker.index).replace(/(等有关部门|等相关部门|等部门|等单位|等)$/, "");
    if (original.length < 2 || !/[\u4e00-\u9fff]/.test(original)) continue;
    const canonical = sectorDepartment(original, level) ?? canonicalDepartment(original, level);
    names.push({ original, canonical, marker: marker ? marker[1] : null });
  }
  return names;
}

const LEAD_LABELS = "牵头单位|牵头部门|主要责任单位";
const SUPPORT_LABELS = "责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|协同单位";
/** A role label opening a statement: 牵头单位：, 【责任单位】, 【配合单位】： */
const LABEL_AT_START = new RegExp(`^[【[]?(${LEAD_LABELS}|${SUPPORT_LABELS})(?:[】\\]][：:]?|[：:])`);
/** A bracketed label inside a statement (【牵头单位】X【责任单位】Y): made a plain labelled statement. */
const BRACKETED_LABEL = new RegExp(`[【[](${LEAD_LABELS}|${SUPPORT_LABELS})[】\\]][：:]?`, "g");
/**
 * A note that the first department listed is the lead: （责任单位：X、Y。列第一位的为牵头单位，下同）.
 * It holds for the statement it is in and, by its 下同, for every later one.
 */
export const FIRST_IS_LEAD_NOTE =
  /(?:列|排|排名|排列)(?:在)?(?:第一|首)(?:位|个)?的?(?:单位|部门)?为牵头(?:单位|部门)?|(?:第一|首)(?:位|个)(?:单位|部门)?为牵头(?:单位|部门)?/;
/** Cross-reference notes in a statement (…按职责分工负责，下同): never a department's name. */
const SAME_BELOW = /^(?:下同|以下同|后同|余同|同上|上同)$/;
/** A statement that only refers back: （责任单位：同上） has the departments of the statement before it. */
export const SAME_AS_ABOVE = /^(?:(?:牵头单位|责任单位|责任部门|牵头部门)[：:])?(?:同上|上同)$/;
/** 以下各项任务均需…负责落实: departments added to every later task. */
const LATER_STATEMENT = /(?:以下|下列|下同|后续)[^，。]*?(?:均需|均由|需|由)(.+?)(?:负责落实|落实|负责)/;

/** Whether the content of a bracket is a list of departments with roles. */
export function isResponsibilityText(content: string): boolean {
  if (content.length > 400) return false;
  if (!ROLE_WORD.test(content)) return isNameList(content);
  const first = splitTopLevel(
    normalizeRoleWords(content).replace(BRACKETED_LABEL, "").replace(LABEL_AT_START, ""),
    /[、，,；;：:]/,
  )[0]
    .trim()
    .replace(LEAD_IN, "")
    .replace(ROLE_SUFFIX, "");
  return DEPARTMENT_END.test(first) || /^各/.test(first) || sectorDepartment(first, "city") !== null;
}

/**
 * A bracket or line that only lists departments, with no role word: （市商务局、市发展改革委）. Every
 * item must look like a department and one at least be a known one (so 含市直单位 or 县、乡两级 are not).
 * Read as a plain list: the first is the (inferred) lead.
 */
export function isNameList(content: string): boolean {
  const names = splitTopLevel(content, /[、，,]/).map((name) => name.trim());
  if (names.length === 0 || names.length > 12) return false;
  return (
    names.every(
      (name) =>
        name.length >= 3 && name.length <= 24 && (DEPARTMENT_END.test(name) || sectorDepartment(name, "city") !== null),
    ) && names.some((name) => isKnownDepartment(name) || sectorDepartment(name, "city") !== null)
  );
}

interface Group {
  role: string;
  names: DepartmentName[];
}

/** Names and roles gathered from the statements of one responsibility text. */
interface Reading {
  leads: DepartmentName[];
  groups: Group[];
  appliesToLater: DepartmentName[];
}

/**
 * Reads one statement's comma parts: `X牵头`, `Y、Z按职责分工负责`, `X（牵头）`, and bare lists,
 * which take the role of the statement's label (牵头单位： → leads; 责任单位： or none → a group).
 */
function readParts(
  statement: string,
  labelRole: "lead" | "support" | null,
  level: GovernmentLevel,
  reading: Reading,
): void {
  let pending: DepartmentName[] = [];
  for (const part of splitTopLevel(statement, /[，,]/)) {
    const trimmed = part.trim();
    const later = LATER_STATEMENT.exec(trimmed);
    if (later) {
      reading.appliesToLater.push(...splitNames(later[1], level).map(plainName));
      continue;
    }
    if (/不再(?:逐一|一一)?列出/.test(trimmed) || SAME_BELOW.test(trimmed)) continue;
    const role = ROLE_SUFFIX.exec(trimmed);
    const names: DepartmentName[] = [];
    for (const name of splitNames(role ? trimmed.slice(0, role.index) : trimmed, level)) {
      // A name's own marker wins over the part's role: X（牵头） is the named lead.
      if (name.marker === "牵头") reading.leads.push(plainName(name));
      else if (name.marker !== null) reading.groups.push({ role: name.marker, names: [plainName(name)] });
      else names.push(plainName(name));
    }
    if (!role) {
      pending.push(...names);
    } else if (role[1] === "牵头") {
      reading.leads.push(...pending, ...names);
      pending = [];
    } else {
      reading.groups.push({ role: role[1], names: [...pending, ...names] });
      pending = [];
    }
  }
  if (pending.length === 0) return;
  if (labelRole === "lead") reading.leads.push(...pending);
  else reading.groups.push({ role: labelRole === "support" ? "负责" : "", names: pending });
}

function plainName(name: DepartmentName): DepartmentName {
  return { original: name.original, canonical: name.canonical };
}

/**
 * Reads a responsibility statement (the content of a bracket, a table cell, or a labelled line).
 *
 * @param content - e.g. "市工信局牵头，市发展改革委、生态环境局按职责分工负责"
 * @param level - government level, for canonical names
 * @param firstIsLead - the plan says the first department listed is the lead (列第一位的为牵头单位，下同);
 *   a note to that effect inside `content` sets it too
 * @returns lead, support, whether the lead was inferred, and any 以下…均需… departments
 * @example
 * parseResponsibility("牵头单位：市工信局；责任单位：市财政局", "city").lead?.canonical // → "市工业和信息化局"
 * parseResponsibility("责任单位：县经信局（牵头），县财政局", "county").leadInferred // → false
 */
export function parseResponsibility(
  content: string,
  level: GovernmentLevel,
  firstIsLead = false,
): Responsibility & { appliesToLater: DepartmentName[] } {
  const reading: Reading = { leads: [], groups: [], appliesToLater: [] };
  const noted = FIRST_IS_LEAD_NOTE.test(content);
  // （牵头单位：X (full-width space) 配合单位：Y）: a space, dropped in cleaning, was the only separator.
  const separated = normalizeRoleWords(content)
    .replace(FIRST_IS_LEAD_NOTE, "")
    .replace(BRACKETED_LABEL, "；$1：")
    .replace(ROLE_LABEL_INSIDE, "；");
  for (const statement of splitTopLevel(separated, /[；;。]/)) {
    const trimmed = statement.trim();
    const label = LABEL_AT_START.exec(trimmed);
    const labelRole = label === null ? null : new RegExp(`^(?:${LEAD_LABELS})$`).test(label[1]) ? "lead" : "support";
    readParts(label ? trimmed.slice(label[0].length) : trimmed, labelRole, level, reading);
  }
  const { leads, groups, appliesToLater } = reading;
  const others = groups.flatMap((group) => group.names);
  if (leads.length > 0) {
    return { lead: leads[0], support: [...leads.slice(1), ...others], leadInferred: false, appliesToLater };
  }
  // No named lead: the first department named for the task itself (not a 负责落实 group).
  const primary =
    groups.find((group) => group.role !== "负责落实" && group.names.length > 0) ??
    groups.find((group) => group.names.length > 0);
  if (!primary) return { lead: null, support: [], leadInferred: false, appliesToLater };
  const lead = primary.names[0];
  const support = others.filter((name) => name !== lead);
  return { lead, support, leadInferred: !(firstIsLead || noted) && others.length > 1, appliesToLater };
}

/**
 * Whether a whole sentence is a responsibility statement outside brackets: 县工信局牵头，县发改局、
 * 县财政局配合 / 由县供销社负责 / 县教育局、县卫健局按职责分工负责 / 以下各项任务均需各乡镇人民政府负责落实.
 * Every comma part must be a list of department names, and at least one must carry a role.
 */
export function isResponsibilitySentence(written: string): boolean {
  if (written.length < 4 || written.length > 120 || !ROLE_WORD.test(written)) return false;
  const sentence = normalizeRoleWords(written);
  if (/^(?:以下|下列)/.test(sentence) && LATER_STATEMENT.test(sentence)) return true;
  let hasRole = false;
  for (const part of splitTopLevel(sentence.replace(LEAD_IN, ""), /[，,；;]/)) {
    const trimmed = part.trim().replace(LEAD_IN, "");
    const role = ROLE_SUFFIX.exec(trimmed);
    if (role) hasRole = true;
    const names = splitTopLevel(role ? trimmed.slice(0, role.index) : trimmed, /[、]/).map((name) =>
      name.trim().replace(/(等有关部门|等相关部门|等部门|等单位|等)$/, ""),
    );
    if (names.some((name) => NAME_ROLE_MARKER.test(name))) hasRole = true;
    if (
      names.length === 0 ||
      names.some(
        (name) =>
          name.length < 2 ||
          !(DEPARTMENT_END.test(name) || /^各/.test(name) || sectorDepartment(name, "city") !== null),
      )
    )
      return false;
  }
  return hasRole;
}

/** A topic clause: 交通运输设备更新由市交通运输局牵头 (the topic is no department's name). */
const TOPIC_CLAUSE = /^([\u4e00-\u9fff、（）]{2,20}?)由(.+)$/;

/**
 * Reads a statement that gives each topic its departments: 其中，交通运输设备更新由市交通运输局牵头，
 * 市公安局配合；农业机械更新由市农业农村局牵头 / 本行动中，教育设备更新由市教育局牵头，文旅设备更新
 * 由市文化广电和旅游局牵头，市发展改革委配合. A part without a topic belongs to the topic before it.
 * @returns the topic clauses, or null unless every clause is a responsibility statement and the
 *   sentence opens with a lead-in word (其中, 本行动中) or names two topics
 */
export function readTopicStatement(sentence: string): Array<{ topic: string; content: string }> | null {
  if (!sentence.includes("由") || !ROLE_WORD.test(sentence)) return null;
  const stripped = sentence.replace(LEAD_IN, "");
  const ledIn = stripped.length < sentence.length;
  const clauses: Array<{ topic: string; content: string }> = [];
  for (const part of splitTopLevel(stripped, /[，,；;]/)) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const topic = TOPIC_CLAUSE.exec(trimmed);
    if (topic && !DEPARTMENT_END.test(topic[1]) && !/^各/.test(topic[1]))
      clauses.push({ topic: topic[1], content: topic[2] });
    else if (clauses.length > 0) clauses[clauses.length - 1].content += `，${trimmed}`;
    else return null;
  }
  if (clauses.length === 0 || (!ledIn && clauses.length < 2)) return null;
  return clauses.every((clause) => isResponsibilitySentence(clause.content)) ? clauses : null;
}

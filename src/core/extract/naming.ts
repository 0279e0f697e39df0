/**
 * Naming what a target measures: a short indicator name cut from the clause, and the field
 * (domain) it belongs to.
 */

// Words around the measured thing that are not part of its name.
const LEADING_NOISE =
  /^(?:[，、；：]|[0-9]{1,2}[.、](?![0-9])|（[0-9一二三四五六七八九十]{1,3}）|[①-⑳]|[一二三四五六七八九十]是|其中|并且?|同时|力争|争取|全市|全县|全区|全省|我市|我县|我区|本市|累计|每年度|每年|年均|全年|年度|每季度|每月|每半年|共|以及|和|及|且|均|实现|完成|实施|推动|推进|确保|加快|积极|大力|进一步|持续|稳步|有序|逐步|[\u4e00-\u9fff]{1,6}方面|[一二两三四五0-9]年(?:内|之内)|今后[一二两三四五0-9]年)+/;
const TRAILING_NOISE =
  /(?:[，、；：]|力争|争取|分别|达到|达|超过|突破|不低于|不少于|不高于|不超过|低于|高于|少于|多于|至少|增长|增加|提高到|提升到|提高至|提升至|提高|提升|下降|降低|减少|控制在|保持在|保持|稳定在|约|大约|共|为|至|到|实现|完成|累计|新增了|了|年均|年平均|每年|翻|有望|预计|预期)+$/;
const YEAR_PHRASE =
  /(?:力争|争取)?(?:到|至|截至|在)?[0-9]{4}(?:年|(?=—|-|~|至|到))(?:(?:—|-|~|至|到)[0-9]{4}年)?(?:底前|底|末|前|以前)?/g;
const BASE_PHRASE = /(?:较|比|相比|相较于?|同比)[0-9]{4}年|与[0-9]{4}年(?:相比|比较|相较)/g;

/**
 * A short name for what a clause measures, from the text before the number.
 *
 * @param before - clause text from the start of the target's own phrase to its number
 * @returns the name, at most 40 characters ("" when nothing is left)
 * @example
 * indicatorName("二手车交易量较2023年增长") // → "二手车交易量"
 * indicatorName("到2027年，完成新改建供水管网") // → "新改建供水管网"
 */
export function indicatorName(before: string): string {
  let name = before.replace(BASE_PHRASE, "").replace(YEAR_PHRASE, "");
  // Keep the last comma piece: the subject sits right before the number.
  const pieces = name.split(/[，；：]/).filter((piece) => piece.trim().length > 0);
  name = pieces.length > 0 ? pieces[pieces.length - 1] : "";
  // 工业、农业…等领域设备投资规模 → 设备投资规模
  const listed = name;
  for (const match of listed.matchAll(/等(?:重点)?(?:领域|行业|方面)/g)) {
    const rest = listed.slice((match.index ?? 0) + match[0].length);
    if (rest.length >= 2) name = rest;
  }
  let previous = "";
  while (previous !== name) {
    previous = name;
    name = name.replace(LEADING_NOISE, "").replace(TRAILING_NOISE, "").trim();
  }
  return name.slice(0, 40);
}

/** Fields and the words that signal them, most specific first. */
const DOMAIN_RULES: ReadonlyArray<readonly [string, RegExp]> = [
  ["综合", /设备投资/],
  // Standards as the subject (制修订地方标准), not as a qualifier (排放标准货车, 标准化网点).
  ["标准", /(?<!排放)标准(?!煤|化)|计量/],
  ["回收利用", /回收|再生|二手|废旧|循环|再制造|拆解|固废|报废汽车|报废机动车/],
  ["消费品", /以旧换新|家电|家装|家居|厨卫|促消费|消费品|电动自行车|汽车消费/],
  ["医疗", /医疗|医院|病房|卫生|医学|诊疗/],
  ["教育", /教育|学校|高校|院校|教学|中小学/],
  ["交通", /公交|出租|货车|营运|船舶|客船|客运|邮政|快递|交通|新能源汽车|新能源车|车辆|充电|公务用车|动力电池|重卡/],
  ["文旅", /文旅|旅游|景区|文化|体育|演艺|博物馆/],
  ["农业", /农机|农业|烘干|粮食|农村|畜禽/],
  ["建筑市政", /供水|管网|燃气|电梯|污水|建筑|市政|排涝|排水|垃圾|供热|视频|安防|住宅|管道|泵站|环卫|钢瓶|小区/],
  ["工业", /工业|制造|技改|数字化|数控|工厂|节能|降碳|能效|产能|园区/],
];
// Words common to every field: they decide only when nothing more specific does.
const WEAK_INDUSTRY = /设备|企业|智能/;

/** Every field whose words a text contains, in rule order. */
function domainsIn(text: string): string[] {
  return DOMAIN_RULES.filter(([, pattern]) => pattern.test(text)).map(([domain]) => domain);
}

/**
 * The field of a target: its task's subject when the task title names exactly one field (推动交通
 * 运输设备更新 → 交通, even for 淘汰…排放标准…柴油货车), else its indicator's, then outer headings'.
 * A task naming several fields (推进教育文旅医疗设备更新) leaves the choice to the indicator.
 * @param indicator - the target's indicator
 * @param headingTitles - heading titles from the task's outwards (innermost first)
 * @returns the field, as domainOf
 * @example targetDomain("淘汰国三及以下排放标准营运柴油货车", ["推动交通运输设备更新"]) // → "交通"
 */
export function targetDomain(indicator: string, headingTitles: readonly string[]): string {
  const taskDomains = headingTitles.length > 0 ? domainsIn(headingTitles[0]) : [];
  if (taskDomains.length === 1) return taskDomains[0];
  return domainOf([indicator, ...headingTitles]);
}

/**
 * The field a target belongs to, from its indicator first, then its task and section titles.
 * @param texts - indicator, task title, then outer heading titles (most specific first)
 * @returns one of 综合, 标准, 回收利用, 消费品, 医疗, 教育, 文旅, 农业, 交通, 建筑市政, 工业
 * @example domainOf(["二手车交易量"]) // → "回收利用"
 */
export function domainOf(texts: readonly string[]): string {
  for (const text of texts) {
    for (const [domain, pattern] of DOMAIN_RULES) if (pattern.test(text)) return domain;
  }
  return texts.some((text) => WEAK_INDUSTRY.test(text)) ? "工业" : "综合";
}

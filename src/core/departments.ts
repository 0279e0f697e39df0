/**
 * Canonical department names. Plans spell one department several ways (市工信局, 工信局,
 * 市工业和信息化局); targets carry one canonical name so they can be grouped and compared.
 *
 * Rule, kept simple on purpose: strip the level prefix (自治区/市/省/县/区), map a known short or
 * long form to the department's standard short official name, then put the plan's level prefix
 * back (市 for a city plan, 自治区 for an autonomous region's). A name written with 自治区 keeps it:
 * only an autonomous region has such departments, whatever level the caller assumed. Names not in the table pass through trimmed; a prefix is only
 * added to known names, never guessed for unknown ones (国网南阳供电公司 stays as written).
 */

/**
 * Administrative level of the issuing government: decides the prefix of canonical names.
 * "region" is a province-level 自治区 (宁夏回族自治区): its departments are 自治区X厅, not 省X厅.
 */
export type GovernmentLevel = "province" | "region" | "city" | "county" | "district";

const LEVEL_PREFIX: Record<GovernmentLevel, string> = {
  province: "省",
  region: "自治区",
  city: "市",
  county: "县",
  district: "区",
};

/** Level prefixes a department name may carry as written (longest first). */
const WRITTEN_PREFIX = /^(自治区|市|省|县|区)/;

/**
 * Known departments: canonical core name (no prefix) → spellings (no prefix). Sources: the
 * 2018–2019 institutional reform names used by provincial and municipal governments.
 */
const DEPARTMENT_ALIASES: Record<string, readonly string[]> = {
  工业和信息化局: ["工信局", "工业和信息化局", "工业信息化局", "工业与信息化局", "工业和信息化委", "工信委"],
  工业和信息化厅: ["工信厅", "工业和信息化厅"],
  经济和信息化局: ["经信局", "经济和信息化局", "经济信息化局"],
  经济和信息化厅: ["经信厅", "经济和信息化厅"],
  发展改革委: ["发改委", "发展改革委", "发展和改革委", "发展和改革委员会", "发展改革委员会"],
  发展改革局: ["发改局", "发展改革局", "发展和改革局"],
  住房城乡建设局: ["住建局", "住房城乡建设局", "住房和城乡建设局", "住房城乡建设委", "住建委", "住房和城乡建设委员会"],
  住房城乡建设厅: ["住建厅", "住房城乡建设厅", "住房和城乡建设厅"],
  城市管理局: ["城管局", "城市管理局", "城市管理委", "城管委"],
  生态环境局: ["生态环境局", "环保局", "生态环境保护局"],
  应急管理局: ["应急局", "应急管理局"],
  市场监管局: ["市场监管局", "市场监督管理局", "市监局"],
  // Some provinces and regions write their market regulator as a 厅.
  市场监管厅: ["市场监管厅", "市场监督管理厅"],
  交通运输局: ["交通局", "交通运输局"],
  农业农村局: ["农业农村局", "农业局", "农委", "农业农村委"],
  商务局: ["商务局", "商务委"],
  财政局: ["财政局"],
  公安局: ["公安局"],
  税务局: ["税务局"],
  教育局: ["教育局"],
  教育体育局: ["教体局", "教育体育局", "教育和体育局"],
  科技局: ["科技局", "科学技术局"],
  卫生健康委: ["卫健委", "卫生健康委", "卫生健康委员会", "卫生和健康委员会"],
  卫生健康局: ["卫健局", "卫生健康局"],
  文化和旅游局: ["文旅局", "文化和旅游局", "文化旅游局"],
  文化广电和旅游局: ["文广旅局", "文化广电和旅游局", "文化广电旅游局", "文广新旅局"],
  人力资源社会保障局: ["人社局", "人力资源社会保障局", "人力资源和社会保障局"],
  自然资源和规划局: ["资源规划局", "自然资源和规划局", "自规局", "自然资源规划局"],
  自然资源局: ["自然资源局"],
  民政局: ["民政局"],
  水利局: ["水利局", "水务局"],
  林业局: ["林业局"],
  统计局: ["统计局"],
  机关事务中心: ["机关事务中心", "机关事务服务中心"],
  机关事务局: ["机关事务局", "机关事务管理局", "机管局"],
  供销社: ["供销社", "供销合作社", "供销合作社联合社"],
  金融监管局: ["金融监管局", "地方金融监管局", "地方金融监督管理局", "金融局", "金融工作局"],
  数据局: ["数据局", "大数据局", "大数据管理局", "数据资源局"],
  国资委: ["国资委", "国有资产监督管理委员会"],
  行政审批局: ["行政审批局", "行政审批服务局"],
  司法局: ["司法局"],
  审计局: ["审计局"],
  // Provincial departments (厅) and city commissions (委) have names of their own.
  经济和信息化委: ["经信委", "经济信息化委", "经济和信息化委", "经济和信息化委员会"],
  交通运输厅: ["交通运输厅", "交通厅"],
  农业农村厅: ["农业农村厅", "农业厅"],
  商务厅: ["商务厅"],
  财政厅: ["财政厅"],
  公安厅: ["公安厅"],
  教育厅: ["教育厅"],
  科技厅: ["科技厅", "科学技术厅"],
  生态环境厅: ["生态环境厅", "环保厅", "环境保护厅"],
  文化和旅游厅: ["文化和旅游厅", "文旅厅", "文化旅游厅"],
  人力资源社会保障厅: ["人力资源社会保障厅", "人力资源和社会保障厅", "人社厅"],
  自然资源厅: ["自然资源厅"],
  民政厅: ["民政厅"],
  水利厅: ["水利厅"],
  应急管理厅: ["应急管理厅", "应急厅"],
  司法厅: ["司法厅"],
  审计厅: ["审计厅"],
  交通运输委: ["交通委"],
  教育委员会: ["教委", "教育委员会"],
  科学技术委员会: ["科委", "科学技术委员会"],
};

const ALIAS_TO_CANONICAL = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(DEPARTMENT_ALIASES)) {
  for (const alias of aliases) ALIAS_TO_CANONICAL.set(alias, canonical);
}

// Stray characters around a name as cut from a list: brackets, punctuation, spaces.
const STRAY = /^[\s、，,；;：:。.（(）)【】[\]“”"'〔〕]+|[\s、，,；;：:。.（(【[“”"'〔]+$/g;

/**
 * The canonical name of a department as written, with or without its level prefix.
 * 市工信局, 工信局 and 市工业和信息化局 are one department; 发改委 and 市发展改革委 another.
 *
 * @param name - the department as spelled in the text (e.g. "住建局", "市发改委")
 * @param level - level of the issuing government; decides the prefix added to known names
 *   (default "city", the level of most 两新 plans)
 * @returns the canonical name (e.g. "市住房城乡建设局"), or the trimmed name when unknown
 * @example
 * canonicalDepartment("工信局") // → "市工业和信息化局"
 * canonicalDepartment("发改委") // → "市发展改革委"
 * canonicalDepartment("国网南阳供电公司") // → "国网南阳供电公司"
 */
export function canonicalDepartment(name: string, level: GovernmentLevel = "city"): string {
  const trimmed = name.replace(/\s+/g, "").replace(STRAY, "");
  // 市场监管局 starts with 市 but has no prefix: try the name as written first.
  const canonical = ALIAS_TO_CANONICAL.get(trimmed) ?? ALIAS_TO_CANONICAL.get(trimmed.replace(WRITTEN_PREFIX, ""));
  if (canonical === undefined) return trimmed;
  return (trimmed.startsWith("自治区") ? "自治区" : LEVEL_PREFIX[level]) + canonical;
}

/** Whether a name is one of the known departments (with or without prefix). */
export function isKnownDepartment(name: string): boolean {
  const trimmed = name.replace(/\s+/g, "");
  return ALIAS_TO_CANONICAL.has(trimmed) || ALIAS_TO_CANONICAL.has(trimmed.replace(WRITTEN_PREFIX, ""));
}

/**
 * Default subsidy parameters (补贴测算默认参数) — the ONE table every default lives in, each
 * with its source. The sheet shows these beside the inputs as 来源 notes; every value is
 * editable there and none is used anywhere without passing through this table.
 *
 * Status of a default:
 * - "national": a published national standard (2024), quoted from the document named;
 * - "toVerify": 待核实 — the best figure known to the authors, not checked against the
 *   original text while writing, or set by each province; check it before relying on it;
 * - "example": 示例 — an illustrative assumption (e.g. an average price), not a statistic;
 *   replace it with local figures.
 * No volume is a default: volumes are local (typed in, or linked to a target's trajectory
 * with the user's own baseline).
 */
import type { FundingShares, SubsidyProgram } from "./types";

export type DefaultStatus = "national" | "toVerify" | "example";

export const DEFAULT_STATUS_LABELS: Record<"zh-CN" | "en-US", Record<DefaultStatus, string>> = {
  "zh-CN": { national: "国家标准", toVerify: "待核实", example: "示例" },
  "en-US": { national: "national standard", toVerify: "to verify", example: "example" },
};

/** Per-program parameters a default can set. */
export type ProgramParameter = "amountYuan" | "rate" | "priceYuan" | "capYuan" | "takeUp";

/** Region-level funding parameters. */
export type Region = "east" | "central" | "west";
export type FundingParameter = "centralShare" | "provincialPartOfLocal";

export interface ParameterDefault {
  /** Program id, or "*" for a funding default that applies to every program. */
  programId: string;
  parameter: ProgramParameter | FundingParameter;
  /** For funding defaults that differ by region. */
  region?: Region;
  /** null = deliberately blank (e.g. no price for a fixed-amount program). */
  value: number | null;
  /** Unit of `value`: 元/辆, 比例 … */
  unit: string;
  status: DefaultStatus;
  /** The document or decision the value comes from (zh-CN, as shown in the sheet). */
  source: string;
}

/** Program identities (no numbers: those are in BUDGET_DEFAULTS). */
export interface ProgramDefinition {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  /** Catalog indicator whose trajectory can drive this program's volume. */
  volumeIndicator: string | null;
}

const CAR_2024_08 =
  "商务部等7部门《关于进一步做好汽车以旧换新有关工作的通知》（2024年8月）提高《汽车以旧换新补贴实施细则》报废更新补贴标准：新能源乘用车2万元/辆、燃油乘用车1.5万元/辆";
const APPLIANCE_2024 =
  "国家发展改革委 财政部《关于加力支持大规模设备更新和消费品以旧换新的若干措施》（发改环资〔2024〕1104号）：8类家电按销售价格15%补贴，一级能效/水效再加5%（即20%），每件不超过2000元";
const BUS_2024 =
  "交通运输部 财政部《新能源城市公交车及动力电池更新补贴实施细则》（2024年）：更新车辆平均每辆8万元，更换动力电池平均每辆4.2万元";
const FUNDING_2024 =
  "发改环资〔2024〕1104号：超长期特别国债资金中央与地方总体9:1共担，分东、中、西部确定比例（东部85%、中部90%、西部95% — 分地区比例待核实）";
const PRICE_EXAMPLE = "示例值（非统计数据）：请按本地该类产品销售均价填写";

export const DEFAULT_PROGRAM_DEFINITIONS: readonly ProgramDefinition[] = [
  {
    id: "carScrapNev",
    name: "汽车报废更新（新能源乘用车）",
    nameEn: "Car scrap & replace (NEV)",
    unit: "辆",
    volumeIndicator: "报废汽车回收量",
  },
  {
    id: "carScrapFuel",
    name: "汽车报废更新（燃油乘用车）",
    nameEn: "Car scrap & replace (fuel)",
    unit: "辆",
    volumeIndicator: "报废汽车回收量",
  },
  { id: "carReplace", name: "汽车置换更新", nameEn: "Car replacement", unit: "辆", volumeIndicator: null },
  {
    id: "applianceFridge",
    name: "家电以旧换新（冰箱）",
    nameEn: "Appliances: refrigerators",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceWasher",
    name: "家电以旧换新（洗衣机）",
    nameEn: "Appliances: washing machines",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceTv",
    name: "家电以旧换新（电视）",
    nameEn: "Appliances: televisions",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceAc",
    name: "家电以旧换新（空调）",
    nameEn: "Appliances: air conditioners",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceComputer",
    name: "家电以旧换新（电脑）",
    nameEn: "Appliances: computers",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceWaterHeater",
    name: "家电以旧换新（热水器）",
    nameEn: "Appliances: water heaters",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceCooker",
    name: "家电以旧换新（家用灶具）",
    nameEn: "Appliances: cooktops",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "applianceHood",
    name: "家电以旧换新（吸油烟机）",
    nameEn: "Appliances: range hoods",
    unit: "台",
    volumeIndicator: null,
  },
  { id: "eBike", name: "电动自行车以旧换新", nameEn: "E-bike trade-in", unit: "辆", volumeIndicator: null },
  {
    id: "agriMachinery",
    name: "农机报废更新",
    nameEn: "Farm machinery scrap & replace",
    unit: "台",
    volumeIndicator: null,
  },
  {
    id: "oldCommercialVehicles",
    name: "老旧营运车船报废更新",
    nameEn: "Old commercial vehicles & vessels",
    unit: "辆",
    volumeIndicator: null,
  },
  { id: "busNev", name: "新能源公交车更新", nameEn: "New-energy bus renewal", unit: "辆", volumeIndicator: null },
  {
    id: "busBattery",
    name: "新能源公交车动力电池更新",
    nameEn: "Bus battery replacement",
    unit: "辆",
    volumeIndicator: null,
  },
];

function fixedAmount(
  programId: string,
  amountYuan: number,
  unit: string,
  status: DefaultStatus,
  source: string,
): ParameterDefault[] {
  return [
    { programId, parameter: "amountYuan", value: amountYuan, unit, status, source },
    {
      programId,
      parameter: "takeUp",
      value: 1,
      unit: "比例",
      status: "example",
      source: "示例假设：按全部符合条件的数量申领计，请按本地申领比例填写",
    },
  ];
}

function appliance(programId: string, examplePriceYuan: number): ParameterDefault[] {
  return [
    { programId, parameter: "rate", value: 0.15, unit: "比例", status: "national", source: APPLIANCE_2024 },
    { programId, parameter: "capYuan", value: 2000, unit: "元/台", status: "national", source: APPLIANCE_2024 },
    {
      programId,
      parameter: "priceYuan",
      value: examplePriceYuan,
      unit: "元/台",
      status: "example",
      source: PRICE_EXAMPLE,
    },
    {
      programId,
      parameter: "takeUp",
      value: 1,
      unit: "比例",
      status: "example",
      source: "示例假设：按全部以旧换新销量申领计；一级能效产品比例高时可把补贴比例改为20%",
    },
  ];
}

/** Every default subsidy parameter, with its source. */
export const BUDGET_DEFAULTS: readonly ParameterDefault[] = [
  {
    programId: "carScrapNev",
    parameter: "amountYuan",
    value: 20000,
    unit: "元/辆",
    status: "national",
    source: CAR_2024_08,
  },
  {
    programId: "carScrapNev",
    parameter: "takeUp",
    value: 0.5,
    unit: "比例",
    status: "example",
    source: "示例假设：报废汽车中换购新能源乘用车并申领补贴的比例，请按本地数据填写",
  },
  {
    programId: "carScrapFuel",
    parameter: "amountYuan",
    value: 15000,
    unit: "元/辆",
    status: "national",
    source: CAR_2024_08,
  },
  {
    programId: "carScrapFuel",
    parameter: "takeUp",
    value: 0.3,
    unit: "比例",
    status: "example",
    source: "示例假设：报废汽车中换购燃油乘用车并申领补贴的比例，请按本地数据填写",
  },
  ...fixedAmount(
    "carReplace",
    10000,
    "元/辆",
    "toVerify",
    "由各省自定（常见8000–15000元/辆，依新车价格和动力类型分档）；示例取1万元，待核实：按本省置换更新实施细则填写",
  ),
  ...appliance("applianceFridge", 4000),
  ...appliance("applianceWasher", 3000),
  ...appliance("applianceTv", 4000),
  ...appliance("applianceAc", 4000),
  ...appliance("applianceComputer", 5000),
  ...appliance("applianceWaterHeater", 2500),
  ...appliance("applianceCooker", 2000),
  ...appliance("applianceHood", 2500),
  ...fixedAmount(
    "eBike",
    500,
    "元/辆",
    "toVerify",
    "电动自行车以旧换新补贴由各省按国家部署自定标准；示例取500元/辆，待核实：按本省实施方案填写",
  ),
  ...fixedAmount(
    "agriMachinery",
    20000,
    "元/台",
    "toVerify",
    "农业农村部 财政部农机报废更新补贴：按机型、功率分档（2024年提高标准）；示例取平均2万元/台，待核实：按本省农机报废补贴额一览表填写",
  ),
  ...fixedAmount(
    "oldCommercialVehicles",
    40000,
    "元/辆",
    "toVerify",
    "交通运输部 财政部老旧营运货车/船舶报废更新补贴（2024年）：按车型、排放标准、是否新购分档；示例取平均4万元/辆，待核实：按实施细则分档填写",
  ),
  ...fixedAmount("busNev", 80000, "元/辆", "national", BUS_2024),
  ...fixedAmount("busBattery", 42000, "元/辆", "national", BUS_2024),
  {
    programId: "*",
    parameter: "centralShare",
    region: "east",
    value: 0.85,
    unit: "比例",
    status: "toVerify",
    source: FUNDING_2024,
  },
  {
    programId: "*",
    parameter: "centralShare",
    region: "central",
    value: 0.9,
    unit: "比例",
    status: "toVerify",
    source: FUNDING_2024,
  },
  {
    programId: "*",
    parameter: "centralShare",
    region: "west",
    value: 0.95,
    unit: "比例",
    status: "toVerify",
    source: FUNDING_2024,
  },
  {
    programId: "*",
    parameter: "provincialPartOfLocal",
    value: 0.5,
    unit: "比例",
    status: "example",
    source: "示例假设：地方承担部分由省、市各半；各省分担办法不同，请按本省规定填写",
  },
];

/**
 * Region of each province for the funding split (国家统计局东、中、西部划分). The three
 * north-eastern provinces are a fourth group there; they are filed under 中部 here — 待核实.
 */
export const PROVINCE_REGIONS: Readonly<Record<string, Region>> = {
  北京: "east",
  天津: "east",
  河北: "east",
  上海: "east",
  江苏: "east",
  浙江: "east",
  福建: "east",
  山东: "east",
  广东: "east",
  海南: "east",
  山西: "central",
  安徽: "central",
  江西: "central",
  河南: "central",
  湖北: "central",
  湖南: "central",
  辽宁: "central",
  吉林: "central",
  黑龙江: "central",
  内蒙古: "west",
  广西: "west",
  重庆: "west",
  四川: "west",
  贵州: "west",
  云南: "west",
  西藏: "west",
  陕西: "west",
  甘肃: "west",
  青海: "west",
  宁夏: "west",
  新疆: "west",
};

/** Finds the default of one parameter; undefined when the table has none. */
export function findDefault(
  programId: string,
  parameter: ParameterDefault["parameter"],
  region?: Region,
): ParameterDefault | undefined {
  return BUDGET_DEFAULTS.find(
    (row) =>
      (row.programId === programId || row.programId === "*") &&
      row.parameter === parameter &&
      (row.region === undefined || row.region === region),
  );
}

/**
 * Default funding shares for a province: central share by region, the local rest split
 * between province and city by `provincialPartOfLocal`.
 *
 * Formula: central = c(region); provincial = (1 − c)·p; city = (1 − c)·(1 − p).
 * @param province province short name (河南, 福建 …); unknown or missing → 中部 (90%).
 * @returns shares summing to 1.
 * @example
 * defaultFundingShares("福建"); // { central: 0.85, provincial: 0.075, city: 0.075 }
 */
export function defaultFundingShares(province?: string): FundingShares {
  const short = province?.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, "");
  // Own keys only: a province typed as "constructor" is unknown, not Object's constructor.
  const region: Region = (short && Object.hasOwn(PROVINCE_REGIONS, short) && PROVINCE_REGIONS[short]) || "central";
  const central = findDefault("*", "centralShare", region)?.value ?? 0.9;
  const provincialPart = findDefault("*", "provincialPartOfLocal")?.value ?? 0.5;
  return { central, provincial: (1 - central) * provincialPart, city: (1 - central) * (1 - provincialPart) };
}

/**
 * The default programs, their parameters filled from BUDGET_DEFAULTS.
 * @param province decides the funding split (see defaultFundingShares).
 * @returns one SubsidyProgram per DEFAULT_PROGRAM_DEFINITIONS entry, in that order.
 * @example
 * defaultPrograms("河南")[0].amountYuan; // 20000 (报废更新 新能源乘用车)
 */
export function defaultPrograms(province?: string): SubsidyProgram[] {
  const funding = defaultFundingShares(province);
  return DEFAULT_PROGRAM_DEFINITIONS.map((definition) => {
    const value = (parameter: ProgramParameter) => findDefault(definition.id, parameter)?.value ?? null;
    return {
      ...definition,
      amountYuan: value("amountYuan"),
      rate: value("rate"),
      priceYuan: value("priceYuan"),
      capYuan: value("capYuan"),
      takeUp: value("takeUp") ?? 1,
      formula: null,
      funding: { ...funding },
    };
  });
}

/**
 * The province of a plan, for the default funding split: a province named in the issuing
 * government or title (河南省…), else the bundled city's province (南平 → 福建).
 * @param plan the catalog's plan info.
 * @param bundled the bundled cities (name → province), passed in to keep this table-free.
 * @returns the province short name, or null when it cannot be told.
 * @example
 * provinceOfPlan({ government: "南平市人民政府", title: "" }, [{ name: "南平", province: "福建" }]); // "福建"
 */
export function provinceOfPlan(
  plan: { government: string; title: string },
  bundled: ReadonlyArray<{ name: string; province: string }> = [],
): string | null {
  const text = `${plan.government} ${plan.title}`;
  const named = Object.keys(PROVINCE_REGIONS).find((province) => text.includes(province));
  if (named) return named;
  return bundled.find((city) => city.name && text.includes(city.name))?.province ?? null;
}

/** Region of a province (null when unknown). */
export function regionOfProvince(province: string | null): Region | null {
  return province && Object.hasOwn(PROVINCE_REGIONS, province) ? PROVINCE_REGIONS[province] : null;
}

export const REGION_LABELS: Record<"zh-CN" | "en-US", Record<Region, string>> = {
  "zh-CN": { east: "东部", central: "中部", west: "西部" },
  "en-US": { east: "east", central: "central", west: "west" },
};

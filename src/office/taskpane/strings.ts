/** Every text the task pane shows, zh-CN first, en-US second (one dictionary, one code path). */
import type { Locale } from "../../core/i18n";

export const PANE_STRINGS = {
  "zh-CN": {
    title: "两新目标跟踪",
    subtitle: "大规模设备更新和消费品以旧换新 · 目标载入与月报检查",
    languageSwitch: "English",
    stepSource: "1. 选择方案",
    bundledCities: "内置城市方案",
    orPaste: "或粘贴 / 打开新方案",
    pastePlaceholder: "在此粘贴方案全文（UTF-8 文本）……",
    openFile: "打开方案文件（Word、PDF、网页、文本）",
    readingFile: (name: string) => `正在读取 ${name}……`,
    cityName: "城市简称（用于目标编号，如 南平）",
    extract: "提取目标",
    stepReview: "2. 核对提取结果",
    noPlan: "请选择城市，或粘贴方案文本后点击“提取目标”。",
    found: (count: number) => `找到 ${count} 项目标，请逐条核对原文条款：`,
    colId: "编号",
    colIndicator: "指标",
    colKind: "类型",
    colValue: "目标",
    colLead: "牵头单位",
    colUnit: "单位",
    colSource: "原文条款",
    inferred: "（推定）",
    warnings: "提取提示",
    stepLoad: "3. 载入与检查",
    load: "载入工作簿",
    checkReports: "检查月报",
    loading: { reading: "读取工作簿……", writing: "写入工作表……", names: "定义函数名称……", done: "完成" },
    loaded: (sheets: number, kept: number) =>
      `已载入 ${sheets} 张工作表。` + (kept ? `${kept} 项目标已不在方案中，已保留并标记为“已移出目录”。` : ""),
    reconciled: (renamed: number, added: readonly string[]) =>
      `方案有改动：${renamed} 项目标沿用工作簿中原有编号` +
      (added.length ? `，新增 ${added.length} 项（${added.join("、")}）` : "") +
      "；已填的基期值等随目标保留。",
    catalogEdits: (changes: readonly string[]) =>
      `目标总表中您改过的方案列单元格保留了您的值，并在“目录状态”列标记“已修改”；方案的新值列在旁边供核对：${changes.join("；")}。`,
    editChange: (address: string, header: string, yours: string, plan: string) =>
      `${address}（${header}）：您的值 ${yours}，方案值 ${plan}`,
    ambiguous: (items: readonly string[]) =>
      `以下新目标可能是原有的几项之一，无法确定是哪一项，未作猜测：原有各行已保留（标记“已移出目录”，已填内容不动），新目标另行编号。请核对后把已填内容移到正确的行：${items.join("；")}。`,
    ambiguousItem: (id: string, indicator: string, year: string, candidates: readonly string[]) =>
      `${id} ${indicator}${year}可能是 ${candidates.join(" 或 ")}`,
    renamedSheets: (names: readonly string[]) => `已将改名的工作表恢复原名：${names.join("、")}。`,
    namesFailed: (reason: string) => `无前缀函数名（如 =TARGET_GAP）未能定义：${reason}。请使用 =LX.TARGET_GAP(…)。`,
    namesRemoved:
      "此版本 Excel 无法在 LAMBDA 中调用加载项函数（试算结果为 #CALC!），已撤销无前缀函数名：请写 =LX.TARGET_GAP(…)。本加载项写入的工作表本身使用 LX. 前缀，计算不受影响。",
    extracting: "正在提取……",
    include: "载入",
    excluded: (count: number) => `（已排除 ${count} 项）`,
    checked: (checked: number, rejected: number, behind: number) =>
      `已检查 ${checked} 行月报，${rejected} 行有误，${behind} 项落后。详见“部门预警”。`,
    notInExcel: "未在 Excel 中运行：可预览提取结果，载入与检查需在 Excel 中进行。",
    error: "出错：",
    exampleNote: "示例",
  },
  "en-US": {
    title: "Liangxin targets",
    subtitle: "Equipment renewal and consumer trade-ins · load targets, check monthly reports",
    languageSwitch: "中文",
    stepSource: "1. Choose a plan",
    bundledCities: "Bundled city plans",
    orPaste: "or paste / open a new plan",
    pastePlaceholder: "Paste the plan's full text (UTF-8) here…",
    openFile: "Open a plan file (Word, PDF, web page, text)",
    readingFile: (name: string) => `Reading ${name}…`,
    cityName: "City short name (for target ids, e.g. 南平)",
    extract: "Extract targets",
    stepReview: "2. Review what was found",
    noPlan: "Pick a city, or paste a plan's text and choose Extract targets.",
    found: (count: number) => `${count} targets found; check each against its source clause:`,
    colId: "ID",
    colIndicator: "Indicator",
    colKind: "Kind",
    colValue: "Target",
    colLead: "Lead",
    colUnit: "Unit",
    colSource: "Source clause",
    inferred: " (inferred)",
    warnings: "Extraction notes",
    stepLoad: "3. Load and check",
    load: "Load into workbook",
    checkReports: "Check reports",
    loading: {
      reading: "Reading the workbook…",
      writing: "Writing sheets…",
      names: "Defining function names…",
      done: "Done",
    },
    loaded: (sheets: number, kept: number) =>
      `Loaded ${sheets} sheets.` +
      (kept ? ` ${kept} targets are no longer in the plan; kept and marked "Not in catalog".` : ""),
    reconciled: (renamed: number, added: readonly string[]) =>
      `The plan changed: ${renamed} targets keep their earlier ids in this workbook` +
      (added.length ? `; ${added.length} new (${added.join(", ")})` : "") +
      "; typed baselines stay with their targets.",
    catalogEdits: (changes: readonly string[]) =>
      `Plan cells you had edited in 目标总表 keep your values and are flagged 已修改 in the catalog-state column; the plan's new values are beside them for checking: ${changes.join("; ")}.`,
    editChange: (address: string, header: string, yours: string, plan: string) =>
      `${address} (${header}): yours ${yours}, plan ${plan}`,
    ambiguous: (items: readonly string[]) =>
      `These new targets could each be one of several earlier ones, so none was guessed: the earlier rows are kept (marked 已移出目录, inputs untouched) and the new targets have new ids. Please check and move your inputs to the right rows: ${items.join("; ")}.`,
    ambiguousItem: (id: string, indicator: string, year: string, candidates: readonly string[]) =>
      `${id} ${indicator}${year} could be ${candidates.join(" or ")}`,
    renamedSheets: (names: readonly string[]) => `Renamed sheets were given their names back: ${names.join(", ")}.`,
    namesFailed: (reason: string) =>
      `Bare function names (=TARGET_GAP) could not be defined: ${reason}. Use =LX.TARGET_GAP(…) instead.`,
    namesRemoved:
      "This Excel cannot call add-in functions inside LAMBDA (a test call gave #CALC!), so the bare names were removed again: write =LX.TARGET_GAP(…). The add-in's own sheets use LX. and compute regardless.",
    extracting: "Extracting…",
    include: "Load",
    excluded: (count: number) => ` (${count} excluded)`,
    checked: (checked: number, rejected: number, behind: number) =>
      `Checked ${checked} report rows: ${rejected} rejected, ${behind} behind. See 部门预警.`,
    notInExcel: "Not running in Excel: you can preview the extraction; loading and checking need Excel.",
    error: "Error: ",
    exampleNote: "example",
  },
} satisfies Record<Locale, unknown>;

export type PaneStrings = (typeof PANE_STRINGS)["zh-CN"];

/** Kind labels for the preview (the catalog's codes → words). */
export const KIND_WORDS: Record<Locale, Record<string, string>> = {
  "zh-CN": {
    growth_vs_baseline: "较基期增长",
    level: "达到水平",
    share: "比重",
    cumulative: "累计",
    annual: "每年",
    milestone: "节点任务",
  },
  "en-US": {
    growth_vs_baseline: "Growth vs base",
    level: "Level",
    share: "Share",
    cumulative: "Cumulative",
    annual: "Per year",
    milestone: "Milestone",
  },
};

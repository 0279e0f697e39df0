/**
 * The extractor's lexicon: the words around a number that decide what it is (a comparator, a
 * completion verb, a threshold, a policy input, a milestone predicate…), kept as data in one place.
 * Numbers and units themselves are in numbers.ts; years in years.ts.
 */
import type { Comparator } from "../catalog";

/**
 * How far before a number the patterns ending in $ look (the longest phrase they match is under
 * 20 characters): a bounded tail keeps each test constant-time however long the clause.
 */
export const TAIL = 40;
/** How much text around a number its name is cut from (a name is at most 40 characters). */
export const NAME_WINDOW = 400;
/** A base year (较2023年), anywhere before a share in its phrase. */
export const BASE_YEAR = /(?:较|比|相比|相较于?|同比|与(?=[0-9]{4}年(?:相比|比较|相较)))[0-9]{4}年/;
/** A base year of a past year's figure (比2023年度…): the figure is then a base, not a past condition. */
export const BASE_YEAR_OF_FIGURE = /(?:较|比|相比|相较于?|同比|与)[0-9]{4}年度/;
/** A change verb after a base year: the share is a change against the base. */
export const CHANGE_VERB = /增长|增加|提高|提升|下降|降低|减少/;
export const CUMULATIVE = /累计/;
/** Comparators that only approximate a stated figure (约500万辆): they do not make it a goal. */
export const APPROXIMATE = /^(?:约|大约|近)$/;
/** A forecast, not a goal: 2024年产量有望超过70万辆, 预计全年达到…. */
export const FORECAST = /有望|预计|预期/;

/**
 * A measured stock or flow named right before a bare figure (全市电梯总数16.1万台, 乘用车保有量约500万辆):
 * with no deadline, target word or verb, such a figure says where things stand.
 */
export const MEASURED_STOCK =
  /(?:总数|总量|保有量|数量|规模|产量|销量|产值|增加值|收入|交易额|交易量|零售额|销售额|回收量|装机容量|装机|拥有量|存量|户数|企业数)(?:约|大约|近|达|为|共|超)?$/;

/** Things added over the period (新增…): counted, even when 达到 states the count. */
export const NEW_COUNT = /新增/;

/** The mark between the items of a list. */
export const LIST_BREAK = /、/;

/** A number as written: Arabic with thousands commas and decimals, or a run of Chinese numerals. */
export const NUMBER_TOKEN = /[0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿]+/g;
export const SUFFIX = /^(?:（含）)?(及以上|以上|及以下|以下|以内|左右|多)/;
export const PREFIX_COMPARATOR =
  /(不低于|不少于|至少|不超过|不高于|控制在|超过|突破|高于|多于|低于|少于|大约|约|近)(?:约)?$/;
/** Verbs of doing a countable thing: the number after them is an amount to complete. */
export const COMPLETION_VERB =
  /完成|新建|改建|新改建|改造|更新|更换|淘汰|建成|建设|培育|新增|实施|招引|引进|引育|报废|加装|创建|打造|推广|迁建|提标|配备|安装|购置|培训|收购|处置|组织|开展|举办|新投产|投产|制修订|制定|发布|共通|回收|推动|落地|认定|储备|争取|规范提升|整治提升|提质升级|提档升级/;
export const COMPLETION_VERB_END = new RegExp(`(?:${COMPLETION_VERB.source})(?:约|共|了)?$`);
export const LEVEL_VERB_END =
  /(?:达到|达|突破|保持在|保持|稳定在|提高到|提升到|提高至|提升至|增至|超过|不低于|不少于)(?:约)?$/;
/** Verbs that set an amount to reach; 超过/不低于/不少于 only compare, so a completion verb before them decides. */
export const STRICT_LEVEL_VERB_END = /(?:达到|达|突破|保持在|保持|稳定在|提高到|提升到|提高至|提升至|增至)(?:约)?$/;
/** A growth rate per year (年均增长8%, 年增长10%左右): an annual target, not growth against a base. */
export const ANNUAL_RATE =
  /(?:年均|年平均|每年|(?<![0-9〇零一二三四五六七八九十])年)(?:增长|增速|递增|提高|提升)(?:率)?(?:达到|保持在|为)?(?:约|近|超过|不低于)?$/;
export const GROWTH_VERB_END = /(?:增长|增加|提高|提升|下降|降低|减少|翻)(?:了)?(?:约|近|超过|不低于|不少于)?$/;
/** A change downwards (比2023年下降4.5%): stored as a negative change, −4.5 and −0.045. */
export const DECREASE_VERB_END = /(?:下降|降低|减少)(?:了)?(?:约|近|超过|不低于|不少于)?$/;
/** A base year: 较2023年, 比2023年, 与2023年相比 (the year captured). */
export const BASE_PHRASE = /(?:较|比|相比|相较于?|同比|与(?=[0-9]{4}年(?:相比|比较|相较)))([0-9]{4})年/g;
/** Words before a number that make it a condition, not a goal (使用8年以上, 年耗能1万吨). */
export const THRESHOLD_BEFORE =
  /(?:使用|运行|服役|车龄|能耗|耗能|年产|年处理|日处理|年拆解|加工|功率|排量|载重|年限|设计|容量|规模为|人间|总投资|投资额|购置额)(?:约|超过|达|在)?$/;
/** A rate qualifier between a level verb and its number (达到日处理3.5万吨): part of the measure, not a threshold. */
export const RATE_AFTER_LEVEL_VERB =
  /(?:达到|达|突破|提高到|提升到|提高至|提升至|增至|超过)(日|年|月)(?:处理|均|产)?(?:能力)?$/;
/** The rate qualifier itself, dropped before reading the verb and the name. */
export const RATE_QUALIFIER_END =
  /(?<=达到|达|突破|提高到|提升到|提高至|提升至|增至|超过)(?:日|年|月)(?:处理|均|产)?(?:能力)?$/;
/** A figure of a past year (2023年度…零售额不低于5000万元): a condition or background, not a goal. */
export const PAST_YEAR_FIGURE = /([0-9]{4})年度/;
export const BACKGROUND = /已经?(?:建成|完成|累计|达到|实现|有)|现有|目前|截至目前|截止目前|去年|上年/;
/**
 * Policy inputs, not outcomes: subsidy rates and caps, loan terms, meeting frequencies, and
 * arrangement rates (担保费率不超过1%, 考核分值占比不低于2%: fee rates, assessment weights).
 */
export const POLICY_INPUT =
  /补贴|补助|奖励|奖补|贴息|首付|利率|费率|分值|权重|贷款|额度|最高|单件|单台|单个|每辆|每台|每户|每件|每人|每个|每套|每(?:周|旬|半月)|按(?:照)?[^，]{0,12}的$|给予/;
export const FUND = /资金|基金|经费|预算|金额/;
/**
 * An amount per quarter, month or half-year (每季度组织1场…): a per-year target, counted as the
 * year's total (×4, ×12, ×2) so it is tracked like 每年….
 */
export const PER_PERIOD = /每(季度|月|半年)/;
export const PERIODS_PER_YEAR: Readonly<Record<string, number>> = { 季度: 4, 月: 12, 半年: 2 };
/** A working routine, not an outcome: 每季度调度1次, 每月报送…, 每半年报告一次. */
export const ROUTINE = /调度|报送|报告|通报|召开|督导|督查|检查|会商|对账|研判/;
/** A per-year amount written as the year's (全年不少于4场, 年度完成…): like 每年. */
export const PER_YEAR = /每年|年均|年平均|每年度|全年|(?<![0-9])年度/;
export const TARGET_CONTEXT = /每年|年均|累计|力争|目标|确保|争取/;
export const MILESTONE_PREDICATE =
  /(?:全面|全部|基本|彻底)(?:淘汰|完成|退出|使用|停止使用|停用|关停|拆除|达到|实现|建成|建立|形成|覆盖|取消|消除|更新|更换|替换|清零)|全覆盖|完毕|完成[^，；。]{2,40}?(?:改造|更新|淘汰|建设|任务)|实现(?:稳定|正常|达标)(?:运行|排放)|实现(?:应收尽收|动态清零|清零)/g;
/**
 * An activity named right before its count, with no verb of its own: 汽车以旧换新1500辆 is a total
 * done, and so is an amount brought about (拉动消费8亿元, 带动投资约120亿元) — unless a level verb
 * (带动消费额突破80亿元) makes it an amount to reach.
 */
export const ACTIVITY_BEFORE_COUNT = /(?:以旧换新|换新|置换|(?:拉动|带动)[\u4e00-\u9fff]{0,8})$/;

/** An item marker opening a line of a list: 1． (cleaned to 1.), （1）, ①. */
export const LIST_ITEM = /^(?:[0-9]{1,2}[.、](?![0-9])|（[0-9]{1,2}）|[①-⑳])/;

/** A section or chapter heading line (二、, （二）, 第二章): it ends the list a 到2027年： line leads in. */
export const SECTION_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十百]{1,4}[章节部分]|附件)/;

/**
 * A period of the clause's own with no year (三年内, 今后三年): it counts from the plan's period
 * start (三年内 from 2024 → 2024, 2025, 2026), else runs to the plan's horizon.
 */
export const OWN_PERIOD =
  /(?<![0-9])([一二两三四五六七八九十0-9]{1,2})年(?:内|之内)|今后([一二两三四五六七八九十0-9]{1,2})年/;

/** A deadline by which something is completed (年底前, 6月底前, 以前): not the end of a per-year count. */
export const COMPLETION_DEADLINE = /前$/;
/** A phrase that only closes the clause before it with a deadline: ，2025年底前完成 / ，力争2026年全部建成. */
export const CLOSING_DEADLINE =
  /^(?:并|均|须|需|要|力争|争取|确保)?(?:于|在|到)?[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:底前|底|末|前|以前|之前)?(?:全部|全面|基本)?(?:完成|实现|建成|到位|完工|投用|投运)?(?:任务)?$/;

/** Documents and arrangements that carry a plan out (实施方案, 实施细则, 工作机制): a step, not a target. */
export const IMPLEMENTING_DOCUMENT = /(?:方案|办法|细则|措施|意见|计划|政策|通知|机制|制度)$/;
/** An action done by a dated deadline: 2024年底前完成…摸底登记, 于2024年6月底前出台…实施方案. */
export const DATED_ACTION = /^(?:全部|全面|基本)?(?:完成|出台|制定|印发|建成)[^，；。、]{2,40}/;

/** 为120家村卫生室配备…: the places a verb equips or renews, after 为 + count. */
export const EQUIPPED_AFTER = /^[^，；。、的]{1,12}?(?:配备|配置|安装|加装|更新|改造|建设)/;

/** Verbs that make a counted group act rather than be the result: 企业参加…, 企业开展…. */
export const OBJECT_THEN_VERB = /参加|参与|开展|进行|享受|申报|获得|入驻|使用|应用|接入|加入|签约/;

/** A comparator suffix after the number: it wins over any prefix. */
const SUFFIX_COMPARATORS: Readonly<Record<string, Comparator>> = {
  以上: ">=",
  及以上: ">=",
  以下: "<=",
  及以下: "<=",
  以内: "<=",
  左右: "~",
  多: ">",
};

/** A comparator word before the number (see PREFIX_COMPARATOR). */
const PREFIX_COMPARATORS: Readonly<Record<string, Comparator>> = {
  超过: ">",
  突破: ">",
  高于: ">",
  多于: ">",
  不低于: ">=",
  不少于: ">=",
  至少: ">=",
  不超过: "<=",
  不高于: "<=",
  控制在: "<=",
  低于: "<=",
  少于: "<=",
  约: "~",
  大约: "~",
  近: "~",
};

/**
 * Comparator from the words around a number: a suffix (以上, 左右) wins over a prefix (超过, 突破, 约).
 * @example comparatorOf("不低于", "") // → ">="
 */
export function comparatorOf(prefix: string | null, suffix: string): Comparator {
  if (Object.hasOwn(SUFFIX_COMPARATORS, suffix)) return SUFFIX_COMPARATORS[suffix];
  if (prefix !== null && Object.hasOwn(PREFIX_COMPARATORS, prefix)) return PREFIX_COMPARATORS[prefix];
  return "=";
}

/**
 * Plan shapes that have made extraction super-linear (issue 13 item 8), generated at any size:
 * the bench times each at 1× and 4× and prints the ratio, and a property test checks extraction
 * never throws on them. Each generator returns text of about `chars` characters.
 */

/** A shape: its name and a generator of text of about `chars` characters. */
export interface PlanShape {
  name: string;
  make: (chars: number) => string;
}

const DEPARTMENTS = ["市发展改革委", "市工业和信息化局", "市财政局", "市商务局", "市住房城乡建设局", "市生态环境局"];

/** Repeats `unit(index)` until the text reaches `chars`. */
function repeatTo(chars: number, unit: (index: number) => string, separator = ""): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < chars; index++) {
    const part = unit(index) + separator;
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

export const PLAN_SHAPES: readonly PlanShape[] = [
  {
    // One sentence with no 。: a list of targets joined by ，and 、.
    name: "list without 。",
    make: (chars) =>
      `到2027年，${repeatTo(chars, (index) => `第${index % 50}类设备更新达到${(index % 90) + 10}万台以上`, "，")}`,
  },
  {
    name: "many numbers",
    make: (chars) => `到2027年，完成${repeatTo(chars, (index) => `${index}台`, "、")}。`,
  },
  {
    name: "many department names",
    make: (chars) =>
      `到2027年，再生资源回收量达到30万吨以上（牵头单位：${repeatTo(chars, (index) => DEPARTMENTS[index % DEPARTMENTS.length], "、")}）。`,
  },
  {
    name: "one very long line",
    make: (chars) => repeatTo(chars, (index) => "推进重点行业设备更新改造和消费品以旧换新工作"[index % 21]),
  },
  {
    name: "many tabs",
    make: (chars) =>
      `附件\n重点指标表\n序号\t指标\t2025年\t2027年\t责任单位\n${repeatTo(
        chars,
        (index) => `${index + 1}\t设备投资${index}\t${index}%\t${index + 5}%\t${DEPARTMENTS[index % 6]}\t\t\t`,
        "\n",
      )}`,
  },
  {
    name: "many headings",
    make: (chars) =>
      repeatTo(
        chars,
        (index) => `（${"一二三四五六七八九十"[index % 10]}）推进设备更新${index}。到2027年，更新${index + 1}台。`,
        "\n",
      ),
  },
  {
    name: "many years in one sentence",
    make: (chars) =>
      repeatTo(chars, (index) => `到${2025 + (index % 3)}年，第${index}项设备更新达到${index + 1}台`, "，"),
  },
  {
    name: "many clauses in one sentence",
    make: (chars) => repeatTo(chars, (index) => `到${2025 + (index % 3)}年，第${index}项设备更新${index + 1}台`, "；"),
  },
  {
    name: "many unread dated sentences",
    make: (chars) => repeatTo(chars, (index) => `到2027年，完成改造${index + 1}台以上的第${index}类设备`, "。\n"),
  },
  {
    name: "many tasks with departments",
    make: (chars) =>
      repeatTo(
        chars,
        (index) =>
          `${(index % 9) + 1}．推进第${index}类设备更新。到2027年，更新${index + 1}台以上。（牵头单位：${DEPARTMENTS[index % 6]}；配合单位：${DEPARTMENTS[(index + 1) % 6]}）`,
        "\n",
      ),
  },
  {
    name: "many task-table rows",
    make: (chars) =>
      `附件\n重点任务分工表\n序号\t重点任务\t工作目标\t牵头单位\t配合单位\t完成时限\n${repeatTo(
        chars,
        (index) =>
          `${index + 1}\t推进第${index}类设备更新\t更新设备${index + 1}台以上\t${DEPARTMENTS[index % 6]}\t${DEPARTMENTS[(index + 2) % 6]}\t2025年底`,
        "\n",
      )}`,
  },
  {
    name: "deep brackets",
    make: (chars) =>
      `到2027年，${"（".repeat(Math.floor(chars / 2))}设备更新达到5万台${"）".repeat(Math.floor(chars / 2))}。`,
  },
];

/** A cell holding one number of `digits` digits: number parsing must stay bounded. */
export function longNumberPlan(digits: number): string {
  return `到2027年，设备更新达到${"9".repeat(digits)}台以上。`;
}

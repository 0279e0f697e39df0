/**
 * User-written program formulas (自定义测算公式), e.g. `volume * 0.6 * min(price * 15%, 2000)`.
 *
 * Evaluated with mathjs, but only inside a fence:
 * 1. a mathjs instance built from number-only factories holding just the arithmetic we allow
 *    (no `evaluate`, `simplify`, `derivative`, `resolve`, matrices, units, strings …);
 * 2. `import` and `createUnit` on that instance replaced by functions that throw;
 * 3. every parsed tree walked against an allow-list of node types, operators, functions and
 *    variables before anything is compiled — so `import(...)`, `f(x)=x`, `a=1`,
 *    `cos.constructor(...)`, `evaluate("...")`, `[1,2]`, `{a:1}`, `1:1e9` never run;
 * 4. limits on length, tree size and nesting, and a finite-number check on the result.
 *
 * mathjs is most of the custom functions' script, and only user formulas need it: it is imported
 * on demand. A host calls `loadFormulaEngine()` (async, once) before the first formula — the
 * SUBSIDY_FORMULA / SUBSIDY_BUDGET / SUBSIDY_SIMULATE custom functions, `liangxin calc` for those
 * functions, `liangxin budget` — and `compileProgramFormula` stays synchronous after that.
 */
import type { MathNode } from "mathjs";
import { LiangxinError } from "../errors";

/** Variables a program formula may use (all numbers; units in docs/budget.md). */
export const FORMULA_VARIABLES = ["volume", "price", "amount", "rate", "cap", "takeUp"] as const;
export type FormulaVariable = (typeof FORMULA_VARIABLES)[number];

/** Named functions a program formula may call. */
export const FORMULA_FUNCTIONS = ["min", "max", "round", "abs", "floor", "ceil"] as const;

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 500;
const MAX_NODE_COUNT = 200;
const MAX_DEPTH = 30;

// Operator → mathjs function name. `%` after a number parses as `/ 100` (percentage);
// `^` is allowed, its result is checked for finiteness (1e308^1e308 is Infinity, not a hang).
const ALLOWED_OPERATORS: Record<string, string> = {
  "+": "add",
  "-": "subtract",
  "*": "multiply",
  "/": "divide",
  "^": "pow",
};
const ALLOWED_UNARY: Record<string, string> = { "-": "unaryMinus", "+": "unaryPlus" };
const ALLOWED_NODE_TYPES = new Set(["ConstantNode", "SymbolNode", "OperatorNode", "ParenthesisNode", "FunctionNode"]);

/** Sheet functions that can run a user formula: hosts load the engine before calling them. */
export const FORMULA_ENGINE_FUNCTIONS: ReadonlySet<string> = new Set([
  "SUBSIDY_FORMULA",
  "SUBSIDY_BUDGET",
  "SUBSIDY_SIMULATE",
]);

type MathNumber = typeof import("mathjs/number");
/** The restricted mathjs instance's parser, once loaded. */
let parseExpression: ((text: string) => MathNode) | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the formula engine (mathjs, number-only, restricted) — the first call imports it, later
 * calls resolve at once.
 * @returns when user formulas can be compiled
 * @example await loadFormulaEngine(); compileProgramFormula("volume * 2").evaluate({ volume: 3 }); // 6
 */
export function loadFormulaEngine(): Promise<void> {
  loading ??= import("mathjs/number").then((mathjs) => {
    parseExpression = restrictedParser(mathjs);
  });
  return loading;
}

/** Whether loadFormulaEngine has finished (compileProgramFormula works synchronously). */
export function formulaEngineLoaded(): boolean {
  return parseExpression !== null;
}

function restrictedParser(mathjs: MathNumber): (text: string) => MathNode {
  const restrictedMath = mathjs.create({
    parseDependencies: mathjs.parseDependencies,
    compileDependencies: mathjs.compileDependencies,
    addDependencies: mathjs.addDependencies,
    subtractDependencies: mathjs.subtractDependencies,
    multiplyDependencies: mathjs.multiplyDependencies,
    divideDependencies: mathjs.divideDependencies,
    unaryMinusDependencies: mathjs.unaryMinusDependencies,
    unaryPlusDependencies: mathjs.unaryPlusDependencies,
    powDependencies: mathjs.powDependencies,
    minDependencies: mathjs.minDependencies,
    maxDependencies: mathjs.maxDependencies,
    roundDependencies: mathjs.roundDependencies,
    absDependencies: mathjs.absDependencies,
    floorDependencies: mathjs.floorDependencies,
    ceilDependencies: mathjs.ceilDependencies,
  });
  const parse = restrictedMath.parse;
  // Belt and braces behind the tree check: nothing inside a formula can reach these.
  const disabled = (name: string) => () => {
    throw new LiangxinError("#VALUE!", `公式不允许使用 ${name} (function ${name} is disabled)`);
  };
  restrictedMath.import(
    {
      import: disabled("import"),
      createUnit: disabled("createUnit"),
      parse: disabled("parse"),
      compile: disabled("compile"),
      evaluate: disabled("evaluate"),
      simplify: disabled("simplify"),
      derivative: disabled("derivative"),
      resolve: disabled("resolve"),
    },
    { override: true },
  );
  return (text) => parse(text) as MathNode;
}

/** A checked, compiled formula: evaluate it as often as needed. */
export interface ProgramFormula {
  /** The formula as the user wrote it. */
  text: string;
  /** The program variables it reads (subset of FORMULA_VARIABLES), in first-use order. */
  variables: FormulaVariable[];
  /** Total subsidy in yuan for the given variables; throws LiangxinError (#VALUE!/#NUM!). */
  evaluate(values: Partial<Record<FormulaVariable, number | null>>): number;
}

function reject(text: string, whyZh: string, whyEn: string): never {
  throw new LiangxinError("#VALUE!", `公式不允许${whyZh} (formula rejected: ${whyEn}): ${text}`);
}

function checkTree(root: MathNode, text: string): FormulaVariable[] {
  const variables: FormulaVariable[] = [];
  let nodeCount = 0;
  const visit = (node: MathNode, depth: number): void => {
    nodeCount += 1;
    if (nodeCount > MAX_NODE_COUNT) reject(text, `超过 ${MAX_NODE_COUNT} 个运算项`, "too long");
    if (depth > MAX_DEPTH) reject(text, `嵌套超过 ${MAX_DEPTH} 层`, "nested too deeply");
    if (!ALLOWED_NODE_TYPES.has(node.type))
      reject(
        text,
        `使用 ${node.type}（只允许数字、变量、+ - * / ^、括号和 ${FORMULA_FUNCTIONS.join("/")}）`,
        `${node.type} is not allowed`,
      );
    switch (node.type) {
      case "ConstantNode": {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== "number" || !Number.isFinite(value)) reject(text, "非数字常量", "only numeric constants");
        return;
      }
      case "SymbolNode": {
        const name = (node as unknown as { name: string }).name;
        if (!(FORMULA_VARIABLES as readonly string[]).includes(name)) {
          reject(text, `未知变量 ${name}（可用: ${FORMULA_VARIABLES.join(", ")}）`, `unknown variable ${name}`);
        }
        if (!variables.includes(name as FormulaVariable)) variables.push(name as FormulaVariable);
        return;
      }
      case "OperatorNode": {
        const operator = node as unknown as { op: string; fn: string; args: MathNode[] };
        const table = operator.args.length === 1 ? ALLOWED_UNARY : operator.args.length === 2 ? ALLOWED_OPERATORS : {};
        if (!Object.hasOwn(table, operator.op) || table[operator.op] !== operator.fn)
          reject(text, `运算符 ${operator.op}`, `operator ${operator.op}`);
        if ((node as unknown as { implicit?: boolean }).implicit)
          reject(text, "省略乘号（请写 *）", "implicit multiplication; write *");
        operator.args.forEach((arg) => visit(arg, depth + 1));
        return;
      }
      case "ParenthesisNode":
        visit((node as unknown as { content: MathNode }).content, depth + 1);
        return;
      case "FunctionNode": {
        const call = node as unknown as { fn: MathNode; args: MathNode[] };
        // fn must be a plain name: `cos.constructor(...)` has an AccessorNode here, `f(x)(y)` a FunctionNode.
        const name = call.fn.type === "SymbolNode" ? (call.fn as unknown as { name: string }).name : null;
        if (name === null || !(FORMULA_FUNCTIONS as readonly string[]).includes(name)) {
          reject(
            text,
            `调用函数 ${name ?? call.fn.toString()}（只允许 ${FORMULA_FUNCTIONS.join(", ")}）`,
            `function ${name ?? call.fn.toString()}`,
          );
        }
        if (call.args.length === 0) reject(text, `${name}() 缺少参数`, `${name}() without arguments`);
        call.args.forEach((arg) => visit(arg, depth + 1));
        return;
      }
    }
  };
  visit(root, 0);
  return variables;
}

/**
 * Checks and compiles a program formula (自定义公式) in the restricted scope.
 *
 * Allowed: numbers (with `%` meaning /100), + − × ÷ ^, parentheses, the variables
 * volume (units), price (yuan/unit), amount (yuan/unit), rate (share), cap (yuan/unit),
 * takeUp (share), and min, max, round, abs, floor, ceil. Everything else is refused before
 * evaluation with a LiangxinError("#VALUE!") naming what was refused.
 *
 * @param text the formula, e.g. `volume * 0.6 * min(price * 15%, 2000)`; its result is the
 *   program-year's total subsidy in yuan.
 * @returns a compiled formula; `evaluate` throws #VALUE! when a used variable is blank and
 *   #NUM! when the result is not a finite number or is negative (a subsidy is never negative).
 * @throws LiangxinError("#VALUE!") for an empty, too long, unparsable or disallowed formula, and for one
 *   holding `#` (mathjs would read the rest as a comment and drop it).
 *   LiangxinError("#N/A") before loadFormulaEngine() has finished.
 * @example
 * compileProgramFormula("volume * 0.6 * min(price * 15%, 2000)").evaluate({ volume: 100, price: 5000 }); // 45000
 */
export function compileProgramFormula(text: string): ProgramFormula {
  const trimmed = text.trim();
  if (trimmed === "") throw new LiangxinError("#VALUE!", "公式为空 (empty formula)");
  if (trimmed.length > MAX_FORMULA_LENGTH)
    reject(trimmed.slice(0, 40) + "…", `超过 ${MAX_FORMULA_LENGTH} 个字符`, "too long");
  if (!parseExpression)
    throw new LiangxinError(
      "#N/A",
      "公式引擎尚未加载，请稍候重算 (the formula engine is not loaded yet: call loadFormulaEngine() first)",
    );
  // mathjs reads `#` as a comment: `volume * 2000 # 补贴` would silently drop what follows.
  if (trimmed.includes("#")) reject(trimmed, "使用 #（公式中不能有注释）", "# starts a comment; remove it");
  let tree: MathNode;
  try {
    tree = parseExpression(trimmed);
  } catch (error) {
    throw new LiangxinError(
      "#VALUE!",
      `公式无法解析: ${trimmed} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const variables = checkTree(tree, trimmed);
  const compiled = tree.compile();
  return {
    text: trimmed,
    variables,
    evaluate(values) {
      const scope = new Map<string, number>();
      for (const name of variables) {
        const value = values[name];
        if (value === null || value === undefined || Number.isNaN(value)) {
          throw new LiangxinError("#VALUE!", `公式用到 ${name}，但该项未填写 (formula uses ${name}, which is blank)`);
        }
        scope.set(name, value);
      }
      let result: unknown;
      try {
        result = compiled.evaluate(scope);
      } catch (error) {
        if (error instanceof LiangxinError) throw error;
        throw new LiangxinError(
          "#VALUE!",
          `公式计算失败: ${trimmed} (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      if (typeof result !== "number" || !Number.isFinite(result)) {
        throw new LiangxinError("#NUM!", `公式结果不是有限数值: ${trimmed} (result is not a finite number)`);
      }
      if (result < 0)
        throw new LiangxinError("#NUM!", `公式结果为负数（${result}）: ${trimmed} (a subsidy cannot be negative)`);
      return result;
    },
  };
}

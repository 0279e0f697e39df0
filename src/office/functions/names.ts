/**
 * Bare function names. Excel calls custom functions with their namespace (LX.TARGET_GAP); planners
 * type =TARGET_GAP(…). The add-in therefore defines, in every workbook it opens, one workbook-level
 * name per function whose formula is a LAMBDA wrapping the namespaced function:
 *   TARGET_GAP = LAMBDA(reported, baseline, target, reportDate, [kind], [gapMode],
 *                  LX.TARGET_GAP(reported, baseline, target, reportDate, IF(ISOMITTED(kind), "", kind), …))
 * An omitted optional argument is passed as "", which the functions read as omitted, so defaults
 * live in one place (src/core/sheet). Needs a LAMBDA-capable Excel (Microsoft 365 / Excel 2024);
 * elsewhere LX.TARGET_GAP works as is.
 */
import { CUSTOM_FUNCTION_NAMESPACE, SHEET_FUNCTIONS } from "../../core/sheet/registry";

export interface BareNameDefinition {
  /** Workbook-level name, e.g. TARGET_GAP. */
  name: string;
  /** Its formula, e.g. =LAMBDA(…, LX.TARGET_GAP(…)). */
  formula: string;
  /** Shown in Name Manager (≤ 255 characters). */
  comment: string;
}

/**
 * LAMBDA parameter names that would read as built-in functions (DATE, MODE, RATE, PRICE) are renamed,
 * since a LAMBDA parameter must be a valid, unambiguous name.
 */
const LAMBDA_PARAMETER_NAMES: Readonly<Record<string, string>> = {
  date: "reportDate",
  mode: "gapMode",
  rate: "subsidyRate",
  price: "unitPrice",
};

const MAX_COMMENT_LENGTH = 255;

/**
 * The workbook names that make bare function names work: one per registered sheet function.
 * @param namespace the custom functions' namespace from the manifest (default "LX")
 * @param functionNames which functions (default: all registered)
 * @returns name, LAMBDA formula and comment for each, in registry order
 * @example bareNameDefinitions()[0].formula // "=LAMBDA(baseline,target,[baseYear],[targetYear],LX.REQUIRED_GROWTH(…))"
 */
export function bareNameDefinitions(
  namespace = CUSTOM_FUNCTION_NAMESPACE,
  functionNames: readonly string[] = Object.keys(SHEET_FUNCTIONS),
): BareNameDefinition[] {
  return functionNames.map((functionName) => {
    const fn = SHEET_FUNCTIONS[functionName];
    const parameters = fn.params.map((param) => ({
      name: LAMBDA_PARAMETER_NAMES[param.name] ?? param.name,
      optional: param.optional === true,
    }));
    const declared = parameters.map((param) => (param.optional ? `[${param.name}]` : param.name));
    const passed = parameters.map((param) =>
      param.optional ? `IF(ISOMITTED(${param.name}),"",${param.name})` : param.name,
    );
    const formula = `=LAMBDA(${declared.join(",")},${namespace}.${fn.name}(${passed.join(",")}))`;
    const comment = `${fn.descriptionZh}(${namespace}.${fn.name} 的无前缀名称)`.slice(0, MAX_COMMENT_LENGTH);
    return { name: fn.name, formula, comment };
  });
}

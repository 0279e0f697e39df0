import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { SUBSIDY_FUNCTIONS } from "../../src/core/budget/sheetFunctions";

interface Parameter {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

describe("subsidy custom functions metadata", () => {
  let functions: FunctionMetadata[];
  let errors: string[];
  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(
      path.join(__dirname, "../../src/office/functions/subsidy.ts"),
    );
    errors = generated.errors;
    functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it("generates without errors, one function per registry entry", () => {
    expect(errors).toEqual([]);
    expect(functions.map((fn) => fn.id).sort()).toEqual(Object.keys(SUBSIDY_FUNCTIONS).sort());
  });

  it("declares the same parameters, in order and optionality, as the registry specs", () => {
    for (const fn of functions) {
      const spec = SUBSIDY_FUNCTIONS[fn.id];
      expect(fn.name).toBe(fn.id);
      expect(fn.parameters.map((parameter) => [parameter.name, Boolean(parameter.optional)])).toEqual(
        spec.params.map((param) => [param.name, Boolean(param.optional)]),
      );
      // Every parameter takes a range, and every result may spill.
      for (const parameter of fn.parameters) expect(parameter.dimensionality).toBe("matrix");
      expect(fn.result.dimensionality).toBe("matrix");
    }
  });
});

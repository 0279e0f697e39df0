/**
 * The functions.json Excel sees is generated from the JSDoc of src/office/functions/*.ts at build; these
 * tests generate it the same way and hold it to the registry the CLI uses.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { SHEET_FUNCTIONS } from "../../src/core/sheet/registry";

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string }[];
  result: { dimensionality?: string };
}

const INPUTS = ["trajectory.ts", "subsidy.ts"].map((file) => path.join(__dirname, "../../src/office/functions", file));
let functions: FunctionMetadata[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(INPUTS);
  errors = generated.errors;
  functions = generated.metadataJson
    ? (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions
    : [];
}, 60_000);

describe("custom-functions metadata", () => {
  it("generates without errors", () => {
    expect(errors).toEqual([]);
  });

  it("declares the six trajectory functions with their Excel names as ids", () => {
    const names = functions.map((fn) => fn.name);
    for (const name of ["REQUIRED_GROWTH", "TRAJECTORY", "TARGET_GAP", "TARGET_STATUS", "FORECAST_TARGET", "LAGGARDS"])
      expect(names).toContain(name);
    for (const fn of functions) expect(fn.id).toBe(fn.name);
  });

  it("gives TARGET_GAP its parameters, optional markers and range dimensionality", () => {
    const targetGap = functions.find((fn) => fn.name === "TARGET_GAP");
    expect(targetGap?.parameters).toEqual([
      expect.objectContaining({ name: "reported", dimensionality: "matrix", type: "any" }),
      expect.objectContaining({ name: "baseline", dimensionality: "matrix", type: "any" }),
      expect.objectContaining({ name: "target", dimensionality: "matrix", type: "any" }),
      expect.objectContaining({ name: "date", dimensionality: "matrix", type: "any" }),
      expect.objectContaining({ name: "kind", dimensionality: "matrix", optional: true }),
      expect.objectContaining({ name: "mode", dimensionality: "matrix", optional: true }),
    ]);
    expect(targetGap?.parameters.slice(0, 4).every((param) => param.optional === undefined)).toBe(true);
  });

  it("matches the registry for every function: same parameters in order, same optional markers, ranges in and out", () => {
    expect(functions.length).toBeGreaterThanOrEqual(6);
    for (const fn of functions) {
      const spec = SHEET_FUNCTIONS[fn.name];
      expect(spec).toBeDefined();
      expect(fn.parameters.map((param) => param.name)).toEqual(spec.params.map((param) => param.name));
      expect(fn.parameters.map((param) => param.optional === true)).toEqual(
        spec.params.map((param) => param.optional === true),
      );
      for (const param of fn.parameters) expect(param.dimensionality).toBe("matrix");
      expect(fn.result.dimensionality).toBe("matrix");
      expect(fn.description?.length).toBeGreaterThan(0);
    }
  });

  it("names each parameter in error messages by a Chinese label its Excel description uses", () => {
    let labelled = 0;
    for (const fn of functions) {
      const spec = SHEET_FUNCTIONS[fn.name];
      fn.parameters.forEach((param, index) => {
        const labelZh = spec.params[index].labelZh;
        if (labelZh === undefined) return;
        labelled++;
        // What Excel's argument tooltip calls the parameter is what its error message calls it.
        expect(`${fn.name}(${param.name}): ${param.description ?? ""}`).toMatch(new RegExp(`^\\S+: .*${labelZh}`));
      });
    }
    expect(labelled).toBeGreaterThanOrEqual(20);
  });

  it("declares a custom function for every trajectory function in the registry", () => {
    const names = new Set(functions.map((fn) => fn.name));
    for (const name of [
      "REQUIRED_GROWTH",
      "TRAJECTORY",
      "TARGET_GAP",
      "TARGET_STATUS",
      "FORECAST_TARGET",
      "LAGGARDS",
    ]) {
      expect(SHEET_FUNCTIONS[name]).toBeDefined();
      expect(names.has(name)).toBe(true);
    }
  });
});

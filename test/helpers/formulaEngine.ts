/**
 * The formula engine (mathjs) loads on demand in every host (src/core/budget/formula.ts); tests of
 * the budget core call it directly, so it is loaded once before each test file.
 */
import { loadFormulaEngine } from "../../src/core/budget/formula";

beforeAll(() => loadFormulaEngine());

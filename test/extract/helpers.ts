/** Small builders shared by the extraction rule tests, so each test reads like the plan it quotes. */
import { extractCatalog } from "../../src/core/extract/index";

export type Targets = ReturnType<typeof extractCatalog>["targets"];

/** The targets extracted from a plan text, with 测试 as the city in ids. */
export function targetsOf(text: string): Targets {
  return extractCatalog(text, { cityName: "测试" }).targets;
}

import { HyperFormula } from "hyperformula";
import { bareNameDefinitions } from "../../src/office/functions/names";

describe("bareNameDefinitions", () => {
  const definitions = bareNameDefinitions();
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));

  it("defines TARGET_GAP as a LAMBDA over LX.TARGET_GAP, omitted optionals passed as blank", () => {
    expect(byName.get("TARGET_GAP")?.formula).toBe(
      '=LAMBDA(reported,baseline,target,reportDate,[kind],[gapMode],LX.TARGET_GAP(reported,baseline,target,reportDate,IF(ISOMITTED(kind),"",kind),IF(ISOMITTED(gapMode),"",gapMode)))',
    );
  });

  it("covers every trajectory function, with a Chinese comment within Excel's 255 characters", () => {
    for (const name of [
      "REQUIRED_GROWTH",
      "TRAJECTORY",
      "TARGET_GAP",
      "TARGET_STATUS",
      "FORECAST_TARGET",
      "LAGGARDS",
    ]) {
      const definition = byName.get(name);
      expect(definition?.formula).toContain(`LX.${name}(`);
      expect(definition?.comment).toMatch(/[\u4e00-\u9fff]/);
      expect(definition?.comment.length).toBeLessThanOrEqual(255);
    }
  });

  it("uses the manifest's namespace", () => {
    expect(bareNameDefinitions("CONTOSO", ["LAGGARDS"])).toEqual([
      expect.objectContaining({
        name: "LAGGARDS",
        formula: expect.stringContaining('CONTOSO.LAGGARDS(departments,gaps,IF(ISOMITTED(threshold),"",threshold))'),
      }),
    ]);
  });

  it("gives names and LAMBDA parameters Excel accepts (not cell references, not built-in function names)", () => {
    const builtIns = new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((name) => name.toUpperCase()));
    for (const definition of definitions) {
      expect(definition.name).toMatch(/^[A-Z][A-Z_]*$/);
      expect(builtIns.has(definition.name)).toBe(false);
      const parameters = /^=LAMBDA\((.*?),[A-Z_]+\.[A-Z_]+\(/.exec(definition.formula)?.[1].split(",") ?? [];
      expect(parameters.length).toBeGreaterThan(0);
      for (const parameter of parameters) {
        const bare = parameter.replace(/^\[|\]$/g, "");
        expect(bare).toMatch(/^[a-zA-Z][a-zA-Z]*$/); // no digits: cannot read as a cell like AB12
        expect(builtIns.has(bare.toUpperCase())).toBe(false);
      }
    }
  });
});

import type { Target } from "../../src/core/catalog";
import {
  listsSheet,
  stateFromXml,
  stateToXml,
  workbookStateOf,
  type WorkbookState,
} from "../../src/workbook/workbookState";
import { renderWorkbook } from "../../src/workbook";
import type { Catalog } from "../../src/core/catalog";
import sample from "../fixtures/catalog-sample.json";

const SAMPLE = sample as unknown as Catalog;

describe("workbook state", () => {
  it("round-trips targets whose clauses hold XML's special characters", () => {
    const target: Target = {
      ...SAMPLE.targets[0],
      source: { ...SAMPLE.targets[0].source, text: "单位<万元> & \"比例\" '年'" },
    };
    const state: WorkbookState = {
      version: 1,
      city: "示例",
      targets: [target],
      rowKeys: { targets: [target.id] },
      loadedAt: "2025-01-01T00:00:00.000Z",
      sheets: [{ key: "targets", name: "目标总表" }],
    };
    expect(stateFromXml(stateToXml(state))).toEqual(state);
  });

  it("reads a part an earlier add-in wrote (no sheet list) and one Office wrote back with other escapes", () => {
    const old = `<liangxinState xmlns="urn:liangxin:workbook-state:1">{"version":1,"city":null,"targets":[],"rowKeys":{"targets":["a&amp;b"]},"loadedAt":"x"}</liangxinState>`;
    expect(stateFromXml(old)).toEqual({
      version: 1,
      city: null,
      targets: [],
      rowKeys: { targets: ["a&b"] },
      loadedAt: "x",
    });
    expect(listsSheet(stateFromXml(old), "目标总表")).toBe(false);
    const rewritten = `<liangxinState xmlns="urn:liangxin:workbook-state:1">{&quot;version&quot;:1,&quot;targets&quot;:[],&quot;sheets&quot;:[{&quot;key&quot;:&quot;targets&quot;,&quot;name&quot;:&quot;&#30446;标总表&quot;}]}</liangxinState>`;
    expect(listsSheet(stateFromXml(rewritten), "目标总表")).toBe(true);
  });

  it("drops a malformed sheet list rather than trusting it, and rejects what is not a state", () => {
    const bad = stateToXml({
      version: 1,
      city: null,
      targets: [],
      rowKeys: {},
      loadedAt: "",
      sheets: [{ key: "targets" } as never],
    });
    expect(stateFromXml(bad)?.sheets).toBeUndefined();
    expect(stateFromXml("<other/>")).toBeNull();
    expect(stateFromXml(`<liangxinState>{"version":2,"targets":[]}</liangxinState>`)).toBeNull();
    expect(stateFromXml(`<liangxinState>not json</liangxinState>`)).toBeNull();
  });

  it("lists every rendered sheet and each table's row keys", () => {
    const state = workbookStateOf(renderWorkbook(SAMPLE, { flavour: "builtin" }), {
      targets: SAMPLE.targets,
      city: null,
      loadedAt: "",
    });
    expect(state.sheets?.map((sheet) => `${sheet.key}:${sheet.name}`)).toEqual([
      "guide:说明",
      "targets:目标总表",
      "trajectory:年度轨迹",
      "reports:月度填报",
      "departments:部门预警",
      "budget:补贴测算",
    ]);
    expect(state.rowKeys.targets).toEqual(SAMPLE.targets.map((target) => target.id));
    expect(listsSheet(state, "目标总表")).toBe(true);
    expect(listsSheet(state, "Sheet1")).toBe(false);
    expect(listsSheet(null, "目标总表")).toBe(false);
  });
});

/**
 * A small Excel host for the sheet builder's tests. Properties the builder reads (sheet markers,
 * used ranges, range contents, collections) exist only after load() and context.sync(): reading
 * one earlier throws, as Office.js does. Writes are applied to an in-memory grid per sheet
 * (null = leave the cell), so a second load sees the first one's result plus whatever a test "typed".
 *
 * Every sync is metered the way Excel on the web limits it: the request is every call queued since
 * the last sync, serialised (method name and JSON arguments, UTF-8 bytes); the response is every
 * property loaded in it, serialised the same way.
 */
import { callSheetFunction } from "../src/core/sheet/registry";

type Cell = string | number | boolean;

export interface FakeSheet {
  name: string;
  /** The add-in's marker (worksheet custom property), null for a user's sheet. */
  marker: string | null;
  /** "Visible" | "Hidden" | "VeryHidden". */
  visibility: string;
  /** Cells from A1 (rows may be ragged). */
  grid: Cell[][];
  tables: Array<{ name: string; range: string; style: string; converted: boolean }>;
  charts: Array<{ type: string; title: string; deleted: boolean }>;
  writes: Array<{ address: string; property: string; value: unknown }>;
  frozen: string | null;
  validations: Array<{ address: string; rule: unknown }>;
  conditionalFormats: Array<{ address: string; formula: string; fill: string }>;
}

export interface SyncMeter {
  /** Bytes of each request (queued calls), in sync order. */
  requests: number[];
  /** Bytes of each response (loaded properties), in sync order. */
  responses: number[];
}

export interface FakeExcel {
  context: Excel.RequestContext;
  sheets: Map<string, FakeSheet>;
  names: Map<string, string>;
  stateXml: string | null;
  /** Calls to suspendApiCalculationUntilNextSync. */
  suspended: number;
  /** When set, adding a name fails at sync, as in an Excel without LAMBDA. */
  rejectNames: boolean;
  /**
   * Whether a formula calling a bare name (a LAMBDA wrapping LX.…) computes, as in Excel 365; false
   * gives #CALC! as Excel 2024 and older channels do for custom functions inside LAMBDA.
   */
  lambdaComputes: boolean;
  /** Every call in order, for tests of sequence: "write <sheet>!<address>", "calculate Full", "sync", … */
  log: string[];
  meter: SyncMeter;
  /** Types a value into a sheet cell (1-based row, 0-based column), as a user would. */
  type(sheetName: string, row: number, column: number, value: Cell): void;
  /** A cell as it stands ("" when empty). */
  cell(sheetName: string, row: number, column: number): Cell;
}

function columnNumber(letters: string): number {
  let index = 0;
  for (const char of letters) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function columnLetters(index: number): string {
  let letters = "";
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26))
    letters = String.fromCharCode(65 + ((value - 1) % 26)) + letters;
  return letters;
}

/** "B3:D9" / "B:B" / "C5" → 0-based top-left and size (whole columns: 1 row, for widths). */
function parseAddress(address: string): { row: number; column: number; rows: number; columns: number } {
  const [start, end = start] = address.replace(/\$/g, "").split(":");
  const parse = (ref: string) => {
    const match = /^([A-Z]+)(\d*)$/.exec(ref);
    if (!match) throw new Error(`fakeExcel: bad address ${address}`);
    return { row: match[2] ? Number(match[2]) - 1 : 0, column: columnNumber(match[1]) };
  };
  const from = parse(start);
  const to = parse(end);
  return { row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

export function createFakeExcel(
  initial: { sheets?: Array<Partial<FakeSheet> & { name: string }>; names?: string[]; stateXml?: string | null } = {},
): FakeExcel {
  const sheets = new Map<string, FakeSheet>();
  /** Loads queued since the last sync: each fills its object's properties at sync. */
  const pendingLoads: Array<() => number> = [];
  const pendingNames: Array<[string, string]> = [];
  let requestBytes = 0;
  const fake = {
    sheets,
    names: new Map<string, string>((initial.names ?? []).map((name) => [name, "=1"])),
    stateXml: initial.stateXml ?? null,
    suspended: 0,
    rejectNames: false,
    lambdaComputes: true,
    log: [] as string[],
    meter: { requests: [], responses: [] },
  } as unknown as FakeExcel;

  /** Records a queued call: its name and arguments count towards the request. */
  const call = (name: string, ...args: unknown[]) => {
    requestBytes += Buffer.byteLength(name, "utf8") + bytesOf(args);
  };

  const newSheet = (init: Partial<FakeSheet> & { name: string }): FakeSheet => ({
    marker: null,
    visibility: "Visible",
    grid: [],
    tables: [],
    charts: [],
    writes: [],
    frozen: null,
    validations: [],
    conditionalFormats: [],
    ...init,
  });
  for (const init of initial.sheets ?? []) sheets.set(init.name, newSheet(init));

  /**
   * Makes `target` loadable: load("a,b") queues the named properties; at sync each gets its value
   * from `supply` and counts towards the response. Reading a property before that throws.
   */
  function loadable<T extends object>(target: T, supply: (property: string) => unknown): T {
    const loaded = new Map<string, unknown>();
    const guard = (property: string) => {
      const existing = Object.getOwnPropertyDescriptor(target, property);
      if (existing && (existing.get || !existing.set)) return;
      Object.defineProperty(target, property, {
        configurable: true,
        // A write-only property (formulas) keeps its setter.
        set: existing?.set,
        get() {
          if (!loaded.has(property)) throw new Error(`PropertyNotLoaded: ${property} read before load() and sync()`);
          return loaded.get(property);
        },
      });
    };
    Object.assign(target, {
      load(properties: string) {
        call("load", properties);
        // "items/name,items/visibility" → items, measured as the listed fields of each item.
        const fields = new Map<string, string[]>();
        for (const path of properties.split(",").map((name) => name.trim())) {
          const [name, field] = path.split("/");
          fields.set(name, [...(fields.get(name) ?? []), ...(field ? [field] : [])]);
        }
        for (const name of fields.keys()) guard(name);
        pendingLoads.push(() => {
          let bytes = 0;
          for (const [name, subfields] of fields) {
            const value = supply(name);
            loaded.set(name, value);
            bytes +=
              subfields.length && Array.isArray(value)
                ? bytesOf(
                    value.map((item: Record<string, unknown>) =>
                      Object.fromEntries(subfields.map((field) => [field, item[field]])),
                    ),
                  )
                : bytesOf(value);
          }
          return bytes;
        });
        return target;
      },
    });
    return target;
  }

  const usedExtent = (sheet: FakeSheet) => {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    sheet.grid.forEach((row, rowIndex) =>
      row?.forEach((cell, columnIndex) => {
        if (cell === "" || cell === undefined || cell === null) return;
        if (top < 0) top = rowIndex;
        bottom = rowIndex;
        left = Math.min(left, columnIndex);
        right = Math.max(right, columnIndex);
      }),
    );
    return top < 0 ? null : { top, bottom, left, right };
  };

  /** What a formula cell shows: bare-name calls compute when LAMBDA names work, other formulas are not evaluated. */
  const valueOf = (cell: Cell): Cell => {
    if (typeof cell !== "string" || !cell.startsWith("=")) return cell;
    const bare = /^=([A-Z_]+)\(([^()]*)\)$/.exec(cell);
    if (!bare || !fake.names.has(bare[1])) return bare ? "#NAME?" : cell;
    if (!fake.lambdaComputes) return "#CALC!";
    const args = bare[2].split(",").map((argument) => (/^-?[\d.]+$/.test(argument) ? Number(argument) : argument));
    const result = callSheetFunction(bare[1], args);
    return typeof result === "number" ? result : "#VALUE!";
  };

  const range = (sheet: FakeSheet, address: string) => {
    const where = parseAddress(address);
    const record = (property: string, value: unknown) => {
      call(`${address}.${property}`, value);
      sheet.writes.push({ address, property, value });
      fake.log.push(`write ${sheet.name}!${address} ${property}`);
    };
    const cells = (read: (cell: Cell) => Cell) => {
      const rows: Cell[][] = [];
      for (let row = 0; row < where.rows; row++) {
        const line: Cell[] = [];
        for (let column = 0; column < where.columns; column++)
          line.push(read(sheet.grid[where.row + row]?.[where.column + column] ?? ""));
        rows.push(line);
      }
      return rows;
    };
    const format = {
      font: {} as Record<string, unknown>,
      fill: {} as Record<string, unknown>,
      set columnWidth(points: number) {
        record("columnWidth", points);
      },
      set wrapText(wrap: boolean) {
        record("wrapText", wrap);
      },
    };
    for (const [part, properties] of [
      [format.font, ["bold", "italic", "color", "size"]],
      [format.fill, ["color"]],
    ] as const)
      for (const property of properties)
        Object.defineProperty(part, property, { set: (value: unknown) => record(`format.${property}`, value) });
    const target = {
      address,
      set formulas(written: (Cell | null)[][]) {
        record("formulas", written);
        written.forEach((row, rowOffset) =>
          row.forEach((cell, columnOffset) => {
            if (cell === null) return;
            const rowIndex = where.row + rowOffset;
            sheet.grid[rowIndex] ??= [];
            sheet.grid[rowIndex][where.column + columnOffset] = cell;
          }),
        );
      },
      set numberFormat(formats: string[][]) {
        record("numberFormat", formats);
      },
      clear: (applyTo?: string) => {
        record("clear", applyTo ?? "All");
        for (let row = where.row; row < where.row + where.rows; row++)
          for (let column = where.column; column < where.column + where.columns; column++)
            if (sheet.grid[row]?.[column] !== undefined) sheet.grid[row][column] = "";
      },
      format,
      conditionalFormats: {
        clearAll: () => {
          call("conditionalFormats.clearAll");
          sheet.conditionalFormats = sheet.conditionalFormats.filter((existing) => existing.address !== address);
        },
        add: (type: string) => {
          call("conditionalFormats.add", type);
          const entry = { address, formula: "", fill: "" };
          sheet.conditionalFormats.push(entry);
          return {
            set stopIfTrue(value: boolean) {
              call("stopIfTrue", value);
            },
            custom: {
              rule: {
                set formula(formula: string) {
                  call("rule.formula", formula);
                  entry.formula = formula;
                },
              },
              format: {
                fill: {
                  set color(color: string) {
                    call("fill.color", color);
                    entry.fill = color;
                  },
                },
                font: {
                  set color(color: string) {
                    call("font.color", color);
                  },
                },
              },
            },
          };
        },
      },
      dataValidation: {
        clear: () => {
          call("dataValidation.clear");
          sheet.validations = [];
        },
        set rule(rule: unknown) {
          call("dataValidation.rule", rule);
          sheet.validations.push({ address, rule });
        },
        set ignoreBlanks(value: boolean) {
          call("ignoreBlanks", value);
        },
        set errorAlert(value: unknown) {
          call("errorAlert", value);
        },
      },
    };
    return loadable(target, (property) => {
      if (property === "formulas") return cells((cell) => cell);
      if (property === "values") return cells(valueOf);
      if (property === "rowIndex") return where.row;
      if (property === "columnIndex") return where.column;
      if (property === "rowCount") return where.rows;
      if (property === "columnCount") return where.columns;
      throw new Error(`fakeExcel: range property ${property} not modelled`);
    });
  };

  const usedRange = (sheet: FakeSheet) => {
    const target = {};
    return loadable(target, (property) => {
      const extent = usedExtent(sheet);
      if (property === "isNullObject") return extent === null;
      if (!extent) return property === "formulas" || property === "values" ? [] : 0;
      if (property === "formulas" || property === "values") {
        const grid: Cell[][] = [];
        for (let row = extent.top; row <= extent.bottom; row++) {
          const line: Cell[] = [];
          for (let column = extent.left; column <= extent.right; column++) {
            const cell = sheet.grid[row]?.[column] ?? "";
            line.push(property === "values" ? valueOf(cell) : cell);
          }
          grid.push(line);
        }
        return grid;
      }
      if (property === "rowIndex") return extent.top;
      if (property === "columnIndex") return extent.left;
      if (property === "rowCount") return extent.bottom - extent.top + 1;
      if (property === "columnCount") return extent.right - extent.left + 1;
      throw new Error(`fakeExcel: used range property ${property} not modelled`);
    });
  };

  /** A collection: load() fills `items` at sync; add() creates. */
  function collection<T, A extends unknown[], R>(items: () => T[], add: (...args: A) => R) {
    const target = {
      add(...args: A): R {
        call("add", ...args);
        return add(...args);
      },
    };
    return loadable(target, (property) => {
      if (property !== "items") throw new Error(`fakeExcel: collection property ${property} not modelled`);
      return items();
    });
  }

  const worksheet = (sheet: FakeSheet) => {
    const proxy = {
      customProperties: {
        getItemOrNullObject: (key: string) =>
          loadable({}, (property) => {
            void key;
            if (property === "isNullObject") return sheet.marker === null;
            if (property === "value") return sheet.marker ?? "";
            throw new Error(`fakeExcel: custom property ${property} not modelled`);
          }),
        add: (key: string, value: string) => {
          call("customProperties.add", key, value);
          sheet.marker = value;
        },
      },
      getUsedRangeOrNullObject: () => usedRange(sheet),
      getRange: (address: string) => range(sheet, address),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) =>
        range(sheet, `${columnLetters(column)}${row + 1}:${columnLetters(column + columns - 1)}${row + rows}`),
      tables: collection(
        () =>
          sheet.tables
            .filter((table) => !table.converted)
            .map((table) => ({
              name: table.name,
              convertToRange: () => {
                call("convertToRange", table.name);
                table.converted = true;
              },
            })),
        (address: string) => {
          const table = { name: "", range: address, style: "", converted: false, showFilterButton: true };
          sheet.tables.push(table);
          return table;
        },
      ),
      charts: collection(
        () =>
          sheet.charts
            .filter((chart) => !chart.deleted)
            .map((chart) => ({
              name: chart.title,
              delete: () => {
                call("chart.delete");
                chart.deleted = true;
              },
            })),
        (type: string) => {
          const chart = { type, title: "", deleted: false };
          sheet.charts.push(chart);
          const series = () => ({
            name: "",
            setValues: (values: unknown) => call("setValues", values),
            setXAxisValues: (values: unknown) => call("setXAxisValues", values),
            format: { line: {}, fill: { setSolidColor: (color: string) => call("setSolidColor", color) } },
          });
          return {
            title: {
              set text(text: string) {
                call("title.text", text);
                chart.title = text;
              },
            },
            setPosition: (from: string, to: string) => call("setPosition", from, to),
            series: { getItemAt: series, add: series },
          };
        },
      ),
      freezePanes: {
        freezeRows: (rows: number) => {
          call("freezeRows", rows);
          sheet.frozen = `rows:${rows}`;
        },
        freezeAt: (frozen: { address: string }) => {
          call("freezeAt", frozen.address);
          sheet.frozen = frozen.address;
        },
      },
      activate: () => call("activate"),
    };
    Object.defineProperty(proxy, "name", {
      get: () => sheet.name,
      set: (name: string) => {
        call("name", name);
        sheets.delete(sheet.name);
        sheet.name = name;
        // Keep the workbook's sheet order: rebuild the map with the renamed entry in place.
        const order = [...sheets.entries()];
        sheets.clear();
        sheets.set(name, sheet);
        for (const [other, value] of order) sheets.set(other, value);
      },
    });
    Object.defineProperty(proxy, "visibility", {
      get: () => sheet.visibility,
      set: (visibility: string) => {
        call("visibility", visibility);
        sheet.visibility = visibility;
      },
    });
    return proxy as typeof proxy & { name: string; visibility: string };
  };

  const worksheets = collection(
    () => [...sheets.values()].map((sheet) => worksheet(sheet)),
    (name: string) => {
      const sheet = newSheet({ name });
      sheets.set(name, sheet);
      return worksheet(sheet);
    },
  );
  Object.assign(worksheets, {
    getItem: (name: string) => {
      const sheet = sheets.get(name);
      if (!sheet) throw new Error(`ItemNotFound: ${name}`);
      return worksheet(sheet);
    },
  });

  const names = collection(
    () => [...fake.names].map(([name, formula]) => ({ name, formula })),
    (name: string, formula: string) => void pendingNames.push([name, formula]),
  );
  Object.assign(names, {
    getItem: (name: string) => ({
      delete: () => {
        call("name.delete", name);
        fake.names.delete(name);
      },
    }),
  });
  const stateParts = collection(
    () =>
      fake.stateXml === null
        ? []
        : [
            {
              id: "state",
              getXml: () => {
                call("getXml");
                // A ClientResult: filled at the next sync without load().
                let value: string | null = null;
                let ready = false;
                pendingLoads.push(() => {
                  value = fake.stateXml;
                  ready = true;
                  return bytesOf(value);
                });
                return {
                  get value() {
                    if (!ready) throw new Error("PropertyNotLoaded: getXml().value read before sync()");
                    return value;
                  },
                };
              },
              delete: () => {
                call("customXmlPart.delete");
                fake.stateXml = null;
              },
            },
          ],
    () => undefined,
  );

  const context = {
    workbook: {
      worksheets,
      names,
      customXmlParts: {
        getByNamespace: (namespace: string) => {
          call("getByNamespace", namespace);
          return stateParts;
        },
        add: (xml: string) => {
          call("customXmlParts.add", xml);
          fake.stateXml = xml;
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => {
        call("suspendApiCalculationUntilNextSync");
        fake.suspended++;
      },
      calculate: (type: string) => {
        call("calculate", type);
        fake.log.push(`calculate ${type}`);
      },
    },
    async sync() {
      fake.meter.requests.push(requestBytes);
      requestBytes = 0;
      fake.log.push("sync");
      const added = pendingNames.splice(0);
      if (added.length && fake.rejectNames) {
        pendingLoads.splice(0);
        fake.meter.responses.push(0);
        throw new Error("InvalidArgument: LAMBDA is not supported");
      }
      for (const [name, formula] of added) fake.names.set(name, formula);
      let responseBytes = 0;
      for (const fill of pendingLoads.splice(0)) responseBytes += fill();
      fake.meter.responses.push(responseBytes);
    },
  };
  fake.context = context as unknown as Excel.RequestContext;
  fake.type = (sheetName, row, column, value) => {
    const sheet = sheets.get(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    sheet.grid[row - 1] ??= [];
    sheet.grid[row - 1][column] = value;
  };
  fake.cell = (sheetName, row, column) => sheets.get(sheetName)?.grid[row - 1]?.[column] ?? "";
  return fake;
}

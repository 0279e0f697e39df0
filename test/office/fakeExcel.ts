/**
 * A small Excel host for the sheet builder's tests. Objects the builder reads (sheet markers,
 * used ranges, collections) are office-addin-mock objects, so a property read without load() and
 * context.sync() shows up as the mock's error string; writes are recorded and applied to an
 * in-memory grid per sheet (null = leave the cell), so a second load sees the first one's result
 * plus whatever a test "typed".
 */
import { OfficeMockObject } from "office-addin-mock";

type Cell = string | number | boolean;

export interface FakeSheet {
  name: string;
  /** The add-in's marker (worksheet custom property), null for a user's sheet. */
  marker: string | null;
  /** Cells from A1 (rows may be ragged). */
  grid: Cell[][];
  tables: Array<{ name: string; range: string; style: string; converted: boolean }>;
  charts: Array<{ type: string; title: string; deleted: boolean }>;
  writes: Array<{ address: string; property: string; value: unknown }>;
  frozen: string | null;
  validations: Array<{ address: string; rule: unknown }>;
  conditionalFormats: Array<{ address: string; formula: string; fill: string }>;
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

export function createFakeExcel(
  initial: { sheets?: Array<Partial<FakeSheet> & { name: string }>; names?: string[]; stateXml?: string | null } = {},
): FakeExcel {
  const sheets = new Map<string, FakeSheet>();
  const pendingReads: OfficeMockObject[] = [];
  const pendingNames: Array<[string, string]> = [];
  const fake = {
    sheets,
    names: new Map<string, string>((initial.names ?? []).map((name) => [name, "=1"])),
    stateXml: initial.stateXml ?? null,
    suspended: 0,
    rejectNames: false,
  } as FakeExcel;

  const newSheet = (init: Partial<FakeSheet> & { name: string }): FakeSheet => ({
    marker: null,
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

  /** A mock whose properties the builder must load and sync before reading. */
  const readable = (data: Record<string, unknown>) => {
    const mock = new OfficeMockObject(data);
    pendingReads.push(mock);
    return mock;
  };

  const usedRange = (sheet: FakeSheet) => {
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
    if (top < 0) return readable({ isNullObject: true, formulas: [], rowIndex: 0, columnIndex: 0, rowCount: 0 });
    const formulas = [];
    for (let row = top; row <= bottom; row++) {
      const cells: Cell[] = [];
      for (let column = left; column <= right; column++) cells.push(sheet.grid[row]?.[column] ?? "");
      formulas.push(cells);
    }
    return readable({ isNullObject: false, formulas, rowIndex: top, columnIndex: left, rowCount: formulas.length });
  };

  const range = (sheet: FakeSheet, address: string) => {
    const where = parseAddress(address);
    const record = (property: string, value: unknown) => sheet.writes.push({ address, property, value });
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
    return {
      address,
      set formulas(cells: (Cell | null)[][]) {
        record("formulas", cells);
        cells.forEach((row, rowOffset) =>
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
      format,
      conditionalFormats: {
        clearAll: () => {
          sheet.conditionalFormats = sheet.conditionalFormats.filter((existing) => existing.address !== address);
        },
        add: () => {
          const entry = { address, formula: "", fill: "" };
          sheet.conditionalFormats.push(entry);
          return {
            set stopIfTrue(_value: boolean) {},
            custom: {
              rule: {
                set formula(formula: string) {
                  entry.formula = formula;
                },
              },
              format: {
                fill: {
                  set color(color: string) {
                    entry.fill = color;
                  },
                },
                font: {},
              },
            },
          };
        },
      },
      dataValidation: {
        clear: () => {
          sheet.validations = [];
        },
        set rule(rule: unknown) {
          sheet.validations.push({ address, rule });
        },
        ignoreBlanks: true,
        errorAlert: {},
      },
    };
  };

  const worksheet = (sheet: FakeSheet) => ({
    name: sheet.name,
    customProperties: {
      getItemOrNullObject: () =>
        readable(
          sheet.marker === null ? { isNullObject: true, value: "" } : { isNullObject: false, value: sheet.marker },
        ),
      add: (_key: string, value: string) => {
        sheet.marker = value;
      },
    },
    getUsedRangeOrNullObject: () => usedRange(sheet),
    getRange: (address: string) => range(sheet, address),
    getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => {
      const letter = (index: number) => {
        let letters = "";
        for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26))
          letters = String.fromCharCode(65 + ((value - 1) % 26)) + letters;
        return letters;
      };
      return range(sheet, `${letter(column)}${row + 1}:${letter(column + columns - 1)}${row + rows}`);
    },
    tables: collection(
      () =>
        sheet.tables
          .filter((table) => !table.converted)
          .map((table) => ({ name: table.name, convertToRange: () => void (table.converted = true) })),
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
          .map((chart) => ({ name: chart.title, delete: () => void (chart.deleted = true) })),
      (type: string) => {
        const chart = { type, title: "", deleted: false };
        sheet.charts.push(chart);
        const series = () => ({
          name: "",
          setValues: () => undefined,
          setXAxisValues: () => undefined,
          format: { line: {}, fill: { setSolidColor: () => undefined } },
        });
        return {
          title: {
            set text(text: string) {
              chart.title = text;
            },
          },
          setPosition: () => undefined,
          series: { getItemAt: series, add: series },
        };
      },
    ),
    freezePanes: {
      freezeRows: (rows: number) => void (sheet.frozen = `rows:${rows}`),
      freezeAt: (frozen: { address: string }) => void (sheet.frozen = frozen.address),
    },
    activate: () => undefined,
  });

  /** A collection: load() fills `items` (readable after sync), add() creates. */
  function collection<T, A extends unknown[], R>(items: () => T[], add: (...args: A) => R) {
    const mock = readable({ items: [] });
    const load = mock.load.bind(mock);
    return Object.assign(mock, {
      load(properties: string) {
        // office-addin-mock cannot navigate "items/name" into an array: load items whole.
        (mock as unknown as { setValue(name: string, value: unknown): void }).setValue("items", items());
        if (!pendingReads.includes(mock)) pendingReads.push(mock);
        return load(properties.split("/")[0]);
      },
      add,
    });
  }

  const worksheets = collection(
    () => [...sheets.values()].map((sheet) => ({ name: sheet.name })),
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
    () => [...fake.names.keys()].map((name) => ({ name })),
    (name: string, formula: string) => void pendingNames.push([name, formula]),
  );
  const stateParts = collection(
    () =>
      fake.stateXml === null
        ? []
        : [{ id: "state", getXml: () => ({ value: fake.stateXml }), delete: () => void (fake.stateXml = null) }],
    () => undefined,
  );

  const context = new OfficeMockObject({
    workbook: {},
    application: {
      suspendApiCalculationUntilNextSync: () => void fake.suspended++,
    },
  });
  const workbook = context.workbook as unknown as Record<string, unknown>;
  workbook.worksheets = worksheets;
  workbook.names = names;
  workbook.customXmlParts = {
    getByNamespace: () => stateParts,
    add: (xml: string) => void (fake.stateXml = xml),
  };
  Object.assign(context, {
    async sync() {
      const reads = pendingReads.splice(0);
      for (const mock of reads) await mock.sync();
      const added = pendingNames.splice(0);
      if (added.length && fake.rejectNames) throw new Error("InvalidArgument: LAMBDA is not supported");
      for (const [name, formula] of added) fake.names.set(name, formula);
    },
  });
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

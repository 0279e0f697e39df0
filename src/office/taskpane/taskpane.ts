/**
 * The task pane: pick a bundled city or paste/open a plan, run the extractor here, review each
 * target with its source clause, then load the workbook (progress shown) or check the reports.
 */
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/progress-bar.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";
import { webLightTheme } from "@fluentui/tokens";
import type { Catalog } from "../../core/catalog";
import { BUNDLED_CITIES, type BundledCity } from "../../core/cities";
import type { Locale } from "../../core/i18n";
import { checkReports } from "../excel/checkReports";
import { loadCatalogIntoWorkbook, type LoadStep } from "../excel/sheetBuilder";
import { bareNameDefinitions } from "../functions/names";
import { renderWorkbook } from "../../workbook";
import { CHECKED_EVENT, FAILED_EVENT, type CheckedDetail } from "../commands/events";
import { readPlanFile, type PlanReading } from "../../readers";
import { browserReaderHost } from "./planFile";
import { extractInWorker } from "./extractClient";
import { previewHtml } from "./preview";
import { applyReview, type TargetReview } from "./review";
import { loadSeedText } from "./seeds";
import { PANE_STRINGS, type PaneStrings } from "./strings";
import css from "./taskpane.css";

interface PaneState {
  locale: Locale;
  city: BundledCity | null;
  catalog: Catalog | null;
  inExcel: boolean;
  /**
   * True when the city-name field was filled by the pane (a bundled city, or read from the text),
   * not typed: a new plan text then clears it, so the new plan never gets the old city's ids.
   */
  cityNameFilled: boolean;
}

const state: PaneState = { locale: "zh-CN", city: null, catalog: null, inExcel: false, cityNameFilled: false };

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const strings = (): PaneStrings => PANE_STRINGS[state.locale];

function applyLanguage(): void {
  document.documentElement.lang = state.locale;
  for (const node of document.querySelectorAll<HTMLElement>("[data-text]")) {
    const text = strings()[node.dataset.text as keyof PaneStrings];
    if (typeof text === "string") node.textContent = text;
  }
  element("language").textContent = strings().languageSwitch;
  element<HTMLTextAreaElement>("plan-text").placeholder = strings().pastePlaceholder;
  renderCities();
  if (state.catalog) showPreview(state.catalog);
}

function renderCities(): void {
  const list = element("cities");
  list.replaceChildren(
    ...BUNDLED_CITIES.map((city) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.city = city.slug;
      button.setAttribute("aria-pressed", String(state.city?.slug === city.slug));
      button.append(city.name);
      const province = document.createElement("span");
      province.className = "province";
      province.textContent = city.province;
      button.append(province);
      button.addEventListener("click", () => void chooseCity(city));
      item.append(button);
      return item;
    }),
  );
}

function setStatus(message: string, isError = false): void {
  const status = element("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

function showPreview(catalog: Catalog): void {
  element("preview").innerHTML = previewHtml(catalog, state.locale);
  updateActions();
}

/** Load needs Excel and at least one included target; 检查月报 needs Excel. */
function updateActions(): void {
  const included = state.catalog ? applyReview(state.catalog, reviews()).targets.length : 0;
  element("load").toggleAttribute("disabled", !state.inExcel || included === 0);
  element("check").toggleAttribute("disabled", !state.inExcel);
}

/** The planner's decisions in the preview: excluded targets, corrected values and units. */
function reviews(): Map<string, TargetReview> {
  const found = new Map<string, TargetReview>();
  const preview = element("preview");
  for (const box of preview.querySelectorAll<HTMLInputElement>("input.include")) {
    const id = box.dataset.id ?? "";
    const valueText = preview.querySelector<HTMLInputElement>(`input.value[data-id="${CSS.escape(id)}"]`)?.value.trim();
    const unitText = preview.querySelector<HTMLInputElement>(`input.unit[data-id="${CSS.escape(id)}"]`)?.value;
    const value = valueText ? Number(valueText.replace(/,/g, "")) : undefined;
    found.set(id, {
      include: box.checked,
      value: value !== undefined && Number.isFinite(value) ? value : undefined,
      unit: unitText,
    });
    box.closest("tr")?.classList.toggle("excluded", !box.checked);
  }
  return found;
}

/** The city name the user typed, if any (a name the pane filled in for an earlier plan does not count). */
function typedCityName(): string | undefined {
  return element<HTMLInputElement>("city-name").value.trim() || undefined;
}

let extraction = 0;

async function runExtraction(text: string, cityName: string | undefined): Promise<void> {
  // The extractor runs in a worker: the pane stays responsive, and only the latest request counts.
  const request = ++extraction;
  setStatus(strings().extracting);
  let catalog: Catalog;
  try {
    catalog = await extractInWorker(text, cityName);
  } catch (error) {
    if (request === extraction) setStatus(strings().error + messageOf(error), true);
    return;
  }
  if (request !== extraction) return;
  setStatus("");
  state.catalog = catalog;
  if (!cityName) {
    // The extractor read the city from the text: show it, so the user sees which ids will be written.
    const derived = /^(.+)-\d+$/.exec(state.catalog.targets[0]?.id ?? "")?.[1];
    if (derived) {
      element<HTMLInputElement>("city-name").value = derived;
      state.cityNameFilled = true;
    }
  }
  showPreview(state.catalog);
}

/** A new plan text arrived (file or paste): forget the previous plan's city unless the user typed it. */
function forgetPreviousCity(): void {
  if (state.city) {
    state.city = null;
    renderCities();
  }
  if (state.cityNameFilled) {
    element<HTMLInputElement>("city-name").value = "";
    state.cityNameFilled = false;
  }
}

async function chooseCity(city: BundledCity): Promise<void> {
  state.city = city;
  renderCities();
  element<HTMLInputElement>("city-name").value = city.name;
  state.cityNameFilled = true;
  try {
    const text = await loadSeedText(city);
    element<HTMLTextAreaElement>("plan-text").value = text;
    await runExtraction(text, city.name);
  } catch (error) {
    setStatus(strings().error + messageOf(error), true);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function showProgress(step: LoadStep, fraction: number): void {
  const order: LoadStep[] = ["reading", "writing", "names", "done"];
  const bar = element("progress");
  bar.hidden = false;
  bar.setAttribute("value", String(Math.round(((order.indexOf(step) + fraction) / (order.length - 1)) * 100)));
  setStatus(strings().loading[step]);
}

async function loadWorkbook(): Promise<void> {
  if (!state.catalog) return;
  const catalog = applyReview(state.catalog, reviews());
  if (!catalog.targets.length) return;
  const button = element("load");
  button.toggleAttribute("disabled", true);
  try {
    const result = await Excel.run((context) =>
      loadCatalogIntoWorkbook(context, catalog, {
        render: renderWorkbook,
        bareNames: () => bareNameDefinitions("LX"),
        locale: state.locale,
        city: element<HTMLInputElement>("city-name").value.trim() || null,
        onProgress: showProgress,
      }),
    );
    // The workbook's ids win over the extractor's numbering (an edited plan renumbers targets):
    // show the catalog as it now stands in the workbook.
    state.catalog = result.catalog;
    showPreview(result.catalog);
    const messages = [strings().loaded(result.sheets.length, result.keptTargetIds.length)];
    if (result.ids.renamed.length || result.ids.added.length)
      messages.push(strings().reconciled(result.ids.renamed.length, result.ids.added));
    // The user's corrections were kept: show the plan's value beside each.
    if (result.catalogEdits.length)
      messages.push(
        strings().catalogEdits(
          result.catalogEdits.map((edit) =>
            strings().editChange(edit.address, edit.header, String(edit.current), String(edit.reloaded)),
          ),
        ),
      );
    if (result.ambiguous.length)
      messages.push(
        strings().ambiguous(
          result.ambiguous.map((match) =>
            strings().ambiguousItem(
              match.id,
              match.indicator,
              match.targetYear ? `（${match.targetYear}）` : "",
              match.candidates,
            ),
          ),
        ),
      );
    if (result.renamedSheets.length)
      messages.push(strings().renamedSheets(result.renamedSheets.map((sheet) => `${sheet.from} → ${sheet.to}`)));
    if (result.namesError) messages.push(strings().namesFailed(result.namesError));
    if (result.namesRemoved) messages.push(strings().namesRemoved);
    setStatus(messages.join(" "));
  } catch (error) {
    setStatus(strings().error + messageOf(error), true);
  } finally {
    element("progress").hidden = true;
    updateActions();
  }
}

async function runCheck(): Promise<void> {
  if (!state.inExcel) {
    setStatus(strings().notInExcel, true);
    return;
  }
  try {
    const result = await Excel.run((context) => checkReports(context, state.locale));
    showChecked(result);
  } catch (error) {
    setStatus(strings().error + messageOf(error), true);
  }
}

function showChecked(result: CheckedDetail): void {
  setStatus(strings().checked(result.checked, result.rejected, result.behind));
}

async function readFile(file: File): Promise<void> {
  // Word, PDF and web pages go through src/readers (their parsers load only now); text is decoded
  // there too, GBK as often as UTF-8. A scan, an old .doc or a damaged file gets the reader's message.
  setStatus(strings().readingFile(file.name));
  let reading: PlanReading;
  try {
    reading = await readPlanFile(new Uint8Array(await file.arrayBuffer()), file.name, browserReaderHost);
  } catch (error) {
    setStatus(`${file.name}：${messageOf(error)}`, true);
    return;
  }
  element<HTMLTextAreaElement>("plan-text").value = reading.text;
  // A file is a new plan: the city chosen or read before is not its city; a name the user typed stays.
  forgetPreviousCity();
  setStatus(reading.warnings.map((warning) => `${file.name}：${warning}`).join(" "));
  await runExtraction(reading.text, typedCityName());
}

function start(): void {
  setTheme(webLightTheme);
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
  applyLanguage();
  element("language").addEventListener("click", () => {
    state.locale = state.locale === "zh-CN" ? "en-US" : "zh-CN";
    applyLanguage();
  });
  element("extract").addEventListener("click", () => {
    const text = element<HTMLTextAreaElement>("plan-text").value;
    void runExtraction(text, typedCityName());
  });
  // Pasting or typing another plan: the previous plan's city must not label it.
  element("plan-text").addEventListener("input", forgetPreviousCity);
  element("city-name").addEventListener("input", () => {
    state.cityNameFilled = false;
  });
  const fileInput = element<HTMLInputElement>("plan-file");
  element("open-file").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file).catch((error: unknown) => setStatus(strings().error + messageOf(error), true));
  });
  element("load").addEventListener("click", () => void loadWorkbook());
  // Excluding a target or correcting a value updates what 载入工作簿 would load.
  element("preview").addEventListener("change", updateActions);
  element("check").addEventListener("click", () => void runCheck());
  // The ribbon's 检查月报 runs in this same runtime; show its result here too.
  window.addEventListener(CHECKED_EVENT, (event) => showChecked((event as CustomEvent<CheckedDetail>).detail));
  window.addEventListener(FAILED_EVENT, (event) =>
    setStatus(strings().error + String((event as CustomEvent<string>).detail), true),
  );
}

start();
Office.onReady((info) => {
  state.inExcel = info.host === Office.HostType.Excel;
  if (!state.inExcel) setStatus(strings().notInExcel);
  updateActions();
});

/**
 * The production build of the task pane in Debian's Chromium, served from the build's own folder
 * (office.js and its zh-cn/en-us string tables and telemetry script included): every page fails the
 * test on any 404 or console error. The city list renders, the city list renders, choosing a city shows the
 * extraction preview with source clauses, office.js (served from the build, i.e. from
 * node_modules/@microsoft/office-js) loads, and nothing is logged as an error. Opening a GBK
 * file decodes it, and a new plan (file or paste) never keeps the previous city's ids. Word and
 * PDF plans (made by LibreOffice Writer) open through the file picker, their readers loaded then.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as os from "os";
import * as zlib from "zlib";
import { chromium, type Browser } from "playwright-core";
import { convertWithWriter } from "./lo";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-artifacts", "taskpane-dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

function serve(directory: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const file = path.join(directory, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    if (!file.startsWith(directory) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("task pane in Chromium", () => {
  let server: http.Server;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", OUT],
      { cwd: ROOT, stdio: "pipe" },
    );
    server = await serve(OUT);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  /** A new page that records every console error, page error, failed request and 4xx/5xx response. */
  async function openPage(viewport?: { width: number; height: number }) {
    const page = await browser.newPage(viewport ? { viewport } : {});
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    pages.push({ errors });
    return page;
  }
  const pages: Array<{ errors: string[] }> = [];
  afterEach(() => {
    const errors = pages.splice(0).flatMap((page) => page.errors);
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("lists the bundled cities and previews a city's targets with their source clauses, without console errors", async () => {
    const page = await openPage({ width: 420, height: 900 });

    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    const cities = await page.locator("#cities button").allTextContents();
    expect(cities.map((text) => text.replace(/(河南|福建|河北)$/, ""))).toEqual([
      "南阳",
      "南平",
      "邯郸",
      "开封",
      "新郑",
    ]);

    // office.js loaded from the build and resolved outside Office: the pane says so.
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("未在 Excel 中运行"));

    await page.locator('#cities button[data-city="nanping"]').click();
    await page.waitForSelector("table.preview tbody tr");
    const ids = await page.locator("table.preview td.id").allTextContents();
    expect(ids.length).toBeGreaterThan(3);
    expect(ids[0]).toMatch(/^南平-\d+/);
    const clauses = await page.locator("table.preview blockquote").allTextContents();
    expect(clauses).toHaveLength(ids.length);
    expect(clauses.every((clause) => clause.trim().length > 0)).toBe(true);
    // A headline target of the national plan, as 南平 words it.
    expect(clauses.join("\n")).toMatch(/二手车/);
    // Loading needs Excel: the button stays disabled in a plain browser.
    expect(await page.locator("#load").getAttribute("disabled")).not.toBeNull();

    // The English switch relabels the pane through the same dictionary.
    await page.locator("#language").click();
    expect(await page.locator("h2").first().textContent()).toBe("1. Choose a plan");
    await page.locator("#language").click();

    fs.mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "taskpane.png"), fullPage: false });
  });

  it("serves office.js's files in office.js's own folder layout (string tables per language, telemetry)", async () => {
    const fetchText = async (file: string) => {
      const response = await fetch(`${baseUrl}/office/${file}`);
      expect(`${response.status} ${file}`).toBe(`200 ${file}`);
      return response.text();
    };
    const zh = await fetchText("zh-cn/office_strings.js");
    const en = await fetchText("en-us/office_strings.js");
    expect(zh).not.toBe(en);
    await fetchText("telemetry/oteljs_agave.js");
    await fetchText("office.js");
  });

  it("loads at most 120 KB gzip of script, the functions and commands before the pane's UI; extraction runs in a worker", async () => {
    const page = await openPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (request.resourceType() === "script" && !url.pathname.startsWith("/office/")) scripts.push(url.pathname);
    });
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    await page.locator('#cities button[data-city="nanping"]').click();
    await page.waitForSelector("table.preview td.id");
    // The page's code: not the worker's script (off the page's thread), not a plan's text (data, fetched on choosing a city).
    const pageCode = scripts.filter((script) => !workers.includes(script) && !/\/chunks\/seed-/.test(script));
    const gzipBytes = pageCode.reduce(
      (total, script) => total + zlib.gzipSync(fs.readFileSync(path.join(OUT, script)), { level: 9 }).length,
      0,
    );
    expect(gzipBytes).toBeLessThanOrEqual(120 * 1024);
    const paneIndex = scripts.findIndex((script) => /\/chunks\/pane\./.test(script));
    expect(paneIndex).toBeGreaterThan(scripts.indexOf("/taskpane.js"));
    // The extractor is not in the page's scripts: it runs in a worker.
    expect(workers.length).toBe(1);
  });

  it("lets each target be excluded or corrected, keeps the actions in view, and disables 检查月报 outside Excel", async () => {
    const page = await openPage({ width: 420, height: 700 });
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    await page.locator('#cities button[data-city="nanping"]').click();
    await page.waitForSelector("table.preview td.id");
    expect(await page.locator("#check").getAttribute("disabled")).not.toBeNull();
    const first = page.locator("table.preview input.include").first();
    await first.uncheck();
    expect(await page.locator("table.preview tr.excluded").count()).toBe(1);
    await page.locator("table.preview input.value").first().fill("30");
    await page.locator("table.preview input.unit").first().fill("%");
    // The action bar is sticky: after scrolling to the end of a long list it is still on screen.
    await page.locator("table.preview tr").last().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -400);
    const box = await page.locator("#load").boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 700).toBe(true);
    expect(await page.locator("section.actions").evaluate((node) => getComputedStyle(node).position)).toBe("sticky");
  });

  it("extracts a pasted plan text", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/taskpane.html`);
    const text = fs.readFileSync(path.join(ROOT, "seeds", "004_3d18c461efc57f01.txt"), "utf8");
    await page.locator("#plan-text").fill(text);
    await page.locator("#city-name").fill("新郑");
    await page.locator("#extract").click();
    await page.waitForSelector("table.preview td.id");
    expect(await page.locator("table.preview td.id").first().textContent()).toMatch(/^新郑-\d+/);
  });

  it("opens a GBK plan file as text (not mojibake) and labels it with its own city, not the one chosen before", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    await page.locator('#cities button[data-city="nanping"]').click();
    await page.waitForSelector("table.preview td.id");
    expect(await page.inputValue("#city-name")).toBe("南平");

    // 白云市's excerpt, saved as GB18030 (as Chinese Windows Notepad and WPS save "ANSI" text).
    await page.setInputFiles(
      "#plan-file",
      path.join(ROOT, "test", "fixtures", "golden", "gb18030-excerpt.gb18030.txt"),
    );
    await page.waitForFunction(() => document.querySelector("table.preview td.id")?.textContent?.startsWith("白云-"));
    expect((await page.inputValue("#plan-text")).startsWith("白云市推动大规模设备更新工作方案")).toBe(true);
    const ids = await page.locator("table.preview td.id").allTextContents();
    expect(ids).toEqual(["白云-01", "白云-02"]);
    expect(await page.inputValue("#city-name")).toBe("白云");
    expect(await page.locator('#cities button[aria-pressed="true"]').count()).toBe(0);
  });

  it("keeps a city name the user typed before opening a plan file", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    await page.locator("#city-name").fill("云溪");
    await page.setInputFiles(
      "#plan-file",
      path.join(ROOT, "test", "fixtures", "golden", "gb18030-excerpt.gb18030.txt"),
    );
    await page.waitForSelector("table.preview td.id");
    expect(await page.locator("table.preview td.id").allTextContents()).toEqual(["云溪-01", "云溪-02"]);
    expect(await page.inputValue("#city-name")).toBe("云溪");
  });

  it("does not label a pasted plan with the city chosen before", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    await page.locator('#cities button[data-city="nanping"]').click();
    await page.waitForSelector("table.preview td.id");
    const text = fs.readFileSync(path.join(ROOT, "seeds", "004_3d18c461efc57f01.txt"), "utf8");
    await page.locator("#plan-text").fill(text);
    expect(await page.inputValue("#city-name")).toBe("");
    await page.locator("#extract").click();
    await page.waitForFunction(() => !document.querySelector("table.preview td.id")?.textContent?.startsWith("南平-"));
    expect(await page.locator("table.preview td.id").first().textContent()).toMatch(/^新郑-\d+/);
    expect(await page.inputValue("#city-name")).toBe("新郑");
  });

  it("reads a PDF saved as .txt as a PDF: a damaged one gets a message and extracts nothing", async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    await page.setInputFiles("#plan-file", {
      name: "plan.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type/Catalog>> endobj\n", "latin1"),
    });
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("PDF"));
    expect(await page.locator("#status").textContent()).toContain("plan.txt：PDF 文件已损坏");
    expect(await page.locator("table.preview td.id").count()).toBe(0);
  });

  it("opens a Word and a PDF plan through the file picker, loading their readers only then", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-pane-"));
    const seed = path.join(dir, "xinzheng.txt");
    fs.copyFileSync(path.join(ROOT, "seeds", "004_3d18c461efc57f01.txt"), seed);
    const [docx] = convertWithWriter([seed], "docx", dir);
    const [pdf] = convertWithWriter([seed], "pdf", dir);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.waitForSelector("#cities button");
    expect(requested.some((url) => url.includes("pdfjs"))).toBe(false);

    await page.locator("#plan-text").fill(fs.readFileSync(seed, "utf8"));
    await page.locator("#extract").click();
    await page.waitForSelector("table.preview td.id");
    const fromText = await page.locator("table.preview td.id").allTextContents();

    for (const file of [docx, pdf]) {
      await page.locator("#plan-text").fill("");
      await page.setInputFiles("#plan-file", file);
      await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>("#plan-text")?.value !== "");
      await page.waitForSelector("table.preview td.id");
      expect(await page.locator("table.preview td.id").allTextContents()).toEqual(fromText);
    }
    expect(requested.some((url) => url.endsWith("pdf.worker.min.mjs"))).toBe(true);
    expect(errors).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/**
 * Plan readers (issue 12): one seed's extraction from .txt, .docx and PDF — each reader's own
 * parse time, then the extraction that follows it (the same text, so the same time). The .docx and
 * PDF are made once with LibreOffice Writer; without soffice only the text line is printed.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { BUNDLED_CITIES } from "../src/core/cities";
import { extractCatalog } from "../src/core/extract/index";
import { readPlanFile } from "../src/readers";
import { nodeReaderHost } from "../src/cli/readers/planFile";

function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "seeds")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

async function medianMs(work: () => Promise<unknown>, runs: number, warmup: number): Promise<number> {
  for (let index = 0; index < warmup; index++) await work();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((left, right) => left - right)[Math.floor(runs / 2)];
}

function convert(file: string, format: "docx" | "pdf", outDir: string): string | null {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-bench-lo-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--infilter=Text (encoded):UTF8,LF,,,",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        file,
      ],
      { stdio: "pipe", timeout: 120000 },
    );
    return path.join(outDir, path.basename(file).replace(/\.txt$/, `.${format}`));
  } catch {
    return null;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const city = BUNDLED_CITIES[1];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-bench-formats-"));
  const text = path.join(dir, city.file);
  fs.copyFileSync(path.join(projectRoot(), "seeds", city.file), text);
  const files = [text, convert(text, "docx", dir), convert(text, "pdf", dir)].filter(
    (file): file is string => file !== null,
  );
  console.log(`${city.name} (${city.file}): reader's parse time and extraction, median of 7 after 2 warm-up runs`);
  console.log("format  bytes      read ms   extract ms  targets");
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    let planText = "";
    const readMs = await medianMs(
      async () => {
        planText = (await readPlanFile(bytes, path.basename(file), nodeReaderHost)).text;
      },
      7,
      2,
    );
    let targets = 0;
    const extractMs = await medianMs(
      async () => {
        targets = extractCatalog(planText, { cityName: city.name }).targets.length;
      },
      7,
      2,
    );
    console.log(
      `${path.extname(file).padEnd(6)}  ${String(bytes.length).padStart(7)}  ${readMs.toFixed(1).padStart(9)}  ${extractMs.toFixed(1).padStart(11)}  ${String(targets).padStart(7)}`,
    );
  }
  if (files.length < 3) console.log("(no LibreOffice: the .docx and PDF lines need soffice to make their files)");
  fs.rmSync(dir, { recursive: true, force: true });
}

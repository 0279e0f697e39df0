/**
 * `liangxin workbook --all`: every bundled city's full workbook (thousands of 月度填报 rows each),
 * end to end. Pure Node, but ~10 s of CPU, so it runs with the system tests rather than in the
 * minute `npm test` has; test/xlsx/workbook-cli.test.ts covers the command's other paths.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { captureIo } from "../../src/cli/io";
import { run } from "../../src/cli/commands/workbook";
import { BUNDLED_CITIES } from "../../src/core/cities";

describe("liangxin workbook --all", () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-workbook-"));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("writes every bundled city with a progress line each", async () => {
    const io = captureIo(directory);
    const code = await run(["--all", "-o", "out"], io);
    const lines = io.err.trim().split("\n");
    expect(lines).toHaveLength(BUNDLED_CITIES.length);
    BUNDLED_CITIES.forEach((city, index) =>
      expect(lines[index]).toContain(`[${index + 1}/${BUNDLED_CITIES.length}] ${city.name}`),
    );
    if (code === 0)
      for (const city of BUNDLED_CITIES)
        expect(fs.existsSync(path.join(directory, "out", `${city.slug}.xlsx`))).toBe(true);
  });
});

/**
 * Draws the add-in's ribbon and store icons (assets/icon-{16,32,64,80}.png) in headless
 * Chromium: a green rounded square with 新 in white. Run once: node scripts/make-icons.js
 */
const path = require("path");
const { chromium } = require("playwright-core");

async function main() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage();
  for (const size of [16, 32, 64, 80]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">
      <div style="width:${size}px;height:${size}px;border-radius:${Math.round(size / 6)}px;background:#107c41;
        color:#fff;font:bold ${Math.round(size * 0.72)}px 'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif;
        display:flex;align-items:center;justify-content:center;line-height:1">新</div></body></html>`);
    await page.screenshot({ path: path.join(__dirname, "..", "assets", `icon-${size}.png`), omitBackground: true });
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

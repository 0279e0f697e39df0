/**
 * npm start: serves the add-in at https://localhost:3000 (webpack dev server with
 * office-addin-dev-certs) and sideloads it into desktop Excel with office-addin-debugging where
 * that works (Windows, macOS). On Linux it serves in the foreground and prints how to sideload
 * into Excel on the web. First it writes the bundled cities' workbooks to out/ so there is a
 * real result to open straight away.
 *
 * Every process it starts is recorded in .liangxin-start.pid; `npm stop` stops them all.
 *
 * Options: --no-workbooks (skip out/), --port N (default 3000; the manifest expects 3000).
 * LIANGXIN_NO_CERTS=1 serves plain http (tests; Excel will not load it).
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
// LIANGXIN_PID_FILE: tests run their own start/stop without touching a developer's session.
const PID_FILE = process.env.LIANGXIN_PID_FILE || path.join(ROOT, ".liangxin-start.pid");
const args = process.argv.slice(2);
const port = Number(args.includes("--port") ? args[args.indexOf("--port") + 1] : 3000);
const platform = process.platform;
const canSideload = platform === "win32" || platform === "darwin";

function record(entry) {
  const state = fs.existsSync(PID_FILE) ? JSON.parse(fs.readFileSync(PID_FILE, "utf8")) : { processes: [] };
  state.processes.push(entry);
  fs.writeFileSync(PID_FILE, JSON.stringify(state, null, 2));
}

function portOpen(portNumber) {
  return new Promise((resolve) => {
    const socket = net.connect({ port: portNumber, host: "127.0.0.1" });
    socket.once("connect", () => socket.end(() => resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(portNumber, child, timeoutMs = 180000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the dev server exited with code ${child.exitCode}`);
    if (await portOpen(portNumber)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`nothing listening on port ${portNumber} after ${timeoutMs / 1000} s`);
}

/** The bundled cities' .xlsx files (liangxin workbook --all), built from lib/ (npm run build:cli). */
function writeWorkbooks() {
  const cli = path.join(ROOT, "lib", "src", "cli", "main.js");
  if (!fs.existsSync(cli)) {
    console.log("[liangxin] Building the CLI (npm run build:cli) …");
    spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  }
  console.log("[liangxin] Writing the bundled cities' workbooks to out/ …");
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin", "liangxin.js"), "workbook", "--all", "-o", path.join(ROOT, "out")],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (result.status !== 0)
    console.log("[liangxin] Skipped the workbooks (liangxin workbook did not succeed); the add-in is served anyway.");
}

function instructions() {
  const manifest = path.join(ROOT, "manifest.xml");
  return [
    "",
    `[liangxin] The add-in is served at ${process.env.LIANGXIN_NO_CERTS ? "http" : "https"}://localhost:${port}/taskpane.html`,
    canSideload
      ? "[liangxin] office-addin-debugging is opening Excel with the add-in sideloaded."
      : `[liangxin] Desktop Excel cannot be sideloaded on ${platform}. To use the add-in in Excel on the web:`,
    ...(canSideload
      ? []
      : [
          "[liangxin]   1. Open a workbook in Excel on the web (https://www.office.com › Excel).",
          "[liangxin]   2. Home › Add-ins › More settings › Upload My Add-in.",
          `[liangxin]   3. Choose ${manifest} and Upload.`,
          "[liangxin]   4. The 两新 group on the Home tab has 载入目标 (task pane) and 检查月报.",
          "[liangxin]   The browser must trust the localhost certificate: npx office-addin-dev-certs install.",
        ]),
    fs.existsSync(path.join(ROOT, "out"))
      ? `[liangxin] Workbooks for every bundled city (no add-in needed): ${path.join(ROOT, "out")}`
      : "",
    "[liangxin] Stop with Ctrl+C here, or `npm stop` from another terminal.",
    "",
  ].join("\n");
}

async function main() {
  if (fs.existsSync(PID_FILE)) {
    console.log("[liangxin] A previous `npm start` left processes behind; stopping them first (npm stop).");
    spawnSync(process.execPath, [path.join(__dirname, "stop.js")], { cwd: ROOT, stdio: "inherit" });
  }
  if (await portOpen(port)) throw new Error(`port ${port} is already in use: stop whatever serves it, or run npm stop`);
  record({ pid: process.pid, what: "npm start (scripts/start.js)" });
  if (!args.includes("--no-workbooks")) writeWorkbooks();

  // The dev server is our own child, in its own process group, so npm stop can end it and its children.
  const devServer = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development", "--port", String(port)],
    {
      cwd: ROOT,
      stdio: "inherit",
      detached: platform !== "win32",
    },
  );
  record({ pid: devServer.pid, group: platform !== "win32", what: "webpack dev server" });

  const shutdown = (code) => {
    try {
      if (devServer.exitCode === null) {
        if (platform === "win32") spawnSync("taskkill", ["/pid", String(devServer.pid), "/T", "/F"]);
        else process.kill(-devServer.pid, "SIGTERM");
      }
    } catch {
      // already gone
    }
    if (fs.existsSync(PID_FILE)) fs.rmSync(PID_FILE);
    process.exit(code);
  };
  process.on("SIGINT", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));
  devServer.on("exit", (code) => shutdown(code ?? 0));

  await waitForPort(port, devServer);
  if (canSideload) {
    const debugging = spawn(
      process.execPath,
      [
        require.resolve("office-addin-debugging/cli.js"),
        "start",
        "manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server-port",
        String(port),
      ],
      {
        cwd: ROOT,
        stdio: "inherit",
      },
    );
    record({ pid: debugging.pid, what: "office-addin-debugging start" });
  }
  console.log(instructions());
}

main().catch((error) => {
  console.error(`[liangxin] npm start failed: ${error.message}`);
  if (fs.existsSync(PID_FILE))
    spawnSync(process.execPath, [path.join(__dirname, "stop.js")], { cwd: ROOT, stdio: "inherit" });
  process.exit(1);
});

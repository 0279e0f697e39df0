/**
 * npm stop: stops everything `npm start` started, as recorded in .liangxin-start.pid: the start
 * script itself, the webpack dev server with its children (office-addin-debugging's own stop
 * leaves it running on Linux) and, on Windows/macOS, unregisters the sideloaded add-in.
 * Only the recorded process ids are signalled; nothing is killed by name.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
// LIANGXIN_PID_FILE: tests run their own start/stop without touching a developer's session.
const PID_FILE = process.env.LIANGXIN_PID_FILE || path.join(ROOT, ".liangxin-start.pid");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function signal(entry, name) {
  try {
    if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(entry.pid), "/T", "/F"]);
    else process.kill(entry.group ? -entry.pid : entry.pid, name);
  } catch {
    // already gone
  }
}

async function main() {
  if (!fs.existsSync(PID_FILE)) {
    console.log("[liangxin] Nothing to stop: no .liangxin-start.pid (npm start is not running from this folder).");
    return;
  }
  const { processes } = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  if (process.platform === "win32" || process.platform === "darwin") {
    spawnSync(process.execPath, [require.resolve("office-addin-debugging/cli.js"), "stop", "manifest.xml"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  // Children first (the dev server's whole group), then the start script.
  const ordered = [...processes].reverse().filter((entry) => entry.pid !== process.pid);
  for (const entry of ordered) signal(entry, "SIGTERM");
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && ordered.some((entry) => alive(entry.pid)))
    await new Promise((resolve) => setTimeout(resolve, 100));
  for (const entry of ordered.filter((candidate) => alive(candidate.pid))) signal(entry, "SIGKILL");
  for (const entry of ordered) console.log(`[liangxin] stopped ${entry.what} (pid ${entry.pid})`);
  if (fs.existsSync(PID_FILE)) fs.rmSync(PID_FILE);
}

main().catch((error) => {
  console.error(`[liangxin] npm stop failed: ${error.message}`);
  process.exitCode = 1;
});

/**
 * npm start / npm stop: start serves the add-in and records what it started; stop ends all of it
 * (including the webpack dev server that office-addin-debugging's stop leaves behind on Linux).
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => socket.end(() => resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start / npm stop", () => {
  it("serves the task pane, prints how to sideload, and stop ends every process start recorded", async () => {
    const port = await freePort();
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "liangxin-start-")), "start.pid");
    const env = { ...process.env, LIANGXIN_PID_FILE: pidFile, LIANGXIN_NO_CERTS: "1" };
    const start = spawn(
      process.execPath,
      [path.join(ROOT, "scripts", "start.js"), "--no-workbooks", "--port", String(port)],
      { cwd: ROOT, env },
    );
    let output = "";
    start.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    start.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await until(() => output.includes("Stop with Ctrl+C"), 90000);
      expect(await portOpen(port)).toBe(true);
      const response = await fetch(`http://127.0.0.1:${port}/taskpane.html`);
      expect(await response.text()).toContain("两新目标跟踪");
      if (process.platform === "linux") expect(output).toContain("Home › Add-ins › More settings › Upload My Add-in");
      const recorded = (
        JSON.parse(fs.readFileSync(pidFile, "utf8")) as { processes: Array<{ pid: number }> }
      ).processes.map((entry) => entry.pid);
      expect(recorded).toContain(start.pid);
      expect(recorded.length).toBeGreaterThanOrEqual(2);

      const stop = spawnSync(process.execPath, [path.join(ROOT, "scripts", "stop.js")], {
        cwd: ROOT,
        env,
        encoding: "utf8",
      });
      expect(stop.status).toBe(0);
      await until(async () => !(await portOpen(port)), 10000);
      await until(() => recorded.every((pid) => !alive(pid)), 10000);
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      if (alive(start.pid ?? -1)) start.kill("SIGTERM");
    }
  }, 120000);
});

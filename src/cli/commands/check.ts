import type { CliIo } from "../io";
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr("check: not implemented yet\n");
  return 1;
}

import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const HZ = 100;

/** CPU seconds (user + system) of a process; 0 when it is gone or /proc is not there. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (in parentheses, which may hold spaces): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / HZ;
  } catch {
    return 0;
  }
}

/** Every process below `root` (and root), from the parent ids in /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [root];
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

export type CpuGroups = Record<string, number[]>;
export type CpuShare = Record<string, number>;

/**
 * CPU used by groups of processes while `fn` runs, in cores (CPU seconds per wall second): what
 * limits a scenario on a small machine (the load generator, the server, PostgreSQL). The groups'
 * processes are those given (resolved before `fn`); `loadgen` is this process (autocannon).
 */
export async function measureCpu<T>(before: CpuGroups, fn: () => Promise<T>): Promise<{ result: T; cores: CpuShare }> {
  const start = new Map<number, number>();
  for (const pids of Object.values(before)) for (const p of pids) start.set(p, cpuSeconds(p));
  const self = process.cpuUsage();
  const t = performance.now();
  const result = await fn();
  const wall = (performance.now() - t) / 1000;
  const cores: CpuShare = {};
  for (const [name, pids] of Object.entries(before)) {
    const used = pids.reduce((a, p) => a + Math.max(0, cpuSeconds(p) - (start.get(p) ?? 0)), 0);
    cores[name] = Math.round((used / wall) * 100) / 100;
  }
  const own = process.cpuUsage(self);
  cores.loadgen = Math.round(((own.user + own.system) / 1e6 / wall) * 100) / 100;
  return { result, cores };
}

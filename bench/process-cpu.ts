import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

/**
 * CPU time (user + system) another process has used, in milliseconds, read from
 * `/proc/<pid>/stat`; `null` where there is no procfs (the bench then leaves the figure out).
 */
export function childCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return null;
  }
}

/** CPU time this process has used, in milliseconds. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();

  return (usage.user + usage.system) / 1000;
}

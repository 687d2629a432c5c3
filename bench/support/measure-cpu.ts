// CPU per request of a few cases measured side by side, so that ratios between them repeat from run
// to run on a machine that does other work: many interleaved samples in rotating order, each charged
// with the work its requests leave to V8's background threads, and medians over several rounds.
import { readdirSync, readFileSync } from 'node:fs';
import { constants, type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** One case: what a sample runs, and how many requests that is. */
export interface CpuCase {
  /** Unmeasured work before sample `index` (making its conversations, say). */
  prepare?: (index: number) => Promise<void>;
  /** The measured work of part `part` of sample `index`. */
  run: (index: number, part: number) => Promise<void>;
  /** Requests a whole sample (all its parts) makes; it counts `1 / requests` of its CPU per request. Default 1. */
  requests?: number;
}

/** What `measureCpu` does. */
export interface MeasureCpuOptions {
  cases: CpuCase[];
  /** Unmeasured samples of every case first (interleaved like the measured ones). */
  warmUp: number;
  /** Measured samples of every case. */
  samples: number;
  /**
   * Parts of a sample: the cases take turns at each part, and a sample's CPU is the sum of its
   * parts'. Default 1.
   */
  parts?: number;
  /** Consecutive rounds the samples are split into, each with its own medians. Default 5. */
  rounds?: number;
}

/** The figures of one case: CPU ms per request. */
export interface CpuFigures {
  /** Median over all samples. */
  median: number;
  /** Median of each round. */
  rounds: number[];
  /** Every sample, in order. */
  samples: number[];
  /** Of each sample, the part its background work took after it (already in `samples`). */
  background: number[];
  /**
   * Of each sample, how often per request the process was preempted: each time other work ran on
   * its core, the caches it finds again are colder (what another engineer's load costs a sample).
   */
  preemptions: number[];
  /** Of each sample, the young-generation collections (scavenges) that ran in it, per request. */
  scavenges: number[];
}

/** Median; the mean of the two middle values for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const processMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

// Linux tells the threads apart: the main thread's own CPU (/proc/thread-self/schedstat, ns), and
// whether any other thread (V8's compilers, concurrent marking and sweeping; libuv's pool) is
// running. The kernel brings a thread's CPU figure up to date only when it stops running or at a
// tick (4 ms), and the caller's own when it asks for the process's (process.cpuUsage), so the main
// thread's is read right after that, and the process's figure is taken as final only once no other
// thread runs.
const threads = (() => {
  try {
    readFileSync('/proc/thread-self/schedstat', 'utf8');
  } catch {
    return undefined;
  }
  const main = String(process.pid);
  return {
    mainMs: () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6,
    othersRunning: () =>
      readdirSync('/proc/self/task').some((id) => {
        if (id === main) return false;
        try {
          const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
          return stat[stat.lastIndexOf(')') + 2] === 'R';
        } catch {
          return false; // the thread ended
        }
      }),
  };
})();

/**
 * Waits until the process's other threads are idle and returns the CPU ms they spent meanwhile (0
 * where threads cannot be told apart). A request leaves work behind on those threads (a TurboFan
 * compile of a function it made hot, the marking its garbage started) that would otherwise be
 * counted to whichever sample runs next: the bare handler's median took the turns' and moved by a
 * third between runs.
 */
async function settle(): Promise<number> {
  if (!threads) {
    await sleep(2);
    return 0;
  }
  let background = 0;
  let [all, main] = [processMs(), threads.mainMs()];
  for (let wait = 0; wait < 500; wait++) {
    await sleep(1);
    const running = threads.othersRunning();
    const [allNow, mainNow] = [processMs(), threads.mainMs()];
    background += allNow - all - (mainNow - main);
    [all, main] = [allNow, mainNow];
    if (!running) break;
  }
  return Math.max(0, background);
}

/**
 * CPU ms per request of each case (the process's, user + system: the main thread's and the
 * background work its requests leave). The cases take turns at each part of each sample, in an
 * order rotated every time, so that neither the machine's other load nor a case's place in the order
 * weighs on one case more than another. No collection is forced: a full one (gc()) left every case
 * of the phase after it up to half again as costly for a hundred samples and more (V8 shrinks the
 * young generation then, and it grows back slowly).
 */
export async function measureCpu(options: MeasureCpuOptions): Promise<CpuFigures[]> {
  const { cases, warmUp, samples } = options;
  const rounds = Math.min(options.rounds ?? 5, samples);
  const times = cases.map((): number[] => []);
  const backgrounds = cases.map((): number[] => []);
  const preempted = cases.map((): number[] => []);
  const scavenged = cases.map((): number[] => []);
  const collections: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[])
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) collections.push(entry.startTime);
  });
  observer.observe({ entryTypes: ['gc'] });
  const parts = options.parts ?? 1;
  for (let index = 0; index < warmUp + samples; index++) {
    for (const { prepare } of cases) await prepare?.(index);
    const sample = cases.map(() => ({ cpu: 0, background: 0, switches: 0, windows: [] as number[][] }));
    for (let part = 0; part < parts; part++)
      for (let step = 0; step < cases.length; step++) {
        const position = (index * parts + part + step) % cases.length;
        const taken = sample[position];
        await settle();
        const switches = process.resourceUsage().involuntaryContextSwitches;
        const [start, startedAt] = [processMs(), performance.now()];
        await cases[position].run(index, part);
        const ran = processMs() - start;
        taken.windows.push([startedAt, performance.now()]);
        taken.switches += process.resourceUsage().involuntaryContextSwitches - switches;
        const left = await settle();
        taken.cpu += ran + left;
        taken.background += left;
      }
    if (index < warmUp) continue;
    await sleep(0);
    for (const [position, { cpu, background, switches, windows }] of sample.entries()) {
      const requests = cases[position].requests ?? 1;
      times[position].push(cpu / requests);
      backgrounds[position].push(background / requests);
      preempted[position].push(switches / requests);
      const inSample = collections.filter((at) => windows.some(([from, to]) => at >= from && at <= to));
      scavenged[position].push(inSample.length / requests);
    }
    collections.length = 0;
  }
  observer.disconnect();
  return times.map((values, position) => {
    const size = Math.ceil(values.length / rounds);
    const split = Array.from({ length: rounds }, (_, round) =>
      values.slice(round * size, (round + 1) * size),
    );
    return {
      median: median(values),
      rounds: split.filter((part) => part.length > 0).map(median),
      samples: values,
      background: backgrounds[position],
      preemptions: preempted[position],
      scavenges: scavenged[position],
    };
  });
}

/** The ratio of two cases' medians over all samples, and its range over the rounds. */
export function describeRatio(of: CpuFigures, to: CpuFigures): string {
  const perRound = of.rounds.map((value, round) => value / to.rounds[round]);
  return `${(of.median / to.median).toFixed(2)}x; rounds ${Math.min(...perRound).toFixed(2)}-${Math.max(...perRound).toFixed(2)}x`;
}

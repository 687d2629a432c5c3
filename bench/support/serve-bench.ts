// The load benchmark's server, run as a child process (`node --import tsx`): `startBenchServer` on
// the dialect named by BENCH_DIALECT (sqlite or postgres), its demo integration calling the demo API
// at BENCH_DEMO_API_URL when set, on the PostgreSQL schema BENCH_SCHEMA when set (another bench
// server's: this one joins it). Prints `listening <url> <agentId> <schema>` once ready; on SIGTERM
// prints `cpu <ms>` (its CPU time since it listened), closes (removing its data) and exits.
import { startBenchServer } from './bench-server.js';

const bench = await startBenchServer(process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite', {
  demoApiUrl: process.env.BENCH_DEMO_API_URL || undefined,
  schema: process.env.BENCH_SCHEMA || undefined,
});
const listening = process.cpuUsage();
process.stdout.write(`listening ${bench.server.url} ${bench.agentId} ${bench.schema ?? ''}\n`);
process.once('SIGTERM', () => {
  const used = process.cpuUsage(listening);
  process.stdout.write(`cpu ${(used.user + used.system) / 1000}\n`);
  void bench.close().then(() => process.exit(0));
});

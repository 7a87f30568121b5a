/**
 * `npm run bench`: wall time and peak memory of the things engineers wait for. Each command
 * runs several times in a child process; we report the median wall time and the largest
 * peak RSS of any process it started (getrusage RUSAGE_CHILDREN, read through python3 because
 * Node exposes no children's rusage).
 *
 * Usage: npm run bench [-- --runs N] [-- --quick]   (quick skips npm test and cdktf synth)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environments } from "../environments";

const PEAK_RSS_PROBE = `
import json, resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
print(json.dumps({"code": code, "wall": wall, "rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
`;

/**
 * Regions used to show how synth cost grows with the number of regional stacks: one region
 * alone, or a failover pair (Route 53 failover has one PRIMARY and one SECONDARY).
 */
const SCALING_REGIONS = [
  ["taipei", "ap-east-2"],
  ["tokyo", "ap-northeast-1"],
] as const;

interface Measurement {
  readonly label: string;
  readonly runs: number;
  readonly medianSeconds: number;
  readonly peakRssMiB: number;
}

function measure(label: string, command: string[], env: NodeJS.ProcessEnv, runs: number): Measurement {
  const walls: number[] = [];
  let peakKiB = 0;
  for (let i = 0; i < runs; i++) {
    const probe = spawnSync("python3", ["-c", PEAK_RSS_PROBE, ...command], { env, encoding: "utf8" });
    const result = JSON.parse(probe.stdout) as { code: number; wall: number; rss_kib: number };
    if (result.code !== 0) throw new Error(`${label}: ${command.join(" ")} exited ${result.code}`);
    walls.push(result.wall);
    peakKiB = Math.max(peakKiB, result.rss_kib);
  }
  walls.sort((a, b) => a - b);
  return { label, runs, medianSeconds: walls[Math.floor(walls.length / 2)]!, peakRssMiB: peakKiB / 1024 };
}

/** A GENAI_CONFIG file with the production settings spread over the first `count` regions. */
function scalingConfig(directory: string, count: number): string {
  const production = structuredClone(environments.production) as typeof environments.production;
  const [template] = production.regions;
  const regions = SCALING_REGIONS.slice(0, count).map(([key, awsRegion], i) => ({
    ...structuredClone(template!),
    key,
    awsRegion,
    role: i === 0 ? "primary" : "secondary",
    vpcCidr: `10.${i}.0.0/16`,
    availabilityZones: ["a", "b", "c"].map((suffix) => `${awsRegion}${suffix}`),
  }));
  // One region serves alone: no failover, and so no edge (its API origin is the failover name).
  const { failover, edge, ...single } = production;
  const file = join(directory, `regions-${count}.json`);
  const config = {
    ...(count > 1 ? { ...single, failover, edge } : single),
    state: { ...production.state, region: "us-west-2" },
  };
  writeFileSync(file, JSON.stringify({ ...config, regions }));
  return file;
}

/** Measures and prints the table; `args` as npm run bench takes them. */
export function bench(args: readonly string[]): void {
  const runsArg = args.indexOf("--runs");
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
  const quick = args.includes("--quick");
  const scratch = mkdtempSync(join(tmpdir(), "genai-bench-"));
  const env = { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: join(scratch, "cdktf.out") };
  const appSynth = [process.execPath, "--import", "tsx", "main.ts"];
  const results: Measurement[] = [];
  try {
    // The budget: synthesizing everything must cost no more than loading the provider's root once.
    const rootImport = measure(
      'bare require("@cdktf/provider-aws") (package root)',
      [process.execPath, "-e", 'require("@cdktf/provider-aws")'],
      env,
      runs,
    );
    const production = measure("app synth, production (4 stacks)", appSynth, { ...env, GENAI_ENV: "production" }, runs);
    results.push(rootImport, production);
    for (const count of [1, SCALING_REGIONS.length]) {
      const config = scalingConfig(scratch, count);
      results.push(
        measure(
          // global, the regions, and with two or more a replication link per secondary (dms-cdc)
          `app synth, ${count} region(s) (${count === 1 ? 2 : 2 * count} stacks)`,
          appSynth,
          { ...env, GENAI_CONFIG: config },
          runs,
        ),
      );
    }
    results.push(measure("npm run typecheck", ["npm", "run", "typecheck"], env, Math.min(runs, 3)));
    if (!quick) {
      results.push(
        measure(
          "npx cdktf synth, production",
          ["npx", "cdktf", "synth", "--output", join(scratch, "cli.out")],
          env,
          Math.min(runs, 3),
        ),
      );
      results.push(measure("npm test", ["npm", "test"], env, Math.min(runs, 3)));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const width = Math.max(...results.map((result) => result.label.length));
  console.log(`${"what".padEnd(width)}  runs  median wall   peak RSS`);
  for (const { label, runs: n, medianSeconds, peakRssMiB } of results) {
    console.log(
      `${label.padEnd(width)}  ${String(n).padStart(4)}  ${medianSeconds.toFixed(2).padStart(9)} s  ${peakRssMiB.toFixed(0).padStart(5)} MiB`,
    );
  }
  const [rootImport, production] = results;
  console.log(
    `\nproduction synth / root import: ${(production!.medianSeconds / rootImport!.medianSeconds).toFixed(2)} of the time, ` +
      `${(production!.peakRssMiB / rootImport!.peakRssMiB).toFixed(2)} of the memory`,
  );
}

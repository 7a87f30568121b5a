/**
 * `npm run emulate`: deploys every stack of every environment (or the one GENAI_ENV/GENAI_CONFIG
 * selects) to emulators on loopback with the real Terraform and providers: moto for AWS, and for
 * each regional stack a real Kubernetes API (kube.ts) for its Helm releases, whose add-on charts
 * are stand-ins served on loopback (stand-in-charts.ts). Every stack is applied, re-planned (it
 * must be empty) and destroyed in reverse order, and the emulator must hold nothing afterwards.
 * cdktf.out and the product's code are untouched: an override file beside each stack does it all.
 *
 * Production and development run through the emulation's own Terraform steps
 * (terraform-driver.ts); staging runs through the users' own `npx cdktf` commands (workflow.ts).
 * Environments run side by side, each with its own emulator. A self-test
 * (fixtures/bad-stacks.ts) must fail in every way a stack can: a plan that is not empty after
 * apply, an apply that fails, and a chart that breaks PodSecurity `restricted`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { environments } from "../../environments";
import { loadEnvironmentConfig } from "../../src/config/load";
import { GLOBAL_STACK_ID } from "../../src/config/schema";
import { replicationLinks } from "../../src/replication-links";
import { synthesize } from "../../src/synth";
import { type Tools, installAndLoadTools } from "../tools-cache";
import { synthEmulatorSelfTest } from "./fixtures/bad-stacks";
import { TARGET_GROUP_BINDING_CRD } from "./fixtures/target-group-binding-crd";
import { type KubeCluster, needsKubernetes, nodePools, startKubeCluster } from "./kube";
import { type StackResult, succeeded, summaryLines } from "./report";
import {
  EMULATOR_SERVER,
  LEFTOVERS_SCRIPT,
  createStateBucket,
  emulatorLeftovers,
  freePort,
  startEmulator,
  startGuard,
} from "./run";
import { type RemoteChart, type StandInRepository, remoteCharts, serveStandInCharts } from "./stand-in-charts";
import { deployWithTerraform, readStack, readinessError, standInRepositories, terraformEnv } from "./terraform-driver";
import { driveWithCdktf } from "./workflow";

/** Who runs the deploy: Terraform steps of the emulation's own, or the users' cdktf commands. */
export type Driver = "terraform" | "cdktf";

const repo = resolve(__dirname, "../..");
export const workRoot = join(repo, ".emulate");

/** One environment (or the self-test) from synthesis to leftovers. */
async function emulateEnvironment(
  tools: Tools,
  name: string,
  synthDir: string,
  order: { first: string[]; then: string[]; last?: string[] },
  regions: readonly string[],
  standIns: StandInRepository,
  stateBucket?: { bucket: string; region: string },
  driver: Driver = "terraform",
): Promise<StackResult[]> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const emulator = await startEmulator(tools.emulator.python, EMULATOR_SERVER, port);
  const guard = await startGuard(port);
  const clusters = new Map<string, KubeCluster>();
  try {
    console.log(`\n==> ${name}: emulator on ${endpoint}, guard on 127.0.0.1:${guard.port}`);
    if (stateBucket !== undefined) await createStateBucket(endpoint, stateBucket.bucket, stateBucket.region);
    const env = terraformEnv(tools, guard.port);
    const ids = [...order.first, ...order.then, ...(order.last ?? [])];
    for (const [id, cluster] of await startRegionClusters(tools, join(workRoot, name), synthDir, ids, name))
      clusters.set(id, cluster);
    const resultList =
      driver === "cdktf"
        ? await driveWithCdktf({
            tools,
            env,
            environment: name,
            synthDir,
            // As the README deploys: `global` alone, then every other stack in one command (cdktf
            // orders the replication links after the regions they depend on).
            groups: [order.first.slice(0, 1), [...order.first.slice(1), ...order.then, ...(order.last ?? [])]],
            stacks: new Map(
              ids.map((id) => {
                const document = readStack(join(synthDir, "stacks", id));
                const chartRepositories = standInRepositories(document, standIns);
                const stack = {
                  id,
                  document,
                  connections: { endpoint, kubernetes: clusters.get(id), chartRepositories },
                  standIns: chartRepositories.size,
                  cluster: clusters.get(id),
                };
                return [id, stack];
              }),
            ),
            readiness: readinessError,
          })
        : await deployWithTerraform(
            tools,
            env,
            name,
            synthDir,
            join(workRoot, name),
            order,
            endpoint,
            clusters,
            standIns,
          );
    if (guard.refused.length > 0) console.log(`${name}: the guard refused ${[...new Set(guard.refused)].join(", ")}`);
    // Everything is destroyed by now: whatever the emulator holds besides the state bucket was
    // left behind (counted on the environment's first stack).
    const held = await emulatorLeftovers(tools.emulator.python, LEFTOVERS_SCRIPT, endpoint, stateBucket?.bucket ?? "", [
      ...new Set([...regions, "us-east-1"]),
    ]);
    if (held.length > 0) console.log(`${name}: the emulator still holds: ${held.join("; ")}`);
    const first = [...order.first, ...order.then][0];
    return resultList.map((result) =>
      result.stack === first ? { ...result, leftovers: (result.leftovers ?? 0) + held.length } : result,
    );
  } finally {
    guard.close();
    emulator.stop();
    mkdirSync(join(workRoot, name), { recursive: true });
    writeFileSync(join(workRoot, name, "emulator.log"), emulator.log());
    for (const [id, cluster] of clusters) {
      cluster.stop();
      writeFileSync(join(workRoot, name, `${id}.kubernetes.log`), cluster.log());
    }
  }
}

/**
 * The environment whose emulated deploy is driven by the users' own commands (`cdktf deploy`,
 * `diff`, `destroy`; workflow.ts) rather than by Terraform runs of the emulation's own: the one
 * with every kind of stack (global, two regions, a replication link) at the lower cost.
 */
export const CDKTF_WORKFLOW_ENVIRONMENT = "staging";

interface EnvironmentRun {
  readonly name: string;
  readonly synthDir: string;
  readonly order: { first: string[]; then: string[]; last?: string[] };
  readonly regions: string[];
  readonly stateBucket: { bucket: string; region: string };
  readonly driver: Driver;
}

/** Synthesizes one environment as `cdktf synth` does (the app's own entry), into the work root. */
function synthEnvironment(name: string | undefined): EnvironmentRun {
  const env = { ...process.env, ...(name === undefined ? {} : { GENAI_CONFIG: "", GENAI_ENV: name }) };
  const config = loadEnvironmentConfig(env).config;
  const synthDir = join(workRoot, "synth", config.name);
  const driver: Driver = config.name === CDKTF_WORKFLOW_ENVIRONMENT ? "cdktf" : "terraform";
  if (driver === "cdktf") {
    // The users' own command, so what is deployed is exactly what they synthesize.
    console.log(`${config.name}: npx cdktf synth --output ${synthDir}`);
    const synth = spawnSync("npx", ["cdktf", "synth", "--output", synthDir], {
      cwd: repo,
      env: { ...env, CI: "1", FORCE_COLOR: "0" },
      encoding: "utf8",
    });
    if (synth.status !== 0) throw new Error(`cdktf synth of ${config.name} failed:\n${synth.stdout}${synth.stderr}`);
  } else {
    const quiet = { error: console.error, warn: () => undefined };
    if (synthesize({ ...env, CDKTF_OUTDIR: synthDir }, quiet).exitCode !== 0)
      throw new Error(`synth of ${config.name} failed`);
  }
  if (config.state.backend !== "s3") throw new Error("npm run emulate needs the s3 state backend");
  const primary = config.regions.find((region) => region.role === "primary")!.key;
  const others = config.regions.filter((region) => region.key !== primary).map((region) => region.key);
  return {
    name: config.name,
    synthDir,
    order: {
      first: [GLOBAL_STACK_ID, primary],
      then: others,
      last: replicationLinks(config).map((link) => link.stackId),
    },
    regions: config.regions.map((region) => region.awsRegion),
    stateBucket: { bucket: config.state.bucket, region: config.state.region },
    driver,
  };
}

/**
 * A Kubernetes API (kube.ts) for each of `ids` that configures the helm or kubernetes provider,
 * with the stack's node groups as fake nodes and the emulation's CRD fixture; in `<dir>/<id>.kubernetes`.
 */
export async function startRegionClusters(
  tools: Tools,
  dir: string,
  synthDir: string,
  ids: readonly string[],
  label = "",
): Promise<Map<string, KubeCluster>> {
  const clusters = new Map<string, KubeCluster>();
  try {
    for (const id of ids) {
      const document = readStack(join(synthDir, "stacks", id));
      if (!needsKubernetes(document)) continue;
      const cluster = await startKubeCluster(tools, join(dir, `${id}.kubernetes`), nodePools(document), [
        TARGET_GROUP_BINDING_CRD,
      ]);
      clusters.set(id, cluster);
      const nodes = nodePools(document).reduce((sum, pool) => sum + pool.count, 0);
      console.log(`${label}/${id}: Kubernetes ${tools.kubernetes.version} API on ${cluster.host}, ${nodes} kwok nodes`);
    }
  } catch (error) {
    for (const cluster of clusters.values()) cluster.stop();
    throw error;
  }
  return clusters;
}

/** Every chart from a remote repository in the synthesized stacks of `synthDirs`. */
export function remoteChartsOf(synthDirs: readonly string[]): RemoteChart[] {
  return synthDirs.flatMap((synthDir) =>
    readdirSync(join(synthDir, "stacks")).flatMap((id) => [
      ...remoteCharts(readStack(join(synthDir, "stacks", id))).values(),
    ]),
  );
}

/** Emulates every selected environment, then the self-test; returns the exit code. */
export async function main(): Promise<number> {
  const tools = installAndLoadTools();
  rmSync(workRoot, { recursive: true, force: true });
  const selected =
    process.env.GENAI_CONFIG || process.env.GENAI_ENV ? [undefined] : Object.keys(environments).map((name) => name);
  const runs = selected.map(synthEnvironment);
  const selfTestDir = join(workRoot, "synth", "selftest");
  const selfTestIds = synthEmulatorSelfTest(selfTestDir);
  const standIns = await serveStandInCharts(
    tools.helm.bin,
    join(workRoot, "stand-in-charts"),
    remoteChartsOf(runs.map((run) => run.synthDir)),
  );
  try {
    // Environments run side by side, each with its own emulator: most of a deploy is waiting.
    const perEnvironment = await Promise.all(
      runs.map((run) =>
        emulateEnvironment(
          tools,
          run.name,
          run.synthDir,
          run.order,
          run.regions,
          standIns,
          run.stateBucket,
          run.driver,
        ),
      ),
    );
    const results = perEnvironment.flat();

    // Self-test: every way a stack can fail must be seen as a failure.
    const selfTest = await emulateEnvironment(
      tools,
      "selftest",
      selfTestDir,
      { first: [], then: selfTestIds },
      ["ap-east-2"],
      standIns,
    );
    const caught = {
      drift: selfTest.some((result) => result.stack === "drifts" && (result.drift?.length ?? 0) > 0),
      applyFailure: selfTest.some((result) => result.stack === "fails-to-apply" && result.error?.startsWith("apply")),
      podSecurity: selfTest.some(
        (result) =>
          result.stack === "breaks-pod-security" &&
          /apply failed: .*PodSecurity|forbidden|violates/.test(result.error ?? ""),
      ),
    };
    const was = (caught: boolean) => (caught ? "was" : "was NOT");
    console.log(
      `\nself-test: a non-empty re-plan ${was(caught.drift)} reported, a failed apply ${was(caught.applyFailure)} reported, ` +
        `a chart breaking PodSecurity restricted ${was(caught.podSecurity)} reported`,
    );

    console.log("\n==> summary");
    for (const line of summaryLines(results)) console.log(line);
    return succeeded(results) && caught.drift && caught.applyFailure && caught.podSecurity ? 0 : 1;
  } finally {
    standIns.close();
  }
}

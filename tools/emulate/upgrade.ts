/**
 * `npm run emulate -- --upgrade-from <git revision>`: proves that deploying this code over an
 * environment deployed from an older revision replaces nothing stateful. It deploys every stack
 * of the environment (GENAI_ENV, default production) as the old revision synthesizes it, then
 * plans and applies this revision's stacks over the same state, with the same emulator, provider
 * and targeting as `npm run emulate`. It reports what moves (moved blocks), what is deleted or
 * replaced, and fails if any deleted resource is of a stateful type (src/aspects/policy/rules.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadEnvironmentConfig } from "../../src/config/load";
import { GLOBAL_STACK_ID } from "../../src/config/schema";
import { STATEFUL_TYPES } from "../../src/aspects/policy/rules";
import { synthesize } from "../../src/synth";
import { type Tools, installAndLoadTools } from "../tools-cache";
import type { KubeCluster } from "./kube";
import { remoteChartsOf, startRegionClusters, workRoot } from "./main";
import { TIMEOUTS, last, prepareStack, terraformEnv } from "./terraform-driver";
import { type StandInRepository, serveStandInCharts } from "./stand-in-charts";
import { type UpgradeChanges, terraformErrors, upgradeChanges } from "./report";
import { EMULATOR_SERVER, createStateBucket, freePort, run, startEmulator, startGuard } from "./run";

const repo = resolve(__dirname, "../..");
const upgradeRoot = join(workRoot, "upgrade");

interface UpgradeResult {
  readonly stack: string;
  readonly changes?: UpgradeChanges;
  readonly error?: string;
}

/** Synthesizes `revision` in a detached worktree sharing this checkout's node_modules. */
async function synthesizeRevision(revision: string, outdir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const tree = join(upgradeRoot, "base-tree");
  await run("git", ["worktree", "remove", "--force", tree], { cwd: repo, env: process.env, timeoutSeconds: 60 });
  const added = await run("git", ["worktree", "add", "--detach", tree, revision], {
    cwd: repo,
    env: process.env,
    timeoutSeconds: 120,
  });
  if (added.code !== 0) throw new Error(`git worktree add ${revision} failed: ${last(added.stderr)}`);
  if (!existsSync(join(tree, "node_modules"))) symlinkSync(join(repo, "node_modules"), join(tree, "node_modules"));
  const synth = await run(process.execPath, ["--import", "tsx", "main.ts"], {
    cwd: tree,
    env: { ...env, CDKTF_OUTDIR: outdir },
    timeoutSeconds: 300,
  });
  if (synth.code !== 0) throw new Error(`synth of ${revision} failed: ${last(synth.stderr || synth.stdout)}`);
}

/** Where the emulated stacks connect: the AWS emulator, each region's Kubernetes API, the stand-in charts. */
interface Emulation {
  readonly endpoint: string;
  readonly clusters: ReadonlyMap<string, KubeCluster>;
  readonly standIns: StandInRepository;
}

const prepareEmulatedStack = (synthStackDir: string, dir: string, tools: Tools, id: string, emulation: Emulation) =>
  prepareStack(
    synthStackDir,
    dir,
    tools,
    id,
    { endpoint: emulation.endpoint, kubernetes: emulation.clusters.get(id) },
    emulation.standIns,
  );

/** Deploys `id` as the old revision wrote it, then plans and applies this revision over it. */
async function upgradeStack(
  tools: Tools,
  env: NodeJS.ProcessEnv,
  emulation: Emulation,
  id: string,
  synthDirs: { base: string; head: string },
): Promise<UpgradeResult> {
  const dir = join(upgradeRoot, "work", id);
  const tf = (args: string[], timeoutSeconds: number) =>
    run(tools.terraform.bin, [...args, "-no-color"], { cwd: dir, env, timeoutSeconds });
  const failed = (step: string, output: { stdout: string; stderr: string }) => ({
    stack: id,
    error: `${step} failed: ${terraformErrors(output.stderr || output.stdout)}`,
  });

  const base = prepareEmulatedStack(join(synthDirs.base, "stacks", id), dir, tools, id, emulation);
  const baseInit = await tf(["init", "-input=false"], TIMEOUTS.init);
  if (baseInit.code !== 0) return failed("init (old revision)", baseInit);
  const baseTargets = base.targets.map((address) => `-target=${address}`);
  const deployed = await tf(
    ["apply", "-auto-approve", "-input=false", "-parallelism=10", ...baseTargets],
    TIMEOUTS.apply,
  );
  if (deployed.code !== 0) return failed("apply (old revision)", deployed);

  // Same state (in the emulator's S3), this revision's configuration.
  const head = prepareEmulatedStack(join(synthDirs.head, "stacks", id), dir, tools, id, emulation);
  const headInit = await tf(["init", "-input=false"], TIMEOUTS.init);
  if (headInit.code !== 0) return failed("init (this revision)", headInit);
  // A targeted plan leaves out what it does not name: the addresses this revision removed (so
  // they are planned for deletion, not silently kept) and the moved blocks' sources (Terraform
  // refuses to plan a move otherwise). Addresses both revisions have keep this revision's
  // targeting: targeting one this revision leaves out would drag its dependencies in.
  const movedFrom = ((head.document as { moved?: { from: string }[] }).moved ?? []).map((move) => move.from);
  const configured = new Set(
    Object.entries(head.document.resource ?? {}).flatMap(([type, blocks]) =>
      Object.keys(blocks as object).map((name) => `${type}.${name}`),
    ),
  );
  const removed = base.targets.filter((address) => !configured.has(address));
  const headTargets = [...new Set([...head.targets, ...removed, ...movedFrom])].map((address) => `-target=${address}`);
  const planned = await tf(["plan", "-input=false", "-out=upgrade.tfplan", ...headTargets], TIMEOUTS.plan);
  if (planned.code !== 0) return failed("plan (this revision)", planned);
  const shown = await tf(["show", "-json", "upgrade.tfplan"], TIMEOUTS.plan);
  const changes = upgradeChanges(shown.stdout, STATEFUL_TYPES);
  const applied = await tf(
    ["apply", "-auto-approve", "-input=false", "-parallelism=10", "upgrade.tfplan"],
    TIMEOUTS.apply,
  );
  if (applied.code !== 0) return { ...failed("apply (this revision)", applied), changes };
  return { stack: id, changes };
}

async function destroyStack(tools: Tools, env: NodeJS.ProcessEnv, emulation: Emulation, id: string, headDir: string) {
  const dir = join(upgradeRoot, "work", id);
  const head = prepareEmulatedStack(join(headDir, "stacks", id), dir, tools, id, emulation);
  await run(tools.terraform.bin, ["init", "-input=false", "-no-color"], {
    cwd: dir,
    env,
    timeoutSeconds: TIMEOUTS.init,
  });
  const destroyed = await run(
    tools.terraform.bin,
    ["destroy", "-auto-approve", "-input=false", "-no-color", ...head.targets.map((address) => `-target=${address}`)],
    { cwd: dir, env, timeoutSeconds: TIMEOUTS.destroy },
  );
  console.log(`${id}: ${destroyed.code === 0 ? "destroyed" : `destroy FAILED: ${terraformErrors(destroyed.stderr)}`}`);
}

function report(result: UpgradeResult): void {
  const { changes } = result;
  if (changes !== undefined) {
    const { create, update, delete: deleted } = changes.counts;
    console.log(
      `${result.stack}: ${changes.moved.length} moved, ${create} to create, ${update} to update, ${deleted} to delete ` +
        `(stateful: ${changes.statefulDeleted.length === 0 ? "none" : changes.statefulDeleted.join(", ")})`,
    );
    for (const move of changes.moved) console.log(`    moved   ${move}`);
    for (const address of changes.deleted) console.log(`    deleted ${address}`);
  }
  if (result.error !== undefined) console.log(`${result.stack}: ${result.error}`);
}

/** The upgrade check from `baseRevision` to the working tree; returns the exit code. */
export async function upgradeCheck(baseRevision: string): Promise<number> {
  const tools = installAndLoadTools();
  rmSync(upgradeRoot, { recursive: true, force: true });
  mkdirSync(upgradeRoot, { recursive: true });
  const { config } = loadEnvironmentConfig(process.env);
  if (config.state.backend !== "s3") throw new Error("the upgrade check needs the s3 state backend");
  const environment = { ...process.env, GENAI_ENV: config.name };
  const synthDirs = { base: join(upgradeRoot, "synth-base"), head: join(upgradeRoot, "synth-head") };
  await synthesizeRevision(baseRevision, synthDirs.base, environment);
  if (synthesize({ ...environment, CDKTF_OUTDIR: synthDirs.head }, console).exitCode !== 0) {
    throw new Error(`synth of ${config.name} failed`);
  }

  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const emulator = await startEmulator(tools.emulator.python, EMULATOR_SERVER, port);
  const guard = await startGuard(port);
  const standIns = await serveStandInCharts(
    tools.helm.bin,
    join(upgradeRoot, "stand-in-charts"),
    remoteChartsOf([synthDirs.base, synthDirs.head]),
  );
  const clusters = await startRegionClusters(tools, join(upgradeRoot, "kubernetes"), synthDirs.head, [
    ...readdirSync(join(synthDirs.head, "stacks")),
  ]);
  const emulation = { endpoint, clusters, standIns };
  try {
    console.log(`==> upgrade of ${config.name} from ${baseRevision} to the working tree, emulator on ${endpoint}`);
    await createStateBucket(endpoint, config.state.bucket, config.state.region);
    const env = terraformEnv(tools, guard.port);
    const primary = config.regions.find((region) => region.role === "primary")!.key;
    const others = config.regions.filter((region) => region.key !== primary).map((region) => region.key);
    const results: UpgradeResult[] = [];
    for (const id of [GLOBAL_STACK_ID, primary]) results.push(await upgradeStack(tools, env, emulation, id, synthDirs));
    results.push(...(await Promise.all(others.map((id) => upgradeStack(tools, env, emulation, id, synthDirs)))));
    console.log("\n==> summary");
    for (const result of results) report(result);
    for (const id of [...others, primary, GLOBAL_STACK_ID])
      await destroyStack(tools, env, emulation, id, synthDirs.head);
    const ok = results.every((result) => result.error === undefined && result.changes!.statefulDeleted.length === 0);
    console.log(ok ? "\nupgrade: nothing stateful deleted or replaced" : "\nupgrade: FAILED");
    return ok ? 0 : 1;
  } finally {
    guard.close();
    emulator.stop();
    standIns.close();
    for (const cluster of clusters.values()) cluster.stop();
    await run("git", ["worktree", "remove", "--force", join(upgradeRoot, "base-tree")], {
      cwd: repo,
      env: process.env,
      timeoutSeconds: 60,
    });
  }
}

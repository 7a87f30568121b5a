/**
 * `npm run emulate`: applies every stack of every environment (or the one GENAI_ENV/GENAI_CONFIG
 * selects) to an AWS emulator on loopback with the real Terraform and AWS provider, re-plans
 * (it must be empty), destroys in reverse order and checks the emulator holds nothing more than
 * before. It works on copies of the synthesized stacks plus an override file
 * (tools/emulate/overrides.ts); cdktf.out and the product's code are untouched.
 *
 * Order: `global`, the primary region, then the other regions in parallel; destroy reverses it.
 * Resource types the emulator cannot create are left out with their dependants
 * (tools/emulate/targets.ts), and every run prints how many of how many it applied.
 * A self-test (tools/emulate/fixtures/bad-stacks.ts) must fail in both ways a stack can: a plan
 * that is not empty after apply, and an apply that fails.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { environments } from "../../environments";
import { loadEnvironmentConfig } from "../../src/config/load";
import { GLOBAL_STACK_ID } from "../../src/config/schema";
import { synthesize } from "../../src/synth";
import { type Tools, installAndLoadTools } from "../tools-cache";
import { retargetProviderVersions } from "../validate/report";
import { synthEmulatorSelfTest } from "./fixtures/bad-stacks";
import { replicationLinks } from "../../src/replication-links";
import { type StackDocument, deletionProtectedAddresses, emulatorOverride, preventDestroyAddresses } from "./overrides";
import { type StackResult, managedResources, planDrift, succeeded, summaryLines, terraformErrors } from "./report";
import {
  EMULATOR_SERVER,
  LEFTOVERS_SCRIPT,
  createStateBucket,
  emulatorLeftovers,
  freePort,
  run,
  startEmulator,
  startGuard,
} from "./run";
import { targeting } from "./targets";

const repo = resolve(__dirname, "../..");
export const workRoot = join(repo, ".emulate");
/** Seconds each Terraform step may take before it is killed and the run fails. */
export const TIMEOUTS = { init: 180, apply: 1500, plan: 600, destroy: 1500 } as const;

export interface StackPlan {
  readonly id: string;
  readonly dir: string;
  readonly document: StackDocument;
  readonly targets: string[];
  /** Left out, address -> why. */
  readonly excluded: ReadonlyMap<string, string>;
  readonly total: number;
}

/** Copies a synthesized stack (and its assets) into `dir`, with the emulator's override file. */
export function prepareStack(
  synthStackDir: string,
  dir: string,
  tools: Tools,
  endpoint: string,
  id: string,
): StackPlan {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const document = JSON.parse(readFileSync(join(synthStackDir, "cdk.tf.json"), "utf8")) as StackDocument;
  retargetProviderVersions(document as Parameters<typeof retargetProviderVersions>[0], tools.providers);
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(document, null, 2));
  if (existsSync(join(synthStackDir, "assets")))
    cpSync(join(synthStackDir, "assets"), join(dir, "assets"), { recursive: true });
  writeFileSync(
    join(dir, "emulator_override.tf.json"),
    JSON.stringify(emulatorOverride(document, { endpoint }), null, 2),
  );
  const { targets, excluded } = targeting(document);
  const total = targets.length + excluded.size;
  return { id, dir, document, targets, excluded, total };
}

export function terraformEnv(tools: Tools, guardPort: number): NodeJS.ProcessEnv {
  const proxy = `http://127.0.0.1:${guardPort}`;
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: tools.cliConfigFile,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    AWS_ACCESS_KEY_ID: "emulated",
    AWS_SECRET_ACCESS_KEY: "emulated",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_MAX_ATTEMPTS: "2",
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    http_proxy: proxy,
    https_proxy: proxy,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
}

export const last = (text: string, lines = 15) => text.trim().split("\n").slice(-lines).join("\n");

/** Apply, state count, re-plan; fills a result (destroy comes later, in reverse order). */
async function deployStack(
  tools: Tools,
  env: NodeJS.ProcessEnv,
  plan: StackPlan,
  environment: string,
): Promise<StackResult> {
  const started = Date.now();
  const tf = (args: string[], timeoutSeconds: number) =>
    run(tools.terraform.bin, [...args, "-no-color"], { cwd: plan.dir, env, timeoutSeconds });
  const targetArgs = plan.targets.map((address) => `-target=${address}`);
  const result: { -readonly [K in keyof StackResult]: StackResult[K] } = {
    environment,
    stack: plan.id,
    total: plan.total,
    applied: plan.targets.length,
    excluded: plan.excluded,
    created: 0,
    seconds: 0,
  };
  const fail = (step: string, output: { stdout: string; stderr: string; timedOut: boolean }) => {
    result.error = `${step}${output.timedOut ? " timed out" : " failed"}: ${terraformErrors(output.stderr || output.stdout)}`;
  };
  const init = await tf(["init", "-input=false"], TIMEOUTS.init);
  if (init.code !== 0) fail("init", init);
  else {
    const apply = await tf(
      ["apply", "-auto-approve", "-input=false", "-parallelism=10", ...targetArgs],
      TIMEOUTS.apply,
    );
    if (apply.code !== 0) fail("apply", apply);
    const state = await tf(["show", "-json"], TIMEOUTS.plan);
    result.created = managedResources(state.stdout).length;
    if (apply.code === 0) {
      const planned = await tf(
        ["plan", "-input=false", "-detailed-exitcode", "-out=replan.tfplan", ...targetArgs],
        TIMEOUTS.plan,
      );
      if (planned.code === 1) fail("plan", planned);
      else {
        const shown = await tf(["show", "-json", "replan.tfplan"], TIMEOUTS.plan);
        result.drift = planDrift(shown.stdout);
      }
    }
  }
  result.seconds = (Date.now() - started) / 1000;
  const drift =
    result.drift === undefined
      ? ""
      : result.drift.length === 0
        ? ", plan empty"
        : `, plan NOT empty: ${result.drift.map((change) => `${change.address} (${change.attributes.join(", ")})`).join("; ")}`;
  console.log(`${environment}/${plan.id}: ${result.error ?? `${result.created} created${drift}`}`);
  return result;
}

export async function destroyStack(
  tools: Tools,
  env: NodeJS.ProcessEnv,
  plan: StackPlan,
  result: StackResult,
): Promise<StackResult> {
  const started = Date.now();
  // Targeted like the apply: an untargeted destroy refreshes the whole configuration first, the
  // excluded Helm releases included (their charts would be downloaded).
  const targetArgs = plan.targets.map((address) => `-target=${address}`);
  const destroy = await run(
    tools.terraform.bin,
    ["destroy", "-auto-approve", "-input=false", "-no-color", ...targetArgs],
    {
      cwd: plan.dir,
      env,
      timeoutSeconds: TIMEOUTS.destroy,
    },
  );
  const state = await run(tools.terraform.bin, ["show", "-json", "-no-color"], {
    cwd: plan.dir,
    env,
    timeoutSeconds: TIMEOUTS.plan,
  });
  const remaining = managedResources(state.stdout).length;
  const error =
    destroy.code === 0
      ? result.error
      : [
          result.error,
          `destroy ${destroy.timedOut ? "timed out" : "failed"}: ${terraformErrors(destroy.stderr || destroy.stdout)}`,
        ]
          .filter(Boolean)
          .join("; ");
  console.log(
    `${result.environment}/${plan.id}: ${destroy.code === 0 ? "destroyed" : `destroy FAILED: ${terraformErrors(destroy.stderr || destroy.stdout)}`}`,
  );
  return {
    ...result,
    destroyed: destroy.code === 0 && remaining === 0,
    leftovers: remaining,
    seconds: result.seconds + (Date.now() - started) / 1000,
    ...(error === undefined ? {} : { error }),
  };
}

/** One environment (or the self-test) from synthesis to leftovers. */
async function emulateEnvironment(
  tools: Tools,
  name: string,
  synthDir: string,
  order: { first: string[]; then: string[]; last?: string[] },
  regions: readonly string[],
  stateBucket?: { bucket: string; region: string },
): Promise<StackResult[]> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const emulator = await startEmulator(tools.emulator.python, EMULATOR_SERVER, port);
  const guard = await startGuard(port);
  try {
    console.log(`\n==> ${name}: emulator on ${endpoint}, guard on 127.0.0.1:${guard.port}`);
    if (stateBucket !== undefined) await createStateBucket(endpoint, stateBucket.bucket, stateBucket.region);
    const env = terraformEnv(tools, guard.port);
    const plans = new Map(
      [...order.first, ...order.then, ...(order.last ?? [])].map((id) => [
        id,
        prepareStack(join(synthDir, "stacks", id), join(workRoot, name, id), tools, endpoint, id),
      ]),
    );
    for (const plan of plans.values()) {
      const lifted = [
        [preventDestroyAddresses(plan.document).length, "prevent_destroy"],
        [deletionProtectedAddresses(plan.document).size, "deletion protection"],
      ]
        .filter(([count]) => (count as number) > 0)
        .map(([count, what]) => `${what} lifted on ${count}`);
      console.log(
        `${name}/${plan.id}: applying ${plan.targets.length} of ${plan.total} resources` +
          (lifted.length > 0 ? ` (${lifted.join(", ")}, in the emulation copy only)` : ""),
      );
    }
    const results = new Map<string, StackResult>();
    const deploy = async (id: string) => results.set(id, await deployStack(tools, env, plans.get(id)!, name));
    const destroy = async (id: string) =>
      results.set(id, await destroyStack(tools, env, plans.get(id)!, results.get(id)!));
    for (const id of order.first) await deploy(id);
    await Promise.all(order.then.map(deploy));
    // Stacks that read what the regional stacks made (replication links) run after all of them.
    for (const id of order.last ?? []) await deploy(id);
    for (const id of [...(order.last ?? [])].reverse()) await destroy(id);
    await Promise.all(order.then.map(destroy));
    for (const id of [...order.first].reverse()) await destroy(id);

    if (guard.refused.length > 0) console.log(`${name}: the guard refused ${[...new Set(guard.refused)].join(", ")}`);
    // Everything is destroyed by now: whatever the emulator holds besides the state bucket was
    // left behind (counted on the environment's first stack).
    const held = await emulatorLeftovers(tools.emulator.python, LEFTOVERS_SCRIPT, endpoint, stateBucket?.bucket ?? "", [
      ...new Set([...regions, "us-east-1"]),
    ]);
    if (held.length > 0) console.log(`${name}: the emulator still holds: ${held.join("; ")}`);
    const first = [...order.first, ...order.then][0];
    return [...results.values()].map((result) =>
      result.stack === first ? { ...result, leftovers: (result.leftovers ?? 0) + held.length } : result,
    );
  } finally {
    guard.close();
    emulator.stop();
    mkdirSync(join(workRoot, name), { recursive: true });
    writeFileSync(join(workRoot, name, "emulator.log"), emulator.log());
  }
}

/** Emulates every selected environment, then the self-test; returns the exit code. */
export async function main(): Promise<number> {
  const tools = installAndLoadTools();
  rmSync(workRoot, { recursive: true, force: true });
  const selected =
    process.env.GENAI_CONFIG || process.env.GENAI_ENV ? [undefined] : Object.keys(environments).map((name) => name);
  // Environments run side by side, each with its own emulator: most of a deploy is waiting.
  const perEnvironment = await Promise.all(
    selected.map(async (name) => {
      const env = { ...process.env, ...(name === undefined ? {} : { GENAI_CONFIG: "", GENAI_ENV: name }) };
      const config = loadEnvironmentConfig(env).config;
      const outdir = join(workRoot, "synth", config.name);
      const quiet = { error: console.error, warn: () => undefined };
      if (synthesize({ ...env, CDKTF_OUTDIR: outdir }, quiet).exitCode !== 0)
        throw new Error(`synth of ${config.name} failed`);
      if (config.state.backend !== "s3") throw new Error("npm run emulate needs the s3 state backend");
      const primary = config.regions.find((region) => region.role === "primary")!.key;
      const others = config.regions.filter((region) => region.key !== primary).map((region) => region.key);
      return emulateEnvironment(
        tools,
        config.name,
        outdir,
        { first: [GLOBAL_STACK_ID, primary], then: others, last: replicationLinks(config).map((link) => link.stackId) },
        config.regions.map((region) => region.awsRegion),
        { bucket: config.state.bucket, region: config.state.region },
      );
    }),
  );
  const results = perEnvironment.flat();

  // Self-test: both failures must be seen as failures.
  const selfTestDir = join(workRoot, "synth", "selftest");
  const ids = synthEmulatorSelfTest(selfTestDir);
  const selfTest = await emulateEnvironment(tools, "selftest", selfTestDir, { first: [], then: ids }, ["ap-east-2"]);
  const caught = {
    drift: selfTest.some((result) => result.stack === "drifts" && (result.drift?.length ?? 0) > 0),
    applyFailure: selfTest.some((result) => result.stack === "fails-to-apply" && result.error?.startsWith("apply")),
  };
  console.log(
    `\nself-test: a non-empty re-plan ${caught.drift ? "was" : "was NOT"} reported, a failed apply ${caught.applyFailure ? "was" : "was NOT"} reported`,
  );

  console.log("\n==> summary");
  for (const line of summaryLines(results)) console.log(line);
  return succeeded(results) && caught.drift && caught.applyFailure ? 0 : 1;
}

/**
 * The emulation's own Terraform runs of one environment: each synthesized stack is copied with its
 * override file (overrides.ts) and applied with one `-target` per resource it can apply
 * (targets.ts), re-planned with `-detailed-exitcode` (it must be empty) and destroyed in reverse
 * order. Where a stack has a Kubernetes API (kube.ts), every HPA-scaled Deployment must have the
 * HPA's minimum of pods Ready after the apply.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Tools } from "../tools-cache";
import { retargetProviderVersions } from "../validate/report";
import { type KubeCluster, hpaReadiness, podSecurityRefusals } from "./kube";
import {
  type EmulatorOverrideOptions,
  type StackDocument,
  deletionProtectedAddresses,
  emulatorOverride,
  preventDestroyAddresses,
} from "./overrides";
import { type StackResult, managedResources, planDrift, terraformErrors } from "./report";
import { run } from "./run";
import { type StandInRepository, remoteCharts } from "./stand-in-charts";
import { targeting } from "./targets";

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
  /** Of the targets, the Helm releases installed from a stand-in chart. */
  readonly standIns: number;
}

export const readStack = (synthStackDir: string) =>
  JSON.parse(readFileSync(join(synthStackDir, "cdk.tf.json"), "utf8")) as StackDocument;

/** Copies a synthesized stack (and its assets) into `dir`, with the emulator's override file. */
export function prepareStack(
  synthStackDir: string,
  dir: string,
  tools: Tools,
  id: string,
  connections: Omit<EmulatorOverrideOptions, "chartRepositories" | "providerVersions">,
  standIns?: StandInRepository,
): StackPlan {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const document = readStack(synthStackDir);
  retargetProviderVersions(document as Parameters<typeof retargetProviderVersions>[0], tools.providers);
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(document, null, 2));
  if (existsSync(join(synthStackDir, "assets")))
    cpSync(join(synthStackDir, "assets"), join(dir, "assets"), { recursive: true });
  const { targets, excluded } = targeting(document);
  const chartRepositories = standInRepositories(document, standIns);
  writeFileSync(
    join(dir, "emulator_override.tf.json"),
    JSON.stringify(emulatorOverride(document, { ...connections, chartRepositories }), null, 2),
  );
  const total = targets.length + excluded.size;
  const standInCount = targets.filter((address) => chartRepositories.has(address)).length;
  return { id, dir, document, targets, excluded, total, standIns: standInCount };
}

/** `helm_release.<name>` -> the loopback repository of its stand-in, for each release from a remote repository. */
export function standInRepositories(document: StackDocument, standIns?: StandInRepository): Map<string, string> {
  const remote = remoteCharts(document);
  if (remote.size > 0 && standIns === undefined)
    throw new Error(`${[...remote.keys()].join(", ")}: charts from remote repositories need the stand-in repository`);
  return new Map([...remote].map(([address, chart]) => [address, standIns!.url(chart.repository)]));
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

/**
 * An HPA's Deployment must start at the HPA's minimum (not at one pod) and have that many pods
 * Ready. Prints what it found; returns an error when a count differs.
 */
export async function readinessError(cluster: KubeCluster, label: string): Promise<string | undefined> {
  const found = await hpaReadiness(cluster);
  for (const { deployment, replicas, ready, minimum } of found)
    console.log(`${label}: ${deployment}: ${replicas} replicas, ${ready} Ready, its HPA's minimum is ${minimum}`);
  const wrong = found.filter(({ replicas, ready, minimum }) => replicas !== minimum || ready !== minimum);
  return wrong.length === 0
    ? undefined
    : `readiness: ${wrong.map(({ deployment, replicas, ready, minimum }) => `${deployment} ${replicas} replicas, ${ready} Ready, HPA minimum ${minimum}`).join("; ")}`;
}

/** Apply, state count, re-plan; fills a result (destroy comes later, in reverse order). */
async function deployStack(
  tools: Tools,
  env: NodeJS.ProcessEnv,
  plan: StackPlan,
  environment: string,
  cluster?: KubeCluster,
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
    standIns: plan.standIns,
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
    if (apply.code !== 0) {
      fail("apply", apply);
      // Helm's wait only times out; the cluster's events say why no pod was created.
      const refused = cluster === undefined ? [] : await podSecurityRefusals(cluster);
      if (refused.length > 0) result.error += `; PodSecurity refused pods: ${refused.join("; ")}`;
    } else if (cluster !== undefined) result.error = await readinessError(cluster, `${environment}/${plan.id}`);
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

/** The emulation's own Terraform runs: targeted apply, re-plan, destroy in reverse order. */
export async function deployWithTerraform(
  tools: Tools,
  env: NodeJS.ProcessEnv,
  name: string,
  synthDir: string,
  workDir: string,
  order: { first: string[]; then: string[]; last?: string[] },
  endpoint: string,
  clusters: ReadonlyMap<string, KubeCluster>,
  standIns: StandInRepository,
): Promise<StackResult[]> {
  const ids = [...order.first, ...order.then, ...(order.last ?? [])];
  const plans = new Map(
    ids.map((id) => [
      id,
      prepareStack(
        join(synthDir, "stacks", id),
        join(workDir, id),
        tools,
        id,
        { endpoint, kubernetes: clusters.get(id) },
        standIns,
      ),
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
    if (plan.standIns > 0)
      console.log(
        `${name}/${plan.id}: ${plan.standIns} Helm releases install a STAND-IN chart (remote repository out of reach)`,
      );
  }
  const results = new Map<string, StackResult>();
  const deploy = async (id: string) =>
    results.set(id, await deployStack(tools, env, plans.get(id)!, name, clusters.get(id)));
  const destroy = async (id: string) =>
    results.set(id, await destroyStack(tools, env, plans.get(id)!, results.get(id)!));
  for (const id of order.first) await deploy(id);
  await Promise.all(order.then.map(deploy));
  // Stacks that read what the regional stacks made (replication links) run after all of them.
  for (const id of order.last ?? []) await deploy(id);
  for (const id of [...(order.last ?? [])].reverse()) await destroy(id);
  await Promise.all(order.then.map(destroy));
  for (const id of [...order.first].reverse()) await destroy(id);

  return [...results.values()];
}

/**
 * The users' own commands against the emulators, for one environment: the stacks `npx cdktf synth`
 * wrote are deployed with `npx cdktf deploy global`, then `npx cdktf deploy taipei tokyo
 * replication-tokyo` (one command, as the README tells operators); `npx cdktf diff` of each stack
 * must show no changes; `npx cdktf destroy` takes them down in reverse order. The emulator's
 * override file is put beside each synthesized `cdk.tf.json` after synth (Terraform merges
 * `*_override.tf.json`); the product's code and its JSON are untouched. State is in the emulated
 * S3 backend. Nothing can be left out here: cdktf deploys a stack whole.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Tools } from "../tools-cache";
import type { KubeCluster } from "./kube";
import {
  type EmulatorOverrideOptions,
  deletionProtectedAddresses,
  emulatorOverride,
  preventDestroyAddresses,
} from "./overrides";
import { type StackResult, managedResources, planDrift, terraformErrors } from "./report";
import { type RunResult, run } from "./run";
import { targeting } from "./targets";

const repo = resolve(__dirname, "../..");
/** Seconds each cdktf command may take (a command may deploy several stacks side by side). */
const TIMEOUT_SECONDS = 1800;
const NO_CHANGES = /No changes\. Your infrastructure matches the configuration\./;

export interface WorkflowStack {
  readonly id: string;
  readonly document: Parameters<typeof emulatorOverride>[0];
  readonly connections: Omit<EmulatorOverrideOptions, "providerVersions">;
  readonly standIns: number;
  readonly cluster?: KubeCluster;
}

export interface WorkflowInput {
  readonly tools: Tools;
  /** Terraform's environment for the emulators (credentials, guard proxy, CLI config). */
  readonly env: NodeJS.ProcessEnv;
  readonly environment: string;
  /** The output directory of `cdktf synth` (with manifest.json). */
  readonly synthDir: string;
  /** Deploy order: each group is one `cdktf deploy` command. */
  readonly groups: readonly (readonly string[])[];
  readonly stacks: ReadonlyMap<string, WorkflowStack>;
  /** Prints the ready count of HPA-scaled Deployments; an error when one differs from the minimum. */
  readonly readiness: (cluster: KubeCluster, label: string) => Promise<string | undefined>;
}

/** The command line the run shows for a cdktf call. */
export const cdktfCommand = (verb: string, ids: readonly string[]) =>
  `npx cdktf ${verb} ${ids.join(" ")} --skip-synth --skip-provider-lock`;

/** Deploys, diffs and destroys every stack with cdktf; one result per stack. */
export async function driveWithCdktf(input: WorkflowInput): Promise<StackResult[]> {
  const { tools, synthDir, environment } = input;
  const providerVersions = Object.fromEntries(
    tools.providers.map((provider) => [provider.name, provider.builtVersion]),
  );
  const stackDir = (id: string) => join(synthDir, "stacks", id);
  const results = new Map<string, { -readonly [K in keyof StackResult]: StackResult[K] }>();
  for (const [id, stack] of input.stacks) {
    const { targets, excluded } = targeting(stack.document);
    if (excluded.size > 0)
      throw new Error(
        `${environment}/${id}: cdktf deploys a stack whole, but ${excluded.size} resources would be left out`,
      );
    writeFileSync(
      join(stackDir(id), "emulator_override.tf.json"),
      JSON.stringify(emulatorOverride(stack.document, { ...stack.connections, providerVersions }), null, 2),
    );
    const lifted = preventDestroyAddresses(stack.document).length + deletionProtectedAddresses(stack.document).size;
    console.log(
      `${environment}/${id}: ${targets.length} resources` +
        (lifted > 0 ? `, destroy protection lifted on ${lifted} (override file only)` : "") +
        (stack.standIns > 0
          ? `; ${stack.standIns} Helm releases install a STAND-IN chart (remote repository out of reach)`
          : ""),
    );
    results.set(id, {
      environment,
      stack: id,
      total: targets.length,
      applied: targets.length,
      standIns: stack.standIns,
      excluded: new Map(),
      created: 0,
      seconds: 0,
    });
  }
  const env = { ...input.env, TERRAFORM_BINARY_NAME: tools.terraform.bin, CI: "1", FORCE_COLOR: "0" };
  const cdktf = async (verb: string, ids: readonly string[], extra: string[] = []): Promise<RunResult> => {
    console.log(`${environment}: ${cdktfCommand(verb, ids)}`);
    const started = Date.now();
    // --skip-provider-lock: the providers come from the installer's filesystem mirror, and
    // `terraform providers lock` (which cdktf runs otherwise) asks the public registry for hashes.
    const flags = ["--skip-synth", "--skip-provider-lock", "--output", synthDir];
    const outcome = await run("npx", ["cdktf", verb, ...ids, ...flags, ...extra], {
      cwd: repo,
      env,
      timeoutSeconds: TIMEOUT_SECONDS,
    });
    for (const id of ids) results.get(id)!.seconds += (Date.now() - started) / 1000;
    return outcome;
  };
  const terraform = (id: string, args: string[]) =>
    run(tools.terraform.bin, [...args, "-no-color"], { cwd: stackDir(id), env: input.env, timeoutSeconds: 600 });
  const stateCount = async (id: string) => managedResources((await terraform(id, ["show", "-json"])).stdout).length;
  const failure = (verb: string, outcome: RunResult) =>
    `${verb}${outcome.timedOut ? " timed out" : " failed"}: ${terraformErrors(outcome.stderr + outcome.stdout)}`;
  const addError = (id: string, error: string) => {
    const result = results.get(id)!;
    result.error = result.error === undefined ? error : `${result.error}; ${error}`;
  };

  const deployed: string[] = [];
  const notApplied = new Set<string>();
  for (const group of input.groups) {
    const outcome = await cdktf("deploy", group, ["--auto-approve"]);
    for (const id of group) {
      results.get(id)!.created = await stateCount(id);
      if (outcome.code !== 0) {
        addError(id, failure("apply (cdktf deploy)", outcome));
        notApplied.add(id);
      }
      const cluster = input.stacks.get(id)!.cluster;
      if (outcome.code === 0 && cluster !== undefined) {
        const error = await input.readiness(cluster, `${environment}/${id}`);
        if (error !== undefined) addError(id, error);
      }
    }
    deployed.push(...group);
    if (outcome.code !== 0) break;
  }
  const diff = async (id: string) => {
    const outcome = await cdktf("diff", [id]);
    if (outcome.code !== 0) addError(id, failure("plan (cdktf diff)", outcome));
    else if (NO_CHANGES.test(outcome.stdout)) results.get(id)!.drift = [];
    else {
      // cdktf diff shows changes: Terraform's JSON plan says which attributes. Changes it does
      // not find still count: cdktf said the plan is not empty.
      await terraform(id, ["plan", "-input=false", "-out=replan.tfplan"]);
      const drift = planDrift((await terraform(id, ["show", "-json", "replan.tfplan"])).stdout);
      results.get(id)!.drift =
        drift.length > 0 ? drift : [{ address: `${id} (cdktf diff)`, actions: ["changes shown"], attributes: [] }];
    }
    console.log(
      `${environment}/${id}: cdktf diff ${results.get(id)!.drift?.length === 0 ? "shows no changes" : "shows CHANGES"}`,
    );
  };
  for (const id of deployed.filter((id) => !notApplied.has(id))) await diff(id);
  for (const group of [...input.groups].reverse()) {
    const ids = group.filter((id) => deployed.includes(id));
    if (ids.length === 0) continue;
    const outcome = await cdktf("destroy", ids, ["--auto-approve"]);
    for (const id of ids) {
      const remaining = await stateCount(id);
      const result = results.get(id)!;
      result.destroyed = outcome.code === 0 && remaining === 0;
      result.leftovers = remaining;
      if (outcome.code !== 0) addError(id, failure("destroy (cdktf destroy)", outcome));
      console.log(`${environment}/${id}: ${result.destroyed ? "destroyed" : "destroy FAILED"}`);
    }
  }
  return [...results.values()];
}

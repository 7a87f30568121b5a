/**
 * The scratch tree of npm run validate (.validate/, not committed) and the processes run in it:
 * copies of the synthesized stacks retargeted at the built providers, their HCL renderings, and
 * `terraform init && validate` over them.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROVIDER_SHAPES, renderHcl } from "../hcl";
import type { Tools } from "../tools-cache";
import {
  checkovInput,
  retargetProviderVersions,
  unbuiltProviderErrors,
  validateErrors,
  withoutProviders,
} from "./report";

export const REPO = resolve(__dirname, "../..");
/** Stacks whose blocks of an unbuilt provider were left out of terraform validate, and how many. */
export const unvalidatedBlocks = new Map<string, string>();
export const WORK_ROOT = join(REPO, ".validate");
/** The group (and id prefix) of the self-test stacks: `selftest/<fixture>`. */
export const SELF_TEST = "selftest";

export interface RunOutput {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion, collecting its output. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunOutput> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** `work` over every item, at most `size` at a time. */
export async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * Copies every synthesized stack into .validate/work/<group>/<stack>, retargeted at the built
 * providers, the copy checkov reads into .validate/checkov/<group>/<stack> ({@link checkovInput}),
 * and (with `hcl`) its HCL rendering into .validate/hcl/<group>/<stack>, both without the blocks
 * of a provider that could not be built ({@link unvalidatedBlocks}). Returns the stack ids
 * (`<group>/<stack>`); each retargeted constraint is added to `notes`.
 */
export function prepareWorkDirs(
  synthDir: string,
  group: string,
  tools: Tools,
  notes: Set<string>,
  hcl = false,
): string[] {
  const ids: string[] = [];
  for (const stack of readdirSync(join(synthDir, "stacks"))) {
    const id = `${group}/${stack}`;
    const target = join(WORK_ROOT, "work", group, stack);
    mkdirSync(target, { recursive: true });
    const synthesized = JSON.parse(readFileSync(join(synthDir, "stacks", stack, "cdk.tf.json"), "utf8"));
    for (const note of retargetProviderVersions(synthesized, tools.providers)) notes.add(note);
    const checkovTarget = join(WORK_ROOT, "checkov", group, stack);
    mkdirSync(checkovTarget, { recursive: true });
    writeFileSync(join(checkovTarget, "cdk.tf.json"), JSON.stringify(checkovInput(synthesized), null, 2));
    // Blocks of a provider that could not be built are left out of terraform validate and the HCL
    // rendering (their schema is unknown), and the summary says how many.
    const unbuilt = (tools.unavailableProviders ?? []).filter(
      (provider) => unbuiltProviderErrors(synthesized, [provider]).length > 0,
    );
    const { document, removed } = withoutProviders(
      synthesized,
      unbuilt.map((provider) => provider.name),
    );
    if (removed > 0) {
      unvalidatedBlocks.set(
        id,
        `${removed} blocks of provider ${unbuilt.map((provider) => `${provider.name} ${provider.version}`).join(", ")} ` +
          "not validated by terraform (not built: the Go module proxy does not serve it); checkov still read them",
      );
    }
    writeFileSync(join(target, "cdk.tf.json"), JSON.stringify(document, null, 2));
    if (hcl) {
      mkdirSync(join(WORK_ROOT, "hcl", group, stack), { recursive: true });
      writeFileSync(
        join(WORK_ROOT, "hcl", group, stack, "main.tf"),
        renderHcl(document as Parameters<typeof renderHcl>[0], PROVIDER_SHAPES),
      );
    }
    ids.push(id);
  }
  return ids;
}

/** `init -backend=false` and `validate` in .validate/<root>/<id>; returns the errors. */
export async function terraformValidate(tools: Tools, id: string, root: "work" | "hcl" = "work"): Promise<string[]> {
  const cwd = join(WORK_ROOT, root, id);
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: tools.cliConfigFile,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
  };
  const init = await run(tools.terraform.bin, ["init", "-backend=false", "-input=false", "-no-color"], { cwd, env });
  if (init.code !== 0) return [`init failed: ${(init.stderr || init.stdout).trim()}`];
  const validate = await run(tools.terraform.bin, ["validate", "-json", "-no-color"], { cwd, env });
  const errors = validateErrors(validate.stdout);
  return validate.code !== 0 && errors.length === 0 ? [validate.stderr.trim()] : errors;
}

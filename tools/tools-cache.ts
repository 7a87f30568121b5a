/**
 * The validators' cache: where scripts/install-validators.sh puts the real tools (Terraform or
 * OpenTofu, the built providers, checkov, kubernetes-validate, helm, moto) and the tools.json it
 * writes at the end of a full run. The one place the tooling reads it from.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** A provider built from its Go module into the cache's filesystem mirror. */
export interface ProviderRecord {
  readonly name: string;
  /** The Go module it was built from, and the pseudo-version the module proxy served. */
  readonly module: string;
  readonly pseudoVersion: string;
  /** The release that pseudo-version contains: what the validated copies are pointed at. */
  readonly builtVersion: string;
  /** The version our @cdktf/provider-* bindings pin. */
  readonly pinnedVersion: string;
}

/**
 * A provider the install could not have: the Go module proxy refused its module at that version
 * (only providers no shipped environment needs may be missing; see OPTIONAL_PROVIDERS in the script).
 */
export interface UnavailableProvider {
  readonly name: string;
  readonly module: string;
  /** The provider release that was wanted (`0.71.0`). */
  readonly version: string;
  /** The proxy's answer, naming the module version asked for. */
  readonly reason: string;
}

/** tools.json, as scripts/install-validators.sh (write_manifest) writes it. */
export interface Tools {
  readonly terraform: { readonly bin: string; readonly name: string };
  /** A Terraform CLI config whose filesystem mirror serves the built providers. */
  readonly cliConfigFile: string;
  readonly providers: readonly ProviderRecord[];
  /** Absent from a tools.json written before the script knew optional providers. */
  readonly unavailableProviders?: readonly UnavailableProvider[];
  readonly checkov: { readonly bin: string; readonly version: string };
  readonly kubernetesValidate: { readonly bin: string; readonly version: string };
  /** The Python of moto's virtual environment (the emulator of npm run emulate). */
  readonly emulator: { readonly python: string; readonly version: string };
  readonly helm: { readonly bin: string; readonly version: string };
  /**
   * The Kubernetes API npm run emulate starts per emulated region: `dir` holds kube-apiserver,
   * kube-controller-manager, kube-scheduler, kine, kwok and kwok-stages.yaml.
   */
  readonly kubernetes: {
    readonly dir: string;
    readonly version: string;
    readonly kine: string;
    readonly kwok: string;
  };
}

export const INSTALL_SCRIPT = resolve(__dirname, "../scripts/install-validators.sh");

/**
 * The cache directory, as the install script computes it:
 * GENAI_TOOLS_CACHE, else $XDG_CACHE_HOME/genai-demo, else ~/.cache/genai-demo (empty values count as unset).
 */
export function toolsCache(env: NodeJS.ProcessEnv = process.env): string {
  return env.GENAI_TOOLS_CACHE || join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache"), "genai-demo");
}

/** The path of tools.json in the cache. */
export function toolsManifest(env: NodeJS.ProcessEnv = process.env): string {
  return join(toolsCache(env), "tools.json");
}

/** Reads tools.json; throws an error that says how to make it when it is missing or unreadable. */
export function loadTools(env: NodeJS.ProcessEnv = process.env): Tools {
  const file = toolsManifest(env);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} not found: run scripts/install-validators.sh (or npm run validate) first`);
  }
  try {
    return JSON.parse(text) as Tools;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): run scripts/install-validators.sh again`);
  }
}

/**
 * Runs scripts/install-validators.sh (idempotent; cached parts are skipped). With `parts`
 * (terraform, providers, python, helm, kubernetes) only those are installed and tools.json is not rewritten.
 */
export function installTools(parts: readonly string[] = []): void {
  const install = spawnSync("bash", [INSTALL_SCRIPT, ...parts], { stdio: "inherit" });
  if (install.status !== 0) {
    const command = ["scripts/install-validators.sh", ...parts].join(" ");
    throw new Error(`installing the validators failed (${command})`);
  }
}

/** Installs what is missing, then reads tools.json: what npm run validate and npm run emulate start with. */
export function installAndLoadTools(): Tools {
  installTools();
  return loadTools();
}

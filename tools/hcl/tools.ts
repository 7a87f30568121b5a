import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Tools, loadTools } from "../tools-cache";
import type { ProvidersSchemaJson } from "./shapes";

/** The part of tools.json (scripts/install-validators.sh) used here. */
export interface ValidatorTools {
  readonly terraform: Tools["terraform"];
  readonly cliConfigFile: string;
  readonly providers: readonly Pick<Tools["providers"][number], "name" | "builtVersion">[];
}

/** The validators' terraform, or else a `terraform` on PATH (enough for `fmt`, which needs no providers). */
export function terraformForFormatting(): ValidatorTools {
  try {
    return loadTools();
  } catch (error) {
    const onPath = spawnSync("terraform", ["version"], { encoding: "utf8" });
    if (onPath.status !== 0) throw error;
    return { terraform: { bin: "terraform", name: "terraform (PATH)" }, cliConfigFile: "", providers: [] };
  }
}

function terraform(tools: ValidatorTools, args: string[], cwd: string): string {
  const result = spawnSync(tools.terraform.bin, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      ...(tools.cliConfigFile === "" ? {} : { TF_CLI_CONFIG_FILE: tools.cliConfigFile }),
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
    },
  });
  if (result.status !== 0) throw new Error(`${tools.terraform.name} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

/** The real providers' schemas, from `terraform providers schema -json` with the built providers. */
export function providersSchema(tools: ValidatorTools): ProvidersSchemaJson {
  const dir = mkdtempSync(join(tmpdir(), "genai-schema-"));
  try {
    const required = Object.fromEntries(
      tools.providers.map((provider) => [
        provider.name,
        { source: `hashicorp/${provider.name}`, version: provider.builtVersion },
      ]),
    );
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform: { required_providers: required } }));
    terraform(tools, ["init", "-backend=false", "-input=false", "-no-color"], dir);
    return JSON.parse(terraform(tools, ["providers", "schema", "-json"], dir)) as ProvidersSchemaJson;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `terraform fmt` over a directory tree (in place). */
export function formatHcl(tools: ValidatorTools, dir: string): void {
  terraform(tools, ["fmt", "-recursive", "-no-color", dir], dir);
}

/**
 * The configurations the tools check besides the shipped environments: variants that no file in
 * environments/ uses but the product supports, synthesized through `synthesize()` from a
 * `GENAI_CONFIG` JSON file exactly as a pipeline would. npm run validate checks each as a group
 * of its own, and npm run hcl:shapes takes the block shapes of the types they use.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { environments } from "../environments";
import { production } from "../environments/production";
import type { EnvironmentInput } from "../src/config/schema";

/**
 * Group name -> configuration. `cloud`: production with its state in Terraform Cloud, the only
 * configuration that synthesizes the terraform-cloud stack (hashicorp/tfe).
 */
export const CONFIG_VARIANTS: Readonly<Record<string, EnvironmentInput>> = {
  cloud: {
    ...production,
    state: {
      backend: "cloud",
      organization: "genai-demo-validate",
      workspacePrefix: "genai-demo-production",
      project: "genai-demo-production",
    },
  },
};

/** One configuration to synthesize: its group (and stack id prefix) and the variables that select it. */
export interface SynthesisTarget {
  readonly group: string;
  /** GENAI_ENV or GENAI_CONFIG, the other one empty: to lay over process.env. */
  readonly env: { readonly GENAI_ENV: string; readonly GENAI_CONFIG: string };
}

/**
 * Every shipped environment (group = its name), then every variant of {@link CONFIG_VARIANTS},
 * whose configuration is written to `<configDir>/<group>.config.json` for `GENAI_CONFIG`.
 */
export function synthesisTargets(configDir: string): SynthesisTarget[] {
  const clash = Object.keys(CONFIG_VARIANTS).filter((group) => Object.hasOwn(environments, group));
  if (clash.length > 0) throw new Error(`configuration variants named like an environment: ${clash.join(", ")}`);
  mkdirSync(configDir, { recursive: true });
  const shipped = Object.keys(environments).map((name) => ({
    group: name,
    env: { GENAI_ENV: name, GENAI_CONFIG: "" },
  }));
  const variants = Object.entries(CONFIG_VARIANTS).map(([group, config]) => {
    const file = join(configDir, `${group}.config.json`);
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    return { group, env: { GENAI_ENV: "", GENAI_CONFIG: file } };
  });
  return [...shipped, ...variants];
}

/**
 * `npm run hcl:shapes`: regenerates tools/hcl/provider-shapes.json, the block structure of every
 * resource and data source type the stacks use, from the schemas of the real providers tools.json
 * lists: aws, kubernetes, helm and, once it is built, tfe (needs the validators:
 * scripts/install-validators.sh). Run it after adding a resource type.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { synthesize } from "../../src/synth";
import { synthesisTargets } from "../config-variants";
import { loadTools } from "../tools-cache";
import { type UsedTypes, extractShapes } from "./shapes";
import { providersSchema } from "./tools";

export const SHAPES_FILE = resolve(__dirname, "provider-shapes.json");

/**
 * Resource, data source and ephemeral resource types used by any stack of any environment or
 * configuration variant (tools/config-variants.ts: the Terraform Cloud variant brings hashicorp/tfe's).
 */
export function usedTypes(): UsedTypes {
  const used = { resources: new Set<string>(), data: new Set<string>(), ephemeral: new Set<string>() };
  const scratch = mkdtempSync(join(tmpdir(), "genai-types-"));
  try {
    for (const { group, env } of synthesisTargets(join(scratch, "config"))) {
      const outdir = join(scratch, "synth", group);
      const result = synthesize({ ...process.env, ...env, CDKTF_OUTDIR: outdir });
      if (result.exitCode !== 0) throw new Error(`synth of ${group} failed`);
      for (const stack of readdirSync(join(outdir, "stacks"))) {
        const document = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as Record<
          "resource" | "data" | "ephemeral",
          Record<string, unknown> | undefined
        >;
        for (const type of Object.keys(document.resource ?? {})) used.resources.add(type);
        for (const type of Object.keys(document.data ?? {})) used.data.add(type);
        for (const type of Object.keys(document.ephemeral ?? {})) used.ephemeral.add(type);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const sorted = (types: Set<string>) => [...types].sort();
  return { resources: sorted(used.resources), data: sorted(used.data), ephemeral: sorted(used.ephemeral) };
}

export function currentShapesJson(): string {
  // One line: the WAF rule statement alone nests hundreds of blocks deep in the schema.
  return `${JSON.stringify(extractShapes(providersSchema(loadTools()), usedTypes()))}\n`;
}

/** Rewrites SHAPES_FILE from the providers' schemas; returns its path. */
export function regenerateShapes(): string {
  writeFileSync(SHAPES_FILE, currentShapesJson());
  return SHAPES_FILE;
}

/**
 * `npm run hcl:shapes`: regenerates src/hcl/provider-shapes.json, the block structure of every
 * resource and data source type the stacks use, from the real providers' schemas (needs the
 * validators: scripts/install-validators.sh). Run it after adding a resource type.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { environments } from "../environments";
import { extractShapes } from "../src/hcl/shapes";
import { providersSchema, readValidatorTools } from "../src/hcl/tools";
import { synthesize } from "../src/synth";

export const SHAPES_FILE = resolve(__dirname, "../src/hcl/provider-shapes.json");

/** Resource and data source types used by any stack of any environment. */
export function usedTypes(): { resources: string[]; data: string[] } {
  const resources = new Set<string>();
  const data = new Set<string>();
  const scratch = mkdtempSync(join(tmpdir(), "genai-types-"));
  try {
    for (const name of Object.keys(environments)) {
      const outdir = join(scratch, name);
      const result = synthesize({ ...process.env, GENAI_CONFIG: "", GENAI_ENV: name, CDKTF_OUTDIR: outdir });
      if (result.exitCode !== 0) throw new Error(`synth of ${name} failed`);
      for (const stack of readdirSync(join(outdir, "stacks"))) {
        const document = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as {
          resource?: Record<string, unknown>;
          data?: Record<string, unknown>;
        };
        for (const type of Object.keys(document.resource ?? {})) resources.add(type);
        for (const type of Object.keys(document.data ?? {})) data.add(type);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { resources: [...resources].sort(), data: [...data].sort() };
}

export function currentShapesJson(): string {
  // One line: the WAF rule statement alone nests hundreds of blocks deep in the schema.
  return `${JSON.stringify(extractShapes(providersSchema(readValidatorTools()), usedTypes()))}\n`;
}

if (require.main === module) {
  writeFileSync(SHAPES_FILE, currentShapesJson());
  console.log(`wrote ${SHAPES_FILE}`);
}

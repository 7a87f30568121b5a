import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderHcl } from "./render";
import type { ProviderShapes } from "./shapes";
import shapesJson from "./provider-shapes.json";

export { MissingShapeError, renderHcl } from "./render";
export type { ProviderShapes } from "./shapes";

export const PROVIDER_SHAPES = shapesJson as ProviderShapes;

/**
 * Renders every stack of a synthesized output directory (`<outdir>/stacks/<stack>/cdk.tf.json`)
 * into `<hclDir>/<stack>/main.tf`. Returns the stack ids.
 */
export function renderStacksAsHcl(outdir: string, hclDir: string, shapes: ProviderShapes = PROVIDER_SHAPES): string[] {
  rmSync(hclDir, { recursive: true, force: true });
  const stacks = readdirSync(join(outdir, "stacks")).sort();
  for (const stack of stacks) {
    const document = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as Record<
      string,
      never
    >;
    mkdirSync(join(hclDir, stack), { recursive: true });
    writeFileSync(join(hclDir, stack, "main.tf"), renderHcl(document, shapes));
  }
  return stacks;
}

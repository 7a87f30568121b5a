/**
 * `npm run synth:hcl`: synthesizes the selected environment (as `cdktf synth` does, into
 * cdktf.out) and renders each stack's JSON as formatted HCL in cdktf.out/hcl/<stack>/main.tf,
 * for reviewers who read HCL. JSON stays the source of truth; the HCL describes the same
 * configuration (tested) and passes `terraform validate` (npm run validate). Formatting uses the
 * validators' terraform (scripts/install-validators.sh), or a `terraform` on PATH.
 */
import { join, resolve } from "node:path";
import { synthesize } from "../../src/synth";
import { renderStacksAsHcl } from "./index";
import { formatHcl, terraformForFormatting } from "./tools";

/** Synthesizes into `outdir` and writes `<outdir>/hcl/<stack>/main.tf`; returns the exit code. */
export function synthHcl(env: NodeJS.ProcessEnv = process.env): number {
  const outdir = resolve(env.CDKTF_OUTDIR ?? "cdktf.out");
  const result = synthesize({ ...env, CDKTF_OUTDIR: outdir });
  if (result.exitCode !== 0) return result.exitCode;
  const hclDir = join(outdir, "hcl");
  const stacks = renderStacksAsHcl(outdir, hclDir);
  formatHcl(terraformForFormatting(), hclDir);
  console.log(`HCL of ${stacks.join(", ")} in ${hclDir}/<stack>/main.tf`);
  return 0;
}

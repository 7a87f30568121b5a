/**
 * `npm run validate`: checks the synthesized stacks with the real tools, offline.
 *
 *  1. installs the validators (scripts/install-validators.sh, cached outside the repo);
 *  2. synthesizes every environment and every configuration variant (tools/config-variants.ts:
 *     production with its state in Terraform Cloud, group `cloud`), plus the deliberately broken
 *     self-test stacks (tools/validate/fixtures/bad-stacks.ts);
 *  3. runs `init -backend=false` and `validate` on every stack directory (a stack that requires a
 *     provider the install could not build fails as not validated);
 *  4. does the same on each stack's HCL rendering (npm run synth:hcl's renderer, formatted by
 *     terraform fmt), after checking the committed block shapes still match the providers' schemas;
 *  5. runs checkov over all of them with .checkov.yaml;
 *  6. checks the Helm charts under charts/, if any (lint, template per environment, schema), and
 *     renders each stack's own release of them with the values the stack passes;
 *  7. proves the checks are live: each self-test stack must be rejected by its validator;
 *  8. prints the problems and a summary table, and exits non-zero on any failure.
 */
import {
  checkHelmCharts,
  checkSelfTest,
  collectResults,
  installValidators,
  isFailing,
  printProblems,
  printSummary,
  runCheckov,
  synthesizeStacks,
  validateHclRenderings,
  validateStacks,
} from "./steps";

/** Runs every step; returns the exit code. */
export async function main(): Promise<number> {
  const tools = installValidators();
  const synthesized = synthesizeStacks(tools);
  if ("exitCode" in synthesized) return synthesized.exitCode;
  const terraformErrors = await validateStacks(tools, [...synthesized.stackIds, ...synthesized.selfTestIds]);
  const hcl = await validateHclRenderings(tools, synthesized.stackIds);
  const checkov = await runCheckov(tools);
  const charts = await checkHelmCharts(tools);
  const selfTestFailures = checkSelfTest(terraformErrors, checkov.counts);

  const results = collectResults(synthesized, terraformErrors, hcl, checkov, charts);
  printProblems(results, charts.problems);
  if (checkov.noReport !== undefined) {
    console.log(`checkov produced no report: ${checkov.noReport}`);
    return 1;
  }
  printSummary(tools, results);

  const ok =
    !results.some(isFailing) && charts.problems.length === 0 && selfTestFailures.length === 0 && !hcl.shapesStale;
  console.log(ok ? "\nvalidate: all checks passed" : "\nvalidate: FAILED");
  return ok ? 0 : 1;
}

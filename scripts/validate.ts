/**
 * `npm run validate`: checks the synthesized stacks with the real tools, offline.
 *
 *  1. installs the validators (scripts/install-validators.sh, cached outside the repo);
 *  2. synthesizes every environment, plus the deliberately broken self-test stacks;
 *  3. runs `init -backend=false` and `validate` on every stack directory, and on its HCL rendering
 *     (npm run synth:hcl's renderer, formatted by terraform fmt), after checking the committed
 *     block shapes still match the providers' schemas;
 *  4. runs checkov over all of them with .checkov.yaml;
 *  5. checks the Helm charts under charts/, if any (lint, template per environment, schema), and
 *     renders each stack's own release of them with the values the stack passes;
 *  6. proves the checks are live: each self-test stack must be rejected by its validator;
 *  7. prints a summary table and exits non-zero on any failure.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { environments } from "../environments";
import { PROVIDER_SHAPES, renderHcl } from "../src/hcl";
import { synthesize } from "../src/synth";
import { BAD_STACKS, type BadStackId, synthBadStacks } from "../test/fixtures/validate/bad-stacks";
import { SHAPES_FILE, currentShapesJson } from "./hcl-shapes";
import { checkChart, renderAndValidate } from "./validate/charts";
import { localChartReleases } from "./validate/release-values";
import {
  type CheckovCounts,
  type ProviderBuild,
  checkovCountsByStack,
  formatTable,
  retargetProviderVersions,
  validateErrors,
} from "./validate/report";

const repo = resolve(__dirname, "..");
const workRoot = join(repo, ".validate");
const SELF_TEST = "selftest";
/** Parallel `terraform validate` runs; each loads the ~700 MB AWS provider schema. */
const TERRAFORM_CONCURRENCY = 2;

interface Tools {
  terraform: { bin: string; name: string };
  cliConfigFile: string;
  providers: Array<ProviderBuild & { module: string; pseudoVersion: string }>;
  checkov: { bin: string; version: string };
  kubernetesValidate: { bin: string; version: string };
  helm: { bin: string; version: string };
}

interface StackResult {
  readonly id: string;
  terraformErrors: string[];
  hclErrors?: string[];
  checkov?: CheckovCounts;
  charts?: string;
}

function toolsCache(): string {
  return process.env.GENAI_TOOLS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "genai-demo");
}

function step(message: string): void {
  console.log(`\n==> ${message}`);
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/**
 * Copies every synthesized stack into .validate/work/<group>/<stack>, retargeted at the built
 * providers, and (with `hcl`) its HCL rendering into .validate/hcl/<group>/<stack>.
 */
function prepareWorkDirs(synthDir: string, group: string, tools: Tools, notes: Set<string>, hcl = false): string[] {
  const ids: string[] = [];
  for (const stack of readdirSync(join(synthDir, "stacks"))) {
    const target = join(workRoot, "work", group, stack);
    mkdirSync(target, { recursive: true });
    const document = JSON.parse(readFileSync(join(synthDir, "stacks", stack, "cdk.tf.json"), "utf8"));
    for (const note of retargetProviderVersions(document, tools.providers)) notes.add(note);
    writeFileSync(join(target, "cdk.tf.json"), JSON.stringify(document, null, 2));
    if (hcl) {
      mkdirSync(join(workRoot, "hcl", group, stack), { recursive: true });
      writeFileSync(join(workRoot, "hcl", group, stack, "main.tf"), renderHcl(document, PROVIDER_SHAPES));
    }
    ids.push(`${group}/${stack}`);
  }
  return ids;
}

async function terraformValidate(tools: Tools, id: string, root = "work"): Promise<string[]> {
  const cwd = join(workRoot, root, id);
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

async function main(): Promise<number> {
  step("installing validators");
  const install = spawnSync("bash", [join(repo, "scripts/install-validators.sh")], { stdio: "inherit" });
  if (install.status !== 0) return 1;
  const tools = JSON.parse(readFileSync(join(toolsCache(), "tools.json"), "utf8")) as Tools;

  step("synthesizing every environment and the self-test stacks");
  rmSync(workRoot, { recursive: true, force: true });
  const notes = new Set<string>();
  const stackIds: string[] = [];
  for (const name of Object.keys(environments)) {
    const outdir = join(workRoot, "synth", name);
    const quiet = { error: console.error, warn: () => undefined };
    const result = synthesize({ ...process.env, GENAI_CONFIG: "", GENAI_ENV: name, CDKTF_OUTDIR: outdir }, quiet);
    if (result.exitCode !== 0) return result.exitCode;
    stackIds.push(...prepareWorkDirs(outdir, name, tools, notes, true));
  }
  synthBadStacks(join(workRoot, "synth", SELF_TEST));
  const selfTestIds = prepareWorkDirs(join(workRoot, "synth", SELF_TEST), SELF_TEST, tools, notes);
  for (const note of notes) console.log(`provider constraint retargeted for validation: ${note}`);

  const results = new Map<string, StackResult>();
  for (const id of [...stackIds, ...selfTestIds]) results.set(id, { id, terraformErrors: [] });

  step(`${tools.terraform.name}: init -backend=false && validate (${results.size} stacks)`);
  await inPool([...results.keys()], TERRAFORM_CONCURRENCY, async (id) => {
    results.get(id)!.terraformErrors = await terraformValidate(tools, id);
    console.log(`${id}: ${results.get(id)!.terraformErrors.length === 0 ? "valid" : "INVALID"}`);
  });

  step(`HCL renderings: block shapes, ${tools.terraform.name} fmt and validate`);
  const shapesStale = readFileSync(SHAPES_FILE, "utf8") !== currentShapesJson();
  if (shapesStale) console.log(`${SHAPES_FILE} differs from the providers' schemas: run npm run hcl:shapes`);
  const fmt = await run(tools.terraform.bin, ["fmt", "-recursive", "-no-color", join(workRoot, "hcl")], {
    env: { ...process.env, TF_CLI_CONFIG_FILE: tools.cliConfigFile },
  });
  if (fmt.code !== 0) console.log(`terraform fmt failed on the HCL: ${fmt.stderr.trim()}`);
  await inPool(stackIds, TERRAFORM_CONCURRENCY, async (id) => {
    const errors = await terraformValidate(tools, id, "hcl");
    results.get(id)!.hclErrors = fmt.code === 0 ? errors : ["terraform fmt failed", ...errors];
    console.log(`${id} (HCL): ${results.get(id)!.hclErrors!.length === 0 ? "valid" : "INVALID"}`);
  });

  step(`checkov ${tools.checkov.version} with .checkov.yaml`);
  const checkov = await run(
    tools.checkov.bin,
    [
      "--directory",
      join(workRoot, "work"),
      "--framework",
      "terraform_json",
      "--config-file",
      join(repo, ".checkov.yaml"),
      "--output",
      "json",
      "--skip-download",
    ],
    { env: { ...process.env, BC_SKIP_MAPPING: "TRUE" } },
  );
  const counts = checkovCountsByStack(checkov.stdout);
  for (const [id, count] of counts) if (results.has(id)) results.get(id)!.checkov = count;

  step("Helm charts");
  const charts = existsSync(join(repo, "charts")) ? readdirSync(join(repo, "charts")) : [];
  const chartProblems: string[] = [];
  if (charts.length === 0) console.log("no charts/ yet: nothing to check");
  for (const chart of charts) {
    // Every environment, against the Kubernetes version of each of its regions' clusters.
    const versions = Object.fromEntries(
      Object.entries(environments).map(([name, environment]) => [
        name,
        environment.regions.map((region) => `${region.eks.kubernetesVersion}.0`),
      ]),
    );
    chartProblems.push(...(await checkChart(join(repo, "charts", chart), versions, tools, run)));
  }
  // The values each stack really passes (built in TypeScript), against the chart it ships.
  for (const name of Object.keys(environments)) {
    const stacksDir = join(workRoot, "synth", name, "stacks");
    const versions = environments[name]!.regions.map((region) => `${region.eks.kubernetesVersion}.0`);
    for (const stack of readdirSync(stacksDir)) {
      const document = JSON.parse(readFileSync(join(stacksDir, stack, "cdk.tf.json"), "utf8"));
      for (const release of localChartReleases(document)) {
        const valuesFiles = release.values.map((values, i) => {
          const file = join(workRoot, `values-${name}-${stack}-${release.id}-${i}.json`);
          writeFileSync(file, values);
          return ["--values", file];
        });
        const label = `${name}/${stack} release ${release.id}`;
        const chartDir = join(stacksDir, stack, release.chart);
        chartProblems.push(...(await renderAndValidate(chartDir, valuesFiles.flat(), label, versions, tools, run)));
        console.log(`${label}: rendered with the stack's values`);
      }
    }
  }
  const chartSummary =
    charts.length === 0 ? "n/a" : chartProblems.length === 0 ? "ok" : `${chartProblems.length} problems`;
  for (const id of stackIds) results.get(id)!.charts = chartSummary;

  step("self-test: each broken stack must be rejected by its validator");
  const selfTestFailures: string[] = [];
  for (const [fixture, expectation] of Object.entries(BAD_STACKS) as Array<
    [BadStackId, (typeof BAD_STACKS)[BadStackId]]
  >) {
    const result = results.get(`${SELF_TEST}/${fixture}`)!;
    const findings = expectation.validator === "checkov" ? (result.checkov?.failures ?? []) : result.terraformErrors;
    const missing = expectation.expect.filter((pattern) => !findings.some((finding) => pattern.test(finding)));
    const verdict = missing.length === 0 ? "rejected, as it must be" : `NOT rejected (missing ${missing.join(", ")})`;
    console.log(`${fixture}: ${expectation.validator} ${verdict}`);
    for (const finding of findings.filter((f) => expectation.expect.some((pattern) => pattern.test(f)))) {
      console.log(`    ${finding.split("\n")[0]}`);
    }
    if (missing.length > 0) selfTestFailures.push(fixture);
  }

  const failing = stackIds.filter((id) => {
    const result = results.get(id)!;
    return (
      result.terraformErrors.length > 0 || (result.hclErrors?.length ?? 0) > 0 || (result.checkov?.failed ?? 0) > 0
    );
  });
  for (const id of failing) {
    const result = results.get(id)!;
    for (const error of result.terraformErrors) console.log(`${id}: terraform: ${error}`);
    for (const error of result.hclErrors ?? []) console.log(`${id}: terraform (HCL): ${error}`);
    for (const failure of result.checkov?.failures ?? []) console.log(`${id}: checkov: ${failure}`);
  }
  for (const problem of chartProblems) console.log(`charts: ${problem}`);
  if (checkov.stdout.trim() === "") {
    console.log(`checkov produced no report: ${checkov.stderr.trim().split("\n").slice(-3).join(" ")}`);
    return 1;
  }

  step("summary");
  const rows = [...stackIds, ...selfTestIds].map((id) => {
    const result = results.get(id)!;
    const expected = id.startsWith(`${SELF_TEST}/`) ? " (must fail)" : "";
    const count = result.checkov;
    return [
      id + expected,
      result.terraformErrors.length === 0 ? "valid" : `${result.terraformErrors.length} errors`,
      result.hclErrors === undefined
        ? "-"
        : result.hclErrors.length === 0
          ? "valid"
          : `${result.hclErrors.length} errors`,
      count === undefined ? "-" : `${count.passed}/${count.failed}/${count.skipped}`,
      result.charts ?? "-",
    ];
  });
  console.log(
    formatTable(
      ["stack", `${tools.terraform.name} validate`, "HCL validate", "checkov passed/failed/skipped", "charts"],
      rows,
    ),
  );
  const configuredSkips = (parseYaml(readFileSync(join(repo, ".checkov.yaml"), "utf8")) as { "skip-check"?: string[] })[
    "skip-check"
  ];
  console.log(
    `\ncheckov checks skipped for every stack by .checkov.yaml (reasons there): ${configuredSkips?.join(", ") ?? "none"}`,
  );
  console.log(
    `providers: ${tools.providers.map((p) => `${p.name} ${p.builtVersion} (${p.module}@${p.pseudoVersion})`).join(", ")}`,
  );

  const ok = failing.length === 0 && chartProblems.length === 0 && selfTestFailures.length === 0 && !shapesStale;
  console.log(ok ? "\nvalidate: all checks passed" : "\nvalidate: FAILED");
  return ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

/**
 * The steps of npm run validate, one function each, in the order main.ts runs them. Each prints
 * its own heading and progress and returns what later steps and the summary need.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { environments } from "../../environments";
import { synthesize } from "../../src/synth";
import { synthesisTargets } from "../config-variants";
import { SHAPES_FILE, currentShapesJson } from "../hcl/regenerate-shapes";
import { type Tools, installAndLoadTools } from "../tools-cache";
import { checkChart, renderAndValidate } from "./charts";
import { BAD_STACKS, type BadStackId, synthBadStacks } from "./fixtures/bad-stacks";
import { localChartReleases } from "./release-values";
import { type CheckovCounts, checkovCountsByStack, formatTable } from "./report";
import {
  REPO,
  SELF_TEST,
  WORK_ROOT,
  inPool,
  prepareWorkDirs,
  run,
  terraformValidate,
  unvalidatedBlocks,
} from "./workspace";

/** Parallel `terraform validate` runs; each loads the ~700 MB AWS provider schema. */
const TERRAFORM_CONCURRENCY = 2;

/** Errors by stack id (`<group>/<stack>`); an empty list means valid. */
export type ErrorsByStack = ReadonlyMap<string, readonly string[]>;

export interface Synthesized {
  /**
   * Every environment's stacks, `<environment>/<stack>`, then every configuration variant's
   * (tools/config-variants.ts), `<variant>/<stack>`.
   */
  readonly stackIds: string[];
  /** The self-test stacks, `selftest/<fixture>`: each must be rejected. */
  readonly selfTestIds: string[];
}

export interface HclValidation {
  /** tools/hcl/provider-shapes.json no longer matches the providers' schemas. */
  readonly shapesStale: boolean;
  readonly errors: ErrorsByStack;
}

export interface CheckovResult {
  readonly counts: ReadonlyMap<string, CheckovCounts>;
  /** Set when checkov produced no report at all (then every count is missing). */
  readonly noReport?: string;
}

export interface ChartsResult {
  /** "n/a" without charts/, "ok", or how many problems. */
  readonly summary: string;
  readonly problems: string[];
}

/** One row of the summary: what each step found for one stack. */
export interface StackResult {
  readonly id: string;
  readonly selfTest: boolean;
  readonly terraformErrors: readonly string[];
  readonly hclErrors?: readonly string[];
  readonly checkov?: CheckovCounts;
  readonly charts?: string;
}

export function heading(message: string): void {
  console.log(`\n==> ${message}`);
}

/** Step 1: scripts/install-validators.sh (cached outside the repo), then its tools.json. */
export function installValidators(): Tools {
  heading("installing validators");
  return installAndLoadTools();
}

/**
 * Step 2: synthesizes every environment, every configuration variant (tools/config-variants.ts,
 * from a GENAI_CONFIG file in .validate/) and the self-test stacks into .validate/synth, and
 * prepares their work directories. Returns the exit code of a failed synth instead.
 */
export function synthesizeStacks(tools: Tools): Synthesized | { readonly exitCode: number } {
  heading("synthesizing every environment, the configuration variants and the self-test stacks");
  rmSync(WORK_ROOT, { recursive: true, force: true });
  const notes = new Set<string>();
  const stackIds: string[] = [];
  for (const { group, env } of synthesisTargets(WORK_ROOT)) {
    const outdir = join(WORK_ROOT, "synth", group);
    const quiet = { error: console.error, warn: () => undefined };
    const result = synthesize({ ...process.env, ...env, CDKTF_OUTDIR: outdir }, quiet);
    if (result.exitCode !== 0) {
      console.error(`synth of ${group} failed (${env.GENAI_CONFIG || `GENAI_ENV=${env.GENAI_ENV}`})`);
      return { exitCode: result.exitCode };
    }
    stackIds.push(...prepareWorkDirs(outdir, group, tools, notes, true));
  }
  synthBadStacks(join(WORK_ROOT, "synth", SELF_TEST));
  const selfTestIds = prepareWorkDirs(join(WORK_ROOT, "synth", SELF_TEST), SELF_TEST, tools, notes);
  for (const note of notes) console.log(`provider constraint retargeted for validation: ${note}`);
  return { stackIds, selfTestIds };
}

/** Step 3: `init -backend=false && validate` on every stack's JSON. */
export async function validateStacks(tools: Tools, ids: readonly string[]): Promise<ErrorsByStack> {
  heading(`${tools.terraform.name}: init -backend=false && validate (${ids.length} stacks)`);
  const errors = new Map<string, readonly string[]>();
  await inPool(ids, TERRAFORM_CONCURRENCY, async (id) => {
    errors.set(id, await terraformValidate(tools, id));
    console.log(`${id}: ${errors.get(id)!.length === 0 ? "valid" : "INVALID"}`);
  });
  return errors;
}

/**
 * Step 4: the HCL renderings: the committed block shapes still match the providers' schemas,
 * `terraform fmt` accepts the HCL, and `validate` passes on each stack's rendering.
 */
export async function validateHclRenderings(tools: Tools, stackIds: readonly string[]): Promise<HclValidation> {
  heading(`HCL renderings: block shapes, ${tools.terraform.name} fmt and validate`);
  const shapesStale = readFileSync(SHAPES_FILE, "utf8") !== currentShapesJson();
  if (shapesStale) console.log(`${SHAPES_FILE} differs from the providers' schemas: run npm run hcl:shapes`);
  const fmt = await run(tools.terraform.bin, ["fmt", "-recursive", "-no-color", join(WORK_ROOT, "hcl")], {
    env: { ...process.env, TF_CLI_CONFIG_FILE: tools.cliConfigFile },
  });
  if (fmt.code !== 0) console.log(`terraform fmt failed on the HCL: ${fmt.stderr.trim()}`);
  const errors = new Map<string, readonly string[]>();
  await inPool(stackIds, TERRAFORM_CONCURRENCY, async (id) => {
    const found = await terraformValidate(tools, id, "hcl");
    errors.set(id, fmt.code === 0 ? found : ["terraform fmt failed", ...found]);
    console.log(`${id} (HCL): ${errors.get(id)!.length === 0 ? "valid" : "INVALID"}`);
  });
  return { shapesStale, errors };
}

/** Step 5: checkov over every work directory with .checkov.yaml; counts by stack id. */
export async function runCheckov(tools: Tools): Promise<CheckovResult> {
  heading(`checkov ${tools.checkov.version} with .checkov.yaml`);
  const checkov = await run(
    tools.checkov.bin,
    [
      "--directory",
      join(WORK_ROOT, "checkov"),
      "--framework",
      "terraform_json",
      "--config-file",
      join(REPO, ".checkov.yaml"),
      "--output",
      "json",
      "--skip-download",
    ],
    { env: { ...process.env, BC_SKIP_MAPPING: "TRUE" } },
  );
  if (checkov.stdout.trim() === "") {
    return { counts: new Map(), noReport: checkov.stderr.trim().split("\n").slice(-3).join(" ") };
  }
  return { counts: checkovCountsByStack(checkov.stdout) };
}

/** Each environment's name -> the Kubernetes versions (`1.xx.0`) of its regions' clusters. */
function kubernetesVersions(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(environments).map(([name, environment]) => [
      name,
      environment.regions.map((region) => `${region.eks.kubernetesVersion}.0`),
    ]),
  );
}

/** Every chart under charts/: lint, template per environment, schema; one line per problem. */
async function checkChartsDirectory(tools: Tools, charts: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const chart of charts) {
    problems.push(...(await checkChart(join(REPO, "charts", chart), kubernetesVersions(), tools, run)));
  }
  return problems;
}

/** The values each stack really passes (built in TypeScript), against the chart it ships. */
async function checkStackReleases(tools: Tools): Promise<string[]> {
  const problems: string[] = [];
  const versionsByEnvironment = kubernetesVersions();
  for (const name of Object.keys(environments)) {
    const stacksDir = join(WORK_ROOT, "synth", name, "stacks");
    for (const stack of readdirSync(stacksDir)) {
      const document = JSON.parse(readFileSync(join(stacksDir, stack, "cdk.tf.json"), "utf8"));
      for (const release of localChartReleases(document)) {
        const valuesArgs = release.values.flatMap((values, i) => {
          const file = join(WORK_ROOT, `values-${name}-${stack}-${release.id}-${i}.json`);
          writeFileSync(file, values);
          return ["--values", file];
        });
        const label = `${name}/${stack} release ${release.id}`;
        const chartDir = join(stacksDir, stack, release.chart);
        const versions = versionsByEnvironment[name]!;
        problems.push(...(await renderAndValidate(chartDir, valuesArgs, label, versions, tools, run)));
        console.log(`${label}: rendered with the stack's values`);
      }
    }
  }
  return problems;
}

/** Step 6: the Helm charts under charts/, if any, and each stack's own releases of them. */
export async function checkHelmCharts(tools: Tools): Promise<ChartsResult> {
  heading("Helm charts");
  const charts = existsSync(join(REPO, "charts")) ? readdirSync(join(REPO, "charts")) : [];
  if (charts.length === 0) console.log("no charts/ yet: nothing to check");
  const problems = [...(await checkChartsDirectory(tools, charts)), ...(await checkStackReleases(tools))];
  const summary = charts.length === 0 ? "n/a" : problems.length === 0 ? "ok" : `${problems.length} problems`;
  return { summary, problems };
}

/** Step 7: each self-test stack must be rejected by its validator; returns the fixtures that were not. */
export function checkSelfTest(
  terraformErrors: ErrorsByStack,
  checkov: ReadonlyMap<string, CheckovCounts>,
): BadStackId[] {
  heading("self-test: each broken stack must be rejected by its validator");
  const failures: BadStackId[] = [];
  for (const fixture of Object.keys(BAD_STACKS) as BadStackId[]) {
    const expectation = BAD_STACKS[fixture];
    const id = `${SELF_TEST}/${fixture}`;
    const findings =
      expectation.validator === "checkov" ? (checkov.get(id)?.failures ?? []) : (terraformErrors.get(id) ?? []);
    const missing = expectation.expect.filter((pattern) => !findings.some((finding) => pattern.test(finding)));
    const verdict = missing.length === 0 ? "rejected, as it must be" : `NOT rejected (missing ${missing.join(", ")})`;
    console.log(`${fixture}: ${expectation.validator} ${verdict}`);
    for (const finding of findings.filter((f) => expectation.expect.some((pattern) => pattern.test(f)))) {
      console.log(`    ${finding.split("\n")[0]}`);
    }
    if (missing.length > 0) failures.push(fixture);
  }
  return failures;
}

/** What every step found, one result per stack (self-test stacks last). */
export function collectResults(
  synthesized: Synthesized,
  terraformErrors: ErrorsByStack,
  hcl: HclValidation,
  checkov: CheckovResult,
  charts: ChartsResult,
): StackResult[] {
  const result = (id: string, selfTest: boolean): StackResult => {
    const counts = checkov.counts.get(id);
    const hclErrors = hcl.errors.get(id);
    return {
      id,
      selfTest,
      terraformErrors: terraformErrors.get(id) ?? [],
      ...(hclErrors === undefined ? {} : { hclErrors }),
      ...(counts === undefined ? {} : { checkov: counts }),
      ...(selfTest ? {} : { charts: charts.summary }),
    };
  };
  return [
    ...synthesized.stackIds.map((id) => result(id, false)),
    ...synthesized.selfTestIds.map((id) => result(id, true)),
  ];
}

/**
 * A shipped stack (not a self-test one) that any validator rejected, or that checkov did not
 * check at all: a file checkov cannot parse is dropped from its report without an error, and
 * must not pass for clean.
 */
export function isFailing(result: StackResult): boolean {
  return (
    !result.selfTest &&
    (result.terraformErrors.length > 0 ||
      (result.hclErrors?.length ?? 0) > 0 ||
      result.checkov === undefined ||
      result.checkov.failed > 0)
  );
}

/** Prints every finding on a shipped stack, and every chart problem. */
export function printProblems(results: readonly StackResult[], chartProblems: readonly string[]): void {
  for (const result of results.filter(isFailing)) {
    for (const error of result.terraformErrors) console.log(`${result.id}: terraform: ${error}`);
    for (const error of result.hclErrors ?? []) console.log(`${result.id}: terraform (HCL): ${error}`);
    if (result.checkov === undefined)
      console.log(`${result.id}: checkov: reported no check (it could not parse the stack)`);
    for (const failure of result.checkov?.failures ?? []) console.log(`${result.id}: checkov: ${failure}`);
  }
  for (const problem of chartProblems) console.log(`charts: ${problem}`);
}

const errorCount = (errors: readonly string[] | undefined) =>
  errors === undefined ? "-" : errors.length === 0 ? "valid" : `${errors.length} errors`;

/** Step 8: the summary table, the checks .checkov.yaml skips everywhere, and the providers used. */
export function printSummary(tools: Tools, results: readonly StackResult[]): void {
  heading("summary");
  const rows = results.map((result) => [
    result.id + (result.selfTest ? " (must fail)" : ""),
    errorCount(result.terraformErrors),
    errorCount(result.hclErrors),
    result.checkov === undefined ? "-" : `${result.checkov.passed}/${result.checkov.failed}/${result.checkov.skipped}`,
    result.charts ?? "-",
  ]);
  console.log(
    formatTable(
      ["stack", `${tools.terraform.name} validate`, "HCL validate", "checkov passed/failed/skipped", "charts"],
      rows,
    ),
  );
  const configuredSkips = (parseYaml(readFileSync(join(REPO, ".checkov.yaml"), "utf8")) as { "skip-check"?: string[] })[
    "skip-check"
  ];
  console.log(
    `\ncheckov checks skipped for every stack by .checkov.yaml (reasons there): ${configuredSkips?.join(", ") ?? "none"}`,
  );
  console.log(
    `providers: ${tools.providers.map((p) => `${p.name} ${p.builtVersion} (${p.module}@${p.pseudoVersion})`).join(", ")}`,
  );
  for (const provider of tools.unavailableProviders ?? []) {
    console.log(`provider not built: ${provider.name} ${provider.version} (${provider.module}): ${provider.reason}`);
  }
  for (const [id, what] of unvalidatedBlocks) console.log(`partly validated: ${id}: ${what}`);
}

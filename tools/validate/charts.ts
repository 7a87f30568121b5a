import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

/**
 * Kinds defined by CRDs, which kubernetes-validate has no schema for. Skipped by name, so a
 * typo in a built-in kind is still caught.
 */
export const CRD_KINDS = ["TargetGroupBinding"] as const;

type Run = (command: string, args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

interface ChartTools {
  readonly helm: { readonly bin: string };
  readonly kubernetesValidate: { readonly bin: string };
}

/**
 * Values a chart's `values.schema.json` must refuse: `helm template` with each `--set` must fail.
 * A chart lists its own in `schema-rejections.json` (an array of `--set` arguments).
 */
export const SCHEMA_REJECTIONS_FILE = "schema-rejections.json";

/**
 * `helm lint --strict`, then for each environment `helm template` with `values-<env>.yaml`
 * (when the chart has one) and strict schema validation of every rendered manifest against the
 * Kubernetes version of each of that environment's clusters, and finally the values the schema
 * must refuse. Returns one line per problem.
 */
export async function checkChart(
  chartDir: string,
  kubernetesVersions: Readonly<Record<string, readonly string[]>>,
  tools: ChartTools,
  run: Run,
): Promise<string[]> {
  const problems: string[] = [];
  const lint = await run(tools.helm.bin, ["lint", "--strict", chartDir]);
  if (lint.code !== 0) problems.push(`${chartDir}: helm lint: ${lint.stdout.trim()} ${lint.stderr.trim()}`);

  const rejections = join(chartDir, SCHEMA_REJECTIONS_FILE);
  for (const set of existsSync(rejections) ? (JSON.parse(readFileSync(rejections, "utf8")) as string[]) : []) {
    const rendered = await run(tools.helm.bin, ["template", "release", chartDir, "--set", set]);
    if (rendered.code === 0) problems.push(`${chartDir}: values.schema.json accepted --set ${set}`);
  }

  for (const [environment, versions] of Object.entries(kubernetesVersions)) {
    const values = join(chartDir, `values-${environment}.yaml`);
    const valuesArgs = existsSync(values) ? ["--values", values] : [];
    problems.push(
      ...(await renderAndValidate(chartDir, valuesArgs, `${chartDir} (${environment})`, versions, tools, run)),
    );
  }
  return problems;
}

/**
 * `helm template` with `valuesArgs`, then strict schema validation of every rendered manifest
 * (CRD kinds aside) against each Kubernetes version. Returns one line per problem, prefixed `label`.
 */
export async function renderAndValidate(
  chartDir: string,
  valuesArgs: string[],
  label: string,
  versions: readonly string[],
  tools: ChartTools,
  run: Run,
): Promise<string[]> {
  const rendered = await run(tools.helm.bin, ["template", "release", chartDir, ...valuesArgs]);
  if (rendered.code !== 0) return [`${label}: helm template: ${rendered.stderr.trim()}`];
  const manifests = parseAllDocuments(rendered.stdout)
    .map((document) => document.toJS() as { kind?: string } | null)
    .filter((manifest): manifest is { kind: string } => manifest !== null && typeof manifest.kind === "string")
    .filter((manifest) => !(CRD_KINDS as readonly string[]).includes(manifest.kind));
  if (manifests.length === 0) return [];
  const problems: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "genai-manifests-"));
  try {
    const files = manifests.map((manifest, i) => {
      const file = join(scratch, `${i}-${manifest.kind}.json`);
      writeFileSync(file, JSON.stringify(manifest));
      return file;
    });
    for (const kubernetesVersion of new Set(versions)) {
      const validation = await run(tools.kubernetesValidate.bin, [
        "--strict",
        "--quiet",
        "--kubernetes-version",
        kubernetesVersion,
        ...files,
      ]);
      if (validation.code !== 0) {
        problems.push(
          `${label}, Kubernetes ${kubernetesVersion}: ${validation.stdout.trim()} ${validation.stderr.trim()}`,
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return problems;
}

/** Pure helpers of tools/validate (npm run validate): reading tool output and formatting the summary. */

export interface ProviderBuild {
  readonly name: string;
  readonly builtVersion: string;
  readonly pinnedVersion: string;
}

export interface CheckovCounts {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

interface CheckovCheck {
  readonly check_id: string;
  readonly check_name: string;
  readonly file_path: string;
  readonly resource: string;
}
interface CheckovReport {
  readonly results: { passed_checks: CheckovCheck[]; failed_checks: CheckovCheck[]; skipped_checks: CheckovCheck[] };
}

type TerraformDocument = { terraform?: { required_providers?: Record<string, { version?: string }> } };

/**
 * Points a copy of a synthesized stack at the provider versions we could build, returning one
 * note per rewritten constraint (so the summary never hides the substitution).
 */
export function retargetProviderVersions(document: TerraformDocument, builds: readonly ProviderBuild[]): string[] {
  const notes: string[] = [];
  for (const [name, requirement] of Object.entries(document.terraform?.required_providers ?? {})) {
    const build = builds.find((candidate) => candidate.name === name);
    if (build === undefined || requirement.version === build.builtVersion) continue;
    notes.push(`${name} ${requirement.version ?? "(any)"} -> ${build.builtVersion}`);
    requirement.version = build.builtVersion;
  }
  return notes;
}

/**
 * The providers a stack requires that could not be built, one message each (`init` would fail on
 * them). Empty when every required provider is there.
 */
export function unbuiltProviderErrors(
  document: TerraformDocument,
  unavailable: readonly { readonly name: string; readonly version: string; readonly reason: string }[],
): string[] {
  const required = Object.keys(document.terraform?.required_providers ?? {});
  return unavailable
    .filter((provider) => required.includes(provider.name))
    .map(
      (provider) =>
        `not validated: provider ${provider.name} ${provider.version} could not be built (${provider.reason})`,
    );
}

/**
 * The stack without the blocks of `providers` (their required_providers entry, provider blocks,
 * resources and data sources of their types), so the rest can still be validated with the real
 * providers; returns how many blocks were left out. Only sound while nothing else refers to
 * them: true of the terraform-cloud stack, whose tfe blocks refer to its AWS roles, never back.
 */
export function withoutProviders(
  document: TerraformDocument & Record<string, unknown>,
  providers: readonly string[],
): { document: TerraformDocument & Record<string, unknown>; removed: number } {
  const copy = structuredClone(document) as Record<string, Record<string, Record<string, unknown>>>;
  let removed = 0;
  for (const name of providers) {
    delete copy.terraform?.required_providers?.[name as never];
    if (copy.provider?.[name] !== undefined) {
      delete copy.provider[name];
      removed++;
    }
    for (const kind of ["resource", "data"]) {
      for (const type of Object.keys(copy[kind] ?? {})) {
        if (!type.startsWith(`${name}_`)) continue;
        removed += Object.keys(copy[kind]![type] as object).length;
        delete copy[kind]![type];
      }
    }
  }
  return { document: copy as TerraformDocument & Record<string, unknown>, removed };
}

/** Messages of the error diagnostics in `terraform validate -json` output. */
export function validateErrors(json: string): string[] {
  const result = JSON.parse(json) as {
    diagnostics?: Array<{ severity: string; summary: string; detail?: string; address?: string }>;
  };
  return (result.diagnostics ?? [])
    .filter((diagnostic) => diagnostic.severity === "error")
    .map((diagnostic) =>
      [diagnostic.address, diagnostic.summary, diagnostic.detail]
        .filter((part) => part !== undefined && part !== "")
        .join(": "),
    );
}

/**
 * Splits checkov's JSON report (one object, or one per framework) into counts per stack
 * directory, named by its path below the scanned root (e.g. `production/taipei`).
 */
/**
 * The stack as checkov 3.3.30 can parse it: without top-level `moved` blocks, which make its
 * terraform_json parser drop the whole file ("this method receives only dicts") and report
 * nothing. A moved block records an address change and configures nothing checkov checks;
 * terraform validate still reads it from the untouched copy.
 */
export function checkovInput(document: Record<string, unknown>): Record<string, unknown> {
  const { moved: _moved, ...rest } = document;
  return rest;
}

export function checkovCountsByStack(json: string): Map<string, CheckovCounts> {
  const parsed = JSON.parse(json) as CheckovReport | CheckovReport[] | { passed: number; failed: number };
  const reports = (Array.isArray(parsed) ? parsed : [parsed]).filter(
    (report): report is CheckovReport => "results" in report,
  );
  const byStack = new Map<string, CheckovCounts>();
  const counts = (check: CheckovCheck) => {
    const stack = check.file_path.split("/").filter(Boolean).slice(0, -1).join("/");
    if (!byStack.has(stack)) byStack.set(stack, { passed: 0, failed: 0, skipped: 0, failures: [] });
    return byStack.get(stack)!;
  };
  for (const { results } of reports) {
    for (const check of results.passed_checks) counts(check).passed++;
    for (const check of results.skipped_checks) counts(check).skipped++;
    for (const check of results.failed_checks) {
      const entry = counts(check);
      entry.failed++;
      entry.failures.push(`${check.check_id} ${check.resource}: ${check.check_name}`);
    }
  }
  return byStack;
}

/** A plain-text table with a header rule, columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("-|-"), ...rows.map(line)].join("\n");
}

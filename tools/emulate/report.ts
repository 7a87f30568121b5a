/** Reading Terraform's JSON output for the emulated deploy's summary. */

type Block = Record<string, unknown>;
interface Module {
  readonly resources?: { readonly address: string; readonly mode: string }[];
  readonly child_modules?: Module[];
}

/**
 * Managed resources in `terraform show -json` (of a state), by configuration address: the
 * instances of a `for_each` count once, as the resource they belong to.
 */
export function managedResources(showJson: string): string[] {
  if (showJson.trim() === "") return [];
  const state = JSON.parse(showJson) as { values?: { root_module?: Module } };
  const walk = (module: Module | undefined): string[] => [
    ...(module?.resources ?? []).filter((resource) => resource.mode === "managed").map((resource) => resource.address),
    ...(module?.child_modules ?? []).flatMap(walk),
  ];
  return [...new Set(walk(state.values?.root_module).map((address) => address.replace(/\[[^\]]*\]$/, "")))];
}

export interface Drift {
  readonly address: string;
  readonly actions: string[];
  /** Top-level attributes whose planned value differs from the state's. */
  readonly attributes: string[];
}

/** Resources a plan (`terraform show -json <planfile>`) would change, and which attributes. */
export function planDrift(planJson: string): Drift[] {
  const plan = JSON.parse(planJson) as {
    resource_changes?: {
      address: string;
      mode: string;
      change: { actions: string[]; before?: Block; after?: Block };
    }[];
  };
  return (plan.resource_changes ?? [])
    .filter((change) => change.mode === "managed")
    .filter((change) => !change.change.actions.every((action) => action === "no-op" || action === "read"))
    .map(({ address, change }) => {
      const before = change.before ?? {};
      const after = change.after ?? {};
      const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
      const attributes = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
      return { address, actions: change.actions, attributes };
    });
}

export interface StackResult {
  readonly environment: string;
  readonly stack: string;
  readonly total: number;
  readonly applied: number;
  /** Of the applied, the Helm releases installed from a stand-in chart (stand-in-charts.ts). */
  readonly standIns?: number;
  /** Resources left out, address -> why (see targets.ts). */
  readonly excluded?: ReadonlyMap<string, string>;
  readonly created: number;
  readonly drift?: Drift[];
  readonly destroyed?: boolean;
  readonly leftovers?: number;
  readonly seconds: number;
  readonly error?: string;
}

/**
 * What was left out, one line per resource type and reason, with the count over all stacks:
 * `left out: 8 helm_release: no Kubernetes API ...`. A resource left out because it depends on
 * one that is gets "depends on a <type>".
 */
export function exclusionLines(results: readonly StackResult[]): string[] {
  const counts = new Map<string, number>();
  for (const result of results) {
    for (const [address, reason] of result.excluded ?? []) {
      const blocker = /^depends on (?:data\.)?([a-z0-9_]+)\./.exec(reason);
      const key = `${address.split(".")[0]}: ${blocker === null ? reason : `depends on a ${blocker[1]}`}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `left out: ${count} ${key}`);
}

/** One summary line per stack, then the totals line. */
export function summaryLines(results: readonly StackResult[]): string[] {
  const lines = results.map((result) => {
    const plan =
      result.drift === undefined
        ? "plan not run"
        : result.drift.length === 0
          ? "plan empty"
          : `plan NOT empty: ${result.drift.map((drift) => `${drift.address} (${drift.attributes.join(", ") || drift.actions.join("/")})`).join("; ")}`;
    const destroy =
      result.destroyed === undefined ? "not destroyed" : result.destroyed ? "destroyed" : "destroy FAILED";
    return [
      `${result.environment}/${result.stack}:`,
      `${result.created} created (${result.applied} of ${result.total} applied${result.standIns ? `, ${result.standIns} with stand-in charts` : ""}),`,
      `${plan},`,
      `${destroy},`,
      `${result.leftovers ?? "?"} left over,`,
      `${result.seconds.toFixed(0)} s`,
      result.error === undefined ? "" : `- ERROR: ${result.error}`,
    ]
      .filter((part) => part !== "")
      .join(" ");
  });
  const applied = results.reduce((sum, result) => sum + result.created, 0);
  const total = results.reduce((sum, result) => sum + result.total, 0);
  const emptyPlans = results.filter((result) => result.drift?.length === 0).length;
  const destroyed = results.filter((result) => result.destroyed === true).length;
  // Counted only where the stack applied in full: a release is not "applied" unless it was.
  const standIns = results.reduce(
    (sum, result) => sum + (result.created === result.applied ? (result.standIns ?? 0) : 0),
    0,
  );
  lines.push(...exclusionLines(results));
  if (standIns > 0)
    lines.push(
      `stand-in charts: ${standIns} Helm releases were installed from a chart of the same name and version that renders only a ConfigMap (the real repositories are out of reach)`,
    );
  lines.push(
    `emulated deploy: ${applied} of ${total} resources applied (${standIns} with stand-in charts), ${emptyPlans} plans empty, ${destroyed} stacks destroyed`,
  );
  return lines;
}

/** Whether every stack was applied in full (its targets), re-planned empty and destroyed clean. */
export function succeeded(results: readonly StackResult[]): boolean {
  return results.every(
    (result) =>
      result.error === undefined &&
      result.created === result.applied &&
      result.drift?.length === 0 &&
      result.destroyed === true &&
      result.leftovers === 0,
  );
}

/** What upgrading a deployed stack to new code would do, from `terraform show -json <planfile>`. */
export interface UpgradeChanges {
  /** Resources Terraform moves to a new address (moved blocks), as `from -> to`. */
  readonly moved: string[];
  /** Resources the plan deletes, alone or to replace them. */
  readonly deleted: string[];
  /** Of those, the ones of a stateful type: an upgrade must have none. */
  readonly statefulDeleted: string[];
  readonly counts: { readonly create: number; readonly update: number; readonly delete: number };
}

export function upgradeChanges(planJson: string, statefulTypes: readonly string[]): UpgradeChanges {
  const plan = JSON.parse(planJson) as {
    resource_changes?: {
      address: string;
      previous_address?: string;
      mode: string;
      type: string;
      change: { actions: string[] };
    }[];
  };
  const managed = (plan.resource_changes ?? []).filter((change) => change.mode === "managed");
  const deleting = managed.filter((change) => change.change.actions.includes("delete"));
  return {
    moved: managed
      .filter((change) => change.previous_address !== undefined && change.previous_address !== change.address)
      .map((change) => `${change.previous_address} -> ${change.address}`),
    deleted: deleting.map((change) => change.address),
    statefulDeleted: deleting.filter((change) => statefulTypes.includes(change.type)).map((change) => change.address),
    counts: {
      create: managed.filter((change) => change.change.actions.includes("create")).length,
      update: managed.filter((change) => change.change.actions.includes("update")).length,
      delete: deleting.length,
    },
  };
}

/**
 * Every error of a failed Terraform run, one line each with the address it names
 * (`Error: <summary> (aws_x.y)`), so none hides behind the last one; the output's last lines
 * when it holds no `Error:` diagnostic.
 */
export function terraformErrors(output: string, fallbackLines = 15): string {
  const lines = output.split("\n");
  const errors: string[] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith("Error: ")) return;
    const within = lines.slice(index + 1, index + 6).find((next) => /^\s+with /.test(next));
    const address = within
      ?.trim()
      .replace(/^with /, "")
      .replace(/,$/, "");
    errors.push(address === undefined ? line : `${line} (${address})`);
  });
  return errors.length > 0 ? errors.join("\n") : output.trim().split("\n").slice(-fallbackLines).join("\n");
}

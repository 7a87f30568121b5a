import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Release } from "@cdktf/provider-helm/lib/release";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";

/** Release revisions Helm keeps as Secrets in the namespace, for `helm rollback`. */
export const HELM_MAX_HISTORY = 10;

/** A chart from a repository at an exact version, or a chart directory shipped with the stack. */
export type ChartSource =
  { readonly repository: string; readonly chart: string; readonly version: string } | { readonly path: string };

export interface PinnedReleaseProps {
  readonly name: string;
  readonly namespace: string;
  readonly chart: ChartSource;
  /** The chart's values, serialised as one JSON document (JSON is YAML). */
  readonly values: object;
  /** Seconds Helm waits for every resource to be ready before it rolls the release back. */
  readonly timeoutSeconds: number;
  readonly provider: HelmProvider;
  /** @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A Helm release that either becomes ready as a whole or is rolled back (`atomic`, `wait`,
 * `cleanup_on_fail`), so a failed apply leaves the previous revision serving.
 */
export function pinnedRelease(scope: Construct, id: string, props: PinnedReleaseProps): Release {
  const chart = "path" in props.chart ? { chart: props.chart.path } : props.chart;
  return new Release(scope, id, {
    provider: props.provider,
    name: props.name,
    namespace: props.namespace,
    ...chart,
    values: [JSON.stringify(props.values)],
    atomic: true,
    wait: true,
    cleanupOnFail: true,
    timeout: props.timeoutSeconds,
    maxHistory: HELM_MAX_HISTORY,
    dependsOn: props.dependsOn,
  });
}

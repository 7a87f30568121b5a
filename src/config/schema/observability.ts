import { z } from "zod";
import { type IssueReporter, logRetentionDays } from "./common";
import { PROMETHEUS_RETENTION_DAYS } from "../../../modules/prometheus-workspace";
import type { RegionCapability } from "../region-capabilities";
import { regionsLacking } from "./replication";

/** An EKS add-on build, e.g. `v6.2.0-eksbuild.1`. */
const ADDON_BUILD = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;
/** EKS Pod Identity for this add-on starts with 3.1.0 (its setup page, read 2026-12-02). */
export const MIN_OBSERVABILITY_ADDON_MAJOR_MINOR = { major: 3, minor: 1 } as const;

/** Container Insights through the EKS add-on `amazon-cloudwatch-observability`. */
export const observabilitySchema = z.strictObject({
  containerInsights: z.strictObject({
    /**
     * The add-on build for the clusters' Kubernetes version (`aws eks describe-addon-versions
     * --addon-name amazon-cloudwatch-observability --kubernetes-version <v>`).
     */
    addonVersion: z
      .string()
      .regex(ADDON_BUILD, "must be an EKS add-on build such as v6.2.0-eksbuild.1")
      .refine((version) => {
        const [major, minor] = version.slice(1).split(".").map(Number);
        const { major: minMajor, minor: minMinor } = MIN_OBSERVABILITY_ADDON_MAJOR_MINOR;
        return !ADDON_BUILD.test(version) || major! > minMajor || (major === minMajor && minor! >= minMinor);
      }, "must be v3.1.0 or later (earlier builds cannot use EKS Pod Identity)"),
    /** Days the agent's log groups (application, dataplane, host, performance) keep events. */
    logRetentionDays,
  }),
  /**
   * Traces: the app sends OTLP to the agent of its node, which sends them to AWS X-Ray.
   * Left out, the agent receives no traces and the app is told no trace endpoint.
   */
  tracing: z
    .strictObject({
      /** Share of new traces the app records (OpenTelemetry's `parentbased_traceidratio` sampler). */
      sampleRatio: z
        .number()
        .gt(0, "must be above 0 (leave `tracing` out to record no traces)")
        .max(1, "must be at most 1 (every trace)"),
    })
    .optional(),
  /**
   * Prometheus-compatible metrics: an Amazon Managed Service for Prometheus workspace per region,
   * fed by the agent with the app's OTLP metrics. Left out, no workspace is created.
   */
  prometheus: z
    .strictObject({
      /** Days the workspace keeps samples. */
      retentionDays: z
        .number()
        .int("must be whole days")
        .min(PROMETHEUS_RETENTION_DAYS.min, `must be at least ${PROMETHEUS_RETENTION_DAYS.min} day`)
        .max(PROMETHEUS_RETENTION_DAYS.max, `must be at most ${PROMETHEUS_RETENTION_DAYS.max} days (AMP's limit)`),
    })
    .optional(),
});

/** Every region must offer the add-on, or assert it (nothing lists it; preflight asks the account). */
export function checkObservabilityForEnvironment(
  env: {
    observability?: unknown;
    regions: readonly { key: string; awsRegion: string; assertedCapabilities?: readonly RegionCapability[] }[];
  },
  issue: IssueReporter,
): void {
  if (env.observability === undefined) return;
  const capability = "eks-cloudwatch-observability-addon";
  for (const region of regionsLacking(env.regions, capability)) {
    const index = env.regions.findIndex((candidate) => candidate.key === region.key);
    issue(
      ["regions", index, "assertedCapabilities"],
      `must include "${capability}" while observability.containerInsights is set: AWS lists no region for the add-on, ` +
        "so each region asserts it and npm run preflight checks the account",
    );
  }
}

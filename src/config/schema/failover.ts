import { z } from "zod";
import { failoverBudget } from "../../failover/budget";
import type { IssueReporter } from "./common";

/** Regions Route 53 can run health checkers from (the HealthCheckRegion values). */
export const HEALTH_CHECKER_REGIONS = [
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "eu-west-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "sa-east-1",
] as const;
export type HealthCheckerRegion = (typeof HEALTH_CHECKER_REGIONS)[number];
/** Route 53 needs at least three checker regions when any are listed. */
export const MIN_HEALTH_CHECKER_REGIONS = 3;
/** Production must detect a dead primary within 10 s x 3 (plus the checker's own timeout). */
export const PRODUCTION_MAX_DETECTION_SECONDS = 30;

/** How Route 53 checks each region's origin. */
const healthCheckSchema = z.strictObject({
  /** Seconds between checks from each checker: Route 53 offers 10 (fast) or 30 (standard). */
  requestIntervalSeconds: z.union([z.literal(10), z.literal(30)], { error: () => "must be 10 or 30" }),
  /** Consecutive failures before an endpoint is unhealthy. */
  failureThreshold: z.number().int().min(1).max(10),
  checkerRegions: z
    .array(
      z.enum(HEALTH_CHECKER_REGIONS, {
        error: () => `must be a Route 53 health checker region: ${HEALTH_CHECKER_REGIONS.join(", ")}`,
      }),
    )
    .min(MIN_HEALTH_CHECKER_REGIONS, `needs at least ${MIN_HEALTH_CHECKER_REGIONS} checker regions`)
    .refine((regions) => new Set(regions).size === regions.length, "must not list a region twice"),
});

/** Cross-field rules below run only on a health check that is itself valid: one mistake, one problem. */
const isValidHealthCheck = (healthCheck: unknown) => healthCheckSchema.safeParse(healthCheck).success;

/** DNS failover between the regions: how health is checked and how fast it must fail over. */
export const failoverSchema = z
  .strictObject({
    healthCheck: healthCheckSchema,
    /** Longest acceptable time from a dead primary to clients reaching the secondary. */
    rtoSeconds: z.number().int().min(1),
    /**
     * Failover drill: invert the primary's health check so Route 53 sees it as down. Deploy
     * `global` only; set back to false to fail back.
     * @default false
     */
    invertPrimaryHealthCheck: z.boolean().optional(),
  })
  .superRefine((failover, ctx) => {
    if (!isValidHealthCheck(failover.healthCheck)) return;
    const { requestIntervalSeconds, failureThreshold } = failover.healthCheck;
    const budget = failoverBudget(requestIntervalSeconds, failureThreshold);
    if (budget.totalSeconds > failover.rtoSeconds) {
      ctx.addIssue({
        code: "custom",
        path: ["rtoSeconds"],
        message: `the failover budget is ${budget.totalSeconds} s (detection ${requestIntervalSeconds} s x ${failureThreshold} + checker timeout, plus ${budget.ttlSeconds} s DNS TTL), more than this RTO`,
      });
    }
  });

/**
 * Failover needs exactly one secondary to fail over to (a Route 53 failover record set holds one
 * PRIMARY and one SECONDARY); without failover only one region may serve (its
 * records would otherwise collide). Production must detect an outage within 30 s.
 */
export function checkFailoverForEnvironment(
  env: {
    production: boolean;
    failover?: { healthCheck: { requestIntervalSeconds: number; failureThreshold: number } };
    regions: { role: string }[];
  },
  issue: IssueReporter,
): void {
  const secondaries = env.regions.filter((region) => region.role === "secondary").length;
  if (env.failover === undefined) {
    if (env.regions.length > 1) {
      issue(["failover"], `${env.regions.length} regions serve the same names: configure failover between them`);
    }
    return;
  }
  // Without exactly one primary the roles are already reported wrong; don't pile on.
  const primaries = env.regions.length - secondaries;
  if (primaries !== 1) return;
  if (secondaries === 0) {
    issue(["failover"], 'failover routing needs a region with role "secondary" to fail over to');
  }
  if (secondaries > 1) {
    issue(
      ["regions"],
      `failover routing has one PRIMARY and one SECONDARY record per name: only one region may be "secondary" (found ${secondaries})`,
    );
  }
  const { requestIntervalSeconds, failureThreshold } = env.failover.healthCheck;
  if (
    env.production &&
    isValidHealthCheck(env.failover.healthCheck) &&
    requestIntervalSeconds * failureThreshold > PRODUCTION_MAX_DETECTION_SECONDS
  ) {
    issue(
      ["failover", "healthCheck"],
      `production must detect an outage within ${PRODUCTION_MAX_DETECTION_SECONDS} s (requestIntervalSeconds x failureThreshold is ${requestIntervalSeconds * failureThreshold}); use 10 s x 3`,
    );
  }
}

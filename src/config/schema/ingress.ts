import { z } from "zod";
import { logRetentionDays } from "./common";

/** WAF's bounds for a rate-based rule's limit over a 5-minute window (this project's range). */
export const WAF_RATE_LIMIT = { min: 100, max: 2_000_000 } as const;
/** Elastic Load Balancing's bounds for target group health checks and deregistration. */
export const TARGET_HEALTH_CHECK = {
  intervalSeconds: { min: 5, max: 300 },
  timeoutSeconds: { min: 2, max: 120 },
  threshold: { min: 2, max: 10 },
  deregistrationDelaySeconds: { min: 0, max: 3600 },
} as const;
/** S3 lifecycle expiry of ALB access logs, in days. */
export const ACCESS_LOG_EXPIRY_DAYS = { min: 1, max: 3653 } as const;

const between = (bounds: { min: number; max: number }) => z.number().int().min(bounds.min).max(bounds.max);

/** The regional ALB, its target group and WAF, alike in every region of an environment. */
export const ingressSchema = z
  .strictObject({
    /** Days ALB access logs are kept in the regional log bucket. */
    accessLogExpiryDays: between(ACCESS_LOG_EXPIRY_DAYS),
    /** How the ALB decides an app pod is ready for traffic. */
    targetHealthCheck: z.strictObject({
      intervalSeconds: between(TARGET_HEALTH_CHECK.intervalSeconds),
      timeoutSeconds: between(TARGET_HEALTH_CHECK.timeoutSeconds),
      healthyThreshold: between(TARGET_HEALTH_CHECK.threshold),
      unhealthyThreshold: between(TARGET_HEALTH_CHECK.threshold),
    }),
    /** Seconds the ALB keeps sending in-flight requests to a pod that is going away. */
    deregistrationDelaySeconds: between(TARGET_HEALTH_CHECK.deregistrationDelaySeconds),
    /** Requests one client IP may make per 5 minutes before WAF blocks it. */
    wafRateLimitPer5Minutes: between(WAF_RATE_LIMIT),
    wafLogRetentionDays: logRetentionDays,
  })
  .superRefine((ingress, ctx) => {
    const check = ingress.targetHealthCheck;
    if (check.timeoutSeconds >= check.intervalSeconds) {
      ctx.addIssue({
        code: "custom",
        path: ["targetHealthCheck", "timeoutSeconds"],
        message: `must be shorter than targetHealthCheck.intervalSeconds (${check.intervalSeconds})`,
      });
    }
  });

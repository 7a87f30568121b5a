import { z } from "zod";
import { logRetentionDays } from "./common";
import { WAF_RATE_LIMIT } from "./ingress";

/**
 * CloudFront's bounds for a custom origin (Origin and CustomOriginConfig in the CloudFront API
 * reference, read 2026-12-02): connection timeout 1-10 s, 1-3 connection attempts, response
 * ("read") and keep-alive timeouts 1-60 s without a quota increase.
 */
export const CLOUDFRONT_ORIGIN = {
  connectionTimeoutSeconds: { min: 1, max: 10 },
  connectionAttempts: { min: 1, max: 3 },
  readTimeoutSeconds: { min: 1, max: 60 },
  keepaliveSeconds: { min: 1, max: 60 },
} as const;
/** A cache policy's TTLs: 0 to one year (CachePolicyConfig). */
export const CLOUDFRONT_TTL_SECONDS = { min: 0, max: 31_536_000 } as const;
/** The status codes an origin group may fail over on (OriginGroupFailoverCriteria). */
export const ORIGIN_FAILOVER_STATUS_CODES = [400, 403, 404, 416, 500, 502, 503, 504] as const;
/**
 * A cache behavior's path pattern: up to 255 characters of `A-Z a-z 0-9 _ - . * $ / ~ " ' @ : +`,
 * `&` and the wildcards `*` and `?` (CacheBehavior.PathPattern).
 */
const PATH_PATTERN = /^[A-Za-z0-9_\-.*$/~"'@:+&?]{1,255}$/;
/** Price classes: which edge locations serve (PriceClass). */
export const PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const;

const between = (bounds: { min: number; max: number }) => z.number().int().min(bounds.min).max(bounds.max);

const pathPattern = z
  .string()
  .regex(PATH_PATTERN, "must be a CloudFront path pattern: 1 to 255 of A-Z a-z 0-9 _ - . * $ / ~ \" ' @ : + & ?")
  .refine((pattern) => pattern !== "*", "must not be * (the default behavior, the API, already matches everything)");

/**
 * The edge: one CloudFront distribution, owned by `global`, in front of every region, for the
 * public names. The API reaches the regions through their Route 53 failover name; read-only and
 * static paths also fail over to the secondary region within seconds (an origin group).
 */
export const edgeSchema = z
  .strictObject({
    /** Which edge locations serve (PriceClass_200 includes Taiwan and Japan). */
    priceClass: z.enum(PRICE_CLASSES),
    /** Paths of static resources: cached `staticCacheSeconds`, compressed, failed over within seconds. */
    staticPathPatterns: z.array(pathPattern).min(1, "must name at least one path of static resources"),
    /** How long the edge keeps a static resource (the cache policy's default and maximum TTL). */
    staticCacheSeconds: between(CLOUDFRONT_TTL_SECONDS),
    /**
     * API paths that only read (GET, HEAD, OPTIONS): never cached, but failed over within seconds
     * like static ones. CloudFront refuses every other method on them (an origin group admits no
     * more), so list only paths that take nothing else.
     */
    readOnlyPathPatterns: z.array(pathPattern),
    /** How the API (every method) reaches the regions: through their Route 53 failover name. */
    api: z.strictObject({
      /** Seconds the edge waits for the origin's first byte (a long GenAI answer needs time). */
      readTimeoutSeconds: between(CLOUDFRONT_ORIGIN.readTimeoutSeconds),
      /** Seconds the edge keeps an idle connection to the origin open. */
      keepaliveSeconds: between(CLOUDFRONT_ORIGIN.keepaliveSeconds),
    }),
    /**
     * When the edge gives up on the primary for read-only and static paths and asks the
     * secondary region: tight timeouts, so idempotent requests fail over within seconds.
     */
    originFailover: z.strictObject({
      connectionTimeoutSeconds: between(CLOUDFRONT_ORIGIN.connectionTimeoutSeconds),
      connectionAttempts: between(CLOUDFRONT_ORIGIN.connectionAttempts),
      readTimeoutSeconds: between(CLOUDFRONT_ORIGIN.readTimeoutSeconds),
      statusCodes: z
        .array(
          z.union(
            ORIGIN_FAILOVER_STATUS_CODES.map((code) => z.literal(code)),
            {
              error: `must be one of ${ORIGIN_FAILOVER_STATUS_CODES.join(", ")} (the codes an origin group fails over on)`,
            },
          ),
        )
        .min(1, "must name at least one status code"),
    }),
    /** Requests one client IP may make per 5 minutes at the edge before WAF blocks it. */
    wafRateLimitPer5Minutes: between(WAF_RATE_LIMIT),
    /** Days the edge's access logs and WAF logs are kept. */
    logRetentionDays,
    /**
     * Generation of the secret header the edge sends and the ALBs require (docs/decisions.md).
     * Bump by one to rotate, then deploy `global` before the regions.
     */
    originSecretVersion: z.number().int().min(1),
  })
  .superRefine((edge, ctx) => {
    const seen = new Set<string>();
    for (const [field, patterns] of [
      ["staticPathPatterns", edge.staticPathPatterns],
      ["readOnlyPathPatterns", edge.readOnlyPathPatterns],
    ] as const) {
      patterns.forEach((pattern, index) => {
        if (seen.has(pattern)) {
          ctx.addIssue({
            code: "custom",
            path: [field, index],
            message: "must not repeat a path pattern (CloudFront refuses two behaviors with one pattern)",
          });
        }
        seen.add(pattern);
      });
    }
    const codes = edge.originFailover.statusCodes;
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) {
        ctx.addIssue({ code: "custom", path: ["originFailover", "statusCodes", index], message: "must not repeat" });
      }
    });
  });

export type EdgeConfig = z.infer<typeof edgeSchema>;

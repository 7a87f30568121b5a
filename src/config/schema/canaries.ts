import { z } from "zod";

/**
 * The canary script uses the `@aws/synthetics-puppeteer` package, which Synthetics ships from
 * `syn-nodejs-puppeteer-13.1` on (the older `Synthetics` module "will be deprecated"); AWS names
 * `syn-nodejs-puppeteer-15.0` "the most recent Synthetics runtime for Node.js and Puppeteer"
 * (CloudWatch user guide, "Runtime versions using Node.js and Puppeteer", read 2026-12-02).
 * Synthetics refuses to create a canary on a deprecated runtime; check the pinned one with
 * `aws synthetics describe-runtime-versions` before a first deploy (docs/observability.md).
 */
export const MIN_PUPPETEER_RUNTIME = { major: 13, minor: 1 } as const;
export const PUPPETEER_RUNTIME = /^syn-nodejs-puppeteer-(\d+)\.(\d+)$/;
/** CreateCanary: a rate between `rate(1 minute)` and `rate(1 hour)`. */
export const CANARY_SCHEDULE_MINUTES = { min: 1, max: 60 } as const;
/** CreateCanary: Success/FailureRetentionPeriodInDays, 1 to 1024 days. */
export const CANARY_RETENTION_DAYS = { min: 1, max: 1024 } as const;
/** A URL path the canary may call: absolute, no query string or fragment (no secrets in URLs). */
const URL_PATH = /^\/[A-Za-z0-9._~\-/]*$/;

const runtimeVersion = z
  .string()
  .regex(PUPPETEER_RUNTIME, "must be a Node.js Puppeteer runtime such as syn-nodejs-puppeteer-15.0")
  .refine((version) => {
    const match = PUPPETEER_RUNTIME.exec(version);
    if (match === null) return true; // the pattern has already said what is wrong
    const [, major, minor] = match;
    const { major: minMajor, minor: minMinor } = MIN_PUPPETEER_RUNTIME;
    return Number(major) > minMajor || (Number(major) === minMajor && Number(minor) >= minMinor);
  }, `must be syn-nodejs-puppeteer-${MIN_PUPPETEER_RUNTIME.major}.${MIN_PUPPETEER_RUNTIME.minor} or later (the script uses @aws/synthetics-puppeteer)`);

/**
 * CloudWatch Synthetics canaries: one per serving region against its own origin name, one in
 * `global` against the public API name; each calls the app's health and one read-only API path
 * over HTTPS.
 */
export const canariesSchema = z.strictObject({
  runtimeVersion,
  /**
   * Minutes between runs.
   * @default 1
   */
  scheduleMinutes: z.number().int().min(CANARY_SCHEDULE_MINUTES.min).max(CANARY_SCHEDULE_MINUTES.max).default(1),
  /** A read-only path of the app's API the canaries GET (no credentials; no query string). */
  readOnlyApiPath: z
    .string()
    .regex(URL_PATH, "must be an absolute URL path without query string, such as /api/v1/products"),
  /** Days Synthetics keeps the records of runs, and the artifact bucket keeps their files. */
  retentionDays: z.number().int().min(CANARY_RETENTION_DAYS.min).max(CANARY_RETENTION_DAYS.max),
});
export type CanariesConfig = z.output<typeof canariesSchema>;

import { z } from "zod";
import { AWS_REGIONS } from "../aws-regions";

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** A lower-case, dash-separated name part that fits every AWS resource name we build from it. */
export const RESOURCE_NAME_PART = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;

export const nonEmpty = z.string().trim().min(1, "must not be empty");

export const resourceNamePart = z.string().regex(RESOURCE_NAME_PART, "must be lower-case letters, digits and dashes");

export const awsRegion = z.enum(AWS_REGIONS, {
  error: () => "must be an AWS region code such as ap-east-2 (see src/config/aws-regions.ts)",
});

export const ipv4Cidr = z.cidrv4({ error: "must be an IPv4 CIDR block such as 10.0.0.0/16", abort: true });

/** True for a well-formed CIDR: cross-field rules skip values their own field already rejected. */
export const isValidCidr = (cidr: string): boolean => ipv4Cidr.safeParse(cidr).success;

/** ACM refuses a certificate whose first name is longer than 64 characters. */
export const MAX_CERTIFICATE_DOMAIN_LENGTH = 64;

export const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lower-case DNS name with at least two labels, e.g. genai-demo.example.com",
  );

export const email = z.email({ error: "must be an e-mail address" });

export const logRetentionDays = z
  .number()
  .refine(
    (days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days),
    `must be one of the CloudWatch Logs retention periods: ${LOG_RETENTION_DAYS.join(", ")}`,
  );

/** Adds a custom issue at `path` (relative to the object being refined). */
export type IssueReporter = (path: (string | number)[], message: string) => void;

export function issueReporter(ctx: z.RefinementCtx): IssueReporter {
  return (path, message) => ctx.addIssue({ code: "custom", path, message });
}

import { z } from "zod";
import { MAX_CERTIFICATE_DOMAIN_LENGTH, domainName, email, logRetentionDays, nonEmpty } from "./common";

/** The public domain and how its hosted zone is obtained. */
export const domainSchema = z.strictObject({
  /** The apex; it is the subject of every certificate, so ACM's 64-character limit applies. */
  name: domainName.max(
    MAX_CERTIFICATE_DOMAIN_LENGTH,
    `must be at most ${MAX_CERTIFICATE_DOMAIN_LENGTH} characters (ACM's limit for a certificate's first name)`,
  ),
  /** Days the DNS query logs of a created zone are kept. */
  queryLogRetentionDays: logRetentionDays,
  hostedZone: z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("create") }),
    z.strictObject({
      mode: z.literal("adopt"),
      zoneId: z.string().regex(/^Z[A-Z0-9]{4,31}$/, "must be a Route 53 zone id"),
    }),
  ]),
});

/** Who the `critical` and `warning` SNS topics e-mail. */
export const alertsSchema = z.strictObject({
  criticalEmails: z.array(email).min(1, "needs at least one address"),
  warningEmails: z.array(email).min(1, "needs at least one address"),
});

/**
 * Tag values AWS accepts: "letters, numbers, and spaces representable in UTF-8, and the following
 * characters: + - = . _ : / @", at most 256 characters (Tagging AWS resources, "Tag naming
 * limits and requirements", https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html,
 * read 2026-12-01).
 */
export const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const MAX_TAG_VALUE_LENGTH = 256;

const tagValue = nonEmpty
  .max(MAX_TAG_VALUE_LENGTH, `must be at most ${MAX_TAG_VALUE_LENGTH} characters (AWS's tag value limit)`)
  .regex(TAG_VALUE, "must hold only letters, digits, spaces and + - = . _ : / @ (AWS's tag value characters)");

export const tagsSchema = { owner: tagValue, costCenter: tagValue };

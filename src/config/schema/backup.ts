import { z } from "zod";

/** Hours between AWS Backup recovery points: divisors of a day, so every day looks the same. */
export const BACKUP_FREQUENCY_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
/** Days a recovery point may be kept: at least one, at most ten years. */
export const BACKUP_RETENTION_LIMITS = { min: 1, max: 3650 } as const;

/**
 * AWS Backup of the data tier in every region, with a copy of each recovery point in every other
 * configured region (the seeds: automated cross-region backups, 35 days).
 */
export const backupSchema = z.strictObject({
  /** Hours between recovery points; with `snapshot-copy` this is the database's RPO. */
  frequencyHours: z
    .number()
    .refine(
      (hours) => (BACKUP_FREQUENCY_HOURS as readonly number[]).includes(hours),
      `must be one of ${BACKUP_FREQUENCY_HOURS.join(", ")} (hours dividing a day)`,
    ),
  /** Days each recovery point is kept, in its own region and as a copy in the others. */
  retentionDays: z.number().int().min(BACKUP_RETENTION_LIMITS.min).max(BACKUP_RETENTION_LIMITS.max),
});

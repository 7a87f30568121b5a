/**
 * How a module guards what it holds against deletion, in one notion (aws-cdk's removal policy):
 * - `retain` (the default): Terraform refuses to destroy it (`prevent_destroy`), AWS refuses to
 *   delete it (deletion protection), containers that hold data (buckets, vaults, repositories)
 *   are never force-emptied, secrets keep their recovery window and backup vaults are locked;
 * - `destroy`: a short-lived environment tears down with one `terraform destroy`.
 * Stacks derive it once from config (`production`), and every module takes it under the same
 * name; the invariant tests check every stateful resource of a production stack is retained.
 */
export type Protection = "retain" | "destroy";

/** @default protection of every module: what is not said to be disposable is kept. */
export const DEFAULT_PROTECTION: Protection = "retain";

/** What one protection level means for each guard AWS and Terraform offer. */
export interface ProtectionSettings {
  /** Terraform's `lifecycle.prevent_destroy`. */
  readonly preventDestroy: boolean;
  /** The service's own deletion protection (EKS, ALB, RDS). */
  readonly deletionProtection: boolean;
  /** Delete a non-empty bucket, registry or vault with its contents. */
  readonly forceDestroy: boolean;
  /**
   * Take a final snapshot before deleting a database or cache. Kept even when disposable: the
   * one copy left after a mistaken destroy costs little.
   */
  readonly finalSnapshot: boolean;
  /** Lock backup vaults against early deletion of recovery points (governance mode). */
  readonly lockVaults: boolean;
  /** Days Secrets Manager keeps a deleted secret; `0` deletes at once. */
  readonly secretRecoveryWindowDays: number | undefined;
}

/** The guards of `protection`. */
export function protectionSettings(protection: Protection = DEFAULT_PROTECTION): ProtectionSettings {
  const retain = protection === "retain";
  return {
    preventDestroy: retain,
    deletionProtection: retain,
    forceDestroy: !retain,
    finalSnapshot: true,
    lockVaults: retain,
    // undefined leaves Secrets Manager's default (30 days).
    secretRecoveryWindowDays: retain ? undefined : 0,
  };
}

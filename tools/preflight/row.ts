/**
 * One line of the preflight table, and the helpers every check group builds them with. A row
 * says what was checked, where, what was found and, when it failed, how to fix it.
 */

/** PASS: as the config assumes. FAIL: the first deploy would break. SKIP: not checked (see result). */
export type Outcome = "PASS" | "FAIL" | "SKIP";

/** The `region` of a row about something outside any region (Route 53, Terraform Cloud). */
export const GLOBAL_REGION = "global";

export interface Row {
  /** What was checked, e.g. `region enabled` or `EKS add-on vpc-cni v1.21.1-eksbuild.7`. */
  readonly check: string;
  /** The AWS region asked, or {@link GLOBAL_REGION}. */
  readonly region: string;
  readonly outcome: Outcome;
  /** What AWS answered, in a few words. */
  readonly result: string;
  /** How to fix a FAIL (or enable a SKIP); empty on PASS. */
  readonly fix: string;
  /**
   * Set on a row that found the region unusable (not enabled): every other check of that
   * region would fail for that one reason, so the runner folds them into one SKIP row.
   */
  readonly blocksRegion?: boolean;
}

export function pass(check: string, region: string, result: string): Row {
  return { check, region, outcome: "PASS", result, fix: "" };
}

export function fail(check: string, region: string, result: string, fix: string): Row {
  return { check, region, outcome: "FAIL", result, fix };
}

export function skip(check: string, region: string, result: string, fix: string): Row {
  return { check, region, outcome: "SKIP", result, fix };
}

/** Error names AWS services use for a missing permission. */
const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedException",
  "Forbidden",
]);
const HTTP_FORBIDDEN = 403;

/** Whether `error` is AWS refusing the caller a permission (rather than a fault or a typo). */
export function isAccessDenied(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return ACCESS_DENIED.has(name ?? "") || $metadata?.httpStatusCode === HTTP_FORBIDDEN;
}

/** `Name: first line of the message`, short enough for a table cell. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const firstLine = error.message.split("\n")[0]?.trim() ?? "";
  return firstLine === "" || firstLine === error.name ? error.name : `${error.name}: ${firstLine}`;
}

/**
 * Runs one check's calls; a call that throws becomes a FAIL row naming the error and, for a
 * refused permission, the read-only action to grant. A preflight never stops at the first error:
 * the table is most useful when it lists every problem at once.
 */
export async function guarded(
  check: string,
  region: string,
  permission: string,
  body: () => Promise<Row | Row[]>,
): Promise<Row[]> {
  try {
    return [await body()].flat();
  } catch (error) {
    const fix = isAccessDenied(error)
      ? `grant ${permission} (read-only) to the identity running the preflight`
      : `the call ${permission} failed: check network access and credentials, then run again`;
    return [fail(check, region, describeError(error), fix)];
  }
}

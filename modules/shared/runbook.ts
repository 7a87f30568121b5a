/**
 * The operators' runbook. Every alarm's description ends with a link to the section that says
 * what the alarm means and what to do; `test/runbooks.test.ts` checks each link against the
 * headings of the file, so a renamed section breaks a test, not a page at 3 a.m.
 */
export const RUNBOOK_FILE = "docs/runbooks.md";

/** Sections of {@link RUNBOOK_FILE} by key; each value is the heading's anchor. */
export const RUNBOOK_SECTIONS = {
  availabilityBurn: "availability-slo-burning",
  latencyBurn: "latency-slo-burning",
  loadBalancer5xx: "load-balancer-5xx-rate",
  loadBalancerLatency: "load-balancer-p95-latency",
  unhealthyTargets: "unhealthy-targets",
  regionUnhealthy: "a-region-fails-its-health-check",
  allRegionsUnhealthy: "every-region-fails-its-health-check",
  regionCanary: "a-regions-canary-fails",
  publicCanary: "the-public-canary-fails",
  databaseLoad: "database-cpu-or-memory",
  databaseLag: "database-replication-lag",
  cacheLoad: "cache-cpu-or-memory",
  cacheLag: "cache-replication-lag",
  changeDataCaptureLag: "change-data-capture-lag",
} as const;
export type RunbookSection = keyof typeof RUNBOOK_SECTIONS;

/** `meaning`, then where the runbook says what to do. */
export function withRunbook(meaning: string, section: RunbookSection): string {
  return `${meaning} Runbook: ${RUNBOOK_FILE}#${RUNBOOK_SECTIONS[section]}`;
}

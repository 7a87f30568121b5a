/**
 * The designed failover time of a routed name, from the figures AWS documents (sources in
 * docs/failover.md):
 *
 * - detection: Route 53 declares an endpoint unhealthy after `failureThreshold` consecutive
 *   failed checks, one every `requestInterval` seconds; the last check can itself take up to the
 *   checker's timeout before it counts as failed;
 * - propagation: resolvers keep answering from cache for the record's TTL, and an alias to a
 *   load balancer always has a 60 s TTL.
 */

/** TTL resolvers hold an alias record that points at an Elastic Load Balancing load balancer. */
export const ALB_ALIAS_TTL_SECONDS = 60;
/**
 * Longest a Route 53 HTTPS string-matching check can take before it counts as failed: 4 s to
 * connect, 2 s for the status code, 2 s more for the body.
 */
export const HEALTH_CHECKER_TIMEOUT_SECONDS = 8;

export interface FailoverBudget {
  readonly detectionSeconds: number;
  readonly ttlSeconds: number;
  readonly totalSeconds: number;
}

export function failoverBudget(
  requestIntervalSeconds: number,
  failureThreshold: number,
  ttlSeconds: number = ALB_ALIAS_TTL_SECONDS,
): FailoverBudget {
  const detectionSeconds = requestIntervalSeconds * failureThreshold + HEALTH_CHECKER_TIMEOUT_SECONDS;
  return { detectionSeconds, ttlSeconds, totalSeconds: detectionSeconds + ttlSeconds };
}

/** Well-known TCP ports the platform opens, named so rules read as intent. */
export const PORTS = {
  http: 80,
  https: 443,
  postgres: 5432,
  redis: 6379,
} as const;

/** The whole IPv4 internet, for the few rules that must face it (ALB listeners, egress). */
export const ANY_IPV4 = "0.0.0.0/0";

/** Longest KMS key deletion waiting period: the most time to notice and cancel a mistake. */
export const KMS_MAX_DELETION_WINDOW_DAYS = 30;

/** Port the GenAI Demo container listens on; the ALB forwards to it. */
export const APP_CONTAINER_PORT = 8080;

/** Client-side ports return traffic comes back to (covers the NAT gateway's 1024-65535). */
export const EPHEMERAL_PORTS = { from: 1024, to: 65535 } as const;

/** DNS, for the VPC resolver. */
export const DNS_PORT = 53;

/** Where Container Insights publishes node, pod and cluster metrics. */
export const CONTAINER_INSIGHTS_NAMESPACE = "ContainerInsights";

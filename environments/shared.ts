import type { HealthCheckerRegion } from "../src/config/schema/failover";
import type { EnvironmentInput } from "../src/config/schema";

/**
 * Values every environment shares, kept in one place so the environment files state only what
 * differs. Spread them into an environment; override a field there when one must differ.
 */

/** Ownership and tagging. */
export const ownership = {
  project: "genai-demo",
  owner: "platform-team",
  costCenter: "CC-4021",
} as const;

/** Singapore: outside both serving regions, so either can be planned while the other is down. */
export const state = {
  backend: "s3",
  bucket: "genai-demo-terraform-state",
  region: "ap-southeast-1",
  keyPrefix: "",
} as const;

/**
 * The Kubernetes release every cluster runs, with the EKS add-on builds published for it
 * (`aws eks describe-addon-versions --kubernetes-version 1.34`). Upgrade a region at a time by
 * giving it the next release's object; see README, "EKS".
 */
export const eksRelease = {
  kubernetesVersion: "1.34",
  addonVersions: {
    vpcCni: "v1.21.1-eksbuild.7",
    coredns: "v1.13.2-eksbuild.4",
    kubeProxy: "v1.34.6-eksbuild.2",
    podIdentityAgent: "v1.3.10-eksbuild.1",
    ebsCsiDriver: "v1.57.1-eksbuild.1",
  },
  // Helm charts of the cluster's controllers, from their official repositories. The
  // cluster-autoscaler image follows the Kubernetes minor; the load balancer controller follows
  // the IAM policy in modules/eks-cluster/policies.
  charts: {
    awsLoadBalancerController: "1.12.0",
    metricsServer: "3.12.2",
    clusterAutoscaler: { chartVersion: "9.52.1", imageTag: "v1.34.2" },
  },
} as const;

/**
 * Where CI runners and Terraform Cloud agents reach the public API endpoint from. A
 * documentation range: replace with your runners' egress CIDRs.
 */
export const apiAllowList = ["203.0.113.0/24"];

/** The regional ALB, its targets and WAF, alike in every environment. */
export const ingress = {
  accessLogExpiryDays: 365,
  targetHealthCheck: { intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
  deregistrationDelaySeconds: 30,
  wafRateLimitPer5Minutes: 2000,
  wafLogRetentionDays: 365,
} as const;

/** The app's image repositories: keep the newest 100 images, drop untagged ones after a week. */
export const registry = { maxImageCount: 100, untaggedExpiryDays: 7 } as const;

/**
 * The data tier's settings every environment shares: engines, windows (UTC; Taipei and Tokyo
 * are at their quietest around 01:00-04:00 local, 16:00-19:00 UTC) and logging.
 */
export const databaseDefaults = {
  engineVersion: "16.6",
  databaseName: "genaidemo",
  masterUsername: "genai_admin",
  // 2: writes the secret again with its connection details (host, port), which DMS reads; a
  // write-only value reaches AWS only when this changes.
  masterPasswordVersion: 2,
  backupWindow: "16:00-17:00",
  maintenanceWindow: "sun:17:30-sun:18:30",
  performanceInsightsRetentionDays: 7,
  slowStatementMilliseconds: 1000,
  logRetentionDays: 365,
  // Used where replication resolves to dms-cdc (Taipei + Tokyo): one instance per secondary.
  changeDataCapture: {
    instanceClass: "dms.r6i.large",
    allocatedStorageGb: 100,
    engineVersion: "3.5.4",
    multiAz: true,
    // The task starts once the app's schema exists in the target (docs/data.md, first deploy);
    // set false to stop it (promotion), and it stays stopped through later deploys.
    running: true,
    schemas: ["public"] as string[],
  },
} as const;

export const cacheDefaults = {
  engine: "valkey",
  engineVersion: "8.0",
  snapshotWindow: "15:00-16:00",
  maintenanceWindow: "sun:18:30-sun:19:30",
  slowLogRetentionDays: 365,
} as const;

/** Route 53 health checkers: four regions spread over Asia-Pacific and the US. */
export const checkerRegions: HealthCheckerRegion[] = [
  "ap-northeast-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "us-west-2",
];

/** The recovery time objective of the architecture: five minutes. */
export const RTO_SECONDS = 300;

/**
 * Synthetic checks. The API path is a placeholder: replace it with a read-only endpoint of your
 * app that needs no credentials.
 */
export const canaries = {
  runtimeVersion: "syn-nodejs-puppeteer-15.0",
  readOnlyApiPath: "/api/v1/products",
  retentionDays: 31,
} as const;

/**
 * Container Insights through the EKS add-on amazon-cloudwatch-observability. AWS lists no region
 * for the add-on, so each region asserts it (`observabilityAddon` below) and `npm run preflight`
 * checks the build against the account (DescribeAddonVersions for the clusters' Kubernetes
 * version). v6.2.0-eksbuild.1 is the build AWS's add-on page names for OpenTelemetry Container
 * Insights; confirm it for Kubernetes 1.34 with preflight before a first deploy.
 *
 * The same agent forwards the app's OpenTelemetry data: traces to X-Ray (one new trace in ten
 * recorded; a trace the caller sampled is always kept) and metrics to a Prometheus workspace per
 * region, kept AMP's default 150 days.
 */
export const observability = {
  containerInsights: { addonVersion: "v6.2.0-eksbuild.1", logRetentionDays: 365 },
  tracing: { sampleRatio: 0.1 },
  prometheus: { retentionDays: 150 },
} as const;

/** A region's assertion that it offers the add-on above (src/config/region-capabilities.ts). */
export const observabilityAddon = ["eks-cloudwatch-observability-addon"] as const;

/**
 * The CloudFront edge (docs/dns.md). Static paths are cached a day; the read-only health path
 * fails over within seconds like them: 2 attempts x (2 s to connect + 5 s to answer) = 14 s at
 * worst before the secondary region is asked. The API itself may take a minute to answer (a
 * GenAI completion) and fails over with DNS.
 */
export const edge: NonNullable<EnvironmentInput["edge"]> = {
  priceClass: "PriceClass_200",
  staticPathPatterns: ["/static/*", "/assets/*", "/favicon.ico"],
  staticCacheSeconds: 86_400,
  readOnlyPathPatterns: ["/actuator/health*"],
  api: { readTimeoutSeconds: 60, keepaliveSeconds: 5 },
  originFailover: {
    connectionTimeoutSeconds: 2,
    connectionAttempts: 2,
    readTimeoutSeconds: 5,
    statusCodes: [500, 502, 503, 504],
  },
  wafRateLimitPer5Minutes: 2000,
  logRetentionDays: 365,
  originSecretVersion: 1,
};

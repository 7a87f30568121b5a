import type { EnvironmentInput } from "../src/config/schema";
import {
  edge,
  RTO_SECONDS,
  canaries,
  apiAllowList,
  cacheDefaults,
  checkerRegions,
  databaseDefaults,
  eksRelease,
  ingress,
  observability,
  observabilityAddon,
  ownership,
  registry,
  state,
} from "./shared";

/** Production's general-purpose nodes: 2 to 10, starting at `desiredSize`. */
const generalNodes = (desiredSize: number) => ({
  instanceTypes: ["m6i.large", "m5.large"],
  capacityType: "ON_DEMAND" as const,
  minSize: 2,
  desiredSize,
  maxSize: 10,
  diskSizeGiB: 50,
  labels: { workload: "general" },
});

/**
 * Production: Taipei serves, Tokyo stands by. Addresses and account-specific names here are
 * placeholders to replace with your own (see README, "Environments").
 */
export const production = {
  name: "production",
  production: true,
  ...ownership,
  domain: { name: "genai-demo.example.com", queryLogRetentionDays: 365, hostedZone: { mode: "create" } },
  state,
  alerts: {
    criticalEmails: ["oncall@example.com"],
    warningEmails: ["platform-team@example.com"],
  },
  costs: {
    monthlyBudgetUsd: 800,
    anomalyImpactUsd: 100,
  },
  slo: {
    // The seeds' targets: 99.9 % available, p95 under 200 ms.
    availability: { targetPercent: 99.9 },
    latency: { targetPercent: 95, thresholdSeconds: 0.2 },
  },
  canaries,
  observability,
  edge,
  network: {
    subnetPrefixLengths: { private: 19, public: 22, database: 22 },
    flowLogRetentionDays: 365,
  },
  kubernetes: {
    // Break-glass administrators besides the identity that runs Terraform (placeholder account).
    adminPrincipalArns: ["arn:aws:iam::111122223333:role/genai-demo-platform-admin"],
    controlPlaneLogRetentionDays: 365,
    releaseTimeoutSeconds: 600,
  },
  ingress,
  app: {
    image: { tag: "1.0.0" },
    springProfile: "production",
    replicas: { min: 2, max: 10 },
    resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
    registry,
  },
  failover: {
    healthCheck: { requestIntervalSeconds: 10, failureThreshold: 3, checkerRegions },
    rtoSeconds: RTO_SECONDS,
  },
  database: {
    ...databaseDefaults,
    instanceClass: "db.r6g.large",
    primaryReaders: 1,
    secondaryInstances: 2,
    backupRetentionDays: 30,
  },
  cache: { ...cacheDefaults, nodeType: "cache.r7g.large", nodes: 2, multiAz: true, snapshotRetentionDays: 7 },
  // Hourly recovery points, kept 35 days in each region and copied to the other. The database's
  // live copy in Tokyo is DMS change data capture (dms-cdc, the best Taipei + Tokyo allow).
  backup: { frequencyHours: 1, retentionDays: 35 },
  regions: [
    {
      key: "taipei",
      awsRegion: "ap-east-2",
      assertedCapabilities: [...observabilityAddon],
      role: "primary",
      vpcCidr: "10.0.0.0/16",
      availabilityZones: ["ap-east-2a", "ap-east-2b", "ap-east-2c"],
      natGateways: "per-az",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        // The primary carries the traffic: start with one node per AZ.
        nodeGroups: { general: generalNodes(3) },
      },
    },
    {
      key: "tokyo",
      awsRegion: "ap-northeast-1",
      assertedCapabilities: [...observabilityAddon],
      role: "secondary",
      vpcCidr: "10.1.0.0/16",
      availabilityZones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
      natGateways: "per-az",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        nodeGroups: { general: generalNodes(2) },
      },
    },
  ],
} satisfies EnvironmentInput;

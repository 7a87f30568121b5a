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

/** Staging's nodes: spot capacity over two instance types, 1 to 4, starting at `desiredSize`. */
const spotNodes = (desiredSize: number) => ({
  instanceTypes: ["t3.large", "t3a.large"],
  capacityType: "SPOT" as const,
  minSize: 1,
  desiredSize,
  maxSize: 4,
  diskSizeGiB: 30,
});

/** Staging: both regions, to rehearse failover, on smaller VPCs with one NAT gateway each. */
export const staging = {
  name: "staging",
  production: false,
  ...ownership,
  domain: { name: "staging.genai-demo.example.com", queryLogRetentionDays: 365, hostedZone: { mode: "create" } },
  state,
  alerts: {
    criticalEmails: ["platform-team@example.com"],
    warningEmails: ["platform-team@example.com"],
  },
  costs: {
    monthlyBudgetUsd: 300,
    anomalyImpactUsd: 50,
  },
  slo: {
    availability: { targetPercent: 99.5 },
    latency: { targetPercent: 95, thresholdSeconds: 0.5 },
  },
  canaries,
  observability,
  edge,
  network: {
    subnetPrefixLengths: { private: 21, public: 24, database: 24 },
    flowLogRetentionDays: 365,
  },
  kubernetes: { adminPrincipalArns: [], controlPlaneLogRetentionDays: 365, releaseTimeoutSeconds: 600 },
  ingress,
  app: {
    image: { tag: "1.0.0" },
    springProfile: "staging",
    replicas: { min: 2, max: 4 },
    resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    registry,
  },
  failover: {
    healthCheck: { requestIntervalSeconds: 30, failureThreshold: 3, checkerRegions },
    rtoSeconds: RTO_SECONDS,
  },
  database: {
    ...databaseDefaults,
    instanceClass: "db.r6g.large",
    primaryReaders: 1,
    secondaryInstances: 1,
    backupRetentionDays: 7,
    // Rehearses production's replication on a smaller, single-AZ replication instance.
    changeDataCapture: { ...databaseDefaults.changeDataCapture, instanceClass: "dms.t3.medium", multiAz: false },
  },
  cache: { ...cacheDefaults, nodeType: "cache.m7g.large", nodes: 2, multiAz: true, snapshotRetentionDays: 7 },
  backup: { frequencyHours: 24, retentionDays: 7 },
  regions: [
    {
      key: "taipei",
      awsRegion: "ap-east-2",
      assertedCapabilities: [...observabilityAddon],
      role: "primary",
      vpcCidr: "10.16.0.0/18",
      availabilityZones: ["ap-east-2a", "ap-east-2b", "ap-east-2c"],
      natGateways: "single",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        nodeGroups: { general: spotNodes(2) },
      },
    },
    {
      key: "tokyo",
      awsRegion: "ap-northeast-1",
      assertedCapabilities: [...observabilityAddon],
      role: "secondary",
      vpcCidr: "10.17.0.0/18",
      availabilityZones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
      natGateways: "single",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        nodeGroups: { general: spotNodes(1) },
      },
    },
  ],
} satisfies EnvironmentInput;

import type { EnvironmentInput } from "../src/config/schema";
import {
  canaries,
  observability,
  observabilityAddon,
  apiAllowList,
  cacheDefaults,
  databaseDefaults,
  eksRelease,
  ingress,
  ownership,
  registry,
  state,
} from "./shared";

/** Development: Taipei only, two AZs, one NAT gateway, smallest sizes. */
export const development = {
  name: "development",
  production: false,
  ...ownership,
  domain: { name: "dev.genai-demo.example.com", queryLogRetentionDays: 365, hostedZone: { mode: "create" } },
  state,
  alerts: {
    criticalEmails: ["platform-team@example.com"],
    warningEmails: ["platform-team@example.com"],
  },
  costs: {
    monthlyBudgetUsd: 100,
    anomalyImpactUsd: 25,
  },
  slo: {
    availability: { targetPercent: 99 },
    latency: { targetPercent: 95, thresholdSeconds: 1 },
  },
  canaries,
  observability,
  network: {
    subnetPrefixLengths: { private: 22, public: 25, database: 25 },
    flowLogRetentionDays: 365,
  },
  kubernetes: { adminPrincipalArns: [], controlPlaneLogRetentionDays: 365, releaseTimeoutSeconds: 600 },
  ingress,
  app: {
    image: { tag: "1.0.0" },
    springProfile: "development",
    // One replica is enough here; the PodDisruptionBudget then lets nodes drain.
    replicas: { min: 1, max: 3 },
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    registry,
  },
  database: {
    ...databaseDefaults,
    instanceClass: "db.r6g.large",
    primaryReaders: 1,
    secondaryInstances: 1,
    backupRetentionDays: 7,
  },
  cache: { ...cacheDefaults, nodeType: "cache.m7g.large", nodes: 2, multiAz: true, snapshotRetentionDays: 7 },
  backup: { frequencyHours: 24, retentionDays: 7 },
  regions: [
    {
      key: "taipei",
      awsRegion: "ap-east-2",
      assertedCapabilities: [...observabilityAddon],
      role: "primary",
      vpcCidr: "10.32.0.0/19",
      availabilityZones: ["ap-east-2a", "ap-east-2b"],
      natGateways: "single",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        nodeGroups: {
          general: {
            instanceTypes: ["t3.medium"],
            capacityType: "ON_DEMAND",
            minSize: 1,
            desiredSize: 1,
            maxSize: 3,
            diskSizeGiB: 20,
          },
        },
      },
    },
  ],
} satisfies EnvironmentInput;

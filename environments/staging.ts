import type { EnvironmentInput } from "../src/config/schema";
import { RTO_SECONDS, apiAllowList, checkerRegions, eksRelease, ingress, ownership, state } from "./shared";

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
  network: {
    subnetPrefixLengths: { private: 21, public: 24, database: 24 },
    flowLogRetentionDays: 365,
  },
  kubernetes: { adminPrincipalArns: [], controlPlaneLogRetentionDays: 365 },
  ingress,
  failover: {
    healthCheck: { requestIntervalSeconds: 30, failureThreshold: 3, checkerRegions },
    rtoSeconds: RTO_SECONDS,
  },
  regions: [
    {
      key: "taipei",
      awsRegion: "ap-east-2",
      role: "primary",
      vpcCidr: "10.16.0.0/18",
      availabilityZones: ["ap-east-2a", "ap-east-2b", "ap-east-2c"],
      natGateways: "single",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        nodeGroups: {
          general: {
            instanceTypes: ["t3.large", "t3a.large"],
            capacityType: "SPOT",
            minSize: 1,
            desiredSize: 2,
            maxSize: 4,
            diskSizeGiB: 30,
          },
        },
      },
    },
    {
      key: "tokyo",
      awsRegion: "ap-northeast-1",
      role: "secondary",
      vpcCidr: "10.17.0.0/18",
      availabilityZones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
      natGateways: "single",
      eks: {
        ...eksRelease,
        publicAccessCidrs: apiAllowList,
        nodeGroups: {
          general: {
            instanceTypes: ["t3.large", "t3a.large"],
            capacityType: "SPOT",
            minSize: 1,
            desiredSize: 1,
            maxSize: 4,
            diskSizeGiB: 30,
          },
        },
      },
    },
  ],
} satisfies EnvironmentInput;

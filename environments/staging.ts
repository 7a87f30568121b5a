import type { EnvironmentInput } from "../src/config/schema";

/** Staging: both regions, to rehearse failover, on smaller VPCs with one NAT gateway each. */
export const staging = {
  name: "staging",
  production: false,
  project: "genai-demo",
  owner: "platform-team",
  costCenter: "CC-4021",
  domain: { name: "staging.genai-demo.example.com", queryLogRetentionDays: 365, hostedZone: { mode: "create" } },
  state: { backend: "s3", bucket: "genai-demo-terraform-state", region: "ap-southeast-1", keyPrefix: "" },
  alerts: {
    criticalEmails: ["platform-team@example.com"],
    warningEmails: ["platform-team@example.com"],
  },
  network: {
    subnetPrefixLengths: { private: 21, public: 24, database: 24 },
    flowLogRetentionDays: 365,
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
        kubernetesVersion: "1.34",
        publicAccessCidrs: ["203.0.113.0/24"],
        nodeGroup: { instanceTypes: ["t3.large"], minSize: 1, desiredSize: 2, maxSize: 4, diskSizeGiB: 30 },
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
        kubernetesVersion: "1.34",
        publicAccessCidrs: ["203.0.113.0/24"],
        nodeGroup: { instanceTypes: ["t3.large"], minSize: 1, desiredSize: 1, maxSize: 4, diskSizeGiB: 30 },
      },
    },
  ],
} satisfies EnvironmentInput;

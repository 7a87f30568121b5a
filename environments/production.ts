import type { EnvironmentInput } from "../src/config/schema";

/**
 * Production: Taipei serves, Tokyo stands by. Addresses and account-specific names here are
 * placeholders to replace with your own (see README, "Environments").
 */
export const production = {
  name: "production",
  production: true,
  project: "genai-demo",
  owner: "platform-team",
  costCenter: "CC-4021",
  domain: { name: "genai-demo.example.com", queryLogRetentionDays: 365, hostedZone: { mode: "create" } },
  // Singapore: outside both serving regions, so either can be planned while the other is down.
  state: { backend: "s3", bucket: "genai-demo-terraform-state", region: "ap-southeast-1", keyPrefix: "" },
  alerts: {
    criticalEmails: ["oncall@example.com"],
    warningEmails: ["platform-team@example.com"],
  },
  network: {
    subnetPrefixLengths: { private: 19, public: 22, database: 22 },
    flowLogRetentionDays: 365,
  },
  regions: [
    {
      key: "taipei",
      awsRegion: "ap-east-2",
      role: "primary",
      vpcCidr: "10.0.0.0/16",
      availabilityZones: ["ap-east-2a", "ap-east-2b", "ap-east-2c"],
      natGateways: "per-az",
      eks: {
        kubernetesVersion: "1.34",
        // CI runner / Terraform Cloud agent egress (documentation range: replace with yours).
        publicAccessCidrs: ["203.0.113.0/24"],
        nodeGroup: {
          instanceTypes: ["m6i.large", "m5.large"],
          minSize: 2,
          desiredSize: 3,
          maxSize: 10,
          diskSizeGiB: 50,
        },
      },
    },
    {
      key: "tokyo",
      awsRegion: "ap-northeast-1",
      role: "secondary",
      vpcCidr: "10.1.0.0/16",
      availabilityZones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
      natGateways: "per-az",
      eks: {
        kubernetesVersion: "1.34",
        publicAccessCidrs: ["203.0.113.0/24"],
        nodeGroup: {
          instanceTypes: ["m6i.large", "m5.large"],
          minSize: 2,
          desiredSize: 2,
          maxSize: 10,
          diskSizeGiB: 50,
        },
      },
    },
  ],
} satisfies EnvironmentInput;

import type { EnvironmentInput } from "../src/config/schema";

/** Development: Taipei only, two AZs, one NAT gateway, smallest sizes. */
export const development = {
  name: "development",
  production: false,
  project: "genai-demo",
  owner: "platform-team",
  costCenter: "CC-4021",
  domain: { name: "dev.genai-demo.example.com", queryLogRetentionDays: 365, hostedZone: { mode: "create" } },
  state: { backend: "s3", bucket: "genai-demo-terraform-state", region: "ap-southeast-1", keyPrefix: "" },
  alerts: {
    criticalEmails: ["platform-team@example.com"],
    warningEmails: ["platform-team@example.com"],
  },
  network: {
    subnetPrefixLengths: { private: 22, public: 25, database: 25 },
    flowLogRetentionDays: 365,
  },
  regions: [
    {
      key: "taipei",
      awsRegion: "ap-east-2",
      role: "primary",
      vpcCidr: "10.32.0.0/19",
      availabilityZones: ["ap-east-2a", "ap-east-2b"],
      natGateways: "single",
      eks: {
        kubernetesVersion: "1.34",
        publicAccessCidrs: ["203.0.113.0/24"],
        nodeGroup: { instanceTypes: ["t3.medium"], minSize: 1, desiredSize: 1, maxSize: 3, diskSizeGiB: 20 },
      },
    },
  ],
} satisfies EnvironmentInput;

/**
 * The config the preflight's tests run on: production as validated, with the fields the tests
 * assert on pinned here, so a change to environments/ (a new Kubernetes release, other instance
 * types) does not break tests of the checks themselves.
 */
import { loadEnvironmentConfig } from "../../../src/config/load";
import type { AwsRegion } from "../../../src/config/aws-regions";
import type { EnvironmentConfig, RegionConfig } from "../../../src/config/schema";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import type { FakeAccount } from "./fake-clients";

export const ADDON_PINS = {
  vpcCni: "v1.21.1-eksbuild.7",
  coredns: "v1.13.2-eksbuild.4",
  kubeProxy: "v1.34.6-eksbuild.2",
  podIdentityAgent: "v1.3.10-eksbuild.1",
  ebsCsiDriver: "v1.57.1-eksbuild.1",
};

function pinnedRegion(region: RegionConfig, awsRegion: AwsRegion, zones: string[]): RegionConfig {
  const general = Object.values(region.eks.nodeGroups)[0]!;
  return {
    ...region,
    awsRegion,
    assertedCapabilities: [],
    availabilityZones: zones,
    eks: {
      ...region.eks,
      kubernetesVersion: "1.34",
      addonVersions: ADDON_PINS,
      nodeGroups: { general: { ...general, instanceTypes: ["m6i.large", "m5.large"] } },
    },
  };
}

/** Taipei (ap-east-2 a-c) and Tokyo (ap-northeast-1 a, c, d), state in ap-southeast-1. */
export function production(): EnvironmentConfig {
  const config = loadEnvironmentConfig({ GENAI_ENV: "production" }).config;
  const [first, second] = config.regions;
  return {
    ...config,
    domain: { ...config.domain, name: "genai-demo.example.com", hostedZone: { mode: "create" } },
    state: { backend: "s3", bucket: "genai-demo-terraform-state", region: "ap-southeast-1", keyPrefix: "" },
    database: { ...config.database, engineVersion: "16.6", instanceClass: "db.r6g.large" },
    cache: { ...config.cache, engine: "valkey", engineVersion: "8.0", nodeType: "cache.r7g.large" },
    // Container Insights has its own tests (capabilities.test.ts); the rest run without it.
    observability: undefined,
    regions: [
      { ...pinnedRegion(first!, "ap-east-2", ["ap-east-2a", "ap-east-2b", "ap-east-2c"]), key: "taipei" },
      {
        ...pinnedRegion(second ?? first!, "ap-northeast-1", ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]),
        key: "tokyo",
      },
    ],
  };
}

/** The config's own state bucket, versioned and encrypted as bootstrap-state-bucket.sh makes it. */
export function wellKeptAccount(config: EnvironmentConfig, extra: Partial<FakeAccount> = {}): FakeAccount {
  const buckets =
    config.state.backend === "s3"
      ? { [config.state.bucket]: { region: config.state.region, versioning: "Enabled", encryption: ["aws:kms"] } }
      : {};
  return { catalogue: catalogueFor(config), buckets, ...extra };
}

/** `config` with its regions narrowed to the first (the primary): fewer rows to read in a test. */
export function primaryOnly(config: EnvironmentConfig): EnvironmentConfig {
  return { ...config, regions: [config.regions[0]!] };
}

import { AWS_REGIONS, type AwsRegion } from "./aws-regions";

/**
 * Cross-region features this platform relies on. A region offers one only where AWS says so in
 * the page cited next to the table below; anything unknown counts as not offered. An environment
 * may assert one the table lacks (`regions[].assertedCapabilities`, for regions AWS added after
 * the table was read); `npm run preflight` then checks the assertion against the account.
 */
export const REGION_CAPABILITIES = [
  "aurora-postgresql-global-database",
  "elasticache-global-datastore",
  "dms",
  "inter-region-vpc-peering",
  "eks-cloudwatch-observability-addon",
  "aws-xray",
  "amazon-managed-prometheus",
] as const;
export type RegionCapability = (typeof REGION_CAPABILITIES)[number];

/** Where each capability's regions come from, and when we read it. */
export const CAPABILITY_SOURCES: Record<RegionCapability, { readonly page: string; readonly read: string }> = {
  // "Supported Regions and DB engines for Aurora global databases". The Aurora PostgreSQL table
  // we could read lists Tokyo, Osaka and Seoul; the page's Aurora MySQL column marks Asia Pacific
  // (Taipei) "Not available", and no copy we could read shows Taipei in the PostgreSQL table.
  "aurora-postgresql-global-database": {
    page: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.GlobalDatabase.html",
    read: "2026-12-01",
  },
  // "Prerequisites and limitations" of ElastiCache global datastores: "Asia Pacific - Hong Kong,
  // Hyderabad, Jakarta, Malaysia, Melbourne, Mumbai, Osaka, Seoul, Singapore, Sydney, Thailand,
  // and Tokyo". Taipei is not on it.
  "elasticache-global-datastore": {
    page: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html",
    read: "2026-12-01",
  },
  // "Working with an AWS DMS replication instance": "You can create an AWS DMS replication
  // instance in the following AWS Regions", a table that lists Asia Pacific (Taipei) ap-east-2
  // and Asia Pacific (Tokyo) ap-northeast-1.
  dms: {
    page: "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.html",
    read: "2026-12-02",
  },
  // Amazon VPC FAQs, "Can I create a peering connection to a VPC in a different region?": "Inter-
  // region VPC peering is available globally in all commercial regions (excluding China)". A
  // rule, not a list: every region of AWS_REGIONS is commercial and outside China.
  "inter-region-vpc-peering": {
    page: "https://aws.amazon.com/vpc/faqs/",
    read: "2026-12-02",
  },
  // "Amazon CloudWatch Observability" EKS add-on: the page describes the add-on and its Pod
  // Identity role (add-on 3.1.0 and later) but lists no regions, and no region table we could read
  // names it. No region is listed here; an environment asserts it per region, and `npm run
  // preflight` asks the account (DescribeAddonVersions) whether the pinned build is offered.
  "eks-cloudwatch-observability-addon": {
    page: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-setup-EKS-addon.html",
    read: "2026-12-02",
  },
  // AWS's SDK endpoint metadata (botocore 1.44.8 data/endpoints.json, partition "aws"): the
  // services "xray" and "aps" list an endpoint in every region of AWS_REGIONS, Taipei included.
  // The General Reference's endpoint tables were cut off before the Taipei row in every copy we
  // could read, so the SDK's metadata is the source.
  "aws-xray": {
    page: "https://github.com/boto/botocore/blob/1.44.8/botocore/data/endpoints.json (service xray)",
    read: "2026-12-02",
  },
  "amazon-managed-prometheus": {
    page: "https://github.com/boto/botocore/blob/1.44.8/botocore/data/endpoints.json (service aps)",
    read: "2026-12-02",
  },
};

/** Regions (of {@link AwsRegion}) listed for each capability on the pages above. */
const OFFERED: Record<RegionCapability, readonly AwsRegion[]> = {
  "aurora-postgresql-global-database": ["ap-northeast-1", "ap-northeast-2", "ap-northeast-3"],
  "elasticache-global-datastore": [
    "af-south-1",
    "ap-east-1",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-4",
    "ap-south-1",
    "ap-northeast-3",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-7",
    "ap-northeast-1",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-west-2",
    "eu-west-1",
    "eu-south-1",
    "eu-west-3",
    "eu-south-2",
    "eu-north-1",
    "eu-central-2",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "mx-central-1",
    "sa-east-1",
  ],
  dms: [
    "us-east-2",
    "us-east-1",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-4",
    "ap-south-1",
    "ap-northeast-3",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-east-2",
    "ap-southeast-7",
    "ap-northeast-1",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-south-1",
    "eu-west-3",
    "eu-south-2",
    "eu-north-1",
    "eu-central-2",
    "il-central-1",
    "mx-central-1",
    "me-south-1",
    "me-central-1",
    "sa-east-1",
  ],
  "inter-region-vpc-peering": AWS_REGIONS,
  "eks-cloudwatch-observability-addon": [],
  "aws-xray": AWS_REGIONS,
  "amazon-managed-prometheus": AWS_REGIONS,
};

/**
 * Regions launched after 2019-03-20, which AWS keeps disabled until the account enables them
 * ("Enable or disable AWS Regions in your account",
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html, read
 * 2026-12-01: "Regions launched after March 20, 2019 are disabled by default"). The page gives
 * the rule, not a list; this list applies the rule to each region's launch.
 */
export const OPT_IN_REGIONS: readonly AwsRegion[] = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
];

/** Whether AWS's pages list `region` for `capability` (unknown: no). */
export function regionOffers(region: string, capability: RegionCapability): boolean {
  return (OFFERED[capability] as readonly string[]).includes(region);
}

/** The capability's source, for messages: "<page> (read <date>)". */
export function capabilitySource(capability: RegionCapability): string {
  const { page, read } = CAPABILITY_SOURCES[capability];
  return `${page} (read ${read})`;
}

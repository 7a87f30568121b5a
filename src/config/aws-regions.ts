/**
 * Commercial AWS regions a stack may be placed in. Kept as an explicit, reviewable list so a
 * typo such as `ap-east2` fails validation instead of failing at `terraform plan` time.
 * Extend it when AWS opens a region we want to use.
 */
export const AWS_REGIONS = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
] as const;

export type AwsRegion = (typeof AWS_REGIONS)[number];

/**
 * Route 53 publishes health-check metrics only in us-east-1, so the alarms on them, and the
 * SNS topics those alarms notify, must live there.
 */
export const ROUTE53_METRICS_REGION: AwsRegion = "us-east-1";

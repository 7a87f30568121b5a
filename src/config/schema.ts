import { z } from "zod";
import { SUBNET_SLOTS_PER_TIER, SubnetPlanError, cidrsOverlap, planSubnets } from "../../modules/network/subnet-plan";
import { AWS_REGIONS } from "./aws-regions";

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Oldest Kubernetes minor version EKS still gives standard support to (1.28 is long gone). */
export const MIN_KUBERNETES_MINOR = 32;

/** A stack id becomes part of resource names and the state key: keep it short and DNS-safe. */
const REGION_KEY = /^[a-z][a-z0-9]{1,19}$/;
/** Stack id of the global stack, so no region may use it. */
export const GLOBAL_STACK_ID = "global";
/**
 * Longest `<project>-<env>-<region>` prefix: the longest suffix we append is 26 characters and
 * IAM role names stop at 64.
 */
export const MAX_NAME_PREFIX_LENGTH = 38;
const RESOURCE_NAME_PART = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const S3_BUCKET_NAME = /^(?!xn--)(?!.*-s3alias$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KUBERNETES_VERSION = /^1\.(\d+)$/;
const OPEN_TO_THE_WORLD = "0.0.0.0/0";

const nonEmpty = z.string().trim().min(1, "must not be empty");
const awsRegion = z.enum(AWS_REGIONS, {
  error: () => "must be an AWS region code such as ap-east-2 (see src/config/aws-regions.ts)",
});
const ipv4Cidr = z.cidrv4({ error: "must be an IPv4 CIDR block such as 10.0.0.0/16" });
const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lower-case DNS name with at least two labels, e.g. genai-demo.example.com",
  );
const email = z.email({ error: "must be an e-mail address" });
const prefixLength = z.number().int().min(16).max(28);
const logRetentionDays = z
  .number()
  .refine(
    (days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days),
    `must be one of the CloudWatch Logs retention periods: ${LOG_RETENTION_DAYS.join(", ")}`,
  );

const nodeGroupSchema = z
  .strictObject({
    /** EC2 instance types, first one preferred. */
    instanceTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "must be an EC2 instance type")).min(1),
    minSize: z.number().int().min(0).max(100),
    desiredSize: z.number().int().min(0).max(100),
    maxSize: z.number().int().min(1).max(100),
    diskSizeGiB: z.number().int().min(20).max(1000),
  })
  .superRefine((group, ctx) => {
    if (!(group.minSize <= group.desiredSize && group.desiredSize <= group.maxSize)) {
      ctx.addIssue({
        code: "custom",
        path: ["desiredSize"],
        message: `node group sizes must satisfy minSize <= desiredSize <= maxSize (got ${group.minSize} <= ${group.desiredSize} <= ${group.maxSize})`,
      });
    }
  });

const eksSchema = z.strictObject({
  kubernetesVersion: z
    .string()
    .regex(KUBERNETES_VERSION, "must be a Kubernetes minor version such as 1.33")
    .refine(
      (version) => Number(KUBERNETES_VERSION.exec(version)?.[1]) >= MIN_KUBERNETES_MINOR,
      `must be 1.${MIN_KUBERNETES_MINOR} or newer (older versions are out of EKS standard support)`,
    ),
  /**
   * CIDRs allowed to reach the public API endpoint (CI runners, Terraform Cloud agents). Empty
   * means the endpoint is private only.
   */
  publicAccessCidrs: z.array(ipv4Cidr),
  nodeGroup: nodeGroupSchema,
});

const regionSchema = z.strictObject({
  /** Stack id and name component, e.g. `taipei`. */
  key: z.string().regex(REGION_KEY, "must be 2-20 lower-case letters or digits, starting with a letter"),
  awsRegion,
  role: z.enum(["primary", "secondary"], { error: () => 'must be "primary" or "secondary"' }),
  vpcCidr: ipv4Cidr,
  /** AZ names, e.g. `ap-east-2a`; their number is the AZ count of every subnet tier. */
  availabilityZones: z
    .array(z.string())
    .min(2, "needs at least 2 availability zones")
    .max(SUBNET_SLOTS_PER_TIER, `the subnet plan supports at most ${SUBNET_SLOTS_PER_TIER} availability zones`),
  /** `per-az` keeps egress alive through an AZ outage; `single` saves cost outside production. */
  natGateways: z.enum(["per-az", "single"], { error: () => 'must be "per-az" or "single"' }),
  eks: eksSchema,
});

const s3StateSchema = z.strictObject({
  backend: z.literal("s3"),
  bucket: z.string().regex(S3_BUCKET_NAME, "must be a valid S3 bucket name"),
  region: awsRegion,
  /** Prefix before `<project>/<env>/<stack>.tfstate`; empty for none. */
  keyPrefix: z.string().regex(/^([a-zA-Z0-9._-]+\/)*$/, 'must be empty or end with "/"'),
  /** Optional DynamoDB table for locking alongside the S3 lockfile (legacy pipelines). */
  dynamodbTable: z.string().min(3).max(255).optional(),
  /** Optional KMS key (ARN or alias) the state objects are encrypted with. */
  kmsKeyId: z.string().min(1).optional(),
});

const cloudStateSchema = z.strictObject({
  backend: z.literal("cloud"),
  organization: nonEmpty,
  /** Terraform Cloud project the workspaces belong to. */
  project: nonEmpty.optional(),
  hostname: domainName.optional(),
  /** Workspace name prefix; the workspace is `<prefix>-<stack>`. */
  workspacePrefix: z.string().regex(RESOURCE_NAME_PART, "must be lower-case letters, digits and dashes"),
});

export const environmentSchema = z
  .strictObject({
    name: z.string().regex(RESOURCE_NAME_PART, "must be lower-case letters, digits and dashes"),
    /** Production turns on stricter rules and protection of stateful resources. */
    production: z.boolean(),
    project: z.string().regex(RESOURCE_NAME_PART, "must be lower-case letters, digits and dashes"),
    owner: nonEmpty,
    costCenter: nonEmpty,
    domain: z.strictObject({
      name: domainName,
      /** Days the DNS query logs of a created zone are kept. */
      queryLogRetentionDays: logRetentionDays,
      hostedZone: z.discriminatedUnion("mode", [
        z.strictObject({ mode: z.literal("create") }),
        z.strictObject({
          mode: z.literal("adopt"),
          zoneId: z.string().regex(/^Z[A-Z0-9]{4,31}$/, "must be a Route 53 zone id"),
        }),
      ]),
    }),
    state: z.discriminatedUnion("backend", [s3StateSchema, cloudStateSchema]),
    alerts: z.strictObject({
      criticalEmails: z.array(email).min(1, "needs at least one address"),
      warningEmails: z.array(email).min(1, "needs at least one address"),
    }),
    network: z.strictObject({
      subnetPrefixLengths: z.strictObject({ private: prefixLength, public: prefixLength, database: prefixLength }),
      flowLogRetentionDays: logRetentionDays,
    }),
    regions: z.array(regionSchema).min(1, "needs at least one region"),
  })
  .superRefine((env, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    // zod still runs this refinement when a field failed its own check; skip what is already reported.
    const validCidr = (cidr: string) => ipv4Cidr.safeParse(cidr).success;

    const primaries = env.regions.filter((region) => region.role === "primary");
    if (primaries.length !== 1) {
      issue(["regions"], `exactly one region must have role "primary" (found ${primaries.length})`);
    }

    env.regions.forEach((region, i) => {
      if (region.key === GLOBAL_STACK_ID) {
        issue(["regions", i, "key"], `"${GLOBAL_STACK_ID}" is the global stack's id; choose another region key`);
      }
      const namePrefix = `${env.project}-${env.name}-${region.key}`;
      if (namePrefix.length > MAX_NAME_PREFIX_LENGTH) {
        issue(
          ["regions", i, "key"],
          `resource name prefix "${namePrefix}" (project-environment-region) must be at most ${MAX_NAME_PREFIX_LENGTH} characters`,
        );
      }
      env.regions.slice(0, i).forEach((earlier, j) => {
        if (earlier.key === region.key) {
          issue(["regions", i, "key"], `region keys must be unique (regions[${j}] is also "${region.key}")`);
        }
        if (earlier.awsRegion === region.awsRegion) {
          issue(
            ["regions", i, "awsRegion"],
            `each AWS region may host one stack (regions[${j}] is also ${region.awsRegion})`,
          );
        }
        if (validCidr(earlier.vpcCidr) && validCidr(region.vpcCidr) && cidrsOverlap(earlier.vpcCidr, region.vpcCidr)) {
          issue(
            ["regions", i, "vpcCidr"],
            `VPC CIDRs must not overlap between regions (overlaps regions[${j}].vpcCidr ${earlier.vpcCidr})`,
          );
        }
      });

      region.availabilityZones.forEach((zone, z) => {
        if (!new RegExp(`^${region.awsRegion}[a-z]$`).test(zone)) {
          issue(
            ["regions", i, "availabilityZones", z],
            `must be an availability zone of ${region.awsRegion}, e.g. ${region.awsRegion}a`,
          );
        }
      });
      if (new Set(region.availabilityZones).size !== region.availabilityZones.length) {
        issue(["regions", i, "availabilityZones"], "availability zones must be distinct");
      }

      try {
        if (validCidr(region.vpcCidr))
          planSubnets(region.vpcCidr, region.availabilityZones.length, env.network.subnetPrefixLengths);
      } catch (error) {
        if (!(error instanceof SubnetPlanError)) throw error;
        issue(["regions", i, "vpcCidr"], `must hold the subnet plan: ${error.message}`);
      }

      if (env.production && region.eks.publicAccessCidrs.includes(OPEN_TO_THE_WORLD)) {
        issue(
          ["regions", i, "eks", "publicAccessCidrs"],
          "production must not open the EKS API endpoint to 0.0.0.0/0; list the CI / Terraform Cloud egress CIDRs",
        );
      }
    });
  });

/** What an `environments/*.ts` file or a `GENAI_CONFIG` JSON file holds. */
export type EnvironmentInput = z.input<typeof environmentSchema>;
/** A validated environment: every rule in {@link environmentSchema} holds. */
export type EnvironmentConfig = z.output<typeof environmentSchema>;
export type RegionConfig = EnvironmentConfig["regions"][number];
export type StateConfig = EnvironmentConfig["state"];

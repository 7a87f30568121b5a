import { z } from "zod";
import { SubnetPlanError, cidrsOverlap, planSubnets } from "../../../modules/network/subnet-plan";
import { appSchema, checkAppForEnvironment } from "./app";
import { isValidCidr, issueReporter, resourceNamePart } from "./common";
import { LINKED_ROLE_SERVICES } from "../../../modules/shared/service-linked-role";
import { backupSchema } from "./backup";
import { cacheSchema, databaseSchema } from "./data";
import {
  REPLICATION_STACK_PREFIX,
  bestCacheReplication,
  bestDatabaseReplication,
  checkDataTierReplication,
} from "./replication";
import { checkEksForEnvironment, kubernetesSchema } from "./eks";
import { checkFailoverForEnvironment, failoverSchema } from "./failover";
import { alertsSchema, domainSchema, tagsSchema } from "./global";
import { costsSchema } from "./costs";
import { sloSchema } from "./slo";
import { canariesSchema } from "./canaries";
import { checkObservabilityForEnvironment, observabilitySchema } from "./observability";
import { edgeSchema } from "./edge";
import { ingressSchema } from "./ingress";
import { networkSchema } from "./network";
import { regionSchema } from "./region";
import { TERRAFORM_CLOUD_STACK_ID, stateSchema } from "./state";

export { LOG_RETENTION_DAYS } from "./common";
export { cpuMillicores, memoryBytes } from "./app";
export { MAX_KUBERNETES_MINOR, MIN_KUBERNETES_MINOR, NODE_AMI_TYPES, PROVIDER_AUTHENTICATION } from "./eks";

/** Stack id of the global stack, so no region may use it. */
export const GLOBAL_STACK_ID = "global";
export { TERRAFORM_CLOUD_STACK_ID } from "./state";
/**
 * Longest `<project>-<env>-<region>` prefix: it is the whole name of the region's load balancer
 * and target group, which stop at 32 characters (IAM role names, with our longest suffix of 26,
 * stop at 64).
 */
export const MAX_NAME_PREFIX_LENGTH = 32;

/**
 * An environment: one document per `environments/*.ts` file or `GENAI_CONFIG` JSON file. Each
 * section validates itself (see the neighbouring files); this root adds only the rules that
 * span regions or need the whole environment.
 */
export const environmentSchema = z
  .strictObject({
    name: resourceNamePart,
    /** Production turns on stricter rules and protection of stateful resources. */
    production: z.boolean(),
    project: resourceNamePart,
    ...tagsSchema,
    domain: domainSchema,
    state: stateSchema,
    alerts: alertsSchema,
    /** Monthly budget and cost anomaly alerts, to the warning topic. */
    costs: costsSchema,
    /** Availability and latency objectives, and the burn-rate alerts raised from them. */
    slo: sloSchema,
    /** Synthetic checks from outside: per serving region and on the public name. */
    canaries: canariesSchema,
    /** Cluster telemetry (Container Insights); left out, the clusters run no CloudWatch agent. */
    observability: observabilitySchema.optional(),
    network: networkSchema,
    kubernetes: kubernetesSchema,
    ingress: ingressSchema,
    /** The GenAI Demo app: its image, replicas and resources, in every region. */
    app: appSchema,
    /** The Aurora PostgreSQL database, and how the secondaries hold its data. */
    database: databaseSchema,
    /** The ElastiCache cache of every region, and whether the regions share it. */
    cache: cacheSchema,
    /** AWS Backup of the data tier, copied across the regions. */
    backup: backupSchema,
    /** DNS failover between the regions; required when more than one region serves. */
    failover: failoverSchema.optional(),
    /**
     * CloudFront in front of the regions for the public names, with WAF at the edge. Needs
     * `failover`: the edge reaches the API through the regions' failover name. Left out, the
     * public names point at the regions' load balancers directly.
     */
    edge: edgeSchema.optional(),
    regions: z.array(regionSchema).min(1, "needs at least one region"),
    /**
     * Services whose service-linked role already exists in the account (`npm run preflight`
     * tells). The `global` stack creates the others; creating one that exists fails.
     * @default []
     */
    existingServiceLinkedRoles: z
      .array(
        z.enum(LINKED_ROLE_SERVICES as [string, ...string[]], {
          error: () => `must be one of ${LINKED_ROLE_SERVICES.join(", ")}`,
        }),
      )
      .default([]),
    /**
     * Whether the account already has DMS's fixed-name roles `dms-vpc-role` and
     * `dms-cloudwatch-logs-role` (another environment's `global` made them, or someone used DMS
     * in the console). With `dms-cdc`, `global` creates them unless this says they exist.
     * @default false
     */
    existingDmsServiceRoles: z.boolean().default(false),
  })
  .superRefine((env, ctx) => {
    const issue = issueReporter(ctx);
    const primaries = env.regions.filter((region) => region.role === "primary");
    if (primaries.length !== 1) {
      issue(["regions"], `exactly one region must have role "primary" (found ${primaries.length})`);
    }
    checkFailoverForEnvironment(env, issue);
    checkAppForEnvironment(env, issue);
    checkDataTierReplication(env, issue);
    checkObservabilityForEnvironment(env, issue);
    if (env.edge !== undefined && env.failover === undefined) {
      issue(["edge"], "needs failover: the edge reaches the API through the regions' Route 53 failover name");
    }

    env.regions.forEach((region, i) => {
      const regionIssue = (path: (string | number)[], message: string) => issue(["regions", i, ...path], message);
      if (region.key === GLOBAL_STACK_ID) {
        regionIssue(["key"], `"${GLOBAL_STACK_ID}" is the global stack's id; choose another region key`);
      }
      if (region.key.startsWith(REPLICATION_STACK_PREFIX)) {
        regionIssue(
          ["key"],
          `must not start with "${REPLICATION_STACK_PREFIX}": replication link stacks are named so; choose another region key`,
        );
      }
      if (region.key === TERRAFORM_CLOUD_STACK_ID) {
        regionIssue(
          ["key"],
          `"${TERRAFORM_CLOUD_STACK_ID}" is the Terraform Cloud stack's id; choose another region key`,
        );
      }
      const namePrefix = `${env.project}-${env.name}-${region.key}`;
      if (namePrefix.length > MAX_NAME_PREFIX_LENGTH) {
        regionIssue(
          ["key"],
          `resource name prefix "${namePrefix}" (project-environment-region) must be at most ${MAX_NAME_PREFIX_LENGTH} characters`,
        );
      }
      env.regions.slice(0, i).forEach((earlier, j) => {
        if (earlier.key === region.key) {
          regionIssue(["key"], `region keys must be unique (regions[${j}] is also "${region.key}")`);
        }
        if (earlier.awsRegion === region.awsRegion) {
          regionIssue(["awsRegion"], `each AWS region may host one stack (regions[${j}] is also ${region.awsRegion})`);
        }
        if (
          isValidCidr(earlier.vpcCidr) &&
          isValidCidr(region.vpcCidr) &&
          cidrsOverlap(earlier.vpcCidr, region.vpcCidr)
        ) {
          regionIssue(
            ["vpcCidr"],
            `VPC CIDRs must not overlap between regions (overlaps regions[${j}].vpcCidr ${earlier.vpcCidr})`,
          );
        }
      });

      try {
        if (isValidCidr(region.vpcCidr))
          planSubnets(region.vpcCidr, region.availabilityZones.length, env.network.subnetPrefixLengths);
      } catch (error) {
        if (!(error instanceof SubnetPlanError)) throw error;
        regionIssue(["vpcCidr"], `must hold the subnet plan: ${error.message}`);
      }
      checkEksForEnvironment(env, region.eks, regionIssue);
    });
  })
  // Strategies left out resolve to the best the configured regions offer, so every later reader
  // sees one explicit choice.
  .transform((env) => ({
    ...env,
    database: { ...env.database, replication: env.database.replication ?? bestDatabaseReplication(env.regions) },
    cache: { ...env.cache, replication: env.cache.replication ?? bestCacheReplication(env.regions) },
  }));

/** What an `environments/*.ts` file or a `GENAI_CONFIG` JSON file holds. */
export type EnvironmentInput = z.input<typeof environmentSchema>;
/** A validated environment: every rule in {@link environmentSchema} holds. */
export type EnvironmentConfig = z.output<typeof environmentSchema>;
export type RegionConfig = EnvironmentConfig["regions"][number];
export type StateConfig = EnvironmentConfig["state"];
export type EksRegionConfig = RegionConfig["eks"];
export type NodeGroupConfig = EksRegionConfig["nodeGroups"][string];
export type AppConfig = EnvironmentConfig["app"];
export type DatabaseConfig = EnvironmentConfig["database"];
export type CacheConfig = EnvironmentConfig["cache"];
export type BackupConfig = EnvironmentConfig["backup"];
export type { SloConfig } from "./slo";

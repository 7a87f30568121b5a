/**
 * {@link PreflightClients} with the AWS SDK v3: one client per service and region, created on
 * first use. Credentials and region come from the SDK's usual chain (environment, profile, SSO);
 * the endpoint from `AWS_ENDPOINT_URL` when set (the SDK reads it natively; the emulated self-test
 * points it at moto). Every call is a Describe/Get/Head: the preflight changes nothing.
 */
import { AccountClient, GetRegionOptStatusCommand } from "@aws-sdk/client-account";
import {
  DatabaseMigrationServiceClient,
  paginateDescribeOrderableReplicationInstances,
} from "@aws-sdk/client-database-migration-service";
import {
  paginateDescribeInstanceTypeOfferings,
  paginateDescribeManagedPrefixLists,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { EKSClient, paginateDescribeAddonVersions, paginateDescribeClusterVersions } from "@aws-sdk/client-eks";
import {
  ElastiCacheClient,
  paginateDescribeCacheEngineVersions,
  paginateDescribeReservedCacheNodesOfferings,
} from "@aws-sdk/client-elasticache";
import {
  RDSClient,
  paginateDescribeDBEngineVersions,
  paginateDescribeOrderableDBInstanceOptions,
} from "@aws-sdk/client-rds";
import { GetHostedZoneCommand, Route53Client } from "@aws-sdk/client-route-53";
import {
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { BucketLookup, PreflightClients } from "./clients";
import { terraformCloudReads } from "./terraform-cloud";

/**
 * Each call may be retried (throttling), but a hung connection must not stall the table: at most
 * 3 attempts of 10 s, so even an unreachable endpoint ends the run within a minute (milliseconds).
 */
const CLIENT_SETTINGS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 10_000 },
} as const;
/** The region global services (Account, Route 53, IAM) are addressed in. */
const GLOBAL_SERVICE_REGION = "us-east-1";
const HTTP_NOT_FOUND = 404;
const HTTP_FORBIDDEN = 403;

/** One client per region, made on first use: a run talks to each region many times at once. */
function perRegion<T>(make: (region: string) => T): (region: string) => T {
  const made = new Map<string, T>();
  return (region) => {
    if (!made.has(region)) made.set(region, make(region));
    return made.get(region)!;
  };
}

/** Collects `pick(page)` over every page of a paginator. */
async function collect<Page, Item>(
  pages: AsyncIterable<Page>,
  pick: (page: Page) => Item[] | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

const httpStatus = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const errorName = (error: unknown) => (error as { name?: string }).name;

/** The SDK-backed reads; `env` supplies the Terraform Cloud tokens. */
export function awsClients(env: NodeJS.ProcessEnv = process.env): PreflightClients {
  const ec2 = perRegion((region) => new EC2Client({ region, ...CLIENT_SETTINGS }));
  const rds = perRegion((region) => new RDSClient({ region, ...CLIENT_SETTINGS }));
  const elasticache = perRegion((region) => new ElastiCacheClient({ region, ...CLIENT_SETTINGS }));
  const eks = perRegion((region) => new EKSClient({ region, ...CLIENT_SETTINGS }));
  const dms = perRegion((region) => new DatabaseMigrationServiceClient({ region, ...CLIENT_SETTINGS }));
  // followRegionRedirects: HeadBucket then reports the region of a bucket that lives elsewhere.
  const s3 = perRegion((region) => new S3Client({ region, followRegionRedirects: true, ...CLIENT_SETTINGS }));
  const account = new AccountClient({ region: GLOBAL_SERVICE_REGION, ...CLIENT_SETTINGS });
  const route53 = new Route53Client({ region: GLOBAL_SERVICE_REGION, ...CLIENT_SETTINGS });
  const iam = new IAMClient({ region: GLOBAL_SERVICE_REGION, ...CLIENT_SETTINGS });

  return {
    account: {
      async regionOptStatus(region) {
        const answer = await account.send(new GetRegionOptStatusCommand({ RegionName: region }));
        return answer.RegionOptStatus ?? "UNKNOWN";
      },
    },
    ec2: {
      instanceTypeOfferings: (region, instanceTypes, zones) =>
        collect(
          paginateDescribeInstanceTypeOfferings(
            { client: ec2(region) },
            {
              LocationType: "availability-zone",
              Filters: [
                { Name: "instance-type", Values: instanceTypes },
                { Name: "location", Values: zones },
              ],
            },
          ),
          (page) =>
            page.InstanceTypeOfferings?.map((offering) => ({
              instanceType: offering.InstanceType ?? "",
              zone: offering.Location ?? "",
            })),
        ),
      managedPrefixListNames: (region, names) =>
        collect(
          paginateDescribeManagedPrefixLists(
            { client: ec2(region) },
            { Filters: [{ Name: "prefix-list-name", Values: names }] },
          ),
          (page) => page.PrefixLists?.map((list) => list.PrefixListName ?? ""),
        ),
    },
    rds: {
      async engineVersion(region, engine, version) {
        // IncludeAll: a deprecated version is reported as such rather than as missing.
        const versions = await collect(
          paginateDescribeDBEngineVersions(
            { client: rds(region) },
            { Engine: engine, EngineVersion: version, IncludeAll: true },
          ),
          (page) => page.DBEngineVersions,
        );
        const found = versions.find((candidate) => candidate.EngineVersion === version);
        return found === undefined
          ? undefined
          : { status: found.Status ?? "available", supportsGlobalDatabases: found.SupportsGlobalDatabases ?? false };
      },
      orderableInstanceOptions: (region, engine, version, instanceClass) =>
        collect(
          paginateDescribeOrderableDBInstanceOptions(
            { client: rds(region) },
            { Engine: engine, EngineVersion: version, DBInstanceClass: instanceClass },
          ),
          (page) =>
            page.OrderableDBInstanceOptions?.map((option) => ({
              availabilityZones: (option.AvailabilityZones ?? []).map((zone) => zone.Name ?? ""),
              supportsGlobalDatabases: option.SupportsGlobalDatabases ?? false,
            })),
        ),
    },
    dms: {
      // The call takes no filter: every orderable class comes back, and we keep ours.
      orderableReplicationInstances: async (region, instanceClass) =>
        (
          await collect(
            paginateDescribeOrderableReplicationInstances({ client: dms(region) }, {}),
            (page) => page.OrderableReplicationInstances,
          )
        )
          .filter((offer) => offer.ReplicationInstanceClass === instanceClass)
          .map((offer) => ({
            engineVersion: offer.EngineVersion ?? "",
            availabilityZones: offer.AvailabilityZones ?? [],
          })),
    },
    elasticache: {
      async engineVersionExists(region, engine, version) {
        const versions = await collect(
          paginateDescribeCacheEngineVersions(
            { client: elasticache(region) },
            { Engine: engine, EngineVersion: version },
          ),
          (page) => page.CacheEngineVersions,
        );
        return versions.some((candidate) => candidate.EngineVersion === version);
      },
      async reservedNodeOfferings(region, nodeType) {
        const offerings = await collect(
          paginateDescribeReservedCacheNodesOfferings({ client: elasticache(region) }, { CacheNodeType: nodeType }),
          (page) => page.ReservedCacheNodesOfferings,
        );
        return offerings.filter((offering) => offering.CacheNodeType === nodeType).length;
      },
    },
    eks: {
      async clusterVersion(region, version) {
        const versions = await collect(
          paginateDescribeClusterVersions({ client: eks(region) }, { clusterVersions: [version], includeAll: true }),
          (page) => page.clusterVersions,
        );
        const found = versions.find((candidate) => candidate.clusterVersion === version);
        if (found === undefined) return undefined;
        return {
          status: found.versionStatus ?? found.status ?? "UNKNOWN",
          ...(found.endOfStandardSupportDate === undefined
            ? {}
            : { endOfStandardSupport: found.endOfStandardSupportDate }),
        };
      },
      async addonVersions(region, addonName, kubernetesVersion) {
        const addons = await collect(
          paginateDescribeAddonVersions({ client: eks(region) }, { addonName, kubernetesVersion }),
          (page) => page.addons,
        );
        return addons
          .filter((addon) => addon.addonName === addonName)
          .flatMap((addon) => (addon.addonVersions ?? []).map((version) => version.addonVersion ?? ""));
      },
    },
    s3: {
      async bucket(region, bucket): Promise<BucketLookup> {
        try {
          const answer = await s3(region).send(new HeadBucketCommand({ Bucket: bucket }));
          return { found: true, region: answer.BucketRegion };
        } catch (error) {
          if (httpStatus(error) === HTTP_NOT_FOUND) return { found: false, reason: "missing" };
          if (httpStatus(error) === HTTP_FORBIDDEN) return { found: false, reason: "forbidden" };
          throw error;
        }
      },
      async versioning(region, bucket) {
        return (await s3(region).send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status;
      },
      async encryption(region, bucket) {
        try {
          const answer = await s3(region).send(new GetBucketEncryptionCommand({ Bucket: bucket }));
          return (answer.ServerSideEncryptionConfiguration?.Rules ?? []).flatMap(
            (rule) => rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? [],
          );
        } catch (error) {
          if (errorName(error) === "ServerSideEncryptionConfigurationNotFoundError") return [];
          throw error;
        }
      },
    },
    route53: {
      async hostedZone(zoneId) {
        try {
          const answer = await route53.send(new GetHostedZoneCommand({ Id: zoneId }));
          return { name: answer.HostedZone?.Name ?? "", privateZone: answer.HostedZone?.Config?.PrivateZone ?? false };
        } catch (error) {
          if (errorName(error) === "NoSuchHostedZone") return undefined;
          throw error;
        }
      },
    },
    iam: {
      async role(roleName) {
        try {
          const answer = await iam.send(new GetRoleCommand({ RoleName: roleName }));
          return { path: answer.Role?.Path ?? "", description: answer.Role?.Description ?? "" };
        } catch (error) {
          // The SDK names IAM's NoSuchEntity error NoSuchEntityException.
          if (errorName(error) === "NoSuchEntityException" || errorName(error) === "NoSuchEntity") return undefined;
          throw error;
        }
      },
    },
    terraformCloud: (hostname) => terraformCloudReads(hostname, env),
  };
}

/**
 * Why no AWS credentials can be found, or undefined when the SDK's chain yields some. Checked
 * once up front, so a missing login is one line rather than a FAIL on every row.
 */
export async function credentialsProblem(): Promise<string | undefined> {
  try {
    await new S3Client({ region: GLOBAL_SERVICE_REGION }).config.credentials();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

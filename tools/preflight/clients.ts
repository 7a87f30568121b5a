/**
 * What the preflight reads, as narrow interfaces: one method per AWS call it makes, answering in
 * the few fields the checks need. The check groups depend on these only, so a test hands them a
 * fake; tools/preflight/aws-clients.ts implements them with the AWS SDK v3, and
 * tools/preflight/terraform-cloud.ts with the Terraform Cloud API. Every method only reads.
 */

/** `account:GetRegionOptStatus`. */
export interface AccountReads {
  /** ENABLED, ENABLED_BY_DEFAULT, ENABLING, DISABLING or DISABLED. */
  regionOptStatus(region: string): Promise<string>;
}

export interface InstanceTypeOffering {
  readonly instanceType: string;
  readonly zone: string;
}

/** `ec2:DescribeInstanceTypeOfferings`, `ec2:DescribeManagedPrefixLists`. */
export interface Ec2Reads {
  /** Which of `instanceTypes` each of `zones` offers (by AZ name, as this account maps them). */
  instanceTypeOfferings(region: string, instanceTypes: string[], zones: string[]): Promise<InstanceTypeOffering[]>;
  /** Which of `names` are prefix lists the region has (AWS-managed ones among them). */
  managedPrefixListNames(region: string, names: string[]): Promise<string[]>;
}

export interface DbEngineVersion {
  /** `available`, or `deprecated` for a version that can no longer be created. */
  readonly status: string;
  readonly supportsGlobalDatabases: boolean;
}

export interface OrderableDbInstanceOption {
  /** AZs the option is orderable in; empty when AWS does not say. */
  readonly availabilityZones: string[];
  readonly supportsGlobalDatabases: boolean;
}

/** `rds:DescribeDBEngineVersions`, `rds:DescribeOrderableDBInstanceOptions`. */
export interface RdsReads {
  /** The engine version, deprecated ones included; undefined when the region has no such version. */
  engineVersion(region: string, engine: string, version: string): Promise<DbEngineVersion | undefined>;
  /** Every orderable option of `instanceClass` for the engine version (one per storage type); empty when none. */
  orderableInstanceOptions(
    region: string,
    engine: string,
    version: string,
    instanceClass: string,
  ): Promise<OrderableDbInstanceOption[]>;
}

/** `elasticache:DescribeCacheEngineVersions`, `elasticache:DescribeReservedCacheNodesOfferings`. */
export interface ElastiCacheReads {
  engineVersionExists(region: string, engine: string, version: string): Promise<boolean>;
  /** How many reserved-node offerings the region lists for `nodeType` (0: not offered). */
  reservedNodeOfferings(region: string, nodeType: string): Promise<number>;
}

export interface OrderableReplicationInstance {
  readonly engineVersion: string;
  /** AZs the class runs in; empty when AWS does not say. */
  readonly availabilityZones: string[];
}

/** `dms:DescribeOrderableReplicationInstances`. */
export interface DmsReads {
  /** What the region offers of replication instance class `instanceClass` (one entry per engine version); empty when none. */
  orderableReplicationInstances(region: string, instanceClass: string): Promise<OrderableReplicationInstance[]>;
}

export interface KubernetesVersion {
  /** STANDARD_SUPPORT, EXTENDED_SUPPORT or UNSUPPORTED. */
  readonly status: string;
  readonly endOfStandardSupport?: Date;
}

/** `eks:DescribeClusterVersions`, `eks:DescribeAddonVersions`. */
export interface EksReads {
  /** The Kubernetes version EKS offers for new clusters; undefined when it offers no such version. */
  clusterVersion(region: string, version: string): Promise<KubernetesVersion | undefined>;
  /** Versions of add-on `addonName` published for `kubernetesVersion`; empty when none. */
  addonVersions(region: string, addonName: string, kubernetesVersion: string): Promise<string[]>;
}

export type BucketLookup =
  | { readonly found: true; readonly region: string | undefined }
  | { readonly found: false; readonly reason: "missing" | "forbidden" };

/** `s3:ListBucket` (HeadBucket), `s3:GetBucketVersioning`, `s3:GetEncryptionConfiguration`. */
export interface S3Reads {
  bucket(region: string, bucket: string): Promise<BucketLookup>;
  /** `Enabled`, `Suspended`, or undefined for a bucket whose versioning was never turned on. */
  versioning(region: string, bucket: string): Promise<string | undefined>;
  /** SSE algorithms of the bucket's default encryption rules; empty when it has none. */
  encryption(region: string, bucket: string): Promise<string[]>;
}

export interface HostedZone {
  /** With the trailing dot, as Route 53 returns it: `example.com.`. */
  readonly name: string;
  readonly privateZone: boolean;
}

/** `route53:GetHostedZone`. */
export interface Route53Reads {
  /** undefined when no such zone exists (or the caller cannot see it). */
  hostedZone(zoneId: string): Promise<HostedZone | undefined>;
}

export interface IamRole {
  /** `/aws-service-role/<service>/` for a service-linked role. */
  readonly path: string;
  /** The role's description; empty when it has none. */
  readonly description: string;
}

/** `iam:GetRole`. */
export interface IamReads {
  /** The role named `roleName`; undefined when the account has none (NoSuchEntity). */
  role(roleName: string): Promise<IamRole | undefined>;
}

/** The Terraform Cloud (or Enterprise) API, with a token; each answers whether the object exists. */
export interface TerraformCloudReads {
  organization(organization: string): Promise<boolean>;
  project(organization: string, project: string): Promise<boolean>;
  workspace(organization: string, workspace: string): Promise<boolean>;
}

export interface PreflightClients {
  readonly account: AccountReads;
  readonly ec2: Ec2Reads;
  readonly rds: RdsReads;
  readonly elasticache: ElastiCacheReads;
  readonly dms: DmsReads;
  readonly eks: EksReads;
  readonly s3: S3Reads;
  readonly route53: Route53Reads;
  readonly iam: IamReads;
  /** The API of Terraform Cloud at `hostname`; undefined when no token for it is set. */
  terraformCloud(hostname: string): TerraformCloudReads | undefined;
}

import { ElasticacheGlobalReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-global-replication-group";
import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { ElasticacheUser } from "@cdktf/provider-aws/lib/elasticache-user";
import { ElasticacheUserGroup } from "@cdktf/provider-aws/lib/elasticache-user-group";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import type { IGrantee } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { Connections, type Peer, tcp } from "../shared/connections";
import { publishSettings } from "../shared/settings";
import { CacheAlarms } from "./alarms";
import { CACHE_PORT, EVICTION_POLICY, cacheParameterFamily, cacheUsers } from "./constants";
import { type Protection, protectionSettings } from "../shared/protection";

export { CACHE_ALARMS, CACHE_PORT, cacheUsers } from "./constants";

/** A region's own cache, shared with no other region. */
export interface CacheStandaloneRole {
  readonly kind: "standalone";
}

/** The primary region creates the global datastore around its replication group. */
export interface CachePrimaryRole {
  readonly kind: "primary";
  /** Suffix of the global datastore's id (AWS prefixes it). */
  readonly globalDatastoreSuffix: string;
}

/** A secondary joins the global datastore by the id AWS gave it (read from the primary's outputs). */
export interface CacheSecondaryRole {
  readonly kind: "secondary";
  readonly globalDatastoreId: string;
}

export interface CacheReplicationGroupProps {
  /** Replication group id (at most 40 characters), prefix of everything else. */
  readonly name: string;
  readonly account: AwsAccount;
  readonly region: string;
  readonly vpcId: string;
  readonly subnetIds: string[];
  /**
   * Its part in a global datastore, if any.
   * @default { kind: "standalone" }
   */
  readonly role?: CacheStandaloneRole | CachePrimaryRole | CacheSecondaryRole;
  readonly engine: "valkey" | "redis";
  /** `major.minor`. */
  readonly engineVersion: string;
  readonly nodeType: string;
  /** Nodes: a primary and its replicas. */
  readonly nodes: number;
  readonly multiAz: boolean;
  readonly snapshotRetentionDays: number;
  readonly snapshotWindow: string;
  readonly maintenanceWindow: string;
  readonly slowLogRetentionDays: number;
  /** SSM path of the app's connection settings, e.g. `/genai-demo/production/taipei/cache`. */
  readonly settingsPath: string;
  readonly warningTopicArn: string;
  /**
   * How the module guards the group, the datastore and the keys against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * One region's cache, on its own or as a member of a global datastore: Multi-AZ with automatic failover,
 * encrypted at rest with its own key and in transit (TLS required), RBAC with an IAM-authenticated
 * app user (no password exists anywhere), `allkeys-lru`, daily snapshots, the slow log in an
 * encrypted log group, its own security group (6379 only from what {@link allowFrom} admits).
 */
export class CacheReplicationGroup extends Construct {
  readonly replicationGroup: ElasticacheReplicationGroup;
  readonly globalDatastore?: ElasticacheGlobalReplicationGroup;
  /** The group's member clusters (`<name>-001`, ...): CloudWatch's CacheClusterId of each node. */
  readonly memberIds: string[];
  private readonly connections: Connections;
  private readonly appUser: ElasticacheUser;

  constructor(scope: Construct, id: string, props: CacheReplicationGroupProps) {
    super(scope, id);
    const { account, name } = props;
    this.memberIds = Array.from({ length: props.nodes }, (_, i) => `${name}-${String(i + 1).padStart(3, "0")}`);
    const role = props.role ?? { kind: "standalone" };
    const guard = protectionSettings(props.protection);

    const key = new EncryptionKey(this, "key", {
      alias: `${name}-cache`,
      description: `Encrypts data and snapshots of cache ${name}`,
      account,
      protection: props.protection,
    });
    this.connections = Connections.forNewGroup(this, {
      prefix: name,
      name: "cache",
      description: `${props.engine}: 6379 from the app only`,
      vpcId: props.vpcId,
    });
    const subnetGroup = new ElasticacheSubnetGroup(this, "subnet-group", {
      name: `${name}-cache`,
      description: `Database tier of ${name}`,
      subnetIds: props.subnetIds,
    });
    const slowLog = new EncryptedLogGroup(this, "slow-log", {
      name: `/aws/elasticache/${name}/slow-log`,
      keyAlias: `${name}-cache-slow-log`,
      description: `slow log of cache ${name}`,
      region: props.region,
      account,
      retentionInDays: props.slowLogRetentionDays,
      protection: props.protection,
    });
    const users = cacheUsers(name).map(
      (user) =>
        new ElasticacheUser(this, `user-${user.name === "default" ? "default" : "app"}`, {
          userId: user.id,
          userName: user.name,
          engine: props.engine,
          accessString: user.accessString,
          authenticationMode: { type: user.iam ? "iam" : "no-password-required" },
        }),
    );
    this.appUser = users[1]!;
    const userGroup = new ElasticacheUserGroup(this, "user-group", {
      userGroupId: `${name}-users`,
      engine: props.engine,
      userIds: users.map((user) => user.userId),
    });

    // A secondary inherits engine, version, node type, parameters and encryption settings from
    // the global datastore; the provider refuses them next to global_replication_group_id.
    const ownSettings =
      role.kind !== "secondary"
        ? {
            engine: props.engine,
            engineVersion: props.engineVersion,
            nodeType: props.nodeType,
            parameterGroupName: new ElasticacheParameterGroup(this, "parameters", {
              name: `${name}-cache`,
              family: cacheParameterFamily(props.engine, props.engineVersion),
              description: `Eviction policy of ${name}`,
              parameter: [{ name: "maxmemory-policy", value: EVICTION_POLICY }],
            }).name,
            atRestEncryptionEnabled: "true",
            transitEncryptionEnabled: true,
          }
        : { globalReplicationGroupId: role.globalDatastoreId };
    this.replicationGroup = new ElasticacheReplicationGroup(this, "replication-group", {
      replicationGroupId: name,
      description: role.kind === "standalone" ? "GenAI Demo cache" : `GenAI Demo cache, ${role.kind} region`,
      ...ownSettings,
      kmsKeyId: key.arn,
      numCacheClusters: props.nodes,
      automaticFailoverEnabled: props.nodes > 1,
      multiAzEnabled: props.multiAz,
      port: CACHE_PORT,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [this.connections.ref.securityGroupId],
      userGroupIds: [userGroup.userGroupId],
      snapshotRetentionLimit: props.snapshotRetentionDays,
      snapshotWindow: props.snapshotWindow,
      maintenanceWindow: props.maintenanceWindow,
      finalSnapshotIdentifier: `${name}-final`,
      autoMinorVersionUpgrade: "true",
      logDeliveryConfiguration: [
        {
          destination: slowLog.logGroup.name,
          destinationType: "cloudwatch-logs",
          logFormat: "json",
          logType: "slow-log",
        },
      ],
      lifecycle: {
        preventDestroy: guard.preventDestroy,
        // An unplanned promotion detaches a secondary from the datastore (its primary region is
        // gone); the id then reads empty, and the provider would replace the group to rejoin.
        ignoreChanges: role.kind === "secondary" ? ["global_replication_group_id"] : [],
      },
    });

    if (role.kind === "primary") {
      this.globalDatastore = new ElasticacheGlobalReplicationGroup(this, "global-datastore", {
        globalReplicationGroupIdSuffix: role.globalDatastoreSuffix,
        primaryReplicationGroupId: this.replicationGroup.id,
        globalReplicationGroupDescription: "GenAI Demo cache across regions",
        lifecycle: { preventDestroy: guard.preventDestroy },
      });
    }

    publishSettings(
      this,
      props.settingsPath,
      {
        endpoint: this.replicationGroup.primaryEndpointAddress,
        "reader-endpoint": this.replicationGroup.readerEndpointAddress,
        port: String(CACHE_PORT),
        user: cacheUsers(name)[1]!.name,
      },
      `Cache ${name}`,
      key.arn,
    );
    new CacheAlarms(this, "alarms", {
      replicationGroupId: name,
      memberIds: this.memberIds,
      replicated: role.kind === "secondary",
      warningTopicArn: props.warningTopicArn,
    });
  }

  /** Lets the grantee authenticate to the cache as its IAM-authenticated app user. */
  grantConnect(grantee: IGrantee): void {
    grantee.addToPolicy({
      sid: "ConnectToCacheAsAppUser",
      actions: ["elasticache:Connect"],
      resources: [this.replicationGroup.arn, this.appUser.arn],
    });
  }

  /** Admits the cache port from `peer` (and lets the peer send there). */
  allowFrom(peer: Peer, description: string): void {
    this.connections.allowFrom(peer, tcp(CACHE_PORT), description);
  }

  /** The id AWS gave the global datastore (prefix + suffix); only on the primary. */
  get globalDatastoreId(): string | undefined {
    return this.globalDatastore?.globalReplicationGroupId;
  }
}

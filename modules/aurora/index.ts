import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsClusterParameterGroup } from "@cdktf/provider-aws/lib/rds-cluster-parameter-group";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { IamServiceRole, type IGrantee, awsManagedPolicyArn } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { Connections, type Peer, tcp } from "../shared/connections";
import { PORTS } from "../shared/constants";
import { publishSettings } from "../shared/settings";
import { AuroraAlarms } from "./alarms";
import { AURORA_ENGINE, MONITORING_INTERVAL_SECONDS, clusterParameters, parameterGroupFamily } from "./constants";
import { MasterCredentials } from "./credentials";
import { type Protection, protectionSettings } from "../shared/protection";

export { AuroraGlobalCluster, type AuroraGlobalClusterProps } from "./global-cluster";
export { AURORA_ALARMS, clusterParameters } from "./constants";

/**
 * A cluster that writes its own database: it creates the database and holds the master
 * credentials (the primary region's cluster, or a standalone DMS target in a secondary).
 */
export interface AuroraPrimaryRole {
  readonly kind: "primary";
  readonly databaseName: string;
  readonly masterUsername: string;
  /** Bump to set a new master password. */
  readonly masterPasswordVersion: number;
  /** Secrets Manager name of the master credentials. */
  readonly masterSecretName: string;
  /**
   * Regions that get a replica of the master secret.
   * @default []
   */
  readonly secretReplicaRegions?: readonly string[];
}

/** A read-only region: it joins the global cluster and replicates from the writer. */
export interface AuroraSecondaryRole {
  readonly kind: "secondary";
  readonly databaseName: string;
  /** Secrets Manager name of the replica of the master credentials in this region. */
  readonly masterSecretName: string;
}

export interface AuroraClusterProps {
  /** Cluster identifier, also the prefix of its instances, groups and keys. */
  readonly name: string;
  readonly account: AwsAccount;
  readonly region: string;
  readonly vpcId: string;
  /** The database tier's subnets. */
  readonly subnetIds: string[];
  /**
   * The global cluster to join (a reference when created in the same stack, else its name).
   * @default none: a regional cluster of its own
   */
  readonly globalClusterIdentifier?: string;
  readonly role: AuroraPrimaryRole | AuroraSecondaryRole;
  /** Aurora PostgreSQL `major.minor` (the global cluster's). */
  readonly engineVersion: string;
  readonly instanceClass: string;
  /** Instances: the writer and readers in the primary, readers in a secondary. */
  readonly instanceCount: number;
  readonly backupRetentionDays: number;
  /** Daily UTC `hh24:mi-hh24:mi`. */
  readonly backupWindow: string;
  /** Weekly UTC `ddd:hh24:mi-ddd:hh24:mi`. */
  readonly maintenanceWindow: string;
  readonly performanceInsightsRetentionDays: number;
  readonly slowStatementMilliseconds: number;
  readonly logRetentionDays: number;
  /** SSM path of the app's connection settings, e.g. `/genai-demo/production/taipei/database`. */
  readonly settingsPath: string;
  /** Regional SNS topics by severity. */
  readonly alarmTopics: { readonly warning: string; readonly critical: string };
  /**
   * Logical decoding on (`rds.logical_replication`), for a change-data-capture source; the
   * writer applies it at its next reboot.
   * @default false
   */
  readonly logicalReplication?: boolean;
  /**
   * How the module guards the cluster, its instances, keys and master secret against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * One region's Aurora PostgreSQL cluster, on its own or as a member of a global database: its
 * own KMS key, subnet group
 * and security group (5432 only from what {@link allowFrom} admits), TLS-only parameters with
 * statement logging, encrypted log exports, IAM database authentication, Performance Insights
 * and enhanced monitoring, backups with a final snapshot, and its alarms. The primary also owns
 * the master credentials; a secondary joins with none.
 */
export class AuroraCluster extends Construct {
  readonly cluster: RdsCluster;
  readonly instances: RdsClusterInstance[] = [];
  readonly key: EncryptionKey;
  readonly credentials?: MasterCredentials;
  private readonly connections: Connections;
  private readonly account: AwsAccount;
  private readonly region: string;

  constructor(scope: Construct, id: string, props: AuroraClusterProps) {
    super(scope, id);
    const { account, name, role } = props;
    const guard = protectionSettings(props.protection);
    this.account = account;
    this.region = props.region;

    this.key = new EncryptionKey(this, "key", {
      alias: `${name}-aurora`,
      description: `Encrypts storage, snapshots and Performance Insights of Aurora cluster ${name}`,
      account,
      protection: props.protection,
    });
    this.connections = Connections.forNewGroup(this, {
      prefix: name,
      name: "aurora",
      description: "Aurora PostgreSQL: 5432 from the app only",
      vpcId: props.vpcId,
    });
    const subnetGroup = new DbSubnetGroup(this, "subnet-group", {
      name: `${name}-aurora`,
      description: `Database tier of ${name}`,
      subnetIds: props.subnetIds,
    });
    const parameters = new RdsClusterParameterGroup(this, "parameters", {
      name: `${name}-aurora`,
      family: parameterGroupFamily(props.engineVersion),
      description: `TLS-only, statement logging: ${name}`,
      parameter: clusterParameters(props.slowStatementMilliseconds, {
        logicalReplication: props.logicalReplication,
      }),
    });
    // RDS writes to exactly this name; creating it first keeps RDS from making an unencrypted one.
    const logs = new EncryptedLogGroup(this, "logs", {
      name: `/aws/rds/cluster/${name}/postgresql`,
      keyAlias: `${name}-aurora-logs`,
      description: `PostgreSQL logs of Aurora cluster ${name}`,
      region: props.region,
      account,
      retentionInDays: props.logRetentionDays,
      protection: props.protection,
    });
    const monitoring = new IamServiceRole(this, "monitoring-role", {
      name: `${name}-rds-monitoring`,
      description: `Enhanced monitoring of Aurora cluster ${name}`,
      trust: {
        principal: { type: "Service", identifiers: ["monitoring.rds.amazonaws.com"] },
        actions: ["sts:AssumeRole"],
      },
      managedPolicies: { monitoring: awsManagedPolicyArn(account, "service-role/AmazonRDSEnhancedMonitoringRole") },
    });

    if (role.kind === "primary") {
      this.credentials = new MasterCredentials(this, "master", {
        secretName: role.masterSecretName,
        username: role.masterUsername,
        version: role.masterPasswordVersion,
        kmsKeyArn: this.key.arn,
        replicaRegions: role.secretReplicaRegions,
        recoveryWindowInDays: guard.secretRecoveryWindowDays,
        databaseName: role.databaseName,
      });
    }
    const primary = role.kind === "primary" ? { role, credentials: this.credentials! } : undefined;

    this.cluster = new RdsCluster(this, "cluster", {
      clusterIdentifier: name,
      engine: AURORA_ENGINE,
      engineVersion: props.engineVersion,
      globalClusterIdentifier: props.globalClusterIdentifier,
      // Only the writer region creates the database and its master user; AWS refuses both on a
      // cluster that joins as a replica.
      ...(primary === undefined
        ? {}
        : {
            databaseName: primary.role.databaseName,
            masterUsername: primary.role.masterUsername,
            masterPasswordWo: primary.credentials.password,
            masterPasswordWoVersion: primary.credentials.version,
          }),
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [this.connections.ref.securityGroupId],
      dbClusterParameterGroupName: parameters.name,
      port: PORTS.postgres,
      storageEncrypted: true,
      kmsKeyId: this.key.arn,
      iamDatabaseAuthenticationEnabled: true,
      enabledCloudwatchLogsExports: ["postgresql"],
      backupRetentionPeriod: props.backupRetentionDays,
      preferredBackupWindow: props.backupWindow,
      preferredMaintenanceWindow: props.maintenanceWindow,
      copyTagsToSnapshot: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${name}-final`,
      deletionProtection: guard.deletionProtection,
      lifecycle: {
        preventDestroy: guard.preventDestroy,
        ignoreChanges:
          props.globalClusterIdentifier === undefined
            ? []
            : [
                // A switchover or failover of the global cluster swaps which member replicates
                // from which: the new secondary gets the writer's ARN here, the new primary loses
                // it. Terraform "correcting" it to "" would promote (detach) the cluster.
                "replication_source_identifier",
                // Engine upgrades go through the global cluster, which moves every member; a
                // member's own version follows it and must not be pulled back.
                "engine_version",
              ],
      },
      dependsOn: [logs.logGroup],
    });

    this.credentials?.storeWith({ host: this.cluster.endpoint, port: PORTS.postgres });

    for (let i = 1; i <= props.instanceCount; i++) {
      this.instances.push(
        new RdsClusterInstance(this, `instance-${i}`, {
          identifier: `${name}-${i}`,
          clusterIdentifier: this.cluster.id,
          engine: AURORA_ENGINE,
          instanceClass: props.instanceClass,
          dbSubnetGroupName: subnetGroup.name,
          publiclyAccessible: false,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: this.key.arn,
          performanceInsightsRetentionPeriod: props.performanceInsightsRetentionDays,
          monitoringInterval: MONITORING_INTERVAL_SECONDS,
          monitoringRoleArn: monitoring.arn,
          copyTagsToSnapshot: true,
          autoMinorVersionUpgrade: true,
          lifecycle: { preventDestroy: guard.preventDestroy },
          dependsOn: monitoring.withPolicies,
        }),
      );
    }

    publishSettings(
      this,
      props.settingsPath,
      {
        endpoint: this.cluster.endpoint,
        "reader-endpoint": this.cluster.readerEndpoint,
        port: String(PORTS.postgres),
        name: role.databaseName,
        // A secondary holds a replica of the primary's secret under the same name; Secrets
        // Manager resolves this ARN without the random suffix to it.
        "secret-arn":
          primary === undefined
            ? `arn:${account.partition}:secretsmanager:${props.region}:${account.id}:secret:${role.masterSecretName}`
            : primary.credentials.secret.arn,
      },
      `Aurora ${name}`,
      this.key.arn,
    );
    new AuroraAlarms(this, "alarms", {
      clusterIdentifier: name,
      instanceIdentifiers: this.instances.map((_, i) => `${name}-${i + 1}`),
      replicated: role.kind === "secondary",
      topics: props.alarmTopics,
    });
  }

  /**
   * Lets the grantee connect as `databaseUser` with IAM database authentication (a token instead of
   * a password). The user must exist in PostgreSQL with `GRANT rds_iam`.
   */
  grantConnect(grantee: IGrantee, databaseUser: string): void {
    const { partition, id } = this.account;
    grantee.addToPolicy({
      sid: "ConnectToDatabaseWithIamAuthentication",
      actions: ["rds-db:connect"],
      resources: [
        `arn:${partition}:rds-db:${this.region}:${id}:dbuser:${this.cluster.clusterResourceId}/${databaseUser}`,
      ],
    });
  }

  /** Admits PostgreSQL from `peer` (and lets the peer send there). */
  allowFrom(peer: Peer, description: string): void {
    this.connections.allowFrom(peer, tcp(PORTS.postgres), description);
  }
}

import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { DmsEndpoint } from "@cdktf/provider-aws/lib/dms-endpoint";
import { DmsReplicationInstance } from "@cdktf/provider-aws/lib/dms-replication-instance";
import { DmsReplicationSubnetGroup } from "@cdktf/provider-aws/lib/dms-replication-subnet-group";
import { DmsReplicationTask } from "@cdktf/provider-aws/lib/dms-replication-task";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import { IamServiceRole } from "../iam-role";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import { Connections, type SecurityGroupRef, tcp } from "../shared/connections";
import { PORTS } from "../shared/constants";
import { type Protection, protectionSettings } from "../shared/protection";
import { withRunbook } from "../shared/runbook";
import {
  CDC_LAG_ALARMS,
  DMS_ENGINE,
  HEARTBEAT_FREQUENCY_MINUTES,
  TARGET_SESSION_SETUP,
  TASK_SETTINGS,
} from "./constants";

export { CDC_LAG_ALARMS, TASK_SETTINGS } from "./constants";

/** A database DMS connects to, by the Secrets Manager secret holding its connection details. */
export interface DmsDatabase {
  /** Secret in this region with engine, host, port, dbname, username and password (modules/aurora). */
  readonly secretArn: string;
  /**
   * The customer-managed key the secret is encrypted with; DMS may decrypt with it only through
   * Secrets Manager.
   * @default none: the secret uses the region's AWS-managed key (a replica)
   */
  readonly secretKeyArn?: string;
  readonly databaseName: string;
}

export interface ChangeDataCaptureProps {
  /** Prefix of every name, e.g. `genai-demo-production-tokyo` (the target region's). */
  readonly name: string;
  readonly account: AwsAccount;
  /** Region of the replication instance: the target's. */
  readonly region: string;
  readonly vpcId: string;
  /** Subnets of the replication instance: the target's database tier. */
  readonly subnetIds: string[];
  /** The primary's writer, reached across the peering link. */
  readonly source: DmsDatabase & {
    /** The source's database subnets: the only place the instance sends PostgreSQL to. */
    readonly cidrs: readonly string[];
  };
  /** The standalone cluster in this region that receives the copy. */
  readonly target: DmsDatabase & {
    /** The target cluster's security group: the instance is admitted there on 5432. */
    readonly securityGroup: SecurityGroupRef;
  };
  /**
   * The Secrets Manager interface endpoint the instance reads both secrets through, and the
   * subnets it sits in (HTTPS goes only there).
   */
  readonly secretsEndpoint: { readonly dnsName: string; readonly cidrs: readonly string[] };
  readonly instanceClass: string;
  readonly allocatedStorageGb: number;
  /** DMS engine version, e.g. 3.5.4. */
  readonly engineVersion: string;
  readonly multiAz: boolean;
  /** PostgreSQL schemas whose tables are copied. */
  readonly schemas: readonly string[];
  /** Whether the task runs (false: created, or stopped, and left so). */
  readonly running: boolean;
  /** Weekly UTC `ddd:hh24:mi-ddd:hh24:mi`. */
  readonly maintenanceWindow: string;
  /** Days the task logs are kept. */
  readonly logRetentionDays: number;
  /** The target region's alert topics by severity. */
  readonly alarmTopics: { readonly warning: string; readonly critical: string };
  /**
   * How the module guards its key and logs against deletion (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * AWS DMS copying the primary's database into a standalone cluster in this region: a full load,
 * then change data capture from the writer's logical replication slot, with the lag alarmed.
 * The replication instance is private, encrypted with its own key and Multi-AZ where asked; its
 * security group sends PostgreSQL only to the source's database subnets and the target cluster,
 * and HTTPS only to the Secrets Manager endpoint. Both endpoints take their credentials from
 * Secrets Manager through a role only DMS in this region may assume, so no password is in the
 * configuration or the state, and both require TLS.
 */
export class ChangeDataCapture extends Construct {
  readonly instance: DmsReplicationInstance;
  readonly task: DmsReplicationTask;
  readonly key: EncryptionKey;

  constructor(scope: Construct, id: string, props: ChangeDataCaptureProps) {
    super(scope, id);
    const { account, name } = props;
    const instanceId = `${name}-cdc`;
    const guard = protectionSettings(props.protection);

    this.key = new EncryptionKey(this, "key", {
      alias: `${name}-dms`,
      description: `Encrypts the storage and endpoints of DMS replication instance ${instanceId}`,
      account,
      protection: props.protection,
    });
    const connections = Connections.forNewGroup(this, {
      prefix: name,
      name: "dms",
      description: "DMS: PostgreSQL to the source and target only, HTTPS to Secrets Manager",
      vpcId: props.vpcId,
    });
    for (const cidr of props.source.cidrs) {
      connections.allowTo({ cidr }, tcp(PORTS.postgres), `PostgreSQL to the source writer (${cidr})`);
    }
    connections.allowTo(props.target.securityGroup, tcp(PORTS.postgres), "PostgreSQL to the target cluster");
    for (const cidr of props.secretsEndpoint.cidrs) {
      connections.allowTo({ cidr }, tcp(PORTS.https), `HTTPS to the Secrets Manager endpoint (${cidr})`);
    }

    const secretsAccess = new IamServiceRole(this, "secrets-role", {
      name: `${name}-dms-secrets`,
      description: `DMS endpoints of ${instanceId} read their connection secrets`,
      trust: {
        principal: { type: "Service", identifiers: [`dms.${props.region}.amazonaws.com`] },
        actions: ["sts:AssumeRole"],
        conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account.id] }],
      },
      statements: [
        {
          sid: "ReadEndpointSecrets",
          actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
          resources: [props.source.secretArn, props.target.secretArn],
        },
        ...[props.source.secretKeyArn, props.target.secretKeyArn]
          .filter((arn): arn is string => arn !== undefined)
          .map((arn, i) => ({
            sid: `DecryptSecretsThroughSecretsManager${i}`,
            actions: ["kms:Decrypt", "kms:DescribeKey"],
            resources: [arn],
            conditions: [
              {
                test: "StringEquals",
                variable: "kms:ViaService",
                values: [`secretsmanager.${props.region}.amazonaws.com`],
              },
            ],
          })),
      ],
    });

    const subnetGroup = new DmsReplicationSubnetGroup(this, "subnet-group", {
      replicationSubnetGroupId: `${name}-dms`,
      replicationSubnetGroupDescription: `Database tier of ${name}`,
      subnetIds: props.subnetIds,
    });
    // DMS writes task logs to exactly this name; creating it first keeps it encrypted and expiring.
    new EncryptedLogGroup(this, "logs", {
      name: `dms-tasks-${instanceId}`,
      keyAlias: `${name}-dms-logs`,
      description: `Task logs of DMS replication instance ${instanceId}`,
      region: props.region,
      account,
      retentionInDays: props.logRetentionDays,
      protection: props.protection,
    });
    this.instance = new DmsReplicationInstance(this, "instance", {
      replicationInstanceId: instanceId,
      replicationInstanceClass: props.instanceClass,
      allocatedStorage: props.allocatedStorageGb,
      engineVersion: props.engineVersion,
      multiAz: props.multiAz,
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      kmsKeyArn: this.key.arn,
      replicationSubnetGroupId: subnetGroup.replicationSubnetGroupId,
      vpcSecurityGroupIds: [connections.ref.securityGroupId],
      preferredMaintenanceWindow: props.maintenanceWindow,
      // Minor upgrades move the version on their own; pulling it back would be a downgrade.
      lifecycle: { ignoreChanges: ["engine_version"] },
    });

    const endpoint = (role: "source" | "target", database: DmsDatabase) =>
      new DmsEndpoint(this, role, {
        endpointId: `${name}-${role}`,
        endpointType: role,
        engineName: DMS_ENGINE,
        databaseName: database.databaseName,
        secretsManagerArn: database.secretArn,
        secretsManagerAccessRoleArn: secretsAccess.arn,
        // TLS without a CA bundle to manage; the peering link is private either way.
        sslMode: "require",
        kmsKeyArn: this.key.arn,
        // The instance sits in database subnets without a route out: it reads the secrets
        // through the VPC's Secrets Manager endpoint.
        extraConnectionAttributes: `secretsManagerEndpointOverride=${props.secretsEndpoint.dnsName}`,
        postgresSettings:
          role === "source"
            ? { heartbeatEnable: true, heartbeatFrequency: HEARTBEAT_FREQUENCY_MINUTES, captureDdls: true }
            : // DMS loads table by table: foreign keys and triggers of the app's schema must not
              // fire on the copy ("Using a PostgreSQL database as a target for AWS DMS").
              { afterConnectScript: TARGET_SESSION_SETUP },
        dependsOn: secretsAccess.withPolicies,
      });
    const source = endpoint("source", props.source);
    const target = endpoint("target", props.target);

    this.task = new DmsReplicationTask(this, "task", {
      replicationTaskId: `${name}-cdc`,
      migrationType: "full-load-and-cdc",
      replicationInstanceArn: this.instance.replicationInstanceArn,
      sourceEndpointArn: source.endpointArn,
      targetEndpointArn: target.endpointArn,
      tableMappings: JSON.stringify({
        rules: props.schemas.map((schema, i) => ({
          "rule-type": "selection",
          "rule-id": String(i + 1),
          "rule-name": `include-${schema}`,
          "object-locator": { "schema-name": schema, "table-name": "%" },
          "rule-action": "include",
        })),
      }),
      replicationTaskSettings: JSON.stringify(TASK_SETTINGS),
      startReplicationTask: props.running,
      lifecycle: { preventDestroy: guard.preventDestroy },
    });
    this.addLagAlarms(instanceId, props.alarmTopics);
  }

  private addLagAlarms(instanceId: string, topics: ChangeDataCaptureProps["alarmTopics"]): void {
    // CloudWatch names a task by the resource identifier at the end of its ARN.
    const taskIdentifier = Fn.element(Fn.split(":", this.task.replicationTaskArn), 6);
    for (const side of ["Source", "Target"] as const) {
      for (const severity of ["warning", "critical"] as const) {
        const seconds = CDC_LAG_ALARMS.seconds[severity];
        new CloudwatchMetricAlarm(this, `lag-${side.toLowerCase()}-${severity}`, {
          alarmName: `${instanceId}-lag-${side.toLowerCase()}-${severity}`,
          alarmDescription: withRunbook(
            `Change data capture ${side === "Source" ? "reading the primary" : "applying to this region"} ` +
              `lags more than ${seconds} s: the database RPO is at risk.`,
            "changeDataCaptureLag",
          ),
          namespace: "AWS/DMS",
          metricName: `CDCLatency${side}`,
          dimensions: { ReplicationInstanceIdentifier: instanceId, ReplicationTaskIdentifier: taskIdentifier },
          statistic: "Maximum",
          period: CDC_LAG_ALARMS.periodSeconds,
          evaluationPeriods: CDC_LAG_ALARMS.periods,
          datapointsToAlarm: CDC_LAG_ALARMS.datapoints,
          comparisonOperator: "GreaterThanThreshold",
          threshold: seconds,
          // A stopped task reports nothing: that is replication stopped, not fine.
          treatMissingData: severity === "critical" ? "breaching" : "missing",
          alarmActions: [topics[severity]],
          okActions: [topics[severity]],
        });
      }
    }
  }
}

import { describe, expect, it } from "vitest";
import { AURORA_ALARMS, AuroraCluster, type AuroraClusterProps, AuroraGlobalCluster } from "../../modules/aurora";
import { blocksOf, inlinePolicyStatements, refTo, resourcesOf, synthInStack, testGrantee } from "../helpers";

type Block = Record<string, unknown>;

const base: Omit<AuroraClusterProps, "role" | "globalClusterIdentifier"> = {
  name: "demo-taipei",
  account: { id: "111122223333", partition: "aws" },
  region: "ap-east-2",
  vpcId: "vpc-1",
  subnetIds: ["subnet-db-a", "subnet-db-b"],
  engineVersion: "16.6",
  instanceClass: "db.r6g.large",
  instanceCount: 2,
  backupRetentionDays: 30,
  backupWindow: "16:00-17:00",
  maintenanceWindow: "sun:17:30-sun:18:30",
  performanceInsightsRetentionDays: 7,
  slowStatementMilliseconds: 1000,
  logRetentionDays: 365,
  settingsPath: "/demo/production/taipei/database",
  alarmTopics: {
    warning: "arn:aws:sns:ap-east-2:111122223333:warning",
    critical: "arn:aws:sns:ap-east-2:111122223333:critical",
  },
};

const primaryJson = synthInStack((stack) => {
  const global = new AuroraGlobalCluster(stack, "global", {
    identifier: "demo",
    engineVersion: "16.6",
    databaseName: "app",
  });
  new AuroraCluster(stack, "db", {
    ...base,
    globalClusterIdentifier: global.identifier,
    role: {
      kind: "primary",
      databaseName: "app",
      masterUsername: "app_admin",
      masterPasswordVersion: 3,
      masterSecretName: "demo/production/database-master",
      secretReplicaRegions: ["ap-northeast-1"],
    },
  });
});
const secondaryJson = synthInStack(
  (stack) =>
    new AuroraCluster(stack, "db", {
      ...base,
      name: "demo-tokyo",
      region: "ap-northeast-1",
      instanceCount: 1,
      globalClusterIdentifier: "demo",
      role: { kind: "secondary", databaseName: "app", masterSecretName: "demo/production/database-master" },
      protection: "destroy",
    }),
  "ap-northeast-1",
);
const only = (json: string, type: string) => resourcesOf(json, type)[0]!;

describe("AuroraGlobalCluster", () => {
  it("is encrypted, Aurora PostgreSQL at the configured version, and protected", () => {
    expect(only(primaryJson, "aws_rds_global_cluster")).toMatchObject({
      global_cluster_identifier: "demo",
      engine: "aurora-postgresql",
      engine_version: "16.6",
      storage_encrypted: true,
      deletion_protection: true,
      lifecycle: { prevent_destroy: true },
    });
  });
});

describe("AuroraCluster (primary)", () => {
  const cluster = only(primaryJson, "aws_rds_cluster");

  it("joins the global cluster it is given and creates the database and master user", () => {
    expect(cluster).toMatchObject({
      cluster_identifier: "demo-taipei",
      global_cluster_identifier: refTo(primaryJson, "aws_rds_global_cluster", () => true, "global_cluster_identifier"),
      database_name: "app",
      master_username: "app_admin",
      master_password_wo_version: 3,
    });
  });

  it("takes the master password from an ephemeral value, write-only, and stores it nowhere else", () => {
    const document = JSON.parse(primaryJson) as Record<string, Record<string, Record<string, Block>>>;
    const [passwordId, password] = Object.entries(document.ephemeral!.aws_secretsmanager_random_password!)[0]!;
    expect(password).toMatchObject({ password_length: 32 });
    const reference = `ephemeral.aws_secretsmanager_random_password.${passwordId}.random_password`;
    expect(cluster.master_password_wo).toBe(`\${${reference}}`);
    expect(cluster.master_password).toBeUndefined();
    const version = only(primaryJson, "aws_secretsmanager_secret_version");
    // The secret's value is a Terraform expression over the same ephemeral password, never the
    // escaped text of its reference (which would store the literal string and lose the password).
    // Beside it, where the password connects (RDS's own secret layout, which DMS endpoints read).
    const [clusterId] = Object.keys(document.resource!.aws_rds_cluster!);
    expect(version.secret_string_wo).toBe(
      `\${jsonencode({"engine" = "postgres", "host" = aws_rds_cluster.${clusterId}.endpoint, "port" = 5432, ` +
        `"dbname" = "app", "username" = "app_admin", "password" = ${reference}})}`,
    );
    expect(JSON.stringify(version)).not.toContain("$${");
    expect(version).toMatchObject({ secret_string_wo_version: 3 });
    expect(version.secret_string).toBeUndefined();
  });

  it("keeps the master secret under the cluster's key, replicated to the other regions", () => {
    expect(only(primaryJson, "aws_secretsmanager_secret")).toMatchObject({
      name: "demo/production/database-master",
      kms_key_id: refTo(primaryJson, "aws_kms_key", () => true, "arn"),
      replica: [{ region: "ap-northeast-1" }],
    });
  });

  it("encrypts with its own rotating key, requires IAM auth and exports its logs", () => {
    expect(cluster).toMatchObject({
      engine: "aurora-postgresql",
      storage_encrypted: true,
      kms_key_id: refTo(primaryJson, "aws_kms_key", () => true, "arn"),
      iam_database_authentication_enabled: true,
      enabled_cloudwatch_logs_exports: ["postgresql"],
      port: 5432,
    });
    expect(only(primaryJson, "aws_kms_key")).toMatchObject({ enable_key_rotation: true });
    expect(resourcesOf(primaryJson, "aws_cloudwatch_log_group")).toEqual([
      expect.objectContaining({ name: "/aws/rds/cluster/demo-taipei/postgresql", retention_in_days: 365 }),
    ]);
  });

  it("backs up on the configured schedule, keeps a final snapshot, and is protected", () => {
    expect(cluster).toMatchObject({
      backup_retention_period: 30,
      preferred_backup_window: "16:00-17:00",
      preferred_maintenance_window: "sun:17:30-sun:18:30",
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "demo-taipei-final",
      deletion_protection: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("ignores exactly what a switchover changes, and the version the global cluster moves", () => {
    expect((cluster.lifecycle as Block).ignore_changes).toEqual(["replication_source_identifier", "engine_version"]);
  });

  it("forces TLS and logs DDL and slow statements", () => {
    const parameters = only(primaryJson, "aws_rds_cluster_parameter_group");
    expect(parameters.family).toBe("aurora-postgresql16");
    expect(parameters.parameter).toEqual(
      expect.arrayContaining([
        { name: "rds.force_ssl", value: "1" },
        { name: "log_statement", value: "ddl" },
        { name: "log_min_duration_statement", value: "1000" },
      ]),
    );
    expect(cluster.db_cluster_parameter_group_name).toBe(
      refTo(primaryJson, "aws_rds_cluster_parameter_group", () => true, "name"),
    );
  });

  it("runs the writer and a reader with Performance Insights under its key and 60 s monitoring", () => {
    const instances = resourcesOf(primaryJson, "aws_rds_cluster_instance");
    expect(instances.map((instance) => instance.identifier)).toEqual(["demo-taipei-1", "demo-taipei-2"]);
    for (const instance of instances) {
      expect(instance).toMatchObject({
        instance_class: "db.r6g.large",
        publicly_accessible: false,
        performance_insights_enabled: true,
        performance_insights_kms_key_id: refTo(primaryJson, "aws_kms_key", () => true, "arn"),
        monitoring_interval: 60,
        auto_minor_version_upgrade: true,
        monitoring_role_arn: refTo(primaryJson, "aws_iam_role", () => true, "arn"),
        lifecycle: { prevent_destroy: true },
      });
    }
  });

  it("sits in the database subnets behind its own group, closed until someone is admitted", () => {
    expect(only(primaryJson, "aws_db_subnet_group").subnet_ids).toEqual(["subnet-db-a", "subnet-db-b"]);
    expect(cluster.vpc_security_group_ids).toEqual([refTo(primaryJson, "aws_security_group", () => true)]);
    expect(resourcesOf(primaryJson, "aws_vpc_security_group_ingress_rule")).toEqual([]);
  });

  it("publishes the app's connection settings, no secret among them", () => {
    const parameters = Object.fromEntries(
      resourcesOf(primaryJson, "aws_ssm_parameter").map((parameter) => [parameter.name, parameter]),
    );
    expect(Object.keys(parameters).sort()).toEqual(
      ["endpoint", "name", "port", "reader-endpoint", "secret-arn"].map(
        (key) => `/demo/production/taipei/database/${key}`,
      ),
    );
    expect(parameters["/demo/production/taipei/database/secret-arn"]!.value).toBe(
      refTo(primaryJson, "aws_secretsmanager_secret", () => true, "arn"),
    );
    for (const parameter of Object.values(parameters)) {
      expect(parameter).toMatchObject({
        type: "SecureString",
        key_id: refTo(primaryJson, "aws_kms_key", () => true, "arn"),
      });
    }
  });

  it("watches CPU and memory of each instance, and no replication lag (it is the source)", () => {
    const names = resourcesOf(primaryJson, "aws_cloudwatch_metric_alarm").map((alarm) => alarm.alarm_name);
    expect(names.sort()).toEqual(
      [
        "demo-taipei-1-cpu",
        "demo-taipei-1-freeable-memory",
        "demo-taipei-2-cpu",
        "demo-taipei-2-freeable-memory",
      ].sort(),
    );
  });
});

describe("AuroraCluster (secondary)", () => {
  const cluster = only(secondaryJson, "aws_rds_cluster");

  it("joins the global cluster by name with no database name, user or password", () => {
    expect(cluster).toMatchObject({ global_cluster_identifier: "demo", storage_encrypted: true });
    for (const field of [
      "database_name",
      "master_username",
      "master_password",
      "master_password_wo",
      "master_password_wo_version",
    ]) {
      expect(cluster[field]).toBeUndefined();
    }
    expect(blocksOf(secondaryJson, "aws_secretsmanager_secret")).toEqual({});
    expect(JSON.parse(secondaryJson).ephemeral).toBeUndefined();
  });

  it("encrypts with a key of its own region", () => {
    expect(cluster.kms_key_id).toBe(refTo(secondaryJson, "aws_kms_key", () => true, "arn"));
  });

  it("warns past 1 s of replication lag and pages past 5 s", () => {
    const lag = resourcesOf(secondaryJson, "aws_cloudwatch_metric_alarm").filter(
      (alarm) => alarm.metric_name === "AuroraGlobalDBReplicationLag",
    );
    const byThreshold = [...lag].sort((a, b) => Number(a.threshold) - Number(b.threshold));
    expect(byThreshold.map((alarm) => [alarm.threshold, alarm.alarm_actions])).toEqual([
      [AURORA_ALARMS.replicationLagMs.warning, [base.alarmTopics.warning]],
      [AURORA_ALARMS.replicationLagMs.critical, [base.alarmTopics.critical]],
    ]);
    expect(lag[0]!.dimensions).toEqual({ DBClusterIdentifier: "demo-tokyo" });
  });

  it("points the app at the replica of the master secret in its own region", () => {
    const secret = resourcesOf(secondaryJson, "aws_ssm_parameter").find((parameter) =>
      String(parameter.name).endsWith("/secret-arn"),
    )!;
    expect(secret.value).toContain(
      ":secretsmanager:ap-northeast-1:111122223333:secret:demo/production/database-master",
    );
  });

  it("can be destroyed outside production, taking a final snapshot first", () => {
    expect(cluster).toMatchObject({
      deletion_protection: false,
      skip_final_snapshot: false,
      lifecycle: { prevent_destroy: false },
    });
  });
});

describe("AuroraCluster.grantConnect", () => {
  const json = synthInStack((stack) => {
    const cluster = new AuroraCluster(stack, "db", {
      ...base,
      globalClusterIdentifier: "demo",
      role: { kind: "secondary", databaseName: "app", masterSecretName: "demo/production/database-master" },
    });
    cluster.grantConnect(testGrantee(stack), "app_user");
  });

  it("adds to the grantee's policy: connect as that database user of this cluster only, with an IAM token", () => {
    const resourceId = refTo(json, "aws_rds_cluster", () => true, "cluster_resource_id");
    expect(inlinePolicyStatements(json)).toEqual([
      {
        sid: "ConnectToDatabaseWithIamAuthentication",
        effect: "Allow",
        actions: ["rds-db:connect"],
        resources: [`arn:aws:rds-db:ap-east-2:111122223333:dbuser:${resourceId}/app_user`],
      },
    ]);
  });
});

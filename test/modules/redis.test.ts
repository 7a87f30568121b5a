import { describe, expect, it } from "vitest";
import { CACHE_ALARMS, CacheReplicationGroup, type CacheReplicationGroupProps } from "../../modules/redis";
import { inlinePolicyStatements, refTo, resourcesOf, synthInStack, testGrantee } from "../helpers";

const base: Omit<CacheReplicationGroupProps, "role"> = {
  name: "demo-taipei",
  account: { id: "111122223333", partition: "aws" },
  region: "ap-east-2",
  vpcId: "vpc-1",
  subnetIds: ["subnet-db-a", "subnet-db-b"],
  engine: "valkey",
  engineVersion: "8.0",
  nodeType: "cache.r7g.large",
  nodes: 2,
  multiAz: true,
  snapshotRetentionDays: 7,
  snapshotWindow: "15:00-16:00",
  maintenanceWindow: "sun:18:30-sun:19:30",
  slowLogRetentionDays: 365,
  settingsPath: "/demo/production/taipei/cache",
  warningTopicArn: "arn:aws:sns:ap-east-2:111122223333:warning",
};

const primaryJson = synthInStack(
  (stack) =>
    new CacheReplicationGroup(stack, "cache", { ...base, role: { kind: "primary", globalDatastoreSuffix: "demo" } }),
);
const secondaryJson = synthInStack(
  (stack) =>
    new CacheReplicationGroup(stack, "cache", {
      ...base,
      name: "demo-tokyo",
      region: "ap-northeast-1",
      role: { kind: "secondary", globalDatastoreId: "${data.terraform_remote_state.primary.outputs.id}" },
    }),
  "ap-northeast-1",
);
const only = (json: string, type: string) => resourcesOf(json, type)[0]!;

describe("CacheReplicationGroup (primary)", () => {
  const group = only(primaryJson, "aws_elasticache_replication_group");

  it("runs Multi-AZ with automatic failover, encrypted at rest with its key and in transit", () => {
    expect(group).toMatchObject({
      replication_group_id: "demo-taipei",
      engine: "valkey",
      engine_version: "8.0",
      node_type: "cache.r7g.large",
      num_cache_clusters: 2,
      multi_az_enabled: true,
      automatic_failover_enabled: true,
      at_rest_encryption_enabled: "true",
      kms_key_id: refTo(primaryJson, "aws_kms_key", () => true, "arn"),
      transit_encryption_enabled: true,
      port: 6379,
    });
  });

  it("authenticates only through RBAC: a disabled default user and an IAM-authenticated app user", () => {
    const users = resourcesOf(primaryJson, "aws_elasticache_user");
    expect(users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_name: "default", access_string: "off -@all" }),
        expect.objectContaining({
          user_id: "demo-taipei-app",
          user_name: "demo-taipei-app",
          authentication_mode: { type: "iam" },
        }),
      ]),
    );
    expect(group.user_group_ids).toEqual([
      refTo(primaryJson, "aws_elasticache_user_group", () => true, "user_group_id"),
    ]);
    expect(group.auth_token).toBeUndefined();
    expect(JSON.stringify(users)).not.toMatch(/passwords/);
  });

  it("evicts least recently used keys, snapshots daily for 7 days, and ships the slow log", () => {
    expect(only(primaryJson, "aws_elasticache_parameter_group")).toMatchObject({
      family: "valkey8",
      parameter: [{ name: "maxmemory-policy", value: "allkeys-lru" }],
    });
    expect(group).toMatchObject({
      snapshot_retention_limit: 7,
      snapshot_window: "15:00-16:00",
      maintenance_window: "sun:18:30-sun:19:30",
      final_snapshot_identifier: "demo-taipei-final",
      log_delivery_configuration: [
        {
          destination: refTo(primaryJson, "aws_cloudwatch_log_group", () => true, "name"),
          destination_type: "cloudwatch-logs",
          log_format: "json",
          log_type: "slow-log",
        },
      ],
      lifecycle: { prevent_destroy: true },
    });
  });

  it("creates the global datastore around itself", () => {
    expect(only(primaryJson, "aws_elasticache_global_replication_group")).toMatchObject({
      global_replication_group_id_suffix: "demo",
      primary_replication_group_id: refTo(primaryJson, "aws_elasticache_replication_group", () => true),
      lifecycle: { prevent_destroy: true },
    });
  });

  it("publishes endpoints, port and user for the app", () => {
    expect(
      resourcesOf(primaryJson, "aws_ssm_parameter")
        .map((parameter) => parameter.name)
        .sort(),
    ).toEqual(["endpoint", "port", "reader-endpoint", "user"].map((key) => `/demo/production/taipei/cache/${key}`));
  });

  it("watches engine CPU and memory of each node, at SPEC's thresholds", () => {
    const alarms = resourcesOf(primaryJson, "aws_cloudwatch_metric_alarm");
    expect(alarms.map((alarm) => [alarm.metric_name, alarm.threshold, alarm.dimensions])).toEqual([
      ["EngineCPUUtilization", CACHE_ALARMS.cpuPercent, { CacheClusterId: "demo-taipei-001" }],
      ["DatabaseMemoryUsagePercentage", 85, { CacheClusterId: "demo-taipei-001" }],
      ["EngineCPUUtilization", CACHE_ALARMS.cpuPercent, { CacheClusterId: "demo-taipei-002" }],
      ["DatabaseMemoryUsagePercentage", 85, { CacheClusterId: "demo-taipei-002" }],
    ]);
  });
});

describe("CacheReplicationGroup (secondary)", () => {
  const group = only(secondaryJson, "aws_elasticache_replication_group");

  it("joins the datastore by the id it is given, inheriting engine, type and encryption", () => {
    expect(group.global_replication_group_id).toBe("${data.terraform_remote_state.primary.outputs.id}");
    for (const inherited of [
      "engine",
      "engine_version",
      "node_type",
      "parameter_group_name",
      "at_rest_encryption_enabled",
      "transit_encryption_enabled",
    ]) {
      expect(group[inherited]).toBeUndefined();
    }
    expect(resourcesOf(secondaryJson, "aws_elasticache_global_replication_group")).toEqual([]);
    expect(group.lifecycle).toMatchObject({ ignore_changes: ["global_replication_group_id"] });
    expect(group.kms_key_id).toBe(refTo(secondaryJson, "aws_kms_key", () => true, "arn"));
  });

  it("keeps the same Multi-AZ and failover settings as the primary (or the provider sees drift)", () => {
    expect(group).toMatchObject({ multi_az_enabled: true, automatic_failover_enabled: true, num_cache_clusters: 2 });
  });

  it("warns when it trails the primary region by more than a second, per member cluster (AWS's dimension)", () => {
    const lags = resourcesOf(secondaryJson, "aws_cloudwatch_metric_alarm").filter(
      (alarm) => alarm.metric_name === "GlobalDatastoreReplicationLag",
    );
    expect(lags.map((lag) => lag.dimensions)).toEqual([
      { CacheClusterId: "demo-tokyo-001" },
      { CacheClusterId: "demo-tokyo-002" },
    ]);
    for (const lag of lags) expect(lag).toMatchObject({ threshold: 1, treat_missing_data: "notBreaching" });
  });
});

describe("CacheReplicationGroup on its own (no global datastore)", () => {
  const json = synthInStack((stack) => new CacheReplicationGroup(stack, "cache", base));
  const [group] = resourcesOf(json, "aws_elasticache_replication_group");

  it("sets its own engine, node type, parameters and encryption, and joins no datastore", () => {
    expect(group).toMatchObject({
      engine: "valkey",
      node_type: base.nodeType,
      at_rest_encryption_enabled: "true",
      transit_encryption_enabled: true,
    });
    expect(group!.global_replication_group_id).toBeUndefined();
    expect(resourcesOf(json, "aws_elasticache_global_replication_group")).toEqual([]);
  });

  it("raises no replication-lag alarm: it replicates from no other region", () => {
    const metrics = resourcesOf(json, "aws_cloudwatch_metric_alarm").map((alarm) => alarm.metric_name);
    expect(metrics).not.toContain("GlobalDatastoreReplicationLag");
    expect(metrics).toContain("EngineCPUUtilization");
  });
});

describe("CacheReplicationGroup.grantConnect", () => {
  const json = synthInStack((stack) => {
    const cache = new CacheReplicationGroup(stack, "cache", {
      ...base,
      role: { kind: "primary", globalDatastoreSuffix: "demo" },
    });
    cache.grantConnect(testGrantee(stack));
  });

  it("adds to the grantee's policy: connect as the app user to this replication group only", () => {
    expect(inlinePolicyStatements(json)).toEqual([
      {
        sid: "ConnectToCacheAsAppUser",
        effect: "Allow",
        actions: ["elasticache:Connect"],
        resources: [
          refTo(json, "aws_elasticache_replication_group", () => true, "arn"),
          refTo(json, "aws_elasticache_user", (user) => user.user_name === "demo-taipei-app", "arn"),
        ],
      },
    ]);
  });
});

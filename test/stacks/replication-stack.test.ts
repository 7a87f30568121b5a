import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { CDC_LAG_ALARMS } from "../../modules/change-data-capture";
import { databaseSubnetCidrs, replicationLinks, subnetCidrs } from "../../src/replication-links";
import { ReplicationStack } from "../../src/stacks/replication-stack";
import { blocksOf, environmentConfig, inlinePolicyStatements, refTo, resourcesOf, testApp } from "../helpers";

type Block = Record<string, unknown>;

describe.each([
  { env: "production", multiAz: true, protect: true },
  { env: "staging", multiAz: false, protect: false },
])("ReplicationStack, Taipei to Tokyo ($env)", ({ env, multiAz, protect }) => {
  const config = environmentConfig(env);
  const [link] = replicationLinks(config);
  const json = Testing.synth(new ReplicationStack(testApp(), config, link!));
  const document = JSON.parse(json) as Record<string, Record<string, Record<string, Block>>>;
  const only = (type: string) => {
    const found = resourcesOf(json, type);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const taipeiCidrs = databaseSubnetCidrs(config, config.regions[0]!);
  const tokyoCidrs = databaseSubnetCidrs(config, config.regions[1]!);
  const cdc = config.database.changeDataCapture!;

  it("is the one link of the environment: Tokyo copies Taipei, in stack replication-tokyo", () => {
    expect(replicationLinks(config).map((each) => [each.stackId, each.source.key, each.target.key])).toEqual([
      ["replication-tokyo", "taipei", "tokyo"],
    ]);
    expect((document.provider!.aws as unknown as Block[])[0]).toMatchObject({ region: "ap-northeast-1" });
  });

  it("requests the peering in Tokyo and accepts it in Taipei, between the two VPCs found by name", () => {
    const vpcs = blocksOf(json, "aws_vpc", "data");
    const vpcNamed = (name: string) =>
      Object.entries(vpcs).find(([, vpc]) => JSON.stringify(vpc.filter).includes(`"${name}"`))!;
    const [tokyoVpc, tokyoVpcBlock] = vpcNamed(`genai-demo-${env}-tokyo`);
    const [taipeiVpc, taipeiVpcBlock] = vpcNamed(`genai-demo-${env}-taipei`);
    expect(tokyoVpcBlock.region).toBeUndefined();
    expect(taipeiVpcBlock.region).toBe("ap-east-2");
    const connection = only("aws_vpc_peering_connection");
    expect(connection).toMatchObject({
      vpc_id: `\${data.aws_vpc.${tokyoVpc}.id}`,
      peer_vpc_id: `\${data.aws_vpc.${taipeiVpc}.id}`,
      peer_region: "ap-east-2",
    });
    expect(connection.auto_accept).toBeUndefined();
    expect(only("aws_vpc_peering_connection_accepter")).toMatchObject({ region: "ap-east-2", auto_accept: true });
  });

  it("routes only between the database subnets, each side in its own region", () => {
    const routes = resourcesOf(json, "aws_route");
    const inTaipei = routes.filter((route) => route.region === "ap-east-2");
    const inTokyo = routes.filter((route) => route.region === undefined);
    expect(inTaipei.map((route) => route.destination_cidr_block).sort()).toEqual([...tokyoCidrs].sort());
    expect(inTokyo.map((route) => route.destination_cidr_block).sort()).toEqual([...taipeiCidrs].sort());
    const accepter = refTo(json, "aws_vpc_peering_connection_accepter", () => true, "vpc_peering_connection_id");
    for (const route of routes) expect(route.vpc_peering_connection_id).toBe(accepter);
  });

  it("runs a private, encrypted replication instance sized from config", () => {
    const key = refTo(json, "aws_kms_key", (block) => String(block.description).includes("DMS"), "arn");
    expect(only("aws_dms_replication_instance")).toMatchObject({
      replication_instance_id: `genai-demo-${env}-tokyo-cdc`,
      replication_instance_class: cdc.instanceClass,
      allocated_storage: cdc.allocatedStorageGb,
      engine_version: cdc.engineVersion,
      multi_az: multiAz,
      publicly_accessible: false,
      auto_minor_version_upgrade: true,
      kms_key_arn: key,
      preferred_maintenance_window: config.database.maintenanceWindow,
    });
  });

  it("connects both endpoints through Secrets Manager and TLS: no password anywhere", () => {
    const endpoints = resourcesOf(json, "aws_dms_endpoint");
    expect(endpoints.map((endpoint) => endpoint.endpoint_type).sort()).toEqual(["source", "target"]);
    for (const endpoint of endpoints) {
      expect(endpoint).toMatchObject({ engine_name: "aurora-postgresql", ssl_mode: "require" });
      expect(endpoint.secrets_manager_arn).toMatch(/^\$\{(one\(tolist\()?data\.aws_secretsmanager_secrets?\./);
      expect(endpoint.secrets_manager_access_role_arn).toMatch(/^\$\{aws_iam_role\./);
      for (const field of ["password", "username", "server_name", "port"]) expect(endpoint[field]).toBeUndefined();
      expect(endpoint.extra_connection_attributes).toMatch(
        /^secretsManagerEndpointOverride=\$\{data\.aws_vpc_endpoint\./,
      );
    }
    const secretNames = resourcesOf(json, "aws_secretsmanager_secret").length;
    expect(secretNames).toBe(0);
    const [target] = Object.values(blocksOf(json, "aws_secretsmanager_secret", "data"));
    expect(target!.name).toBe(`genai-demo/${env}/tokyo/database-master`);
    // The primary's replica is found by listing (the single-secret lookup reads its policy,
    // which only the primary's region answers), exactly one, by its full name.
    const [replica] = Object.values(blocksOf(json, "aws_secretsmanager_secrets", "data"));
    expect(replica!.filter).toEqual([{ name: "name", values: [`genai-demo/${env}/database-master`] }]);
    const [source] = endpoints.filter((endpoint) => endpoint.endpoint_type === "source");
    expect(source!.secrets_manager_arn).toMatch(/^\$\{one\(tolist\(data\.aws_secretsmanager_secrets\./);
    expect(source!.postgres_settings).toMatchObject({ heartbeat_enable: true, capture_ddls: true });
  });

  it("lets only DMS in Tokyo, of this account, read exactly the two secrets", () => {
    const [role] = resourcesOf(json, "aws_iam_role").filter((block) => String(block.name).endsWith("-dms-secrets"));
    expect(role).toBeDefined();
    const statements = inlinePolicyStatements(json);
    const read = statements.find((statement) => statement.sid === "ReadEndpointSecrets")!;
    expect(read.actions).toEqual(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]);
    expect(read.resources).toHaveLength(2);
    const decrypt = statements.filter((statement) => String(statement.sid).startsWith("DecryptSecrets"));
    expect(decrypt).toHaveLength(1);
    expect(decrypt[0]!.condition).toEqual([
      { test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.ap-northeast-1.amazonaws.com"] },
    ]);
  });

  it("sends PostgreSQL only to Taipei's database subnets and Tokyo's cluster, HTTPS only to the private tier", () => {
    const egress = resourcesOf(json, "aws_vpc_security_group_egress_rule");
    const byCidr = egress.filter((rule) => rule.cidr_ipv4 !== undefined);
    expect(
      byCidr
        .filter((rule) => rule.from_port === 5432)
        .map((rule) => rule.cidr_ipv4)
        .sort(),
    ).toEqual([...taipeiCidrs].sort());
    const tokyo = config.regions[1]!;
    const tokyoPrivate = subnetCidrs(config, tokyo, "private");
    expect(
      byCidr
        .filter((rule) => rule.from_port === 443)
        .map((rule) => rule.cidr_ipv4)
        .sort(),
    ).toEqual([...tokyoPrivate].sort());
    expect(egress.every((rule) => rule.from_port === 5432 || rule.from_port === 443)).toBe(true);
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    expect(ingress).toEqual([
      expect.objectContaining({
        from_port: 5432,
        to_port: 5432,
        security_group_id: expect.stringMatching(/^\$\{data\.aws_security_group\./),
      }),
    ]);
  });

  it("copies the configured schemas, full load then changes, and guards the task like the data", () => {
    const task = only("aws_dms_replication_task");
    expect(task).toMatchObject({
      migration_type: "full-load-and-cdc",
      start_replication_task: true,
      lifecycle: { prevent_destroy: protect },
    });
    const mappings = JSON.parse(String(task.table_mappings)) as { rules: Block[] };
    expect(mappings.rules.map((rule) => (rule["object-locator"] as Block)["schema-name"])).toEqual(cdc.schemas);
    expect(JSON.parse(String(task.replication_task_settings))).toMatchObject({ Logging: { EnableLogging: true } });
    expect(resourcesOf(json, "aws_cloudwatch_log_group").map((group) => group.name)).toEqual([
      `dms-tasks-genai-demo-${env}-tokyo-cdc`,
    ]);
  });

  it("alarms on lag at 1 s (warning) and 5 s (critical, also when the task stops reporting)", () => {
    const alarms = resourcesOf(json, "aws_cloudwatch_metric_alarm");
    expect(alarms).toHaveLength(4);
    for (const alarm of alarms) {
      const critical = String(alarm.alarm_name).endsWith("-critical");
      expect(alarm).toMatchObject({
        namespace: "AWS/DMS",
        threshold: CDC_LAG_ALARMS.seconds[critical ? "critical" : "warning"],
        comparison_operator: "GreaterThanThreshold",
        treat_missing_data: critical ? "breaching" : "missing",
        alarm_actions: [
          `arn:\${data.aws_partition.account_partition_32ACE770.partition}:sns:ap-northeast-1:\${data.aws_caller_identity.account_caller_1C5BE04F.account_id}:genai-demo-${env}-tokyo-${critical ? "critical" : "warning"}`,
        ],
      });
      expect(Object.keys(alarm.dimensions as Block).sort()).toEqual([
        "ReplicationInstanceIdentifier",
        "ReplicationTaskIdentifier",
      ]);
    }
    expect([1, 5]).toEqual([CDC_LAG_ALARMS.seconds.warning, CDC_LAG_ALARMS.seconds.critical]);
  });
});

describe("replication links", () => {
  it("exist only under dms-cdc", () => {
    const copies = environmentConfig("production", (input) => {
      (input.database as { replication?: string }).replication = "snapshot-copy";
    });
    expect(replicationLinks(copies)).toEqual([]);
    expect(replicationLinks(environmentConfig("development"))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { CDC_LAG_ALARMS, ChangeDataCapture, type ChangeDataCaptureProps } from "../../modules/change-data-capture";
import { inlinePolicyStatements, refTo, resourcesOf, synthInStack } from "../helpers";

type Block = Record<string, unknown>;

const props: ChangeDataCaptureProps = {
  name: "demo-tokyo",
  account: { id: "111122223333", partition: "aws" },
  region: "ap-northeast-1",
  vpcId: "vpc-tokyo",
  subnetIds: ["subnet-db-a", "subnet-db-b"],
  source: {
    secretArn: "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:demo/master-AbCdEf",
    databaseName: "app",
    cidrs: ["10.0.8.0/22", "10.0.12.0/22"],
  },
  target: {
    secretArn: "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:demo/tokyo/master-GhIjKl",
    secretKeyArn: "arn:aws:kms:ap-northeast-1:111122223333:key/target",
    databaseName: "app",
    securityGroup: { name: "aurora", securityGroupId: "sg-aurora" },
  },
  secretsEndpoint: { dnsName: "vpce-1.secretsmanager.ap-northeast-1.vpce.amazonaws.com", cidrs: ["10.1.0.0/19"] },
  instanceClass: "dms.t3.medium",
  allocatedStorageGb: 50,
  engineVersion: "3.5.4",
  multiAz: false,
  schemas: ["public", "billing"],
  running: true,
  maintenanceWindow: "sun:17:30-sun:18:30",
  logRetentionDays: 30,
  alarmTopics: { warning: "arn:warning", critical: "arn:critical" },
};

const synth = (overrides: Partial<ChangeDataCaptureProps> = {}) =>
  synthInStack((stack) => new ChangeDataCapture(stack, "cdc", { ...props, ...overrides }), "ap-northeast-1");
const json = synth();

describe("ChangeDataCapture", () => {
  it("keeps the instance private, encrypted with its own key, and retained by default", () => {
    expect(resourcesOf(json, "aws_dms_replication_instance")).toEqual([
      expect.objectContaining({
        replication_instance_id: "demo-tokyo-cdc",
        publicly_accessible: false,
        auto_minor_version_upgrade: true,
        kms_key_arn: refTo(json, "aws_kms_key", () => true, "arn"),
        multi_az: false,
      }),
    ]);
    expect(resourcesOf(json, "aws_dms_replication_task")[0]!.lifecycle).toEqual({ prevent_destroy: true });
    const destroyable = synth({ protection: "destroy" });
    expect(resourcesOf(destroyable, "aws_dms_replication_task")[0]!.lifecycle).toEqual({ prevent_destroy: false });
  });

  it("gives the secrets role to DMS in this region only, and decrypt only through Secrets Manager", () => {
    const [role] = resourcesOf(json, "aws_iam_role");
    expect(String(role!.assume_role_policy)).toMatch(/aws_iam_policy_document/);
    const statements = inlinePolicyStatements(json);
    expect(statements.map((statement) => statement.sid)).toEqual([
      "ReadEndpointSecrets",
      "DecryptSecretsThroughSecretsManager0",
    ]);
    expect(statements[0]!.resources).toEqual([props.source.secretArn, props.target.secretArn]);
    expect(statements[1]).toMatchObject({
      resources: [props.target.secretKeyArn],
      condition: [
        { test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.ap-northeast-1.amazonaws.com"] },
      ],
    });
  });

  it("runs the task only when told, and leaves a stopped one stopped", () => {
    expect(resourcesOf(json, "aws_dms_replication_task")[0]!.start_replication_task).toBe(true);
    expect(resourcesOf(synth({ running: false }), "aws_dms_replication_task")[0]!.start_replication_task).toBe(false);
  });

  it("loads the target with foreign keys and triggers off, and lets minor upgrades keep their version", () => {
    const target = resourcesOf(json, "aws_dms_endpoint").find((endpoint) => endpoint.endpoint_type === "target")!;
    expect(target.postgres_settings).toEqual({ after_connect_script: "SET session_replication_role = 'replica'" });
    const [instance] = resourcesOf(json, "aws_dms_replication_instance");
    expect(instance!.lifecycle).toEqual({ ignore_changes: ["engine_version"] });
    expect(resourcesOf(json, "aws_dms_replication_task")[0]!.resource_identifier).toBeUndefined();
  });

  it("selects every table of each configured schema", () => {
    const [task] = resourcesOf(json, "aws_dms_replication_task");
    const rules = (JSON.parse(String(task!.table_mappings)) as { rules: Block[] }).rules;
    expect(rules.map((rule) => rule["object-locator"])).toEqual([
      { "schema-name": "public", "table-name": "%" },
      { "schema-name": "billing", "table-name": "%" },
    ]);
    expect(rules.every((rule) => rule["rule-action"] === "include")).toBe(true);
  });

  it("pages on lag past the critical threshold and warns past the warning one, for both sides", () => {
    const alarms = resourcesOf(json, "aws_cloudwatch_metric_alarm").map((alarm) => [
      alarm.metric_name,
      alarm.threshold,
      (alarm.alarm_actions as string[])[0],
    ]);
    expect(alarms.sort()).toEqual(
      [
        ["CDCLatencySource", CDC_LAG_ALARMS.seconds.warning, "arn:warning"],
        ["CDCLatencySource", CDC_LAG_ALARMS.seconds.critical, "arn:critical"],
        ["CDCLatencyTarget", CDC_LAG_ALARMS.seconds.warning, "arn:warning"],
        ["CDCLatencyTarget", CDC_LAG_ALARMS.seconds.critical, "arn:critical"],
      ].sort(),
    );
  });
});

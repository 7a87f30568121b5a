import { describe, expect, it } from "vitest";
import {
  managedResources,
  planDrift,
  succeeded,
  summaryLines,
  terraformErrors,
  upgradeChanges,
} from "../../../tools/emulate/report";

describe("managedResources", () => {
  it("counts managed resources once each, for_each instances included, data sources not", () => {
    const state = {
      values: {
        root_module: {
          resources: [
            { address: "aws_vpc.vpc", mode: "managed" },
            { address: 'aws_route53_record.r["a.example.com"]', mode: "managed" },
            { address: 'aws_route53_record.r["b.example.com"]', mode: "managed" },
            { address: "data.aws_partition.p", mode: "data" },
          ],
        },
      },
    };
    expect(managedResources(JSON.stringify(state))).toEqual(["aws_vpc.vpc", "aws_route53_record.r"]);
    expect(managedResources("")).toEqual([]);
  });
});

describe("planDrift", () => {
  it("names each changing resource and the attributes that differ", () => {
    const plan = {
      resource_changes: [
        { address: "aws_vpc.vpc", mode: "managed", change: { actions: ["no-op"], before: {}, after: {} } },
        {
          address: "aws_s3_bucket.logs",
          mode: "managed",
          change: { actions: ["update"], before: { tags: {}, bucket: "b" }, after: { tags: { a: "b" }, bucket: "b" } },
        },
        { address: "data.aws_x.y", mode: "data", change: { actions: ["read"] } },
      ],
    };
    expect(planDrift(JSON.stringify(plan))).toEqual([
      { address: "aws_s3_bucket.logs", actions: ["update"], attributes: ["tags"] },
    ]);
  });
});

describe("summaryLines", () => {
  const clean = {
    environment: "dev",
    stack: "global",
    total: 14,
    applied: 14,
    created: 14,
    drift: [],
    destroyed: true,
    leftovers: 0,
    seconds: 80,
  };

  it("ends with the totals line", () => {
    const lines = summaryLines([clean, { ...clean, stack: "taipei", total: 192, applied: 142, created: 142 }]);
    expect(lines.at(-1)).toBe(
      "emulated deploy: 156 of 206 resources applied (0 with stand-in charts), 2 plans empty, 2 stacks destroyed",
    );
    expect(lines[1]).toContain("dev/taipei: 142 created (142 of 192 applied), plan empty, destroyed, 0 left over");
  });

  it("counts Helm releases installed from stand-in charts apart, only where the stack applied in full", () => {
    const full = { ...clean, stack: "taipei", total: 40, applied: 40, created: 40, standIns: 3 };
    const partial = { ...clean, stack: "tokyo", total: 40, applied: 40, created: 39, standIns: 3 };
    const lines = summaryLines([clean, full, partial]);
    expect(lines.at(-1)).toBe(
      "emulated deploy: 93 of 94 resources applied (3 with stand-in charts), 3 plans empty, 3 stacks destroyed",
    );
    expect(lines[1]).toContain("(40 of 40 applied, 3 with stand-in charts)");
    expect(lines.some((line) => line.startsWith("stand-in charts: 3 Helm releases"))).toBe(true);
  });

  it("counts what was left out per type and reason, dependents by the type they wait for", () => {
    const excluded = new Map([
      ["helm_release.app", "no Kubernetes API"],
      ["helm_release.controller", "no Kubernetes API"],
      ["kubernetes_namespace_v1.app", "no Kubernetes API"],
      ["aws_ssm_parameter.release", "depends on helm_release.app"],
    ]);
    const lines = summaryLines([
      { ...clean, excluded },
      { ...clean, stack: "tokyo", excluded: new Map([["helm_release.app", "no Kubernetes API"]]) },
    ]);
    expect(lines.filter((line) => line.startsWith("left out:"))).toEqual([
      "left out: 1 aws_ssm_parameter: depends on a helm_release",
      "left out: 3 helm_release: no Kubernetes API",
      "left out: 1 kubernetes_namespace_v1: no Kubernetes API",
    ]);
    expect(lines.at(-1)).toMatch(/^emulated deploy: /);
  });

  it("fails a run with drift, a partial apply, a failed destroy or a leftover", () => {
    expect(succeeded([clean])).toBe(true);
    expect(succeeded([{ ...clean, drift: [{ address: "a.b", actions: ["update"], attributes: ["x"] }] }])).toBe(false);
    expect(succeeded([{ ...clean, created: 13 }])).toBe(false);
    expect(succeeded([{ ...clean, destroyed: false }])).toBe(false);
    expect(succeeded([{ ...clean, leftovers: 1 }])).toBe(false);
  });
});

describe("upgradeChanges", () => {
  const change = (address: string, type: string, actions: string[], previous?: string) => ({
    address,
    type,
    mode: "managed",
    change: { actions },
    ...(previous === undefined ? {} : { previous_address: previous }),
  });
  const plan = JSON.stringify({
    resource_changes: [
      change("aws_iam_role.new", "aws_iam_role", ["no-op"], "aws_iam_role.old"),
      change("aws_iam_role_policy.connect", "aws_iam_role_policy", ["delete"]),
      change("aws_kms_key.key", "aws_kms_key", ["update"]),
      change("aws_rds_cluster.db", "aws_rds_cluster", ["delete", "create"]),
      change("aws_iam_role_policy.app", "aws_iam_role_policy", ["create"]),
      { ...change("data.aws_iam_policy_document.x", "aws_iam_policy_document", ["read"]), mode: "data" },
    ],
  });
  const changes = upgradeChanges(plan, ["aws_kms_key", "aws_rds_cluster"]);

  it("lists moves, deletions and replacements, and picks out the stateful ones", () => {
    expect(changes.moved).toEqual(["aws_iam_role.old -> aws_iam_role.new"]);
    expect(changes.deleted).toEqual(["aws_iam_role_policy.connect", "aws_rds_cluster.db"]);
    expect(changes.statefulDeleted).toEqual(["aws_rds_cluster.db"]);
    expect(changes.counts).toEqual({ create: 2, update: 1, delete: 2 });
  });

  it("finds nothing stateful when only stateless resources go", () => {
    expect(upgradeChanges(plan, ["aws_kms_key"]).statefulDeleted).toEqual([]);
  });
});

describe("terraformErrors", () => {
  it("names every error with its address, not only the last", () => {
    const output = [
      "Error: creating DMS Replication Instance (x): deserialization failed",
      "",
      "  with aws_dms_replication_instance.instance,",
      "  on cdk.tf.json line 522, in resource.aws_dms_replication_instance.instance:",
      "",
      "Error: reading Route 53 Hosted Zone (Z1): couldn't find resource",
      "",
      "  with aws_route53_record.origin,",
    ].join("\n");
    expect(terraformErrors(output).split("\n")).toEqual([
      "Error: creating DMS Replication Instance (x): deserialization failed (aws_dms_replication_instance.instance)",
      "Error: reading Route 53 Hosted Zone (Z1): couldn't find resource (aws_route53_record.origin)",
    ]);
  });

  it("falls back to the last lines when Terraform printed no diagnostic", () => {
    expect(terraformErrors("a\nb\nc", 2)).toBe("b\nc");
  });
});

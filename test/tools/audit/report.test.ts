import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkovSkips } from "../../../tools/audit/checkov-skips";
import { stackReport, type StackDocument } from "../../../tools/audit/report";
import {
  alarms,
  clusterAccess,
  dnsTopology,
  encryption,
  helmReleases,
  iamRoles,
  kubernetesSupport,
  protection,
  publicExposure,
  tagCoverage,
} from "../../../tools/audit/sections";
import { supportStatus } from "../../../src/config/kubernetes-versions";
import { synthesize } from "../../../src/synth";

// A real synth, as `npm run audit` reads it (Testing.synth drops the `//` construct paths).
const outdir = join(mkdtempSync(join(tmpdir(), "genai-audit-test-")), "cdktf.out");
const synthesized = synthesize({ GENAI_ENV: "production", CDKTF_OUTDIR: outdir });
const read = (stack: string) =>
  JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as StackDocument;
const taipei = read("taipei");
const global = read("global");

describe("audit report sections", () => {
  it("reads a real synth", () => {
    expect(synthesized.exitCode).toBe(0);
  });

  it("lists every alarm with its condition, topic and runbook section", () => {
    const rows = alarms(taipei);
    const metricAlarms = Object.keys(taipei.resource?.aws_cloudwatch_metric_alarm ?? {}).length;
    const composites = Object.keys(taipei.resource?.aws_cloudwatch_composite_alarm ?? {}).length;
    expect(rows).toHaveLength(metricAlarms + composites);
    expect(rows.filter((row) => row[3] === "NONE")).toEqual([]);
    const byName = (name: string) => rows.find((row) => row[0] === name)!;
    expect(byName("genai-demo-production-taipei-alb-p95-latency")).toEqual([
      "genai-demo-production-taipei-alb-p95-latency",
      "AWS/ApplicationELB TargetResponseTime p95 > 2, 2 of 4 x 60 s, missing data: notBreaching",
      "genai-demo-production-taipei-warning",
      "docs/runbooks.md#load-balancer-p95-latency",
    ]);
    expect(byName("genai-demo-production-taipei-slo-availability-page")).toEqual([
      "genai-demo-production-taipei-slo-availability-page",
      'ALARM("genai-demo-production-taipei-slo-availability-page-60m") AND ' +
        'ALARM("genai-demo-production-taipei-slo-availability-page-5m")',
      "genai-demo-production-taipei-critical",
      "docs/runbooks.md#availability-slo-burning",
    ]);
    expect(byName("genai-demo-production-taipei-slo-availability-page-5m")[2]).toBe("nobody (part of a composite)");
    const cdc = alarms(read("replication-tokyo")).find((row) => row[0].endsWith("cdc-lag-source-critical"))!;
    expect(cdc[2]).toBe("genai-demo-production-tokyo-critical");
  });

  it("says how Terraform reaches the cluster, and calls out a stored token", () => {
    expect(clusterAccess(taipei).map((row) => `${row[0]}: ${row[2]}`)).toEqual([
      "helm: ephemeral aws_eks_cluster_auth token (not stored)",
      "kubernetes: ephemeral aws_eks_cluster_auth token (not stored)",
    ]);
    const stored = { provider: { kubernetes: [{ host: "https://k8s", token: "abc" }] } };
    expect(clusterAccess(stored)).toEqual([["kubernetes", "https://k8s", "STORED TOKEN"]]);
  });

  it("lists every Helm release with its chart, version and repository", () => {
    expect(helmReleases(taipei).map((row) => row.join(" | "))).toEqual([
      "aws-load-balancer-controller | kube-system | aws-load-balancer-controller | 1.12.0 | https://aws.github.io/eks-charts | atomic",
      "cluster-autoscaler | kube-system | cluster-autoscaler | 9.52.1 | https://kubernetes.github.io/autoscaler | atomic",
      "genai-demo | (its own namespace) | chart shipped with the stack | — | — | atomic",
      "metrics-server | kube-system | metrics-server | 3.12.2 | https://kubernetes-sigs.github.io/metrics-server/ | atomic",
    ]);
  });

  it("gives each cluster's Kubernetes version and its end of standard support, judged on the report date", () => {
    const rows = kubernetesSupport(taipei, "2026-12-01");
    expect(rows.map((row) => row[0])).toEqual(["taipei/eks/cluster"]);
    const [, version, standardEnds, , policy] = rows[0]!;
    expect(version).toMatch(/^1\.\d+$/);
    expect(standardEnds).toBe(supportStatus(version!, "2026-12-01").standardEnds);
    expect(policy).toBe("EXTENDED");
  });

  it("reports tag coverage of the AWS providers only", () => {
    expect(tagCoverage(taipei).map((row) => row[0])).toEqual(["aws (ap-east-2)"]);
  });

  it("lists everything facing the internet: the ALB, its 443 from the edge and the checkers, the allow-listed EKS endpoint", () => {
    const rows = publicExposure(taipei).map((row) => `${row[0]}: ${row[2]}`);
    expect(rows).toEqual([
      "internet-facing load balancer: genai-demo-production-taipei",
      'public EKS API endpoint: allowed from ["203.0.113.0/24"]',
      "security group ingress: tcp 443-443 from prefix list com.amazonaws.global.cloudfront.origin-facing: HTTPS from the edge",
      "security group ingress: tcp 443-443 from prefix list com.amazonaws.ap-east-2.route53-healthchecks: HTTPS from Route 53 health checkers",
    ]);
  });

  it("reports encryption of every log group and image repository, and the TLS of every listener", () => {
    const rows = encryption(taipei);
    expect(rows.filter((row) => row[0] === "image repository").map((row) => row[2])).toEqual([
      "at rest: KMS (customer key)",
    ]);
    const logGroups = rows.filter((row) => row[0] === "log group");
    expect(logGroups.length).toBe(Object.keys(taipei.resource?.aws_cloudwatch_log_group ?? {}).length);
    expect(logGroups.filter((row) => row[1]!.includes("container-insights"))).toHaveLength(4);
    expect(logGroups.every((row) => row[2] === "at rest: KMS (customer key)")).toBe(true);
    // Behind the edge there is no HTTP listener: CloudFront redirects viewers and speaks HTTPS only.
    expect(rows.filter((row) => row[0] === "listener").map((row) => row[3])).toEqual([
      "in transit: HTTPS ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    ]);
  });

  it("shows deletion protection and prevent_destroy of each stateful resource", () => {
    expect(protection(taipei)).toContainEqual(["aws_eks_cluster", "taipei/eks/cluster", "true", "false"]);
    expect(
      protection(taipei)
        .filter((row) => row[0] === "aws_kms_key")
        .every((row) => row[3] === "true"),
    ).toBe(true);
  });

  it("shows each role's trusted principal and conditions", () => {
    const app = iamRoles(taipei).find((row) => row[0] === "genai-demo-production-taipei-app")!;
    expect(app[1]).toContain('Service:["pods.eks.amazonaws.com"]');
    expect(app[1]).toContain('aws:RequestTag/kubernetes-service-account = ["genai-demo"]');
    expect(app[2]).toContain("ReadOwnSecrets");
  });

  it("draws the failover topology on both sides", () => {
    expect(dnsTopology(taipei)).toContainEqual([
      "origin.genai-demo.example.com",
      "A failover PRIMARY",
      "alias (evaluate target health: true)",
      "${data.terraform_remote_state.global-state.outputs.health_check_ids.taipei}",
    ]);
    const checks = dnsTopology(global).filter((row) => row[1] === "health check HTTPS_STR_MATCH");
    expect(checks.map((row) => row[0])).toEqual([
      "taipei.origin.genai-demo.example.com",
      "tokyo.origin.genai-demo.example.com",
    ]);
  });
});

describe("audit report", () => {
  const skips = checkovSkips(readFileSync(join(__dirname, "../../../.checkov.yaml"), "utf8"));

  it("carries every checkov skip with the reason written in .checkov.yaml", () => {
    expect(skips.length).toBeGreaterThan(5);
    for (const skip of skips) expect(skip.reason).not.toBe("(no reason written)");
    expect(skips.find((skip) => skip.id === "CKV2_AWS_38")!.reason).toMatch(/DNSSEC/);
  });

  it("is deterministic: the same stack gives the same Markdown", () => {
    const options = { reportDate: "2026-12-01" };
    const once = stackReport("production / taipei", taipei, skips, options);
    expect(stackReport("production / taipei", read("taipei"), skips, options)).toBe(once);
    for (const section of [
      "Resource inventory",
      "Public exposure",
      "Encryption",
      "Deletion protection",
      "IAM roles",
      "DNS failover topology",
      "Kubernetes version support",
      "Tag coverage",
      "Policy suppressions",
      "checkov checks skipped",
    ]) {
      expect(once).toContain(`## ${section}`);
    }
  });
});

describe("audit report of a fixture stack", () => {
  const meta = (path: string) => ({ "//": { metadata: { path } } });
  const fixture: StackDocument = {
    resource: {
      aws_security_group: { web: { ...meta("fixture/web"), name: "web" } },
      aws_vpc_security_group_ingress_rule: {
        ssh: {
          ...meta("fixture/ssh"),
          security_group_id: "${aws_security_group.web.id}",
          cidr_ipv4: "0.0.0.0/0",
          ip_protocol: "tcp",
          from_port: 22,
          to_port: 22,
          description: "SSH for debugging",
        },
      },
      aws_sns_topic: { plain: { ...meta("fixture/plain-topic"), name: "plain" } },
      aws_iam_role: {
        worker: {
          ...meta("fixture/worker"),
          name: "worker",
          assume_role_policy: "${data.aws_iam_policy_document.trust.json}",
        },
      },
    },
    data: {
      aws_iam_policy_document: {
        trust: {
          statement: [
            {
              actions: ["sts:AssumeRole"],
              principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }],
              condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111122223333"] }],
            },
          ],
        },
      },
    },
  };
  const report = stackReport("fixture", fixture, []);

  it("lists the open rule", () => {
    expect(report).toContain("| security group ingress | fixture/web | tcp 22-22 from 0.0.0.0/0: SSH for debugging |");
  });

  it("flags the unencrypted store", () => {
    expect(report).toContain("| SNS topic | fixture/plain-topic | at rest: NONE | — |");
  });

  it("shows the role's trust and its lack of permissions", () => {
    expect(report).toContain(
      '| worker | Service:["ec2.amazonaws.com"] (conditions: StringEquals aws:SourceAccount = ["111122223333"]) | none |',
    );
  });
});

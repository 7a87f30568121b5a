import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { ElasticacheGlobalReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-global-replication-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RdsCluster } from "@cdktf/provider-aws/lib/rds-cluster";
import { RdsClusterInstance } from "@cdktf/provider-aws/lib/rds-cluster-instance";
import { RdsGlobalCluster } from "@cdktf/provider-aws/lib/rds-global-cluster";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { App, Aspects, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { PolicyAspect, PolicyViolationError, suppressPolicy } from "../../src/aspects/policy";

/** Synthesizes what `build` adds to a stack with the policy aspect; returns the violations. */
function violations(build: (stack: TerraformStack) => void, production = true): string[] {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "ap-east-2" });
  Aspects.of(stack).add(new PolicyAspect({ production }));
  build(stack);
  try {
    Testing.synth(stack);
    return [];
  } catch (error) {
    if (!(error instanceof PolicyViolationError)) throw error;
    return error.violations.map((violation) => `${violation.path}: ${violation.rule}`);
  }
}

const openRule = (stack: TerraformStack, groupId: string, port: number) =>
  new VpcSecurityGroupIngressRule(stack, `open-${port}`, {
    securityGroupId: groupId,
    cidrIpv4: "0.0.0.0/0",
    ipProtocol: "tcp",
    fromPort: port,
    toPort: port,
  });

describe("PolicyAspect: encryption at rest", () => {
  it("rejects an unencrypted log group and topic, naming each construct path", () => {
    expect(
      violations((stack) => {
        new CloudwatchLogGroup(stack, "logs", { name: "plain" });
        new SnsTopic(stack, "topic", { name: "plain" });
      }),
    ).toEqual(["test/logs: encryption-at-rest", "test/topic: encryption-at-rest"]);
  });

  it("rejects a bucket without a server-side encryption configuration, and accepts one with it", () => {
    expect(violations((stack) => new S3Bucket(stack, "bucket", { lifecycle: { preventDestroy: true } }))).toEqual([
      "test/bucket: encryption-at-rest",
    ]);
    expect(
      violations((stack) => {
        const bucket = new S3Bucket(stack, "bucket", { lifecycle: { preventDestroy: true } });
        new S3BucketServerSideEncryptionConfigurationA(stack, "sse", {
          bucket: bucket.id,
          rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }],
        });
      }),
    ).toEqual([]);
  });
});

describe("PolicyAspect: internet ingress", () => {
  it("allows 80 and 443 from the internet only on a load balancer's group", () => {
    expect(
      violations((stack) => {
        const alb = new SecurityGroup(stack, "alb", { name: "alb" });
        new Lb(stack, "lb", { securityGroups: [alb.id], enableDeletionProtection: true });
        openRule(stack, alb.id, 443);
        openRule(stack, alb.id, 80);
      }),
    ).toEqual([]);
  });

  it("rejects SSH from anywhere, and 443 from anywhere on a group no load balancer uses", () => {
    expect(
      violations((stack) => {
        const alb = new SecurityGroup(stack, "alb", { name: "alb" });
        const app = new SecurityGroup(stack, "app", { name: "app" });
        new Lb(stack, "lb", { securityGroups: [alb.id], enableDeletionProtection: true });
        openRule(stack, alb.id, 22);
        openRule(stack, app.id, 443);
      }),
    ).toEqual(["test/open-22: no-open-ingress", "test/open-443: no-open-ingress"]);
  });

  it("rejects 443 from anywhere on a load balancer behind the edge (one of its groups admits a prefix list)", () => {
    expect(
      violations((stack) => {
        const alb = new SecurityGroup(stack, "alb", { name: "alb" });
        const edge = new SecurityGroup(stack, "edge", { name: "edge" });
        new Lb(stack, "lb", { securityGroups: [alb.id, edge.id], enableDeletionProtection: true });
        new VpcSecurityGroupIngressRule(stack, "from-cloudfront", {
          securityGroupId: edge.id,
          prefixListId: "pl-3b927c52",
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
        });
        openRule(stack, alb.id, 443);
      }),
    ).toEqual(["test/open-443: no-open-ingress"]);
  });
});

describe("PolicyAspect: IMDSv2", () => {
  it("rejects a launch template that does not require tokens", () => {
    expect(
      violations((stack) => {
        new LaunchTemplate(stack, "optional", { metadataOptions: { httpTokens: "optional" } });
        new LaunchTemplate(stack, "required", { metadataOptions: { httpTokens: "required" } });
      }),
    ).toEqual(["test/optional: imdsv2"]);
  });
});

describe("PolicyAspect: encryption in transit", () => {
  it("requires TLS of a cache, except of a global datastore's secondary, which inherits it", () => {
    expect(
      violations((stack) => {
        const encrypted = { atRestEncryptionEnabled: "true", kmsKeyId: "arn:aws:kms:ap-east-2:1:key/k" };
        new ElasticacheReplicationGroup(stack, "plain", { replicationGroupId: "p", description: "p", ...encrypted });
        new ElasticacheReplicationGroup(stack, "tls", {
          replicationGroupId: "t",
          description: "t",
          transitEncryptionEnabled: true,
          ...encrypted,
        });
        new ElasticacheReplicationGroup(stack, "secondary", {
          replicationGroupId: "s",
          description: "s",
          globalReplicationGroupId: "abcde-g",
          kmsKeyId: "arn:aws:kms:ap-northeast-1:1:key/k",
        });
      }, false),
    ).toEqual(["test/plain: encryption-in-transit"]);
  });
});

describe("PolicyAspect: backup vaults", () => {
  it("rejects a vault without a customer key, and one that force-destroys its recovery points in production", () => {
    expect(
      violations((stack) => new BackupVault(stack, "vault", { name: "v", lifecycle: { preventDestroy: true } })),
    ).toEqual(["test/vault: encryption-at-rest"]);
    expect(
      violations(
        (stack) =>
          new BackupVault(stack, "vault", {
            name: "v",
            kmsKeyArn: "arn:aws:kms:k",
            forceDestroy: true,
            lifecycle: { preventDestroy: true },
          }),
      ),
    ).toEqual(["test/vault: deletion-protection"]);
  });
});

describe("PolicyAspect: deletion protection", () => {
  const unprotected = (stack: TerraformStack) => new KmsKey(stack, "key", { enableKeyRotation: true });

  it("rejects an unprotected stateful resource in production", () => {
    expect(violations(unprotected, true)).toEqual(["test/key: deletion-protection"]);
  });

  it("allows it outside production", () => {
    expect(violations(unprotected, false)).toEqual([]);
  });

  const dataTier = (protect: boolean) => (stack: TerraformStack) => {
    const lifecycle = { preventDestroy: protect };
    new RdsGlobalCluster(stack, "global", {
      globalClusterIdentifier: "g",
      storageEncrypted: true,
      deletionProtection: protect,
      lifecycle,
    });
    new RdsCluster(stack, "cluster", {
      engine: "aurora-postgresql",
      storageEncrypted: true,
      deletionProtection: protect,
      lifecycle,
    });
    new RdsClusterInstance(stack, "instance", {
      engine: "aurora-postgresql",
      clusterIdentifier: "c",
      instanceClass: "db.r6g.large",
      lifecycle,
    });
    new ElasticacheReplicationGroup(stack, "cache", {
      replicationGroupId: "r",
      description: "r",
      atRestEncryptionEnabled: "true",
      transitEncryptionEnabled: true,
      lifecycle,
    });
    new ElasticacheGlobalReplicationGroup(stack, "datastore", {
      globalReplicationGroupIdSuffix: "g",
      primaryReplicationGroupId: "r",
      lifecycle,
    });
    new EcrRepository(stack, "images", {
      name: "i",
      encryptionConfiguration: [{ encryptionType: "KMS" }],
      lifecycle,
    });
    new BackupVault(stack, "vault", { name: "v", kmsKeyArn: "arn:aws:kms:k", forceDestroy: !protect, lifecycle });
  };

  it("names every unprotected data store of a production stack by its construct path", () => {
    expect(violations(dataTier(false), true).sort()).toEqual(
      [
        "test/cache: deletion-protection",
        "test/cluster: deletion-protection",
        "test/datastore: deletion-protection",
        "test/global: deletion-protection",
        "test/images: deletion-protection",
        "test/instance: deletion-protection",
        "test/vault: deletion-protection",
      ].sort(),
    );
    expect(violations(dataTier(true), true)).toEqual([]);
    expect(violations(dataTier(false), false)).toEqual([]);
  });
});

describe("suppressPolicy", () => {
  it("exempts one resource from one rule and records the reason in the JSON", () => {
    // A real App: Testing's apps leave the `//` metadata out of the JSON.
    const outdir = mkdtempSync(join(tmpdir(), "genai-policy-"));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "test");
    new AwsProvider(stack, "aws", { region: "ap-east-2" });
    Aspects.of(stack).add(new PolicyAspect({ production: true }));
    const key = new KmsKey(stack, "key", { enableKeyRotation: true });
    suppressPolicy(key, "deletion-protection", "a throwaway key for a drill, destroyed with its stack");
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, "stacks", "test", "cdk.tf.json"), "utf8")) as {
      resource: { aws_kms_key: Record<string, Record<string, unknown>> };
    };
    const [synthesized] = Object.values(json.resource.aws_kms_key);
    expect((synthesized!["//"] as Record<string, unknown>).policy_suppressions).toEqual({
      "deletion-protection": "a throwaway key for a drill, destroyed with its stack",
    });
  });

  it("does not exempt the resource from other rules", () => {
    expect(
      violations((stack) => {
        const group = new CloudwatchLogGroup(stack, "logs", { name: "plain" });
        suppressPolicy(group, "deletion-protection", "log groups are not in the protection list anyway");
      }),
    ).toEqual(["test/logs: encryption-at-rest"]);
  });

  it("refuses a suppression without a reason", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    const key = new KmsKey(stack, "key", {});
    expect(() => suppressPolicy(key, "deletion-protection", "")).toThrow(/needs a real reason/);
  });
});

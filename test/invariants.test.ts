import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { environments } from "../environments";
import { synthesize } from "../src/synth";
import { REQUIRED_TAG_KEYS } from "../src/tags";

/**
 * Rules no single module test owns, swept over every stack of every environment as `cdktf synth`
 * writes them.
 */
type Block = Record<string, unknown>;
type Document = {
  provider?: Record<string, Block[]>;
  resource?: Record<string, Record<string, Block>>;
  ephemeral?: Record<string, Record<string, Block>>;
};

const stacks = Object.keys(environments).flatMap((environment) => {
  const outdir = join(mkdtempSync(join(tmpdir(), "genai-invariants-")), "cdktf.out");
  const result = synthesize({ GENAI_ENV: environment, CDKTF_OUTDIR: outdir }, { error: () => {}, warn: () => {} });
  if (result.exitCode !== 0) throw new Error(`synth of ${environment} failed`);
  return readdirSync(join(outdir, "stacks")).map((stack) => {
    const text = readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8");
    return {
      name: `${environment}/${stack}`,
      production: environment === "production",
      text,
      document: JSON.parse(text) as Document,
    };
  });
});
const all = (document: Document, type: string) => Object.values(document.resource?.[type] ?? {});

/**
 * Every resource type a sweep below reads, with the stacks that must hold at least one: a sweep
 * over a type that silently disappeared (renamed, moved to a data source) would pass vacuously.
 */
const SWEPT: Record<string, "every stack" | "every regional stack" | "some stack"> = {
  aws_kms_key: "every stack",
  aws_cloudwatch_log_group: "every stack",
  aws_iam_role: "every regional stack",
  aws_vpc_security_group_ingress_rule: "every regional stack",
  aws_vpc_security_group_egress_rule: "every regional stack",
  aws_rds_cluster: "some stack",
  aws_secretsmanager_secret_version: "some stack",
  aws_s3_bucket: "every regional stack",
  aws_route53_zone: "some stack",
  aws_ecr_repository: "every regional stack",
  aws_rds_cluster_instance: "some stack",
  aws_elasticache_replication_group: "every regional stack",
  aws_backup_vault: "every regional stack",
};
/** Stateful types that exist only with the global data strategies, which no shipped environment uses. */
const STATEFUL_GLOBAL_ONLY = ["aws_rds_global_cluster", "aws_elasticache_global_replication_group"];
/** An attribute name that would hold a secret. */
const SECRET_KEY = /(^|_)(password|secret|token|private_key|auth_token)($|_)/i;

function literalSecrets(value: unknown, path: string, found: string[]): void {
  if (Array.isArray(value)) value.forEach((item, i) => literalSecrets(item, `${path}[${i}]`, found));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "//") continue;
      if (SECRET_KEY.test(key) && typeof item === "string" && !item.includes("${")) found.push(`${path}.${key}`);
      literalSecrets(item, `${path}.${key}`, found);
    }
  }
}

describe.each(stacks)("invariants of $name", ({ document, production, text }) => {
  it("escapes no Terraform expression into literal text ($${…})", () => {
    // An escaped reference is sent as the literal string "${…}": a secret or id silently lost.
    expect(text.match(/.{0,80}\$\$\{.{0,80}/g) ?? []).toEqual([]);
  });

  it("rotates every KMS key", () => {
    for (const key of all(document, "aws_kms_key")) expect(key.enable_key_rotation).toBe(true);
  });

  it("encrypts every log group with a customer key and keeps it for a set time", () => {
    for (const group of all(document, "aws_cloudwatch_log_group")) {
      expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
      expect(group.retention_in_days).toBeGreaterThan(0);
    }
  });

  it("describes every security group rule", () => {
    const rules = [
      ...all(document, "aws_vpc_security_group_ingress_rule"),
      ...all(document, "aws_vpc_security_group_egress_rule"),
    ];
    for (const rule of rules) expect(String(rule.description)).toMatch(/\w{4,}/);
  });

  it("keeps IAM role names within 64 characters", () => {
    for (const role of all(document, "aws_iam_role")) expect(String(role.name).length).toBeLessThanOrEqual(64);
  });

  it("holds no literal secret in any resource, provider or ephemeral block", () => {
    const found: string[] = [];
    literalSecrets(document.resource ?? {}, "resource", found);
    literalSecrets(document.provider ?? {}, "provider", found);
    literalSecrets(document.ephemeral ?? {}, "ephemeral", found);
    expect(found).toEqual([]);
  });

  it("feeds every secret argument from an ephemeral value, write-only", () => {
    const written = [
      ...all(document, "aws_rds_cluster").map((cluster) => cluster.master_password_wo),
      ...all(document, "aws_secretsmanager_secret_version").map((version) => version.secret_string_wo),
    ].filter((value) => value !== undefined);
    if (all(document, "aws_rds_cluster").length > 0) expect(written.length).toBeGreaterThan(0);
    for (const value of written)
      expect(String(value)).toMatch(
        /^\$\{.*ephemeral\.aws_secretsmanager_random_password\.[\w-]+\.random_password\b.*\}$/,
      );
    for (const cluster of all(document, "aws_rds_cluster")) expect(cluster.master_password).toBeUndefined();
    for (const version of all(document, "aws_secretsmanager_secret_version"))
      expect(version.secret_string).toBeUndefined();
  });

  it("protects stateful resources from destroy in production (and only there)", () => {
    const stateful = [
      "aws_kms_key",
      "aws_s3_bucket",
      "aws_route53_zone",
      "aws_ecr_repository",
      "aws_rds_cluster",
      "aws_rds_cluster_instance",
      "aws_elasticache_replication_group",
      "aws_backup_vault",
      ...STATEFUL_GLOBAL_ONLY,
    ].flatMap((type) => all(document, type));
    expect(stateful.length).toBeGreaterThan(0);
    for (const block of stateful) expect((block.lifecycle as Block | undefined)?.prevent_destroy).toBe(production);
  });

  it("gives every AWS provider the required default tags", () => {
    expect(document.provider?.aws?.length).toBeGreaterThan(0);
    for (const provider of document.provider?.aws ?? []) {
      const [defaults] = provider.default_tags as { tags: Record<string, string> }[];
      expect(Object.keys(defaults!.tags).sort()).toEqual([...REQUIRED_TAG_KEYS].sort());
    }
  });
});

describe("the sweeps have something to sweep", () => {
  it.each(Object.entries(SWEPT))("%s exists in %s", (type, where) => {
    const holding = stacks.filter((stack) => all(stack.document, type).length > 0).map((stack) => stack.name);
    const expected =
      where === "every stack"
        ? stacks.map((stack) => stack.name)
        : where === "every regional stack"
          ? stacks
              .filter((stack) => !stack.name.endsWith("/global") && !stack.name.includes("/replication-"))
              .map((stack) => stack.name)
          : holding.slice(0, 1);
    expect(expected.length).toBeGreaterThan(0);
    expect(holding).toEqual(expect.arrayContaining(expected));
  });
});

describe("the secret sweep", () => {
  it("finds a literal password", () => {
    const found: string[] = [];
    literalSecrets({ aws_db_instance: { db: { password: "hunter2", tags: {} } } }, "resource", found);
    expect(found).toEqual(["resource.aws_db_instance.db.password"]);
  });
});

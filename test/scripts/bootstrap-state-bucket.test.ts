import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function dryRun(...args: string[]) {
  return spawnSync("bash", ["scripts/bootstrap-state-bucket.sh", ...args], {
    env: { ...process.env, DRY_RUN: "1" },
    encoding: "utf8",
  });
}

describe("scripts/bootstrap-state-bucket.sh", () => {
  const run = dryRun("acme-tf-state", "ap-southeast-1");
  const commands = run.stdout.split("\n").filter(Boolean);
  const command = (name: string) => commands.find((line) => line.includes(` ${name} `)) ?? "";

  it("succeeds in dry-run mode", () => {
    expect(run.status).toBe(0);
  });

  it("creates a rotating KMS key for the bucket", () => {
    expect(command("create-key")).toContain("--region ap-southeast-1");
    expect(command("enable-key-rotation")).not.toBe("");
  });

  it("creates the bucket in the requested region", () => {
    expect(command("create-bucket")).toContain("LocationConstraint=ap-southeast-1");
  });

  it("enables versioning, KMS encryption and blocks all public access", () => {
    expect(command("put-bucket-versioning")).toContain("Status=Enabled");
    expect(command("put-bucket-encryption")).toMatch(/aws:kms.*BucketKeyEnabled\\?"?:true/);
    expect(command("put-public-access-block")).toMatch(
      /BlockPublicAcls=true\\?,IgnorePublicAcls=true\\?,BlockPublicPolicy=true\\?,RestrictPublicBuckets=true/,
    );
    expect(command("put-bucket-ownership-controls")).toContain("BucketOwnerEnforced");
  });

  it("denies every request not made over TLS", () => {
    const policy = command("put-bucket-policy");
    expect(policy).toContain('"Effect": "Deny"');
    expect(policy).toContain('"aws:SecureTransport": "false"');
    expect(policy).toContain("arn:aws:s3:::acme-tf-state/*");
  });

  it("refuses to run without a bucket and region", () => {
    const bad = dryRun("only-a-bucket");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("usage:");
  });
});

import { describe, expect, it } from "vitest";
import { AcceptedOriginSecrets, ORIGIN_SECRET_VALUE, OriginSecret } from "../../modules/origin-secret";
import { blocksOf, resourcesOf, synthInStack } from "../helpers";

const names = { active: "edge/demo/origin-verify-v4", next: "edge/demo/origin-verify-v5" };
const json = synthInStack(
  (stack) =>
    new OriginSecret(stack, "origin-secret", {
      names,
      account: { id: "111122223333", partition: "aws" },
      keyAlias: "demo-origin-secret",
      replicaRegions: ["ap-east-2"],
    }),
);

describe("OriginSecret", () => {
  it("keeps both generations in secrets encrypted with its own key, replicated where asked", () => {
    const [keyId] = Object.keys(blocksOf(json, "aws_kms_key"));
    expect(resourcesOf(json, "aws_secretsmanager_secret")).toEqual([
      expect.objectContaining({
        name: names.active,
        kms_key_id: `\${aws_kms_key.${keyId}.arn}`,
        replica: [{ region: "ap-east-2" }],
      }),
      expect.objectContaining({
        name: names.next,
        kms_key_id: `\${aws_kms_key.${keyId}.arn}`,
        replica: [{ region: "ap-east-2" }],
      }),
    ]);
  });

  it("has Secrets Manager generate values an ALB header condition matches literally (no wildcards, at most 128)", () => {
    const document = JSON.parse(json) as { ephemeral: Record<string, Record<string, Record<string, unknown>>> };
    const generated = Object.values(document.ephemeral.aws_secretsmanager_random_password!);
    expect(generated).toEqual([
      { password_length: ORIGIN_SECRET_VALUE.length, exclude_punctuation: true },
      { password_length: ORIGIN_SECRET_VALUE.length, exclude_punctuation: true },
    ]);
    expect(ORIGIN_SECRET_VALUE.length).toBeLessThanOrEqual(128);
  });

  it("reads back only the active generation, once it is written", () => {
    const reads = resourcesOf(json, "aws_secretsmanager_secret_version");
    expect(reads.every((version) => version.secret_string_wo_version === 1)).toBe(true);
    const [read] = Object.values(blocksOf(json, "aws_secretsmanager_secret_version", "data"));
    const [activeId] = Object.entries(blocksOf(json, "aws_secretsmanager_secret")).find(
      ([, secret]) => secret.name === names.active,
    )!;
    expect(read!.secret_id).toBe(`\${aws_secretsmanager_secret.${activeId}.id}`);
    expect((read!.depends_on as string[])[0]).toMatch(/^aws_secretsmanager_secret_version\./);
  });
});

describe("AcceptedOriginSecrets", () => {
  it("reads both generations by name, in the stack's own region", () => {
    const regional = synthInStack((stack) => new AcceptedOriginSecrets(stack, "accepted", names));
    expect(Object.values(blocksOf(regional, "aws_secretsmanager_secret_version", "data"))).toEqual([
      { secret_id: names.active },
      { secret_id: names.next },
    ]);
  });
});

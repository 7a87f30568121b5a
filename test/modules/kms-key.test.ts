import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { describe, expect, it } from "vitest";
import { EncryptionKey, keyPolicy } from "../../modules/kms-key";
import { resourcesOf, synthInStack } from "../helpers";

const account = { id: "111122223333", partition: "aws" };
const logsGrant = {
  service: "logs.ap-east-2.amazonaws.com",
  actions: ["kms:Decrypt"],
  conditions: {
    ArnEquals: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:ap-east-2:111122223333:log-group:x" },
  },
};

describe("EncryptionKey", () => {
  const json = synthInStack(
    (stack) =>
      new EncryptionKey(stack, "key", {
        alias: "demo-logs",
        description: "test key",
        account,
        serviceGrants: [logsGrant],
      }),
  );

  it("rotates, waits the longest deletion window and refuses destroy by default", () => {
    expect(json).toHaveResourceWithProperties(KmsKey, {
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("aliases the key", () => {
    expect(resourcesOf(json, "aws_kms_alias")).toEqual([expect.objectContaining({ name: "alias/demo-logs" })]);
  });

  it("attaches the key policy to the key itself", () => {
    const [key] = resourcesOf(json, "aws_kms_key");
    expect(key!.policy).toMatch(/^\$\{jsonencode\(\{"Version" = "2012-10-17", "Statement" = \[/);
    expect(key!.policy).toContain('"Service" = "logs.ap-east-2.amazonaws.com"');
  });

  it("can be made destroyable for short-lived environments", () => {
    const destroyable = synthInStack(
      (stack) => new EncryptionKey(stack, "key", { alias: "a", description: "d", account, preventDestroy: false }),
    );
    expect(destroyable).toHaveResourceWithProperties(KmsKey, { lifecycle: { prevent_destroy: false } });
  });
});

describe("keyPolicy", () => {
  const policy = keyPolicy(account, [logsGrant]);

  it("leaves administration to the account's IAM, with no wildcard principal", () => {
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "kms:*",
        Effect: "Allow",
      }),
    );
    expect(JSON.stringify(policy)).not.toMatch(/"Principal":"\*"|"AWS":"\*"/);
  });

  it("grants each service only its actions, under its conditions", () => {
    expect(policy.Statement).toContainEqual({
      Sid: "ServiceUse0",
      Effect: "Allow",
      Principal: { Service: "logs.ap-east-2.amazonaws.com" },
      Action: ["kms:Decrypt"],
      Resource: "*",
      Condition: logsGrant.conditions,
    });
  });

  it("has only the administration statement without grants", () => {
    expect(keyPolicy(account, []).Statement).toHaveLength(1);
  });
});

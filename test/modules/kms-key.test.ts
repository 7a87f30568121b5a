import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { describe, expect, it } from "vitest";
import { EncryptionKey, keyPolicy } from "../../modules/kms-key";
import { resourcePolicyStatements, resourcesOf, synthInStack } from "../helpers";

const account = { id: "111122223333", partition: "aws" };
const logsGrant = {
  service: "logs.ap-east-2.amazonaws.com",
  actions: ["kms:Decrypt"],
  conditions: [
    {
      test: "ArnEquals",
      variable: "kms:EncryptionContext:aws:logs:arn",
      values: ["arn:aws:logs:ap-east-2:111122223333:log-group:x"],
    },
  ],
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

  it("writes the key policy on the key itself, in the policy language", () => {
    const [key] = resourcesOf(json, "aws_kms_key");
    expect(resourcePolicyStatements(key!.policy)).toContainEqual({
      Sid: "ServiceUse0",
      Effect: "Allow",
      Principal: { Service: ["logs.ap-east-2.amazonaws.com"] },
      Action: ["kms:Decrypt"],
      Resource: ["*"],
      Condition: {
        ArnEquals: { "kms:EncryptionContext:aws:logs:arn": ["arn:aws:logs:ap-east-2:111122223333:log-group:x"] },
      },
    });
  });

  it("can be made destroyable for short-lived environments", () => {
    const destroyable = synthInStack(
      (stack) => new EncryptionKey(stack, "key", { alias: "a", description: "d", account, protection: "destroy" }),
    );
    expect(destroyable).toHaveResourceWithProperties(KmsKey, { lifecycle: { prevent_destroy: false } });
  });
});

describe("keyPolicy", () => {
  const policy = keyPolicy(account, [logsGrant]);

  it("leaves administration to the account's IAM, with no wildcard principal", () => {
    expect(policy).toContainEqual(
      expect.objectContaining({
        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
        actions: ["kms:*"],
      }),
    );
    expect(policy.flatMap((statement) => statement.principals.flatMap((p) => p.identifiers))).not.toContain("*");
  });

  it("grants each service only its actions, under its conditions", () => {
    expect(policy).toContainEqual({
      sid: "ServiceUse0",
      principals: [{ type: "Service", identifiers: ["logs.ap-east-2.amazonaws.com"] }],
      actions: ["kms:Decrypt"],
      resources: ["*"],
      conditions: logsGrant.conditions,
    });
  });

  it("has only the administration statement without grants", () => {
    expect(keyPolicy(account, [])).toHaveLength(1);
  });
});

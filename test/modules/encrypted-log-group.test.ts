import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { describe, expect, it } from "vitest";
import { EncryptedLogGroup } from "../../modules/encrypted-log-group";
import { refTo, resourcePolicyStatements, resourcesOf, synthInStack } from "../helpers";

describe("EncryptedLogGroup", () => {
  let arn = "";
  const json = synthInStack((stack) => {
    arn = new EncryptedLogGroup(stack, "logs", {
      name: "/aws/test/group",
      keyAlias: "test-logs",
      description: "test logs",
      region: "ap-east-2",
      account: { id: "111122223333", partition: "aws" },
      retentionInDays: 30,
    }).arn;
  });

  it("encrypts the group with its own key and keeps events for the given days", () => {
    expect(json).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "/aws/test/group",
      retention_in_days: 30,
      kms_key_id: refTo(json, "aws_kms_key", () => true, "arn"),
    });
  });

  it("knows its ARN at synth time", () => {
    expect(arn).toBe("arn:aws:logs:ap-east-2:111122223333:log-group:/aws/test/group");
  });

  it("lets the regional CloudWatch Logs service use the key for this group only", () => {
    const [key] = resourcesOf(json, "aws_kms_key");
    expect(resourcePolicyStatements(key!.policy)).toContainEqual(
      expect.objectContaining({
        Principal: { Service: ["logs.ap-east-2.amazonaws.com"] },
        Condition: {
          ArnEquals: {
            "kms:EncryptionContext:aws:logs:arn": ["arn:aws:logs:ap-east-2:111122223333:log-group:/aws/test/group"],
          },
        },
      }),
    );
  });
});

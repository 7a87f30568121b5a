import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { describe, expect, it } from "vitest";
import { EncryptionKey } from "../../modules/kms-key";
import { blocksOf, resourcesOf, synthInStack } from "../helpers";

const account = { id: "111122223333", partition: "aws" };

describe("EncryptionKey", () => {
  const json = synthInStack(
    (stack) =>
      new EncryptionKey(stack, "key", {
        alias: "demo-logs",
        description: "test key",
        account,
        serviceGrants: [{ service: "logs.ap-east-2.amazonaws.com", actions: ["kms:Decrypt"] }],
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

  it("administers through the account root and grants services only their actions", () => {
    const [policy] = Object.values(blocksOf(json, "aws_iam_policy_document", "data"));
    expect(policy!.statement).toEqual([
      expect.objectContaining({
        actions: ["kms:*"],
        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
      }),
      expect.objectContaining({
        actions: ["kms:Decrypt"],
        principals: [{ type: "Service", identifiers: ["logs.ap-east-2.amazonaws.com"] }],
      }),
    ]);
  });

  it("can be made destroyable for short-lived environments", () => {
    const destroyable = synthInStack(
      (stack) => new EncryptionKey(stack, "key", { alias: "a", description: "d", account, preventDestroy: false }),
    );
    expect(destroyable).toHaveResourceWithProperties(KmsKey, { lifecycle: { prevent_destroy: false } });
  });
});

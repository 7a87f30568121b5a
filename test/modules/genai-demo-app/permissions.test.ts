import { describe, expect, it } from "vitest";
import { appStatements } from "../../../modules/genai-demo-app/permissions";

const statements = appStatements({ id: "111122223333", partition: "aws" }, "ap-east-2", {
  metricNamespace: "GenAIDemo",
  logGroupPrefix: "/aws/genai-demo/",
  parameterPathPrefix: "/genai-demo/production/",
  secretNamePrefix: "genai-demo/production/",
});
const bySid = Object.fromEntries(statements.map((statement) => [statement.sid, statement]));

describe("app policy", () => {
  it("publishes metrics only into its own namespace", () => {
    expect(bySid.PublishOwnMetrics).toEqual({
      sid: "PublishOwnMetrics",
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      conditions: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: ["GenAIDemo"] }],
    });
  });

  it("writes logs only under /aws/genai-demo/ in its region and account", () => {
    expect(bySid.WriteOwnLogs!.resources).toEqual([
      "arn:aws:logs:ap-east-2:111122223333:log-group:/aws/genai-demo/*",
      "arn:aws:logs:ap-east-2:111122223333:log-group:/aws/genai-demo/*:log-stream:*",
    ]);
  });

  it("sends traces in its own region only", () => {
    expect(bySid.SendTraces!.conditions).toEqual([
      { test: "StringEquals", variable: "aws:RequestedRegion", values: ["ap-east-2"] },
    ]);
  });

  it("reads only its environment's parameters and secrets", () => {
    expect(bySid.ReadOwnParameters!.resources).toEqual([
      "arn:aws:ssm:ap-east-2:111122223333:parameter/genai-demo/production/*",
    ]);
    expect(bySid.ReadOwnSecrets!.resources).toEqual([
      "arn:aws:secretsmanager:ap-east-2:111122223333:secret:genai-demo/production/*",
    ]);
    expect(
      [...bySid.ReadOwnParameters!.actions, ...bySid.ReadOwnSecrets!.actions].every((action) =>
        /:(Get|Describe)/.test(action),
      ),
    ).toBe(true);
  });

  it("decrypts only through SSM and Secrets Manager of its region", () => {
    expect(bySid.DecryptThroughSsmAndSecretsManagerOnly).toEqual({
      sid: "DecryptThroughSsmAndSecretsManagerOnly",
      actions: ["kms:Decrypt"],
      resources: ["arn:aws:kms:ap-east-2:111122223333:key/*"],
      conditions: [
        {
          test: "StringEquals",
          variable: "kms:ViaService",
          values: ["ssm.ap-east-2.amazonaws.com", "secretsmanager.ap-east-2.amazonaws.com"],
        },
      ],
    });
  });
});

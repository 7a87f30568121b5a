import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { configureStateBackend, stateLocationWarnings } from "../src/state-backend";
import { environmentConfig } from "./helpers";

const location = { project: "genai-demo", environment: "production", stackId: "taipei" };

/** The `terraform` block of a stack holding only the backend `configure` adds. */
function terraformBlockOf(configure: (stack: TerraformStack) => void): Record<string, Record<string, unknown>> {
  const stack = new TerraformStack(Testing.app(), "test");
  configure(stack);
  return (JSON.parse(Testing.synth(stack)) as { terraform: Record<string, Record<string, unknown>> }).terraform;
}

function backendOf(configure: (stack: TerraformStack) => void): Record<string, unknown> {
  return terraformBlockOf(configure).backend!;
}

describe("configureStateBackend", () => {
  it("writes an encrypted, lockfile-locked S3 backend keyed by project, environment and stack", () => {
    const backend = backendOf((stack) =>
      configureStateBackend(
        stack,
        { backend: "s3", bucket: "state-bucket", region: "us-west-2", keyPrefix: "platform/" },
        location,
      ),
    );
    expect(backend).toEqual({
      s3: {
        bucket: "state-bucket",
        region: "us-west-2",
        key: "platform/genai-demo/production/taipei.tfstate",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it("adds the optional DynamoDB lock table and KMS key when configured", () => {
    const backend = backendOf((stack) =>
      configureStateBackend(
        stack,
        {
          backend: "s3",
          bucket: "b",
          region: "us-west-2",
          keyPrefix: "",
          dynamodbTable: "locks",
          kmsKeyId: "alias/state",
        },
        location,
      ),
    );
    expect(backend.s3).toMatchObject({ dynamodb_table: "locks", kms_key_id: "alias/state", use_lockfile: true });
  });

  it("writes one named Terraform Cloud workspace per stack", () => {
    const terraform = terraformBlockOf((stack) =>
      configureStateBackend(
        stack,
        {
          backend: "cloud",
          organization: "acme",
          project: "genai",
          workspacePrefix: "genai-demo-production",
          executionMode: "remote",
          healthAssessments: false,
        },
        location,
      ),
    );
    expect(terraform.backend).toBeUndefined();
    expect(terraform.cloud).toEqual({
      organization: "acme",
      workspaces: { name: "genai-demo-production-taipei", project: "genai" },
    });
  });
});

describe("stateLocationWarnings", () => {
  it("is silent when state lives outside the serving regions", () => {
    expect(stateLocationWarnings(environmentConfig("production"))).toEqual([]);
  });

  it("warns when the state bucket is in a serving region", () => {
    const config = environmentConfig("production", (input) => {
      if (input.state.backend === "s3") input.state.region = "ap-east-2";
    });
    const warnings = stateLocationWarnings(config);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /state bucket genai-demo-terraform-state is in ap-east-2, which serves the "taipei" stack/,
    );
    expect(warnings[0]).toMatch(/outage of ap-east-2 would also block planning/);
  });
});

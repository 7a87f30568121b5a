import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { EnvironmentConfig } from "../../src/config/schema";
import { REGIONAL_OUTPUTS, RegionalStack } from "../../src/stacks/regional-stack";
import { environmentConfig, resourcesOf, testApp } from "../helpers";

function synthRegion(config: EnvironmentConfig, key: string): string {
  const region = config.regions.find((candidate) => candidate.key === key)!;
  return Testing.synth(new RegionalStack(testApp(), config, region));
}

const production = environmentConfig("production");

describe.each([
  { key: "taipei", awsRegion: "ap-east-2", otherRegion: "ap-northeast-1", cidr: "10.0.0.0/16" },
  { key: "tokyo", awsRegion: "ap-northeast-1", otherRegion: "ap-east-2", cidr: "10.1.0.0/16" },
])("RegionalStack $key", ({ key, awsRegion, otherRegion, cidr }) => {
  const json = synthRegion(production, key);
  const document = JSON.parse(json) as Record<string, Record<string, unknown>>;

  it("deploys into its own region with the required default tags", () => {
    expect(json).toHaveProviderWithProperties(AwsProvider, {
      region: awsRegion,
      default_tags: [{ tags: expect.objectContaining({ Environment: "production", ManagedBy: "cdktf" }) }],
    });
  });

  it("keeps its state under its own key, outside both serving regions", () => {
    expect(document.terraform!.backend).toEqual({
      s3: expect.objectContaining({ key: `genai-demo/production/${key}.tfstate`, region: "ap-southeast-1" }),
    });
  });

  it("builds its VPC from the region's config", () => {
    expect(json).toHaveResourceWithProperties(Vpc, { cidr_block: cidr });
    expect(resourcesOf(json, "aws_nat_gateway")).toHaveLength(3);
  });

  it(`never names ${otherRegion}: no provider, backend, data source or remote-state read there`, () => {
    expect(json).not.toContain(otherRegion);
    expect(document.data?.terraform_remote_state).toBeUndefined();
  });

  it("exports its network under the stable output names", () => {
    expect(Object.keys(document.output!).sort()).toEqual(Object.values(REGIONAL_OUTPUTS).sort());
  });
});

describe("RegionalStack outside production", () => {
  it("runs one NAT gateway and lets the flow-log key be destroyed", () => {
    const json = synthRegion(environmentConfig("staging"), "tokyo");
    expect(resourcesOf(json, "aws_nat_gateway")).toHaveLength(1);
    expect(resourcesOf(json, "aws_kms_key")).toEqual([
      expect.objectContaining({ lifecycle: { prevent_destroy: false } }),
    ]);
  });
});

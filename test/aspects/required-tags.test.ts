import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route } from "@cdktf/provider-aws/lib/route";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { RequiredTagsAspect } from "../../src/aspects/required-tags";
import { MANAGED_BY, REQUIRED_TAG_KEYS } from "../../src/tags";

const allTags = Object.fromEntries(REQUIRED_TAG_KEYS.map((key) => [key, key === "ManagedBy" ? MANAGED_BY : "x"]));

/** A stack with the aspect and, unless `providerTags` is null, a default AWS provider. */
function stackWithAspect(providerTags: Record<string, string> | null): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  if (providerTags !== null)
    new AwsProvider(stack, "aws", { region: "ap-east-2", defaultTags: [{ tags: providerTags }] });
  Aspects.of(stack).add(new RequiredTagsAspect());
  return stack;
}

describe("RequiredTagsAspect", () => {
  it("accepts taggable resources under a provider with all default tags", () => {
    const stack = stackWithAspect(allTags);
    new Vpc(stack, "vpc", { cidrBlock: "10.0.0.0/16" });
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  it("rejects an AWS provider whose default_tags miss a required key", () => {
    const { CostCenter: _dropped, ...partial } = allTags;
    const stack = stackWithAspect(partial);
    expect(() => Testing.synth(stack)).toThrow(/test\/aws: AWS provider default_tags lack CostCenter/);
  });

  it("rejects a taggable resource nothing tags, naming it and the missing keys", () => {
    const stack = stackWithAspect(null);
    new Vpc(stack, "bare-vpc", { cidrBlock: "10.0.0.0/16", tags: { Environment: "x" } });
    expect(() => Testing.synth(stack)).toThrow(
      /test\/bare-vpc \(aws_vpc\): taggable AWS resource without Project, Owner, CostCenter, ManagedBy/,
    );
  });

  it("accepts resource-level tags in place of provider default tags", () => {
    const stack = stackWithAspect(null);
    new Vpc(stack, "tagged-vpc", { cidrBlock: "10.0.0.0/16", tags: allTags });
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  it("ignores resources and data sources that take no tags", () => {
    const stack = stackWithAspect(null);
    new Route(stack, "route", { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" });
    new DataAwsCallerIdentity(stack, "caller");
    expect(() => Testing.synth(stack)).not.toThrow();
  });
});

import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { describe, expect, it } from "vitest";
import { HostedZone } from "../../modules/hosted-zone";
import { resourcesOf, synthInStack } from "../helpers";

describe("HostedZone", () => {
  it("creates a protected public zone by default", () => {
    const json = synthInStack(
      (stack) => new HostedZone(stack, "zone", { domainName: "genai-demo.example.com", source: { mode: "create" } }),
    );
    expect(json).toHaveResourceWithProperties(Route53Zone, {
      name: "genai-demo.example.com",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(json).not.toHaveDataSource(DataAwsRoute53Zone);
  });

  it("adopts an existing zone by id without managing it", () => {
    const json = synthInStack(
      (stack) =>
        new HostedZone(stack, "zone", {
          domainName: "genai-demo.example.com",
          source: { mode: "adopt", zoneId: "Z0123456789ABC" },
        }),
    );
    expect(resourcesOf(json, "aws_route53_zone")).toEqual([]);
    expect(json).toHaveDataSourceWithProperties(DataAwsRoute53Zone, { zone_id: "Z0123456789ABC", private_zone: false });
  });
});

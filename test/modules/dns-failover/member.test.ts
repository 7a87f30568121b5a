import { describe, expect, it } from "vitest";
import { FailoverMember, SingleRegionRecords, type FailoverMemberProps } from "../../../modules/dns-failover";
import { resourcesOf, synthInStack } from "../../helpers";

const props: FailoverMemberProps = {
  zoneId: "Z123",
  regionKey: "tokyo",
  awsRegion: "ap-northeast-1",
  role: "secondary",
  originName: "tokyo.origin.example.com",
  routedNames: ["api.example.com", "example.com", "www.example.com"],
  latencyName: "api-latency.example.com",
  healthCheckId: "hc-tokyo",
  target: { dnsName: "alb.example.aws", zoneId: "ZALB" },
};
const alias = { name: "alb.example.aws", zone_id: "ZALB", evaluate_target_health: true };

describe("FailoverMember", () => {
  const records = resourcesOf(
    synthInStack((stack) => new FailoverMember(stack, "dns", props)),
    "aws_route53_record",
  );
  const named = (name: string) => records.filter((record) => record.name === name);

  it("aliases the origin name to the ALB, with no routing policy or health check", () => {
    expect(named("tokyo.origin.example.com")).toEqual([expect.objectContaining({ type: "A", alias, zone_id: "Z123" })]);
    expect(named("tokyo.origin.example.com")[0]!.health_check_id).toBeUndefined();
  });

  it.each(props.routedNames)("adds its SECONDARY member of %s, guarded by its own health check", (name) => {
    expect(named(name)).toEqual([
      expect.objectContaining({
        type: "A",
        set_identifier: "tokyo",
        failover_routing_policy: { type: "SECONDARY" },
        health_check_id: "hc-tokyo",
        alias,
      }),
    ]);
  });

  it("adds its latency member for its AWS region", () => {
    expect(named("api-latency.example.com")).toEqual([
      expect.objectContaining({
        set_identifier: "tokyo",
        latency_routing_policy: { region: "ap-northeast-1" },
        health_check_id: "hc-tokyo",
        alias,
      }),
    ]);
  });

  it("is PRIMARY for the primary region", () => {
    const primary = resourcesOf(
      synthInStack((stack) => new FailoverMember(stack, "dns", { ...props, role: "primary" })),
      "aws_route53_record",
    );
    const failover = primary.filter((record) => record.failover_routing_policy !== undefined);
    expect(failover.map((record) => record.failover_routing_policy)).toEqual(Array(3).fill({ type: "PRIMARY" }));
  });
});

describe("SingleRegionRecords", () => {
  it("aliases every public name to the ALB without routing policies", () => {
    const records = resourcesOf(
      synthInStack((stack) => new SingleRegionRecords(stack, "dns", props)),
      "aws_route53_record",
    );
    expect(records.map((record) => record.name).sort()).toEqual(
      [
        "api-latency.example.com",
        "api.example.com",
        "example.com",
        "tokyo.origin.example.com",
        "www.example.com",
      ].sort(),
    );
    for (const record of records) {
      expect(record).toMatchObject({ type: "A", alias });
      expect(record.set_identifier).toBeUndefined();
    }
  });
});

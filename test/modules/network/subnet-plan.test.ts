import { describe, expect, it } from "vitest";
import {
  SUBNET_SLOTS_PER_TIER,
  SubnetPlanError,
  cidrsOverlap,
  parseIpv4Cidr,
  planSubnets,
  subnetPlanSize,
} from "../../../modules/network/subnet-plan";

const production = { private: 19, public: 22, database: 22 };

describe("planSubnets", () => {
  it("lays out three AZs of each tier, largest tier first", () => {
    expect(planSubnets("10.0.0.0/16", 3, production)).toEqual({
      private: ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"],
      public: ["10.0.128.0/22", "10.0.132.0/22", "10.0.136.0/22"],
      database: ["10.0.144.0/22", "10.0.148.0/22", "10.0.152.0/22"],
    });
  });

  it("keeps existing subnets where they are when an AZ is added", () => {
    const three = planSubnets("10.1.0.0/16", 3, production);
    const four = planSubnets("10.1.0.0/16", 4, production);
    for (const tier of ["private", "public", "database"] as const) {
      expect(four[tier].slice(0, 3)).toEqual(three[tier]);
      expect(four[tier]).toHaveLength(4);
    }
  });

  it("never hands out overlapping subnets", () => {
    const plan = planSubnets("10.0.0.0/16", SUBNET_SLOTS_PER_TIER, production);
    const all = [...plan.private, ...plan.public, ...plan.database];
    all.forEach((a, i) => all.slice(i + 1).forEach((b) => expect(cidrsOverlap(a, b), `${a} vs ${b}`).toBe(false)));
  });

  it("rejects a VPC too small for the reserved slots", () => {
    expect(subnetPlanSize(production)).toBe(40960);
    expect(() => planSubnets("10.0.0.0/17", 2, production)).toThrow(
      /10\.0\.0\.0\/17 has 32768 addresses but the subnet plan reserves 40960/,
    );
  });

  it("rejects subnets as large as the VPC", () => {
    expect(() => planSubnets("10.0.0.0/19", 2, production)).toThrow(
      /private subnets \(\/19\) must be smaller than the VPC \(\/19\)/,
    );
  });

  it("rejects more AZs than there are slots", () => {
    expect(() => planSubnets("10.0.0.0/16", SUBNET_SLOTS_PER_TIER + 1, production)).toThrow(SubnetPlanError);
  });
});

describe("CIDR helpers", () => {
  it("detects containment both ways and disjoint blocks", () => {
    expect(cidrsOverlap("10.0.0.0/16", "10.0.200.0/24")).toBe(true);
    expect(cidrsOverlap("10.0.200.0/24", "10.0.0.0/16")).toBe(true);
    expect(cidrsOverlap("10.0.0.0/16", "10.1.0.0/16")).toBe(false);
  });

  it("rejects a CIDR whose host bits are set", () => {
    expect(() => parseIpv4Cidr("10.0.0.1/16")).toThrow(/host bits set; the network address is 10\.0\.0\.0\/16/);
  });
});

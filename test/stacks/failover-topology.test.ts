import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { GLOBAL_OUTPUTS, GlobalStack } from "../../src/stacks/global-stack";
import { RegionalStack } from "../../src/stacks/regional-stack";
import { environmentConfig, testApp } from "../helpers";

type Block = Record<string, unknown>;
type Document = { resource: Record<string, Record<string, Block>>; output: Record<string, { value: unknown }> };

/** The whole production platform, as each stack synthesizes it on its own. */
const config = environmentConfig("production");
const global = JSON.parse(Testing.synth(new GlobalStack(testApp(), "global", config))) as Document;
const regions = Object.fromEntries(
  config.regions.map((region) => [
    region.key,
    JSON.parse(Testing.synth(new RegionalStack(testApp(), config, region))) as Document,
  ]),
);
const records = Object.entries(regions).flatMap(([key, document]) =>
  Object.values(document.resource.aws_route53_record!).map((record): Block & { stack: string } => ({
    stack: key,
    ...record,
  })),
);
/** The origin a region's records are guarded by: global output key -> health check -> fqdn. */
const checkedOrigin = (healthCheckId: unknown) => {
  const regionKey = /\.outputs\.health_check_ids\.([a-z0-9]+)\}$/.exec(String(healthCheckId))![1]!;
  const ids = global.output[GLOBAL_OUTPUTS.healthCheckIds]!.value as Record<string, string>;
  const logicalId = /aws_route53_health_check\.([^.]+)\.id/.exec(ids[regionKey]!)![1]!;
  return global.resource.aws_route53_health_check![logicalId]!.fqdn;
};

describe("DNS failover across the stacks (production)", () => {
  it("origin.genai-demo.example.com (the edge's API origin) has one PRIMARY in taipei and one SECONDARY in tokyo, each guarded by its own origin's check", () => {
    const members = records.filter((record) => record.name === "origin.genai-demo.example.com");
    expect(members.map((member) => [member.stack, member.set_identifier, member.failover_routing_policy])).toEqual([
      ["taipei", "taipei", { type: "PRIMARY" }],
      ["tokyo", "tokyo", { type: "SECONDARY" }],
    ]);
    for (const member of members) {
      expect(checkedOrigin(member.health_check_id)).toBe(`${member.stack}.origin.genai-demo.example.com`);
      expect(member.alias).toMatchObject({ evaluate_target_health: true });
    }
  });

  it.each(["api.genai-demo.example.com", "genai-demo.example.com", "www.genai-demo.example.com"])(
    "%s is no region's: global points it (A and AAAA) at the edge",
    (name) => {
      expect(records.filter((record) => record.name === name)).toEqual([]);
      const aliases = Object.values(global.resource.aws_route53_record!).filter((record) => record.name === name);
      expect(aliases.map((record) => record.type).sort()).toEqual(["A", "AAAA"]);
      for (const record of aliases)
        expect(record.alias).toMatchObject({
          name: expect.stringMatching(/aws_cloudfront_distribution\..+\.domain_name/),
        });
    },
  );

  it("sends the edge's API to the failover name and its idempotent paths also to the secondary's own origin", () => {
    const [distribution] = Object.values(global.resource.aws_cloudfront_distribution!);
    const origins = distribution!.origin as { origin_id: string; domain_name: string }[];
    expect(Object.fromEntries(origins.map((origin) => [origin.origin_id, origin.domain_name]))).toEqual({
      api: "origin.genai-demo.example.com",
      "api-failing-fast": "origin.genai-demo.example.com",
      secondary: "tokyo.origin.genai-demo.example.com",
    });
  });

  it("has a latency member for every region, in its own AWS region", () => {
    const members = records.filter((record) => record.name === "api-latency.genai-demo.example.com");
    expect(members.map((member) => [member.stack, member.latency_routing_policy])).toEqual([
      ["taipei", { region: "ap-east-2" }],
      ["tokyo", { region: "ap-northeast-1" }],
    ]);
    for (const member of members)
      expect(checkedOrigin(member.health_check_id)).toBe(`${member.stack}.origin.genai-demo.example.com`);
  });

  it("gives each region its origin record, unguarded, and no region another's", () => {
    for (const key of ["taipei", "tokyo"]) {
      const origins = records.filter(
        (record) =>
          String(record.name).endsWith(".origin.genai-demo.example.com") && record.set_identifier === undefined,
      );
      expect(origins.filter((record) => record.stack === key).map((record) => record.name)).toEqual([
        `${key}.origin.genai-demo.example.com`,
      ]);
    }
    expect(
      records
        .filter((record) => String(record.name).includes(".origin."))
        .every((record) => record.health_check_id === undefined),
    ).toBe(true);
  });
});

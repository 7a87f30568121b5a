import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { RegionalStack } from "../../src/stacks/regional-stack";
import { environmentConfig, testApp } from "../helpers";

type Document = { resource?: Record<string, Record<string, unknown>> };
const RULE_TYPES = ["aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"];

/**
 * Stands in for checkov's CKV2_AWS_5 (skipped in .checkov.yaml: its list of resources that use
 * a group lacks aws_synthetics_canary): every group a regional stack creates is used by a
 * resource other than its own rules, so none is left over by a refactoring.
 */
describe.each(["production", "staging", "development"])("security groups of %s", (name) => {
  const config = environmentConfig(name);

  it.each(config.regions.map((region) => region.key))("are each used by something in %s", (key) => {
    const region = config.regions.find((candidate) => candidate.key === key)!;
    const document = JSON.parse(Testing.synth(new RegionalStack(testApp(), config, region))) as Document;
    const groups = Object.keys(document.resource?.aws_security_group ?? {});
    const users = JSON.stringify(
      Object.fromEntries(Object.entries(document.resource ?? {}).filter(([type]) => !RULE_TYPES.includes(type))),
    );
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.filter((id) => !users.includes(`\${aws_security_group.${id}.id}`))).toEqual([]);
  });
});

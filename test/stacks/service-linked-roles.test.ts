import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { environments } from "../../environments";
import type { EnvironmentConfig } from "../../src/config/schema";
import { GlobalStack } from "../../src/stacks/global-stack";
import { RegionalStack } from "../../src/stacks/regional-stack";
import { environmentConfig, resourcesOf, testApp } from "../helpers";

/** `aws-service-role/<service>/<role name>` anywhere in a stack: a principal that must exist. */
const LINKED_ROLE = /aws-service-role\/([a-z0-9.-]+)\/([A-Za-z0-9_+=,.@-]+)/g;

/**
 * Service-linked roles the stacks name that neither `global` creates nor the config declares as
 * existing: each would make a fresh account's first deploy fail.
 */
function undeclaredLinkedRoles(config: EnvironmentConfig, stacks: string[], globalJson: string): string[] {
  const created = resourcesOf(globalJson, "aws_iam_service_linked_role").map((role) => String(role.aws_service_name));
  const named = new Set(stacks.flatMap((json) => [...json.matchAll(LINKED_ROLE)].map((match) => match[1]!)));
  return [...named].filter(
    (service) => !created.includes(service) && !config.existingServiceLinkedRoles.includes(service),
  );
}

function synthAll(config: EnvironmentConfig) {
  const globalJson = Testing.synth(new GlobalStack(testApp(), "global", config));
  const regional = config.regions.map((region) => Testing.synth(new RegionalStack(testApp(), config, region)));
  return { globalJson, all: [globalJson, ...regional] };
}

describe.each(Object.keys(environments))("service-linked roles (%s)", (name) => {
  const config = environmentConfig(name);
  const { globalJson, all } = synthAll(config);

  it("names no service-linked role that no stack creates and config does not declare", () => {
    expect(all.join("").match(LINKED_ROLE)?.length ?? 0).toBeGreaterThan(0);
    expect(undeclaredLinkedRoles(config, all, globalJson)).toEqual([]);
  });

  it("creates Auto Scaling's role in global, for the node volumes' key policy of a fresh account", () => {
    expect(resourcesOf(globalJson, "aws_iam_service_linked_role")).toEqual([
      expect.objectContaining({ aws_service_name: "autoscaling.amazonaws.com" }),
    ]);
  });
});

describe("service-linked roles an account already has", () => {
  const config = environmentConfig("production", (input) => {
    input.existingServiceLinkedRoles = ["autoscaling.amazonaws.com"];
  });
  const { globalJson, all } = synthAll(config);

  it("are not created again (IAM refuses a second one) and still count as present", () => {
    expect(resourcesOf(globalJson, "aws_iam_service_linked_role")).toEqual([]);
    expect(undeclaredLinkedRoles(config, all, globalJson)).toEqual([]);
  });

  it("are the only ones the check lets pass", () => {
    const bare = environmentConfig("production", (input) => (input.existingServiceLinkedRoles = []));
    expect(undeclaredLinkedRoles(bare, all, globalJson)).toEqual(["autoscaling.amazonaws.com"]);
  });
});

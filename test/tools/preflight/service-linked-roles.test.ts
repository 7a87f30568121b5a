import { describe, expect, it } from "vitest";
import { serviceLinkedRoles } from "../../../tools/preflight/service-linked-roles";
import type { EnvironmentConfig } from "../../../src/config/schema";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { production } from "./config";
import { fakeClients } from "./fake-clients";

const ROLE = "AWSServiceRoleForAutoScaling";
const LINKED_PATH = "/aws-service-role/autoscaling.amazonaws.com/";
const declaring = (existing: EnvironmentConfig["existingServiceLinkedRoles"]): EnvironmentConfig => ({
  ...production(),
  existingServiceLinkedRoles: existing,
});
const account = (roles: Record<string, string> = {}, failures?: Record<string, unknown>) =>
  fakeClients({ catalogue: catalogueFor(production()), roles, ...(failures ? { failures } : {}) });
const outcomes = (rows: { check: string; region: string; outcome: string; result: string }[]) =>
  rows.map((row) => `${row.check} [${row.region}]: ${row.outcome} ${row.result}`);

describe("serviceLinkedRoles", () => {
  it("passes a role the config declares existing and the account has, asking IAM by its name", async () => {
    const clients = account({ [ROLE]: LINKED_PATH });
    const rows = await serviceLinkedRoles(declaring(["autoscaling.amazonaws.com"]), clients);
    expect(outcomes(rows)).toEqual([`IAM role ${ROLE} [global]: PASS exists, as existingServiceLinkedRoles declares`]);
    expect(rows[0]!.fix).toBe("");
    expect(clients.calls).toEqual([`role("${ROLE}")`]);
  });

  it("fails a role declared existing that the account lacks: KMS would refuse the key policy", async () => {
    const rows = await serviceLinkedRoles(declaring(["autoscaling.amazonaws.com"]), account());
    expect(rows).toEqual([
      {
        check: `IAM role ${ROLE}`,
        region: "global",
        outcome: "FAIL",
        result: "declared in existingServiceLinkedRoles but absent",
        fix:
          'remove "autoscaling.amazonaws.com" from existingServiceLinkedRoles so global creates it, ' +
          "or aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com",
      },
    ]);
  });

  it("passes an undeclared role the account lacks: the global stack creates it", async () => {
    expect(outcomes(await serviceLinkedRoles(declaring([]), account()))).toEqual([
      `IAM role ${ROLE} [global]: PASS absent: global creates it`,
    ]);
  });

  it("fails an undeclared role the account has: the global stack's create would fail", async () => {
    const rows = await serviceLinkedRoles(declaring([]), account({ [ROLE]: LINKED_PATH }));
    expect(rows).toEqual([
      {
        check: `IAM role ${ROLE}`,
        region: "global",
        outcome: "FAIL",
        result: "exists already: global's create would fail",
        fix: 'add "autoscaling.amazonaws.com" to existingServiceLinkedRoles',
      },
    ]);
  });

  it("fails a role of that name outside the service's path, declared or not", async () => {
    for (const existing of [[], ["autoscaling.amazonaws.com"]]) {
      const rows = await serviceLinkedRoles(declaring(existing), account({ [ROLE]: "/" }));
      expect(outcomes(rows)).toEqual([
        `IAM role ${ROLE} [global]: FAIL exists at path /, not /aws-service-role/autoscaling.amazonaws.com/`,
      ]);
    }
  });

  it("turns a refused GetRole into a FAIL row naming the permission", async () => {
    const denied = Object.assign(new Error("not authorized to perform: iam:GetRole"), { name: "AccessDenied" });
    const rows = await serviceLinkedRoles(declaring([]), account({}, { role: denied }));
    expect(rows[0]).toMatchObject({ outcome: "FAIL", region: "global", result: `AccessDenied: ${denied.message}` });
    expect(rows[0]!.fix).toContain("grant iam:GetRole (read-only)");
  });
});

/**
 * The self-test's fixtures, run in-process against fake clients that answer from the same
 * catalogues moto is seeded with: each expectation must hold here too (a fixture that drifts from
 * the checks fails in `npm test`, not only in the emulated run), and no two fixtures may be
 * satisfied by the same table.
 */
import { describe, expect, it } from "vitest";
import { SERVICE_LINKED_ROLES } from "../../../modules/shared/service-linked-role";
import { hasFailures, runPreflight } from "../../../tools/preflight/run";
import { judge } from "../../../tools/preflight/self-test-verdict";
import { loadEnvironmentConfig } from "../../../src/config/load";
import {
  FIXTURE_ENVIRONMENT,
  PREFLIGHT_FIXTURES,
  type PreflightFixture,
  accountServiceLinkedRoles,
  fixtureConfig,
} from "../../../tools/preflight/fixtures/fixtures";
import { fakeClients } from "./fake-clients";

const ZONE_ID = "Z0FIXTURE0ZONE";

async function tableOf(fixture: PreflightFixture) {
  const base = loadEnvironmentConfig({ GENAI_ENV: FIXTURE_ENVIRONMENT }).config;
  const config = fixtureConfig(base, fixture, ZONE_ID);
  if (config.state.backend !== "s3") throw new Error("fixtures use the s3 backend");
  const { versioning, encryption } = fixture.stateBucket;
  const clients = fakeClients({
    catalogue: fixture.catalogue(config),
    buckets: {
      [config.state.bucket]: {
        region: config.state.region,
        ...(versioning ? { versioning: "Enabled" } : {}),
        encryption: encryption ? ["AES256"] : [],
      },
    },
    zones: { [ZONE_ID]: { name: fixture.adoptedZoneName(base) } },
    roles: Object.fromEntries(
      accountServiceLinkedRoles(fixture, config).map((service) => [
        SERVICE_LINKED_ROLES[service],
        `/aws-service-role/${service}/`,
      ]),
    ),
  });
  const rows = await runPreflight(config, clients);
  return { config, rows, exitCode: hasFailures(rows) ? 1 : 0 };
}

describe("preflight self-test fixtures", () => {
  it("are one passing account and one account per problem, each with an account id of its own", () => {
    expect(PREFLIGHT_FIXTURES[0]!.name).toBe("offers-everything");
    expect(new Set(PREFLIGHT_FIXTURES.map((fixture) => fixture.accountId)).size).toBe(PREFLIGHT_FIXTURES.length);
    expect(PREFLIGHT_FIXTURES.map((fixture) => fixture.accountId).every((id) => /^\d{12}$/.test(id))).toBe(true);
  });

  it.each(PREFLIGHT_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
    "%s prints exactly the rows it expects",
    async (_name, fixture) => {
      const { config, rows, exitCode } = await tableOf(fixture);
      expect(judge(fixture.expectation(config), rows, exitCode)).toEqual([]);
    },
  );

  it("tell the problems apart: no fixture's expectation holds for another's table", async () => {
    const tables = await Promise.all(PREFLIGHT_FIXTURES.map(tableOf));
    PREFLIGHT_FIXTURES.forEach((fixture, i) => {
      tables.forEach((table, j) => {
        if (i !== j) expect(judge(fixture.expectation(table.config), table.rows, table.exitCode)).not.toEqual([]);
      });
    });
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIGURATION_DOC_PATH, formattedConfigurationDoc, renderConfigurationDoc } from "../../tools/config-docs";

/** The table row of one field, split into its cells: field, type, required, rules, description. */
function row(doc: string, field: string): string[] {
  const line = doc.split("\n").find((candidate) => candidate.startsWith(`| \`${field}\` `));
  expect(line, `no row for ${field}`).toBeDefined();
  return (line as string)
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe("docs/configuration.md", () => {
  // Reading the schema's sources and formatting ~70 KB of Markdown takes a few seconds on CI.
  const timeout = 30_000;

  it(
    "is up to date with src/config/schema/ (run npm run docs:config)",
    async () => {
      const expected = await formattedConfigurationDoc();
      const actual = readFileSync(CONFIGURATION_DOC_PATH, "utf8");
      expect(actual === expected, "docs/configuration.md is out of date: run npm run docs:config").toBe(true);
    },
    timeout,
  );

  it("is deterministic", () => {
    expect(renderConfigurationDoc()).toBe(renderConfigurationDoc());
  });
});

describe("renderConfigurationDoc", () => {
  const doc = renderConfigurationDoc();

  it("says it is generated and by which command", () => {
    expect(doc).toMatch(/^# Configuration reference/);
    expect(doc).toContain("generated from the schema by `npm run docs:config`");
  });

  it("lists the VPC CIDR with its format and AWS's size limit", () => {
    const [, type, required, rules] = row(doc, "regions[].vpcCidr");
    expect(type).toBe("string");
    expect(required).toBe("required");
    expect(rules).toContain("format `cidrv4`");
    expect(rules).toContain("must be a /16 to /28 block");
  });

  it("lists database.replication with its enum values and documented default", () => {
    const [, type, required, rules, description] = row(doc, "database.replication");
    expect(type).toBe("string");
    expect(required).toMatch(/^optional, default: the best every configured region offers/);
    expect(rules).toBe("one of `global-database`, `dms-cdc`, `snapshot-copy`");
    expect(description).toMatch(/How the secondaries hold the primary's data/);
  });

  it("lists the backup frequencies a refinement allows, which JSON Schema cannot express", () => {
    const [, type, , rules, description] = row(doc, "backup.frequencyHours");
    expect(type).toBe("number");
    expect(rules).toContain("must be one of 1, 2, 3, 4, 6, 8, 12, 24");
    expect(description).toContain("RPO");
  });

  it("lists ranges, defaults, map keys and union members", () => {
    expect(row(doc, "backup.retentionDays")[3]).toBe("1 to 3650");
    expect(row(doc, "kubernetes.providerAuthentication")[2]).toBe("optional, default `ephemeral-token`");
    expect(row(doc, "regions[].eks.nodeGroups.<key>.instanceTypes")[3]).toContain("at least 1 item;");
    expect(row(doc, "regions[].eks.nodeGroups")[3]).toContain("needs at least one node group");
    expect(row(doc, "domain.hostedZone.zoneId")[2]).toBe("required when mode = `adopt`");
    expect(row(doc, "state.bucket")[2]).toBe("required when backend = `s3`");
  });

  it("lists every field of the schema's regions", () => {
    for (const field of [
      "key",
      "awsRegion",
      "role",
      "availabilityZones",
      "natGateways",
      "eks",
      "assertedCapabilities",
    ]) {
      row(doc, `regions[].${field}`);
    }
    expect(doc).toContain("`regions[].awsRegion`");
    expect(doc).toMatch(/## Long value lists[\s\S]*`ap-east-2`/);
  });

  it("links nothing outside the repository", () => {
    expect(doc).not.toMatch(/\]\((https?:|\.\.\/\.\.)/);
  });
});

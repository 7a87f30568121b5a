import { describe, expect, it } from "vitest";
import { adoptedHostedZone } from "../../../tools/preflight/hosted-zone";
import type { EnvironmentConfig } from "../../../src/config/schema";
import { catalogueFor } from "../../../tools/preflight/fixtures/catalogue";
import { production } from "./config";
import { fakeClients } from "./fake-clients";

const ZONE = "Z0123456789ABCDEFGHIJ";
const adopting = (): EnvironmentConfig => {
  const config = production();
  return { ...config, domain: { ...config.domain, hostedZone: { mode: "adopt", zoneId: ZONE } } };
};
const withZone = (name: string, privateZone = false) =>
  fakeClients({ catalogue: catalogueFor(production()), zones: { [ZONE]: { name, privateZone } } });

describe("adoptedHostedZone", () => {
  it("checks nothing when the global stack creates the zone", async () => {
    const clients = withZone("genai-demo.example.com");
    expect(await adoptedHostedZone(production(), clients)).toEqual([]);
    expect(clients.calls).toEqual([]);
  });

  it("passes the public zone of domain.name, whatever the case and trailing dot", async () => {
    const rows = await adoptedHostedZone(adopting(), withZone("GenAI-Demo.example.com"));
    expect(rows).toEqual([
      {
        check: `hosted zone ${ZONE}`,
        region: "global",
        outcome: "PASS",
        result: "public zone of genai-demo.example.com",
        fix: "",
      },
    ]);
  });

  it("fails a missing zone, another domain's zone and a private zone", async () => {
    const [missing] = await adoptedHostedZone(adopting(), fakeClients({ catalogue: { regions: {} } }));
    expect(missing).toMatchObject({ outcome: "FAIL", result: "no such zone in this account" });
    expect(missing!.fix).toContain("aws route53 list-hosted-zones-by-name --dns-name genai-demo.example.com");
    const [other] = await adoptedHostedZone(adopting(), withZone("example.com"));
    expect(other).toMatchObject({ outcome: "FAIL", result: "is example.com, not domain.name genai-demo.example.com" });
    const [hidden] = await adoptedHostedZone(adopting(), withZone("genai-demo.example.com", true));
    expect(hidden).toMatchObject({ outcome: "FAIL", result: "is a private zone" });
  });
});

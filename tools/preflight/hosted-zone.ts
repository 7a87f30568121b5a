/**
 * Check group: an adopted hosted zone (domain.hostedZone.mode "adopt") exists, is public, and is
 * the zone of domain.name. Records written into another domain's zone would never resolve.
 */
import type { EnvironmentConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, GLOBAL_REGION, fail, guarded, pass } from "./row";

export const hostedZoneCheck = (zoneId: string) => `hosted zone ${zoneId}`;

/** Route 53 names end with the root's dot and are case-insensitive. */
const normalized = (name: string) => name.toLowerCase().replace(/\.$/, "");

/** `route53:GetHostedZone`; no rows when the global stack creates the zone. */
export async function adoptedHostedZone(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const { hostedZone, name: domain } = config.domain;
  if (hostedZone.mode !== "adopt") return [];
  const check = hostedZoneCheck(hostedZone.zoneId);
  const listing = `aws route53 list-hosted-zones-by-name --dns-name ${domain}`;
  return guarded(check, GLOBAL_REGION, "route53:GetHostedZone", async () => {
    const zone = await clients.route53.hostedZone(hostedZone.zoneId);
    if (zone === undefined)
      return fail(
        check,
        GLOBAL_REGION,
        "no such zone in this account",
        `set domain.hostedZone.zoneId to the zone of ${domain}: ${listing}`,
      );
    if (normalized(zone.name) !== normalized(domain))
      return fail(
        check,
        GLOBAL_REGION,
        `is ${normalized(zone.name)}, not domain.name ${domain}`,
        `set domain.hostedZone.zoneId to the zone of ${domain} (${listing}), or fix domain.name`,
      );
    if (zone.privateZone)
      return fail(check, GLOBAL_REGION, "is a private zone", `adopt the public zone of ${domain}: ${listing}`);
    return pass(check, GLOBAL_REGION, `public zone of ${domain}`);
  });
}

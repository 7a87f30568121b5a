/**
 * Check group: every region the config deploys to, and the state bucket's region, is enabled for
 * the account. Regions launched since 2019 (Taipei, ap-east-2, among them) are opt-in: until an
 * account enables one, every call there fails and the first apply stops at its first resource.
 */
import type { EnvironmentConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, fail, guarded, pass } from "./row";

export const REGION_CHECK = "region enabled";
/** GetRegionOptStatus answers that leave the region usable. */
const USABLE = new Set(["ENABLED", "ENABLED_BY_DEFAULT"]);
const ENABLING = "ENABLING";

/** Each region the config uses, with what uses it: `{ "ap-east-2": "stack taipei", ... }`. */
export function regionsInUse(config: EnvironmentConfig): Map<string, string> {
  const uses = new Map<string, string[]>();
  const add = (region: string, use: string) => uses.set(region, [...(uses.get(region) ?? []), use]);
  for (const region of config.regions) add(region.awsRegion, `stack ${region.key}`);
  if (config.state.backend === "s3") add(config.state.region, "state bucket");
  return new Map([...uses].map(([region, users]) => [region, users.join(", ")]));
}

/** `account:GetRegionOptStatus` for each region in use. */
export async function regionOptIn(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const checks = [...regionsInUse(config)].map(([region, use]) =>
    guarded(REGION_CHECK, region, "account:GetRegionOptStatus", async () => {
      const status = await clients.account.regionOptStatus(region);
      if (USABLE.has(status)) return pass(REGION_CHECK, region, `${status} (${use})`);
      const fix =
        status === ENABLING
          ? `wait until aws account get-region-opt-status --region-name ${region} says ENABLED (started by aws account enable-region --region-name ${region})`
          : `aws account enable-region --region-name ${region} (needs account:EnableRegion; takes minutes to hours)`;
      return { ...fail(REGION_CHECK, region, `${status} (${use})`, fix), blocksRegion: true };
    }),
  );
  return (await Promise.all(checks)).flat();
}

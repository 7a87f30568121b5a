/**
 * Check group: EKS offers each region's Kubernetes version in standard support, and publishes
 * each pinned managed add-on version for that Kubernetes version. An unknown add-on version fails
 * the apply after the cluster exists; extended support bills from the first day.
 */
import { ADDONS } from "../../modules/eks-cluster/addons";
import type { EnvironmentConfig, RegionConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, fail, guarded, pass } from "./row";

/** DescribeClusterVersions' versionStatus of a version in standard support, and after it. */
const STANDARD_SUPPORT = "STANDARD_SUPPORT";
const EXTENDED_SUPPORT = "EXTENDED_SUPPORT";
const ISO_DATE_LENGTH = "yyyy-mm-dd".length;
/** Published versions named in a FAIL row, newest first as EKS lists them; the fix lists them all. */
const VERSIONS_SHOWN = 3;

export const kubernetesVersionCheck = (version: string) => `EKS Kubernetes ${version}`;
export const addonCheck = (addonName: string, version: string) => `EKS add-on ${addonName} ${version}`;

async function kubernetesVersionRow(region: RegionConfig, clients: PreflightClients): Promise<Row> {
  const { kubernetesVersion } = region.eks;
  const where = region.awsRegion;
  const check = kubernetesVersionCheck(kubernetesVersion);
  const fix =
    `move region "${region.key}" to a version in standard support (eks.kubernetesVersion, with its add-on pins; ` +
    `environments/shared.ts eksRelease): aws eks describe-cluster-versions --region ${where}`;
  const found = await clients.eks.clusterVersion(where, kubernetesVersion);
  if (found === undefined) return fail(check, where, "not offered in this region", fix);
  const until = found.endOfStandardSupport?.toISOString().slice(0, ISO_DATE_LENGTH);
  if (found.status === EXTENDED_SUPPORT)
    return fail(check, where, `${EXTENDED_SUPPORT} (billed at extended-support rates)`, fix);
  if (found.status !== STANDARD_SUPPORT) return fail(check, where, found.status, fix);
  return pass(check, where, until === undefined ? "standard support" : `standard support until ${until}`);
}

/** `(published: a, b, c, ...)`: what EKS does offer, so the FAIL row hints at the fix. */
function publishedSummary(published: string[]): string {
  if (published.length === 0) return "(no version at all)";
  const more = published.length > VERSIONS_SHOWN ? ", ..." : "";
  return `(published: ${published.slice(0, VERSIONS_SHOWN).join(", ")}${more})`;
}

function addonRows(region: RegionConfig, clients: PreflightClients): Promise<Row[]>[] {
  const { kubernetesVersion, addonVersions } = region.eks;
  const where = region.awsRegion;
  return (Object.keys(ADDONS) as (keyof typeof ADDONS)[]).map((key) => {
    const { name } = ADDONS[key];
    const pinned = addonVersions[key];
    const check = addonCheck(name, pinned);
    return guarded(check, where, "eks:DescribeAddonVersions", async () => {
      const published = await clients.eks.addonVersions(where, name, kubernetesVersion);
      if (published.includes(pinned)) return pass(check, where, `published for Kubernetes ${kubernetesVersion}`);
      return fail(
        check,
        where,
        `not published for Kubernetes ${kubernetesVersion} ${publishedSummary(published)}`,
        `pin one of these in eks.addonVersions.${key} of region "${region.key}" (environments/shared.ts eksRelease): ` +
          `aws eks describe-addon-versions --addon-name ${name} --kubernetes-version ${kubernetesVersion} --region ${where} ` +
          `--query "addons[].addonVersions[].addonVersion"`,
      );
    });
  });
}

/** `eks:DescribeClusterVersions` and one `eks:DescribeAddonVersions` per add-on, per region. */
export async function eksVersions(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const rows = config.regions.flatMap((region) => [
    guarded(kubernetesVersionCheck(region.eks.kubernetesVersion), region.awsRegion, "eks:DescribeClusterVersions", () =>
      kubernetesVersionRow(region, clients),
    ),
    ...addonRows(region, clients),
  ]);
  return (await Promise.all(rows)).flat();
}

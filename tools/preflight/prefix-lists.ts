/**
 * Check group: behind the edge, each region has the AWS-managed prefix lists its ALB admits
 * (CloudFront's origin-facing servers, the Route 53 health checkers). The VPC user guide names
 * them per region but lists no regions; a list a region lacks fails the first plan of its stack.
 */
import { edgeOnlyPrefixLists } from "../../modules/regional-ingress/edge-only";
import type { EnvironmentConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, fail, guarded, pass } from "./row";

export const prefixListCheck = (name: string) => `prefix list ${name}`;

/** `ec2:DescribeManagedPrefixLists` in each region, when the environment has an edge. */
export async function edgePrefixLists(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  if (config.edge === undefined) return [];
  const checks = config.regions.map(async ({ awsRegion }) => {
    const wanted = edgeOnlyPrefixLists(awsRegion);
    return guarded(prefixListCheck(wanted.join(", ")), awsRegion, "ec2:DescribeManagedPrefixLists", async () => {
      const found = await clients.ec2.managedPrefixListNames(awsRegion, wanted);
      return wanted.map((name) =>
        found.includes(name)
          ? pass(prefixListCheck(name), awsRegion, "AWS-managed list present")
          : fail(
              prefixListCheck(name),
              awsRegion,
              "not offered in this region",
              "the ALBs behind the edge cannot admit this service here: leave `edge` out for this environment, or ask AWS when the list arrives",
            ),
      );
    });
  });
  return (await Promise.all(checks)).flat();
}

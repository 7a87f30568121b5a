/**
 * Check group: the ElastiCache engine version exists in each region, and the node type is
 * offered there. AWS documents that node types vary by region, newest regions lacking older ones
 * ("Supported node types by AWS Region",
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html).
 *
 * AWS has no call that lists node types per region. The closest it documents is
 * DescribeReservedCacheNodesOfferings, which "lists available reserved cache node offerings" for
 * the region it is asked in, filtered by CacheNodeType
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeReservedCacheNodesOfferings.html):
 * a node type the region cannot run has no offering there. A type launched in a region days ago
 * may have no reservation offering yet; the fix column says where to confirm.
 */
import type { EnvironmentConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, fail, guarded, pass } from "./row";

const SUPPORTED_NODE_TYPES_BY_REGION =
  "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html";

export const cacheEngineCheck = (engine: string, version: string) => `ElastiCache ${engine} ${version}`;
export const cacheNodeTypeCheck = (nodeType: string) => `ElastiCache node ${nodeType}`;

/** `elasticache:DescribeCacheEngineVersions` and `elasticache:DescribeReservedCacheNodesOfferings` per region. */
export async function cacheOfferings(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const { engine, engineVersion, nodeType } = config.cache;
  const rows = config.regions.flatMap(({ awsRegion: region }) => {
    const engineCheck = cacheEngineCheck(engine, engineVersion);
    const nodeCheck = cacheNodeTypeCheck(nodeType);
    return [
      guarded(engineCheck, region, "elasticache:DescribeCacheEngineVersions", async () =>
        (await clients.elasticache.engineVersionExists(region, engine, engineVersion))
          ? pass(engineCheck, region, "offered")
          : fail(
              engineCheck,
              region,
              "not offered in this region",
              `set cache.engineVersion to one of: aws elasticache describe-cache-engine-versions --engine ${engine} --region ${region}`,
            ),
      ),
      guarded(nodeCheck, region, "elasticache:DescribeReservedCacheNodesOfferings", async () => {
        const offerings = await clients.elasticache.reservedNodeOfferings(region, nodeType);
        return offerings > 0
          ? pass(nodeCheck, region, `offered (${offerings} reserved-node offering${offerings === 1 ? "" : "s"})`)
          : fail(
              nodeCheck,
              region,
              "no offering in this region",
              `set cache.nodeType to a type offered in ${region} (aws elasticache describe-reserved-cache-nodes-offerings ` +
                `--region ${region}; confirm in "Supported node types by AWS Region", ${SUPPORTED_NODE_TYPES_BY_REGION})`,
            );
      }),
    ];
  });
  return (await Promise.all(rows)).flat();
}

import { ContainerRepository } from "../../../modules/container-registry";
import { type RegionContext, otherRegions } from "./context";

/**
 * The region's own app image repository, so its nodes pull locally and keep pulling while any
 * other region is down. The primary replicates every push into the others: replication is a
 * setting of the primary's registry, written through the primary's own provider, so no stack
 * touches another region's API (see docs/decisions.md, "Image registry").
 */
export function buildImageRepository(context: RegionContext): ContainerRepository {
  const { scope, config, region, account, protection } = context;
  const repository = new ContainerRepository(scope, "image-repository", {
    name: `${config.project}/${config.name}`,
    account,
    maxImageCount: config.app.registry.maxImageCount,
    untaggedExpiryDays: config.app.registry.untaggedExpiryDays,
    protection,
  });
  const replicas = otherRegions(context).map((other) => other.awsRegion);
  if (region.role === "primary" && replicas.length > 0) repository.replicateTo(replicas, account);
  return repository;
}

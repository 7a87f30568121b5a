/**
 * A fake {@link PreflightClients} that answers from a fixture account: its catalogue (the same
 * data moto is seeded with in the self-test, filtered the way moto_patches/preflight.py and AWS filter it),
 * its buckets, hosted zones and IAM roles. Records every call; `failures` makes a call throw instead.
 */
import type { PreflightClients, TerraformCloudReads } from "../../../tools/preflight/clients";
import type { Catalogue, RegionCatalogue } from "../../../tools/preflight/fixtures/catalogue";

export interface FakeBucket {
  readonly region: string;
  readonly versioning?: string;
  readonly encryption: string[];
}

export interface FakeAccount {
  readonly catalogue: Catalogue;
  /** By name; "forbidden" for a bucket another account owns. */
  readonly buckets?: Record<string, FakeBucket | "forbidden">;
  readonly zones?: Record<string, { name: string; privateZone?: boolean }>;
  /** IAM roles by name -> path (`/aws-service-role/<service>/` for a service-linked role). */
  readonly roles?: Record<string, string>;
  /** Descriptions of some of those roles, by name. */
  readonly roleDescriptions?: Record<string, string>;
  /** Terraform Cloud by hostname; a hostname absent here has no token. */
  readonly terraformCloud?: Record<string, TerraformCloudReads>;
  /** Method name (e.g. `addonVersions`) -> what it throws. */
  readonly failures?: Record<string, unknown>;
}

export type FakeClients = PreflightClients & { readonly calls: string[] };

export function fakeClients(account: FakeAccount): FakeClients {
  const calls: string[] = [];
  const call = <T>(method: string, args: unknown[], answer: () => T): Promise<T> => {
    calls.push(`${method}(${args.map((arg) => JSON.stringify(arg)).join(", ")})`);
    if (account.failures && method in account.failures) return Promise.reject(account.failures[method]);
    return Promise.resolve(answer());
  };
  const region = (name: string): RegionCatalogue | undefined => account.catalogue.regions[name];
  return {
    calls,
    account: {
      regionOptStatus: (name) => call("regionOptStatus", [name], () => region(name)?.optInStatus ?? "DISABLED"),
    },
    ec2: {
      instanceTypeOfferings: (name, types, zones) =>
        call("instanceTypeOfferings", [name, types, zones], () =>
          Object.entries(region(name)?.instanceTypeOfferings ?? {})
            .filter(([zone]) => zones.includes(zone))
            .flatMap(([zone, offered]) =>
              offered.filter((type) => types.includes(type)).map((instanceType) => ({ instanceType, zone })),
            ),
        ),
      managedPrefixListNames: (name, names) =>
        call("managedPrefixListNames", [name, names], () =>
          (region(name)?.managedPrefixLists ?? []).filter((list) => names.includes(list)),
        ),
    },
    dms: {
      orderableReplicationInstances: (name, instanceClass) =>
        call("orderableReplicationInstances", [name, instanceClass], () =>
          (region(name)?.orderableReplicationInstances ?? [])
            .filter((offer) => offer.ReplicationInstanceClass === instanceClass)
            .map((offer) => ({ engineVersion: offer.EngineVersion, availabilityZones: offer.AvailabilityZones })),
        ),
    },
    rds: {
      engineVersion: (name, engine, version) =>
        call("engineVersion", [name, engine, version], () => {
          const found = region(name)?.dbEngineVersions?.find(
            (candidate) => candidate.Engine === engine && candidate.EngineVersion === version,
          );
          return found && { status: found.Status, supportsGlobalDatabases: found.SupportsGlobalDatabases };
        }),
      orderableInstanceOptions: (name, engine, version, instanceClass) =>
        call("orderableInstanceOptions", [name, engine, version, instanceClass], () =>
          (region(name)?.orderableDbInstanceOptions ?? [])
            .filter(
              (option) =>
                option.Engine === engine &&
                option.EngineVersion === version &&
                option.DBInstanceClass === instanceClass,
            )
            .map((option) => ({
              availabilityZones: option.AvailabilityZones.map((zone) => zone.Name),
              supportsGlobalDatabases: option.SupportsGlobalDatabases,
            })),
        ),
    },
    elasticache: {
      engineVersionExists: (name, engine, version) =>
        call("engineVersionExists", [name, engine, version], () =>
          (region(name)?.cacheEngineVersions ?? []).some(
            (candidate) => candidate.Engine === engine && candidate.EngineVersion === version,
          ),
        ),
      reservedNodeOfferings: (name, nodeType) =>
        call(
          "reservedNodeOfferings",
          [name, nodeType],
          () =>
            (region(name)?.reservedCacheNodesOfferings ?? []).filter((offer) => offer.CacheNodeType === nodeType)
              .length,
        ),
    },
    eks: {
      clusterVersion: (name, version) =>
        call("clusterVersion", [name, version], () => {
          const found = region(name)?.clusterVersions?.find((candidate) => candidate.clusterVersion === version);
          if (found === undefined) return undefined;
          const end = found.endOfStandardSupportDate;
          return { status: found.versionStatus, ...(end === undefined ? {} : { endOfStandardSupport: new Date(end) }) };
        }),
      addonVersions: (name, addonName, kubernetesVersion) =>
        call("addonVersions", [name, addonName, kubernetesVersion], () =>
          (region(name)?.addons ?? [])
            .filter((addon) => addon.addonName === addonName)
            .flatMap((addon) => addon.addonVersions)
            .filter((version) => version.compatibilities.some((c) => c.clusterVersion === kubernetesVersion))
            .map((version) => version.addonVersion),
        ),
    },
    s3: {
      bucket: (name, bucket) =>
        call("bucket", [name, bucket], () => {
          const found = account.buckets?.[bucket];
          if (found === undefined) return { found: false, reason: "missing" } as const;
          if (found === "forbidden") return { found: false, reason: "forbidden" } as const;
          return { found: true, region: found.region } as const;
        }),
      versioning: (name, bucket) =>
        call("versioning", [name, bucket], () => {
          const found = account.buckets?.[bucket];
          return typeof found === "object" ? found.versioning : undefined;
        }),
      encryption: (name, bucket) =>
        call("encryption", [name, bucket], () => {
          const found = account.buckets?.[bucket];
          return typeof found === "object" ? found.encryption : [];
        }),
    },
    route53: {
      hostedZone: (zoneId) =>
        call("hostedZone", [zoneId], () => {
          const zone = account.zones?.[zoneId];
          return zone && { name: `${zone.name}.`, privateZone: zone.privateZone ?? false };
        }),
    },
    iam: {
      role: (roleName) =>
        call("role", [roleName], () => {
          const path = account.roles?.[roleName];
          return path === undefined ? undefined : { path, description: account.roleDescriptions?.[roleName] ?? "" };
        }),
    },
    terraformCloud: (hostname) => account.terraformCloud?.[hostname],
  };
}

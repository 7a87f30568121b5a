/**
 * Names of the platform's AWS resources, computed from config alone, so every stack (and every
 * builder of a stack) agrees on them without reading another's state. Public DNS names live next
 * door, in dns-names.ts.
 */
import type { EnvironmentConfig } from "./config/schema";

type Naming = Pick<EnvironmentConfig, "project" | "name">;

/** `<project>-<environment>-<region>`: the prefix of every name a regional stack creates. */
export function regionPrefix(config: Naming, regionKey: string): string {
  return `${config.project}-${config.name}-${regionKey}`;
}

/** Where the app's settings live: SSM parameters under a path, secrets under a name prefix. */
export function appSettingPaths(config: Naming): { parameterPath: string; secretsPrefix: string } {
  return { parameterPath: `/${config.project}/${config.name}/`, secretsPrefix: `${config.project}/${config.name}/` };
}

/** SSM path of one data store's connection settings in one region, e.g. `/genai-demo/production/taipei/cache`. */
export function dataStoreSettingsPath(config: Naming, regionKey: string, store: "database" | "cache"): string {
  return `${appSettingPaths(config).parameterPath}${regionKey}/${store}`;
}

/** Where the app writes its logs: log groups under this prefix. */
export function appLogGroupPrefix(config: Pick<EnvironmentConfig, "project">): string {
  return `/aws/${config.project}/`;
}

/** The environment's names of the shared data stores: computable by every region from config. */
export function globalDataNames(config: Naming) {
  const base = `${config.project}-${config.name}`;
  return {
    globalCluster: base,
    cacheSuffix: base,
    masterSecret: `${appSettingPaths(config).secretsPrefix}database-master`,
  };
}

/**
 * Secret of the master credentials of a secondary's own cluster (a `dms-cdc` target); the
 * primary's are {@link globalDataNames}' `masterSecret`, replicated to every region.
 */
export function regionalMasterSecretName(config: Naming, regionKey: string): string {
  return `${appSettingPaths(config).secretsPrefix}${regionKey}/database-master`;
}

/** Name of a region's backup vault (and plan): other regions copy to it by this name. */
export function backupVaultName(config: Naming, regionKey: string): string {
  return regionPrefix(config, regionKey);
}

/**
 * Secret names of the origin secret's two generations (modules/origin-secret): outside the app's
 * secrets prefix, so the app's role cannot read them.
 */
export function originSecretNames(config: Naming, generation: number): { active: string; next: string } {
  const name = (n: number) => `edge/${config.project}-${config.name}/origin-verify-v${n}`;
  return { active: name(generation), next: name(generation + 1) };
}

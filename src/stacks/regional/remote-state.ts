import { DataTerraformRemoteState, DataTerraformRemoteStateS3, Fn, NamedRemoteWorkspace, Token } from "cdktf";
import type { Construct } from "constructs";
import { GLOBAL_STACK_ID, type EnvironmentConfig } from "../../config/schema";
import { cloudWorkspaceName, stateKey } from "../../state-backend";
import { GLOBAL_OUTPUTS } from "../global-stack";

/**
 * Another stack's state, wherever the environment keeps state (S3, or Terraform Cloud through
 * the `remote` backend). State lives outside the serving regions, so the read works while any of
 * them is down.
 */
function remoteState(scope: Construct, id: string, config: EnvironmentConfig, stackId: string) {
  const { state } = config;
  return state.backend === "s3"
    ? new DataTerraformRemoteStateS3(scope, id, {
        bucket: state.bucket,
        region: state.region,
        key: stateKey(state.keyPrefix, { project: config.project, environment: config.name, stackId }),
        encrypt: true,
        kmsKeyId: state.kmsKeyId,
      })
    : new DataTerraformRemoteState(scope, id, {
        organization: state.organization,
        hostname: state.hostname,
        workspaces: new NamedRemoteWorkspace(cloudWorkspaceName(state.workspacePrefix, stackId)),
      });
}

/** What a regional stack takes from `global`: read from its state, never a cdktf cross-stack reference. */
export interface GlobalOutputs {
  readonly hostedZoneId: string;
  /** The health check of `regionKey`'s origin. */
  healthCheckId(regionKey: string): string;
}

/** Reads the `global` stack's outputs: every region does. */
export function readGlobalOutputs(scope: Construct, config: EnvironmentConfig): GlobalOutputs {
  const remote = remoteState(scope, "global-state", config, GLOBAL_STACK_ID);
  return {
    hostedZoneId: remote.getString(GLOBAL_OUTPUTS.hostedZoneId),
    healthCheckId: (regionKey) => Token.asString(Fn.lookup(remote.get(GLOBAL_OUTPUTS.healthCheckIds), regionKey)),
  };
}

/**
 * Reads one output of the primary region's stack. Only secondaries do, and only for what AWS
 * names itself and no one can compute from config (the cache global datastore's id).
 */
export function readPrimaryOutput(scope: Construct, config: EnvironmentConfig, output: string): string {
  const primary = config.regions.find((region) => region.role === "primary")!;
  return remoteState(scope, "primary-state", config, primary.key).getString(output);
}

import { DataTerraformRemoteState, DataTerraformRemoteStateS3, Fn, NamedRemoteWorkspace, Token } from "cdktf";
import type { Construct } from "constructs";
import { GLOBAL_STACK_ID, type EnvironmentConfig } from "../../config/schema";
import { cloudWorkspaceName, stateKey } from "../../state-backend";
import { GLOBAL_OUTPUTS } from "../global-stack";

/** What a regional stack takes from `global`: read from its state, never a cdktf cross-stack reference. */
export interface GlobalOutputs {
  readonly hostedZoneId: string;
  /** The health check of `regionKey`'s origin. */
  healthCheckId(regionKey: string): string;
}

/**
 * Reads the `global` stack's outputs from its remote state, wherever the environment keeps state
 * (S3, or Terraform Cloud through the `remote` backend). Only `global`'s state is read: a region
 * never depends on another region.
 */
export function readGlobalOutputs(scope: Construct, config: EnvironmentConfig): GlobalOutputs {
  const { state } = config;
  const remote =
    state.backend === "s3"
      ? new DataTerraformRemoteStateS3(scope, "global-state", {
          bucket: state.bucket,
          region: state.region,
          key: stateKey(state.keyPrefix, {
            project: config.project,
            environment: config.name,
            stackId: GLOBAL_STACK_ID,
          }),
          encrypt: true,
          kmsKeyId: state.kmsKeyId,
        })
      : new DataTerraformRemoteState(scope, "global-state", {
          organization: state.organization,
          hostname: state.hostname,
          workspaces: new NamedRemoteWorkspace(cloudWorkspaceName(state.workspacePrefix, GLOBAL_STACK_ID)),
        });
  return {
    hostedZoneId: remote.getString(GLOBAL_OUTPUTS.hostedZoneId),
    healthCheckId: (regionKey) => Token.asString(Fn.lookup(remote.get(GLOBAL_OUTPUTS.healthCheckIds), regionKey)),
  };
}

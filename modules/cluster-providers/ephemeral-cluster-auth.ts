import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { EphemeralResource } from "../shared/ephemeral";

/**
 * `ephemeral "aws_eks_cluster_auth"`: a short-lived token for the cluster, never written to state
 * or plan files. It is valid for 15 minutes and never renewed, so `dependsOn` should hold what the
 * token's users wait for anyway: it is then fetched just before them, not when the cluster is made.
 */
export class EphemeralEksClusterAuth extends EphemeralResource {
  constructor(
    scope: Construct,
    id: string,
    props: { readonly clusterName: string; readonly dependsOn?: ITerraformDependable[] },
  ) {
    super(scope, id, {
      type: "aws_eks_cluster_auth",
      config: { name: props.clusterName },
      dependsOn: props.dependsOn,
    });
  }

  /** The bearer token. */
  get token(): string {
    return this.attribute("token");
  }
}

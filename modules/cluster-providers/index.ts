import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { EphemeralEksClusterAuth } from "./ephemeral-cluster-auth";

export { EphemeralEksClusterAuth } from "./ephemeral-cluster-auth";

/** How the providers get a token for the cluster. */
export type ClusterAuthentication = "ephemeral-token" | "aws-cli-exec";

/** The client.authentication.k8s.io version `aws eks get-token` speaks. */
export const EXEC_API_VERSION = "client.authentication.k8s.io/v1beta1";

export interface ClusterProvidersProps {
  readonly clusterName: string;
  /** AWS region of the cluster (for `aws eks get-token`). */
  readonly region: string;
  /** The API server URL. */
  readonly endpoint: string;
  /** Base64 PEM of the cluster CA, as EKS returns it. */
  readonly certificateAuthorityData: string;
  /**
   * `ephemeral-token` needs nothing on the runner but AWS credentials; `aws-cli-exec` runs the aws
   * CLI for each connection.
   * @default "ephemeral-token"
   */
  readonly authentication?: ClusterAuthentication;
  /**
   * What must exist before an ephemeral token is fetched (it lasts 15 minutes and is not
   * renewed): the node groups and add-ons, so a first deploy does not spend the token's life
   * waiting for nodes.
   * @default []
   */
  readonly tokenAfter?: ITerraformDependable[];
}

/**
 * The Helm and Kubernetes providers of one cluster, configured from the cluster resource of the
 * same stack. No token is ever stored: either an ephemeral value or a CLI call per connection.
 */
export class ClusterProviders extends Construct {
  readonly helm: HelmProvider;
  readonly kubernetes: KubernetesProvider;

  constructor(scope: Construct, id: string, props: ClusterProvidersProps) {
    super(scope, id);
    const connection = {
      host: props.endpoint,
      clusterCaCertificate: Fn.base64decode(props.certificateAuthorityData),
    };
    const credentials =
      (props.authentication ?? "ephemeral-token") === "ephemeral-token"
        ? {
            token: new EphemeralEksClusterAuth(this, "token", {
              clusterName: props.clusterName,
              dependsOn: props.tokenAfter,
            }).token,
          }
        : {
            exec: {
              apiVersion: EXEC_API_VERSION,
              command: "aws",
              args: [
                "eks",
                "get-token",
                "--cluster-name",
                props.clusterName,
                "--region",
                props.region,
                "--output",
                "json",
              ],
            },
          };
    this.kubernetes = new KubernetesProvider(this, "kubernetes", {
      ...connection,
      token: credentials.token,
      exec: credentials.exec === undefined ? undefined : [credentials.exec],
    });
    this.helm = new HelmProvider(this, "helm", { kubernetes: { ...connection, ...credentials } });
  }
}

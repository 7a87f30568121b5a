import { Construct } from "constructs";
import { Connections, tcp, udp } from "../shared/connections";
import { ANY_IPV4, DNS_PORT, PORTS } from "../shared/constants";
import { KUBELET_PORT, LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT } from "./constants";

export interface ClusterSecurityGroupsProps {
  readonly clusterName: string;
  readonly vpcId: string;
  /** The VPC's CIDR, where the Amazon-provided DNS resolver answers. */
  readonly vpcCidr: string;
  /** TCP ports pods serve to pods on other nodes, besides DNS and the kubelet. */
  readonly podToPodPorts: number[];
}

/**
 * The control plane's additional group and the nodes' group (pods share their node's group:
 * security groups for pods are not used, see docs/decisions.md). Only the flows a cluster
 * needs are open; workloads' inbound traffic is added by whoever fronts them, through `nodes`.
 */
export class ClusterSecurityGroups extends Construct {
  readonly controlPlane: Connections;
  readonly nodes: Connections;

  constructor(scope: Construct, id: string, props: ClusterSecurityGroupsProps) {
    super(scope, id);
    const group = (name: string, description: string) =>
      Connections.forNewGroup(this, { prefix: props.clusterName, name, description, vpcId: props.vpcId });
    this.controlPlane = group("eks-control-plane", "EKS control plane: Kubernetes API from the nodes");
    this.nodes = group("eks-nodes", "EKS nodes and their pods");

    this.controlPlane.allowFrom(this.nodes.ref, tcp(PORTS.https), "Kubernetes API from nodes and pods");
    this.controlPlane.allowTo(this.nodes.ref, tcp(KUBELET_PORT), "Control plane to kubelets (logs, exec, metrics)");
    this.controlPlane.allowTo(
      this.nodes.ref,
      tcp(LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT),
      "Control plane to the load balancer controller admission webhook",
    );

    this.nodes.allowWithin(tcp(KUBELET_PORT), "Kubelet API between nodes (metrics-server scrapes it)");
    for (const port of props.podToPodPorts) this.nodes.allowWithin(tcp(port), `Pod to pod across nodes on ${port}`);
    this.nodes.allowWithin(tcp(DNS_PORT), "CoreDNS between nodes (TCP)");
    this.nodes.allowWithin(udp(DNS_PORT), "CoreDNS between nodes (UDP)");
    this.nodes.allowTo({ cidr: props.vpcCidr }, udp(DNS_PORT), "DNS to the VPC resolver (UDP)");
    this.nodes.allowTo({ cidr: props.vpcCidr }, tcp(DNS_PORT), "DNS to the VPC resolver (TCP)");
    this.nodes.allowTo(
      { cidr: ANY_IPV4 },
      tcp(PORTS.https),
      "HTTPS to AWS APIs, VPC endpoints and image registries (through NAT)",
    );
  }
}

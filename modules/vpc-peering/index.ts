import { Route } from "@cdktf/provider-aws/lib/route";
import { VpcPeeringConnection } from "@cdktf/provider-aws/lib/vpc-peering-connection";
import { VpcPeeringConnectionAccepterA } from "@cdktf/provider-aws/lib/vpc-peering-connection-accepter";
import { Construct } from "constructs";

/** One end of the peering: its VPC, the route tables that send to the other end, and where to. */
export interface PeeringSide {
  readonly vpcId: string;
  /** Route tables of this side that get routes to {@link destinationCidrs} through the peering. */
  readonly routeTableIds: readonly string[];
  /** The other side's CIDRs this side may reach (narrow: only the subnets that talk). */
  readonly destinationCidrs: readonly string[];
}

export interface CrossRegionPeeringProps {
  /** Name tag of the connection, e.g. `genai-demo-production-taipei-tokyo`. */
  readonly name: string;
  /** Requested from the scope's default provider's region. */
  readonly requester: PeeringSide;
  /** Accepted in `accepterRegion` (the provider's per-resource `region`). */
  readonly accepter: PeeringSide;
  readonly accepterRegion: string;
}

/**
 * An inter-region VPC peering connection within one account: requested in this region, accepted
 * in the other (AWS requires the accept to come from the accepter's region: the accepter's
 * resources set the provider's per-resource `region`), and routed only between the CIDRs each side names. The connection
 * is not transitive and carries no DNS options: the peers address each other by IP, and the
 * security groups and NACLs of each VPC decide what passes.
 */
export class CrossRegionPeering extends Construct {
  readonly connectionId: string;

  constructor(scope: Construct, id: string, props: CrossRegionPeeringProps) {
    super(scope, id);
    const connection = new VpcPeeringConnection(this, "connection", {
      vpcId: props.requester.vpcId,
      peerVpcId: props.accepter.vpcId,
      peerRegion: props.accepterRegion,
      // Inter-region: auto_accept must stay unset; the accepter below accepts.
      tags: { Name: props.name },
    });
    const accepted = new VpcPeeringConnectionAccepterA(this, "accepter", {
      region: props.accepterRegion,
      vpcPeeringConnectionId: connection.id,
      autoAccept: true,
      // The same tags on both sides: each region keeps its own, and an emulator that keeps one
      // connection object for both then reads back what it was given.
      tags: { Name: props.name },
    });
    this.connectionId = accepted.vpcPeeringConnectionId;

    const routes = (side: "requester" | "accepter", region?: string) =>
      props[side].routeTableIds.forEach((routeTableId, table) =>
        props[side].destinationCidrs.forEach((destinationCidrBlock) => {
          new Route(this, `${side}-${table}-${destinationCidrBlock.replace(/[./]/g, "-")}`, {
            ...(region === undefined ? {} : { region }),
            routeTableId,
            destinationCidrBlock,
            vpcPeeringConnectionId: accepted.vpcPeeringConnectionId,
          });
        }),
      );
    routes("requester");
    routes("accepter", props.accepterRegion);
  }
}

import { describe, expect, it } from "vitest";
import { CrossRegionPeering } from "../../modules/vpc-peering";
import { refTo, resourcesOf, synthInStack } from "../helpers";

const json = synthInStack(
  (stack) =>
    new CrossRegionPeering(stack, "link", {
      name: "demo-tokyo-from-taipei",
      requester: {
        vpcId: "vpc-tokyo",
        routeTableIds: ["rtb-tokyo-db"],
        destinationCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
      },
      accepter: { vpcId: "vpc-taipei", routeTableIds: ["rtb-taipei-db"], destinationCidrs: ["10.1.1.0/24"] },
      accepterRegion: "ap-east-2",
    }),
  "ap-northeast-1",
);

describe("CrossRegionPeering", () => {
  it("requests from this region without auto-accept, and accepts in the peer's region", () => {
    const [connection] = resourcesOf(json, "aws_vpc_peering_connection");
    expect(connection).toMatchObject({ vpc_id: "vpc-tokyo", peer_vpc_id: "vpc-taipei", peer_region: "ap-east-2" });
    expect(connection!.auto_accept).toBeUndefined();
    expect(resourcesOf(json, "aws_vpc_peering_connection_accepter")).toEqual([
      expect.objectContaining({
        region: "ap-east-2",
        auto_accept: true,
        vpc_peering_connection_id: refTo(json, "aws_vpc_peering_connection", () => true),
      }),
    ]);
  });

  it("tags both sides alike (each region keeps its own copy of the connection's tags)", () => {
    const [connection] = resourcesOf(json, "aws_vpc_peering_connection");
    const [accepter] = resourcesOf(json, "aws_vpc_peering_connection_accepter");
    expect(connection!.tags).toEqual({ Name: "demo-tokyo-from-taipei" });
    expect(accepter!.tags).toEqual(connection!.tags);
  });

  it("routes each side only to the CIDRs it names, through the accepted connection, in its own region", () => {
    const accepted = refTo(json, "aws_vpc_peering_connection_accepter", () => true, "vpc_peering_connection_id");
    const routes = resourcesOf(json, "aws_route").map((route) => [
      route.route_table_id,
      route.destination_cidr_block,
      route.region ?? "requester's",
      route.vpc_peering_connection_id === accepted,
    ]);
    expect(routes.sort()).toEqual(
      [
        ["rtb-tokyo-db", "10.0.1.0/24", "requester's", true],
        ["rtb-tokyo-db", "10.0.2.0/24", "requester's", true],
        ["rtb-taipei-db", "10.1.1.0/24", "ap-east-2", true],
      ].sort(),
    );
  });
});

import { DefaultNetworkAcl } from "@cdktf/provider-aws/lib/default-network-acl";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { ANY_IPV4 } from "../shared/constants";
import { VpcFlowLogs } from "./flow-logs";
import { type DatabasePeering, TierNetworkAcls } from "./network-acls";
import { TierSecurityGroups } from "./security-groups";
import { SUBNET_TIERS, type SubnetPlan, type SubnetPrefixLengths, type SubnetTier, planSubnets } from "./subnet-plan";
import type { Protection } from "../shared/protection";

export { SUBNET_SLOTS_PER_TIER, SUBNET_TIERS, planSubnets } from "./subnet-plan";
export type { SubnetPlan, SubnetPrefixLengths, SubnetTier } from "./subnet-plan";
export type { DatabasePeering } from "./network-acls";

/**
 * Interface endpoints that keep image pulls, token exchange and logging off the NAT gateways.
 * (S3, which ECR layers come from, gets a free gateway endpoint instead.)
 */
export const DEFAULT_INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "sts", "logs"] as const;

/** How many NAT gateways to run: one per AZ survives an AZ outage; one in total is cheaper. */
export type NatGatewayMode = "per-az" | "single";

/** Subnet tags the AWS Load Balancer Controller uses to pick subnets for load balancers. */
const LOAD_BALANCER_ROLE_TAGS: Partial<Record<SubnetTier, Record<string, string>>> = {
  public: { "kubernetes.io/role/elb": "1" },
  private: { "kubernetes.io/role/internal-elb": "1" },
};

export interface NetworkProps {
  /** Prefix of every Name tag and resource name, e.g. `genai-demo-production-taipei`. */
  readonly name: string;
  /** AWS region code the VPC lives in, e.g. `ap-east-2`. */
  readonly region: string;
  /** Account the VPC lives in (for the flow-log key and role policies). */
  readonly account: AwsAccount;
  /** The VPC's IPv4 CIDR, e.g. `10.0.0.0/16`. */
  readonly vpcCidr: string;
  /** One subnet per tier is created in each of these zones, in this order. */
  readonly availabilityZones: string[];
  /** Per-AZ subnet size of each tier; see {@link planSubnets}. */
  readonly subnetPrefixLengths: SubnetPrefixLengths;
  /**
   * NAT gateways for the private tier.
   * @default "per-az"
   */
  readonly natGateways?: NatGatewayMode;
  /** Days the flow logs are kept; must be a CloudWatch Logs retention period. */
  readonly flowLogRetentionDays: number;
  /**
   * Service names (after `com.amazonaws.<region>.`) to reach through interface endpoints.
   * @default DEFAULT_INTERFACE_ENDPOINTS
   */
  readonly interfaceEndpoints?: readonly string[];
  /**
   * PostgreSQL to and from the database tier of a peered VPC in another region (the `dms-cdc`
   * replication path); the peering connection and its routes belong to whoever links the VPCs.
   * @default none: the database tier talks only to this VPC
   */
  readonly databasePeering?: DatabasePeering;
  /**
   * How the module guards its flow-log key and log group against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * A three-tier VPC: public subnets (ALB, NAT), private subnets (EKS nodes and pods, internet
 * only through NAT), database subnets (no route out at all). Adds flow logs, S3 and interface
 * endpoints, per-tier NACLs, the endpoints' security group, and locks the default
 * security group and NACL so nothing can silently fall back to them.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly plan: SubnetPlan;
  readonly subnets: Record<SubnetTier, Subnet[]>;
  readonly securityGroups: TierSecurityGroups;
  /** The database tier's one route table (no route out; a peering link adds its own). */
  readonly databaseRouteTable: RouteTable;
  readonly natGateways: NatGateway[];
  /** The NAT gateways' Elastic IPs: where the VPC's traffic to the internet comes from. */
  readonly natPublicIps: string[];
  readonly flowLogs: VpcFlowLogs;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const azs = props.availabilityZones;
    this.plan = planSubnets(props.vpcCidr, azs.length, props.subnetPrefixLengths);

    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: props.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: props.name },
    });
    // Empty rule sets: anything left in the default group or NACL gets no traffic.
    new DefaultSecurityGroup(this, "default-security-group", {
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-default-locked` },
    });
    new DefaultNetworkAcl(this, "default-network-acl", {
      defaultNetworkAclId: this.vpc.defaultNetworkAclId,
      tags: { Name: `${props.name}-default-locked` },
    });

    const subnets = {} as Record<SubnetTier, Subnet[]>;
    for (const tier of SUBNET_TIERS) {
      subnets[tier] = this.plan[tier].map(
        (cidr, i) =>
          new Subnet(this, `${tier}-${azs[i]}`, {
            vpcId: this.vpc.id,
            cidrBlock: cidr,
            availabilityZone: azs[i],
            mapPublicIpOnLaunch: false,
            tags: { Name: `${props.name}-${tier}-${azs[i]}`, Tier: tier, ...LOAD_BALANCER_ROLE_TAGS[tier] },
          }),
      );
    }
    this.subnets = subnets;

    const internetGateway = new InternetGateway(this, "internet-gateway", {
      vpcId: this.vpc.id,
      tags: { Name: props.name },
    });
    const natCount = (props.natGateways ?? "per-az") === "per-az" ? azs.length : 1;
    const addresses = subnets.public
      .slice(0, natCount)
      .map(
        (_, i) => new Eip(this, `nat-ip-${azs[i]}`, { domain: "vpc", tags: { Name: `${props.name}-nat-${azs[i]}` } }),
      );
    this.natPublicIps = addresses.map((address) => address.publicIp);
    this.natGateways = addresses.map((address, i) => {
      const subnet = subnets.public[i]!;
      return new NatGateway(this, `nat-${azs[i]}`, {
        allocationId: address.allocationId,
        subnetId: subnet.id,
        tags: { Name: `${props.name}-${azs[i]}` },
        dependsOn: [internetGateway],
      });
    });

    const publicRoutes = this.routeTable("public", props.name, subnets.public);
    new Route(this, "public-default-route", {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: ANY_IPV4,
      gatewayId: internetGateway.id,
    });
    const privateRoutes = subnets.private.map((subnet, i) => {
      const table = this.routeTable(`private-${azs[i]}`, props.name, [subnet]);
      new Route(this, `private-default-route-${azs[i]}`, {
        routeTableId: table.id,
        destinationCidrBlock: ANY_IPV4,
        natGatewayId: this.natGateways[i % natCount].id,
      });
      return table;
    });
    // Deliberately no default route: the database tier cannot reach or be reached from outside.
    const databaseRoutes = this.routeTable("database", props.name, subnets.database);
    this.databaseRouteTable = databaseRoutes;

    new TierNetworkAcls(this, "network-acls", {
      name: props.name,
      vpcId: this.vpc.id,
      vpcCidr: props.vpcCidr,
      subnets,
      plan: this.plan,
      databasePeering: props.databasePeering,
    });
    this.securityGroups = new TierSecurityGroups(this, "security-groups", {
      name: props.name,
      vpcId: this.vpc.id,
      vpcCidr: props.vpcCidr,
    });

    new VpcEndpoint(this, "endpoint-s3", {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: [...privateRoutes, databaseRoutes].map((table) => table.id),
      tags: { Name: `${props.name}-s3` },
    });
    for (const service of props.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS) {
      new VpcEndpoint(this, `endpoint-${service}`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: subnets.private.map((subnet) => subnet.id),
        securityGroupIds: [this.securityGroups.endpoints.ref.securityGroupId],
        tags: { Name: `${props.name}-${service}` },
      });
    }

    this.flowLogs = new VpcFlowLogs(this, "flow-logs", {
      name: props.name,
      region: props.region,
      account: props.account,
      vpcId: this.vpc.id,
      retentionInDays: props.flowLogRetentionDays,
      protection: props.protection,
    });
  }

  private routeTable(id: string, name: string, subnets: Subnet[]): RouteTable {
    const table = new RouteTable(this, `routes-${id}`, { vpcId: this.vpc.id, tags: { Name: `${name}-${id}` } });
    subnets.forEach((subnet, i) => {
      new RouteTableAssociation(this, `routes-${id}-${i}`, { routeTableId: table.id, subnetId: subnet.id });
    });
    return table;
  }
}

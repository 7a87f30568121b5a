import { DefaultNetworkAcl } from "@cdktf/provider-aws/lib/default-network-acl";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { describe, expect, it } from "vitest";
import { Network, type NetworkProps } from "../../modules/network";
import { blocksOf, refTo, resourcesOf, synthInStack } from "../helpers";

const props: NetworkProps = {
  name: "demo-taipei",
  region: "ap-east-2",
  account: { id: "111122223333", partition: "aws" },
  vpcCidr: "10.0.0.0/16",
  availabilityZones: ["ap-east-2a", "ap-east-2b", "ap-east-2c"],
  subnetPrefixLengths: { private: 19, public: 22, database: 22 },
  flowLogRetentionDays: 365,
};

function synthNetwork(overrides: Partial<NetworkProps> = {}): string {
  return synthInStack((stack) => new Network(stack, "network", { ...props, ...overrides }));
}

const json = synthNetwork();
type Block = Record<string, unknown>;
const subnetRef = (cidr: string) => refTo(json, "aws_subnet", (subnet) => subnet.cidr_block === cidr);
const sgRef = (suffix: string) => refTo(json, "aws_security_group", (group) => group.name === `demo-taipei-${suffix}`);

describe("Network", () => {
  it("creates the VPC with DNS support", () => {
    expect(json).toHaveResourceWithProperties(Vpc, {
      cidr_block: "10.0.0.0/16",
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it("creates one subnet per tier and AZ, from the subnet plan, none assigning public IPs", () => {
    const subnets = resourcesOf(json, "aws_subnet");
    expect(subnets).toHaveLength(9);
    expect(subnets.every((subnet) => subnet.map_public_ip_on_launch === false)).toBe(true);
    expect(json).toHaveResourceWithProperties(Subnet, {
      cidr_block: "10.0.32.0/19",
      availability_zone: "ap-east-2b",
      tags: expect.objectContaining({ Tier: "private", "kubernetes.io/role/internal-elb": "1" }),
    });
    expect(json).toHaveResourceWithProperties(Subnet, {
      cidr_block: "10.0.136.0/22",
      availability_zone: "ap-east-2c",
      tags: expect.objectContaining({ Tier: "public", "kubernetes.io/role/elb": "1" }),
    });
    expect(json).toHaveResourceWithProperties(Subnet, { cidr_block: "10.0.144.0/22", availability_zone: "ap-east-2a" });
  });

  it("runs a NAT gateway per AZ by default, each private AZ routing through its own", () => {
    const nats = blocksOf(json, "aws_nat_gateway");
    expect(Object.keys(nats)).toHaveLength(3);
    const routes = resourcesOf(json, "aws_route");
    const natRoutes = routes.filter((route) => route.nat_gateway_id !== undefined);
    expect(natRoutes).toHaveLength(3);
    expect(new Set(natRoutes.map((route) => route.nat_gateway_id)).size).toBe(3);
  });

  it("runs a single NAT gateway when asked, shared by every private AZ", () => {
    const single = synthNetwork({ natGateways: "single" });
    expect(resourcesOf(single, "aws_nat_gateway")).toHaveLength(1);
    expect(resourcesOf(single, "aws_eip")).toHaveLength(1);
    const natRoutes = resourcesOf(single, "aws_route").filter((route) => route.nat_gateway_id !== undefined);
    expect(natRoutes).toHaveLength(3);
    expect(new Set(natRoutes.map((route) => route.nat_gateway_id)).size).toBe(1);
  });

  it("routes the public tier to the internet gateway and gives the database tier no way out", () => {
    const routes = resourcesOf(json, "aws_route");
    expect(routes).toHaveLength(4);
    const igwRoutes = routes.filter((route) => route.gateway_id !== undefined);
    expect(igwRoutes).toEqual([expect.objectContaining({ destination_cidr_block: "0.0.0.0/0" })]);

    const databaseTable = refTo(
      json,
      "aws_route_table",
      (table) => (table.tags as Block).Name === "demo-taipei-database",
    );
    expect(routes.some((route) => route.route_table_id === databaseTable)).toBe(false);
    const databaseAssociations = resourcesOf(json, "aws_route_table_association").filter(
      (association) => association.route_table_id === databaseTable,
    );
    expect(databaseAssociations.map((association) => association.subnet_id).sort()).toEqual(
      ["10.0.144.0/22", "10.0.148.0/22", "10.0.152.0/22"].map(subnetRef).sort(),
    );
  });

  it("adds an S3 gateway endpoint on the private and database route tables", () => {
    const [s3] = resourcesOf(json, "aws_vpc_endpoint").filter((endpoint) => endpoint.vpc_endpoint_type === "Gateway");
    expect(s3).toMatchObject({ service_name: "com.amazonaws.ap-east-2.s3" });
    expect(s3!.route_table_ids).toHaveLength(4);
  });

  it.each(["ecr.api", "ecr.dkr", "sts", "logs"])("adds a private-DNS interface endpoint for %s", (service) => {
    expect(json).toHaveResourceWithProperties(VpcEndpoint, {
      service_name: `com.amazonaws.ap-east-2.${service}`,
      vpc_endpoint_type: "Interface",
      private_dns_enabled: true,
      security_group_ids: [sgRef("endpoints")],
    });
  });

  it("locks the default security group and network ACL with empty rule sets", () => {
    const [defaultGroup] = resourcesOf(json, DefaultSecurityGroup.tfResourceType);
    expect(defaultGroup!.ingress).toBeUndefined();
    expect(defaultGroup!.egress).toBeUndefined();
    const [defaultAcl] = resourcesOf(json, DefaultNetworkAcl.tfResourceType);
    expect(defaultAcl!.ingress).toBeUndefined();
    expect(defaultAcl!.egress).toBeUndefined();
  });

  it("records ALL traffic into a KMS-encrypted log group with the configured retention", () => {
    expect(json).toHaveResourceWithProperties(FlowLog, {
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      max_aggregation_interval: 60,
    });
    const [logGroup] = resourcesOf(json, "aws_cloudwatch_log_group");
    expect(logGroup).toMatchObject({ name: "/aws/vpc-flow-logs/demo-taipei", retention_in_days: 365 });
    expect(logGroup!.kms_key_id).toMatch(/^\$\{aws_kms_key\..*\.arn\}$/);
  });

  describe("security groups", () => {
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    const egress = resourcesOf(json, "aws_vpc_security_group_egress_rule");

    it("describes every rule", () => {
      for (const rule of [...ingress, ...egress]) expect(rule.description).toMatch(/\w{4,}/);
    });

    it("opens nothing to the internet", () => {
      expect(ingress.filter((rule) => rule.cidr_ipv4 === "0.0.0.0/0")).toEqual([]);
    });

    it("owns only the endpoints' group: the ALB's, pods' and data stores' belong to their modules", () => {
      const names = resourcesOf(json, "aws_security_group").map((group) => group.name);
      expect(names).toEqual(["demo-taipei-endpoints"]);
    });

    it("admits HTTPS to the endpoints only from the VPC", () => {
      expect(ingress.filter((rule) => rule.security_group_id === sgRef("endpoints"))).toEqual([
        expect.objectContaining({ from_port: 443, to_port: 443, cidr_ipv4: "10.0.0.0/16" }),
      ]);
    });
  });

  describe("network ACLs", () => {
    const acls = resourcesOf(json, "aws_network_acl");
    const aclFor = (tier: string) => acls.find((acl) => (acl.tags as Block).Name === `demo-taipei-${tier}`)!;
    type Rule = { cidr_block: string; from_port: number; to_port: number; protocol: string };

    it("gives each tier its own ACL over its own subnets", () => {
      expect(acls).toHaveLength(3);
      expect(aclFor("database").subnet_ids).toEqual(["10.0.144.0/22", "10.0.148.0/22", "10.0.152.0/22"].map(subnetRef));
    });

    it("lets the database tier receive PostgreSQL and Redis only from private subnets (and itself)", () => {
      const rules = aclFor("database").ingress as Rule[];
      const fromPrivate = rules.filter((rule) => rule.cidr_block.endsWith("/19"));
      expect(fromPrivate).toHaveLength(6);
      expect(new Set(fromPrivate.map((rule) => rule.from_port))).toEqual(new Set([5432, 6379]));
      const others = rules.filter((rule) => !rule.cidr_block.endsWith("/19"));
      expect(others.map((rule) => rule.cidr_block)).toEqual(["10.0.144.0/22", "10.0.148.0/22", "10.0.152.0/22"]);
      expect(rules.some((rule) => rule.cidr_block === "0.0.0.0/0")).toBe(false);
    });

    it("admits from the internet only web ports and return traffic on the public tier", () => {
      const open = (aclFor("public").ingress as Rule[]).filter((rule) => rule.cidr_block === "0.0.0.0/0");
      expect(open.map((rule) => `${rule.from_port}-${rule.to_port}`)).toEqual(["443-443", "80-80", "1024-65535"]);
    });
  });
});

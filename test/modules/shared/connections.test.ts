import { Token, ref } from "cdktf";
import { describe, expect, it } from "vitest";
import { Connections, tcp, tcpRange, udp } from "../../../modules/shared/connections";
import { resourcesOf, synthInStack } from "../../helpers";

const app = { securityGroupId: "sg-app", name: "app" };
const db = { securityGroupId: "sg-db", name: "db" };

function synthRules(build: (connections: Connections) => void) {
  const json = synthInStack((stack) => build(new Connections(stack, "app-rules", app)));
  return {
    ingress: resourcesOf(json, "aws_vpc_security_group_ingress_rule"),
    egress: resourcesOf(json, "aws_vpc_security_group_egress_rule"),
  };
}

describe("Connections", () => {
  it("admits a CIDR with one described ingress rule and nothing else", () => {
    const rules = synthRules((connections) =>
      connections.allowFrom({ cidr: "10.0.0.0/16" }, tcp(443), "HTTPS from the VPC"),
    );
    expect(rules.ingress).toEqual([
      expect.objectContaining({
        security_group_id: "sg-app",
        cidr_ipv4: "10.0.0.0/16",
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
        description: "HTTPS from the VPC",
      }),
    ]);
    expect(rules.egress).toEqual([]);
  });

  it("admits a managed prefix list with one rule, opening nothing on the list's side", () => {
    const rules = synthRules((connections) =>
      connections.allowFrom({ prefixListId: "pl-3b927c52", name: "cloudfront" }, tcp(443), "HTTPS from the edge"),
    );
    expect(rules.ingress).toEqual([
      expect.objectContaining({ security_group_id: "sg-app", prefix_list_id: "pl-3b927c52", from_port: 443 }),
    ]);
    expect(rules.ingress[0]!.cidr_ipv4).toBeUndefined();
    expect(rules.egress).toEqual([]);
  });

  it("refuses a CIDR known only at apply time unless it is named, so rule ids stay stable", () => {
    const address = Token.asString(ref("aws_eip.nat.public_ip"));
    expect(() =>
      synthRules((connections) => connections.allowFrom({ cidr: `${address}/32` }, tcp(443), "HTTPS from the NAT")),
    ).toThrow(/known only at apply time needs a name/);
    const rules = synthRules((connections) =>
      connections.allowFrom({ cidr: `${address}/32`, name: "nat-1" }, tcp(443), "HTTPS from the NAT"),
    );
    expect(rules.ingress).toEqual([expect.objectContaining({ cidr_ipv4: "${aws_eip.nat.public_ip}/32" })]);
  });

  it("opens both ends of a flow between two groups", () => {
    const rules = synthRules((connections) => connections.allowTo(db, tcp(5432), "PostgreSQL to the database"));
    expect(rules.egress).toEqual([
      expect.objectContaining({ security_group_id: "sg-app", referenced_security_group_id: "sg-db", from_port: 5432 }),
    ]);
    expect(rules.ingress).toEqual([
      expect.objectContaining({ security_group_id: "sg-db", referenced_security_group_id: "sg-app", from_port: 5432 }),
    ]);
  });

  it("lets members of a group reach each other on a port range", () => {
    const rules = synthRules((connections) => connections.allowWithin(tcpRange(1024, 65535), "Between members"));
    for (const rule of [...rules.ingress, ...rules.egress]) {
      expect(rule).toMatchObject({
        security_group_id: "sg-app",
        referenced_security_group_id: "sg-app",
        from_port: 1024,
        to_port: 65535,
      });
    }
    expect(rules.ingress).toHaveLength(1);
    expect(rules.egress).toHaveLength(1);
  });

  it("keeps TCP and UDP rules on the same port apart", () => {
    const rules = synthRules((connections) => {
      connections.allowTo({ cidr: "10.0.0.0/16" }, tcp(53), "DNS (TCP)");
      connections.allowTo({ cidr: "10.0.0.0/16" }, udp(53), "DNS (UDP)");
    });
    expect(rules.egress.map((rule) => rule.ip_protocol).sort()).toEqual(["tcp", "udp"]);
  });

  it("refuses a description EC2 would reject", () => {
    expect(() => synthRules((connections) => connections.allowFrom(db, tcp(5432), "the app's database"))).toThrow(
      /has characters EC2 refuses/,
    );
  });
});

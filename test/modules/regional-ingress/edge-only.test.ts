import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { synthIngress } from "./fixture";

type Block = Record<string, unknown>;

const behindEdge = synthIngress({
  edgeOnly: {
    header: { name: "X-Origin-Verify", values: ["current-secret", "next-secret"] },
    healthCheckPath: "/actuator/health",
    probeAddresses: [
      "203.0.113.10",
      "203.0.113.11",
      "203.0.113.12",
      "203.0.113.13",
      "203.0.113.14",
      "203.0.113.15",
    ].map((ip, index) => ({ name: `nat-${index + 1}`, ip })),
  },
});
const groupId = (json: string, suffix: string) => {
  const [id] = Object.entries(blocksOf(json, "aws_security_group")).find(
    ([, group]) => group.name === `demo-taipei-${suffix}`,
  )!;
  return `\${aws_security_group.${id}.id}`;
};
const prefixList = (json: string, name: string) => {
  const [id] = Object.entries(blocksOf(json, "aws_ec2_managed_prefix_list", "data")).find(
    ([, list]) => list.name === name,
  )!;
  return `\${data.aws_ec2_managed_prefix_list.${id}.id}`;
};
const ingressOf = (json: string, suffix: string) =>
  resourcesOf(json, "aws_vpc_security_group_ingress_rule").filter(
    (rule) => rule.security_group_id === groupId(json, suffix),
  );
const WORLD = ["0.0.0.0/0", "::/0"];

describe("RegionalIngress behind the edge: security groups", () => {
  it("opens no port to the whole internet", () => {
    const rules = resourcesOf(behindEdge, "aws_vpc_security_group_ingress_rule");
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((rule) => WORLD.includes(String(rule.cidr_ipv4 ?? rule.cidr_ipv6)))).toEqual([]);
  });

  it("admits HTTPS from CloudFront's origin-facing list in a group of its own (the list weighs 55 of 60 rules)", () => {
    expect(ingressOf(behindEdge, "alb-edge")).toEqual([
      expect.objectContaining({
        prefix_list_id: prefixList(behindEdge, "com.amazonaws.global.cloudfront.origin-facing"),
        ip_protocol: "tcp",
        from_port: 443,
        to_port: 443,
      }),
    ]);
  });

  it("admits HTTPS from this region's Route 53 health checkers and from each probe address", () => {
    const rules = ingressOf(behindEdge, "alb-probes");
    expect(rules.map((rule) => String(rule.prefix_list_id ?? rule.cidr_ipv4)).sort()).toEqual(
      [
        prefixList(behindEdge, "com.amazonaws.ap-east-2.route53-healthchecks"),
        ...["10", "11", "12", "13", "14", "15"].map((last) => `203.0.113.${last}/32`),
      ].sort(),
    );
    expect(rules.every((rule) => rule.from_port === 443 && rule.to_port === 443)).toBe(true);
  });

  it("puts the load balancer in its own group and both admitting groups", () => {
    const [alb] = resourcesOf(behindEdge, "aws_lb");
    expect(alb!.security_groups).toEqual(
      ["alb", "alb-edge", "alb-probes"].map((suffix) => groupId(behindEdge, suffix)),
    );
    expect(ingressOf(behindEdge, "alb")).toEqual([]);
  });
});

describe("RegionalIngress behind the edge: listener", () => {
  const listeners = resourcesOf(behindEdge, "aws_lb_listener");
  const rules = resourcesOf(behindEdge, "aws_lb_listener_rule");
  const conditionOf = (rule: Block) => (rule.condition as Block[])[0]!;

  it("has no HTTP listener, and refuses with 403 what no rule forwards", () => {
    expect(listeners.map((listener) => listener.port)).toEqual([443]);
    expect(listeners[0]!.default_action).toEqual([
      {
        type: "fixed-response",
        fixed_response: { status_code: "403", content_type: "text/plain", message_body: "Forbidden" },
      },
    ]);
  });

  it("forwards requests carrying either generation of the origin secret", () => {
    const header = rules.find((rule) => conditionOf(rule).http_header !== undefined)!;
    expect(conditionOf(header).http_header).toEqual({
      http_header_name: "X-Origin-Verify",
      values: ["current-secret", "next-secret"],
    });
    expect((header.action as Block[])[0]!.type).toBe("forward");
  });

  it("forwards the health checkers' path, which they request without the header", () => {
    const health = rules.filter((rule) => conditionOf(rule).path_pattern !== undefined);
    expect(health.map((rule) => conditionOf(rule).path_pattern)).toEqual([{ values: ["/actuator/health"] }]);
  });

  it("forwards the probe addresses in rules of at most 5 values each, at distinct priorities", () => {
    const probes = rules.filter((rule) => conditionOf(rule).source_ip !== undefined);
    expect(probes.map((rule) => (conditionOf(rule).source_ip as { values: string[] }).values.length)).toEqual([5, 1]);
    expect(new Set(rules.map((rule) => rule.priority)).size).toBe(rules.length);
  });
});

import { describe, expect, it } from "vitest";
import { environments } from "../../../environments";
import { NODE_CAPACITY, needsKubernetes, nodeObject, nodePools } from "../../../tools/emulate/kube";

const nodeGroup = {
  node_group_name: "genai-demo-staging-general",
  instance_types: ["t3.large", "t3a.large"],
  scaling_config: { desired_size: 2, max_size: 4, min_size: 1 },
  labels: { workload: "general" },
  taint: [{ key: "dedicated", value: "app", effect: "NO_SCHEDULE" }],
};

describe("the emulated cluster's fake nodes", () => {
  it("mirror each node group: desired size, first instance type, labels and taints in Kubernetes' spelling", () => {
    expect(nodePools({ resource: { aws_eks_node_group: { general: nodeGroup } } })).toEqual([
      {
        name: "genai-demo-staging-general",
        count: 2,
        instanceType: "t3.large",
        labels: { workload: "general" },
        taints: [{ key: "dedicated", value: "app", effect: "NoSchedule" }],
      },
    ]);
  });

  it("report the capacity of their instance type, and carry the node group's labels", () => {
    const [pool] = nodePools({ resource: { aws_eks_node_group: { general: nodeGroup } } });
    const node = nodeObject(pool!, 1) as {
      metadata: { name: string; labels: Record<string, string> };
      status: unknown;
    };
    expect(node.metadata.name).toBe("genai-demo-staging-general-1");
    expect(node.metadata.labels).toMatchObject({ workload: "general", "node.kubernetes.io/instance-type": "t3.large" });
    const { cpu, memoryGiB, pods } = NODE_CAPACITY["t3.large"]!;
    expect(node.status).toEqual({
      capacity: { cpu: String(cpu), memory: `${memoryGiB}Gi`, pods: String(pods) },
      allocatable: { cpu: String(cpu), memory: `${memoryGiB}Gi`, pods: String(pods) },
    });
  });

  it("refuse an instance type whose capacity is not known, naming the node group", () => {
    const pool = { name: "gpu", count: 1, instanceType: "p5.48xlarge", labels: {}, taints: [] };
    expect(() => nodeObject(pool, 0)).toThrow(
      /node group gpu: instance type p5.48xlarge has no entry in NODE_CAPACITY/,
    );
  });

  it("cover every instance type the environments run", () => {
    const quoted = JSON.stringify(environments).match(/"[a-z][a-z0-9]*\.(nano|micro|small|medium|large|\d*xlarge)"/g);
    const instanceTypes = [...new Set((quoted ?? []).map((type) => JSON.parse(type) as string))].filter((type) =>
      /^[tmcr]\d/.test(type),
    );
    expect(instanceTypes).toEqual(expect.arrayContaining(["m6i.large", "t3.large", "t3.medium"]));
    for (const type of instanceTypes) expect(NODE_CAPACITY, type).toHaveProperty([type]);
  });

  it("are needed only by stacks that configure the helm or kubernetes provider", () => {
    expect(needsKubernetes({ provider: { aws: [{}] } })).toBe(false);
    expect(needsKubernetes({ provider: { aws: [{}], helm: [{}] } })).toBe(true);
  });
});

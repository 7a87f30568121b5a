import { describe, expect, it } from "vitest";
import { targeting } from "../../../tools/emulate/targets";

describe("targeting", () => {
  const document = {
    resource: {
      aws_vpc: { vpc: {} },
      aws_eks_cluster: { cluster: { vpc_config: { subnet_ids: ["${aws_vpc.vpc.id}"] } } },
      aws_iam_role: { app: { assume_role_policy: "${data.aws_iam_policy_document.trust.json}" } },
      aws_sns_topic: { alerts: { depends_on: ["aws_eks_cluster.cluster"] } },
      aws_s3_bucket: { logs: { tags: { Name: "logs" } } },
    },
    data: { aws_iam_policy_document: { trust: { condition: [{ values: ["${aws_eks_cluster.cluster.arn}"] }] } } },
  };
  const { targets, excluded } = targeting(document, { aws_eks_cluster: "no cluster here" });

  it("excludes the listed types with their reason", () => {
    expect(excluded.get("aws_eks_cluster.cluster")).toBe("no cluster here");
  });

  it("excludes whatever depends on them, through references, data sources and depends_on", () => {
    expect(excluded.get("aws_iam_role.app")).toBe("depends on data.aws_iam_policy_document.trust");
    expect(excluded.get("aws_sns_topic.alerts")).toBe("depends on aws_eks_cluster.cluster");
  });

  it("targets everything else, and only resources", () => {
    expect(targets.sort()).toEqual(["aws_s3_bucket.logs", "aws_vpc.vpc"]);
    expect([...excluded.keys()].some((address) => address.startsWith("data."))).toBe(false);
  });
});

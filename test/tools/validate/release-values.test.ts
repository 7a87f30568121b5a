import { describe, expect, it } from "vitest";
import { UnknownInterpolationError, concreteValues, localChartReleases } from "../../../tools/validate/release-values";

describe("concreteValues", () => {
  it("replaces the interpolations the releases use by well-formed examples of the region", () => {
    const values = JSON.stringify({
      image: { repository: "${aws_ecr_repository.image-repository_8F56A673.repository_url}" },
      targetGroupBinding: { targetGroupArn: "${aws_lb_target_group.ingress_tg_1.arn}" },
    });
    expect(JSON.parse(concreteValues(values, "ap-east-2"))).toEqual({
      image: { repository: "111122223333.dkr.ecr.ap-east-2.amazonaws.com/example/images" },
      targetGroupBinding: {
        targetGroupArn: "arn:aws:elasticloadbalancing:ap-east-2:111122223333:targetgroup/example/0123456789abcdef",
      },
    });
  });

  it("refuses an interpolation it has no example for, rather than passing it to Helm", () => {
    expect(() => concreteValues('{"a":"${aws_vpc.main.id}"}', "ap-east-2")).toThrow(UnknownInterpolationError);
    expect(() => concreteValues('{"a":"${upper(var.x)}"}', "ap-east-2")).toThrow(/interpolation is left/);
  });
});

describe("localChartReleases", () => {
  it("picks the releases of charts shipped as assets, in the stack's region", () => {
    const releases = localChartReleases({
      provider: { aws: [{ region: "ap-northeast-1" }] },
      resource: {
        helm_release: {
          app: { chart: "assets/app_chart/ABC", values: ['{"r":"${aws_ecr_repository.r.repository_url}"}'] },
          lbc: { chart: "aws-load-balancer-controller", values: ["{}"] },
        },
      },
    });
    expect(releases).toEqual([
      {
        id: "app",
        chart: "assets/app_chart/ABC",
        values: ['{"r":"111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/example/images"}'],
      },
    ]);
  });
});

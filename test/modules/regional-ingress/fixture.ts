import { RegionalIngress, type RegionalIngressProps } from "../../../modules/regional-ingress";
import { synthInStack } from "../../helpers";

export const props: RegionalIngressProps = {
  name: "demo-taipei",
  region: "ap-east-2",
  account: { id: "111122223333", partition: "aws" },
  vpcId: "vpc-1",
  publicSubnetIds: ["subnet-a", "subnet-b"],
  certificateNames: ["example.com", "www.example.com", "api.example.com", "taipei.origin.example.com"],
  targetHealthCheck: { intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
  deregistrationDelaySeconds: 30,
  accessLogExpiryDays: 90,
  wafRateLimitPer5Minutes: 2000,
  wafLogRetentionDays: 365,
  alarmTopicArn: "arn:aws:sns:ap-east-2:111122223333:demo-taipei-warning",
};

export function synthIngress(overrides: Partial<RegionalIngressProps> = {}): string {
  return synthInStack((stack) => new RegionalIngress(stack, "ingress", { ...props, ...overrides }));
}

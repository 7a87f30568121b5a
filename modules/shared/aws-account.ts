import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { Construct } from "constructs";

/** The account and partition a stack deploys into, for building ARNs in policies. */
export interface AwsAccount {
  readonly id: string;
  readonly partition: string;
}

/** Looks up the deploying account once per stack (resolved at plan time, not synth time). */
export function lookupAwsAccount(scope: Construct): AwsAccount {
  const account = new Construct(scope, "account");
  return {
    id: new DataAwsCallerIdentity(account, "caller").accountId,
    partition: new DataAwsPartition(account, "partition").partition,
  };
}

import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { type AwsAccount, lookupAwsAccount } from "../../modules/shared/aws-account";
import type { Protection } from "../../modules/shared/protection";
import { PolicyAspect } from "../aspects/policy";
import { RequiredTagsAspect } from "../aspects/required-tags";
import type { EnvironmentConfig } from "../config/schema";
import { configureStateBackend } from "../state-backend";
import { requiredTags } from "../tags";

/** The one place config decides how stateful resources are guarded: production keeps everything. */
export function protectionFor(config: Pick<EnvironmentConfig, "production">): Protection {
  return config.production ? "retain" : "destroy";
}

export interface PlatformStackProps {
  readonly config: EnvironmentConfig;
  /** Region of the stack's default AWS provider. */
  readonly awsRegion: string;
}

/**
 * What every stack of the platform shares: its own remote state, an AWS provider whose
 * `default_tags` carry the required tags, and the aspects that enforce them and the policy
 * rules (src/aspects/policy).
 */
export abstract class PlatformStack extends TerraformStack {
  readonly config: EnvironmentConfig;
  readonly aws: AwsProvider;
  readonly account: AwsAccount;
  /** How this stack's modules guard stateful resources ({@link protectionFor}). */
  readonly protection: Protection;

  protected constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id);
    this.config = props.config;
    this.protection = protectionFor(props.config);
    configureStateBackend(this, props.config.state, {
      project: props.config.project,
      environment: props.config.name,
      stackId: id,
    });
    this.aws = new AwsProvider(this, "aws", {
      region: props.awsRegion,
      defaultTags: [{ tags: requiredTags(props.config) }],
    });
    this.account = lookupAwsAccount(this);
    Aspects.of(this).add(new RequiredTagsAspect());
    Aspects.of(this).add(new PolicyAspect({ production: props.config.production }));
  }

  /** An output under a fixed name, for other stacks' remote-state reads and for operators. */
  protected exportValue(name: string, value: unknown, description: string): TerraformOutput {
    const output = new TerraformOutput(this, name, { value, description });
    output.overrideLogicalId(name);
    return output;
  }
}

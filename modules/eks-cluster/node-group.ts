import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { type ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import {
  DEFAULT_MAX_UNAVAILABLE_PERCENTAGE,
  DEFAULT_NODE_AMI_TYPE,
  IMDS_HOP_LIMIT,
  NODE_ROOT_DEVICE,
} from "./constants";

/** One managed node group, as configured per environment. */
export interface NodeGroupOptions {
  /** EC2 instance types, first one preferred. */
  readonly instanceTypes: string[];
  readonly capacityType: "ON_DEMAND" | "SPOT";
  /** @default DEFAULT_NODE_AMI_TYPE (AL2023_x86_64_STANDARD) */
  readonly amiType?: string;
  readonly minSize: number;
  /** Starting size; afterwards the cluster autoscaler owns it. */
  readonly desiredSize: number;
  readonly maxSize: number;
  /** Root volume size (gp3). */
  readonly diskSizeGiB: number;
  /** @default {} */
  readonly labels?: Record<string, string>;
  /** @default DEFAULT_MAX_UNAVAILABLE_PERCENTAGE (33) */
  readonly maxUnavailablePercentage?: number;
}

export interface ManagedNodeGroupProps extends NodeGroupOptions {
  readonly clusterName: string;
  /** `<cluster>-<key>`: the node group's and launch template's name. */
  readonly name: string;
  readonly nodeRoleArn: string;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  /** KMS key the root volumes are encrypted with. */
  readonly volumeKeyArn: string;
  /** Extra tags of the node group, e.g. the autoscaler's discovery tags. */
  readonly tags: Record<string, string>;
  /** What must exist before nodes join (node role policies, networking add-ons). */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * A managed node group launched from its own template: IMDSv2 only with hop limit 1, encrypted
 * gp3 root volume, and the cluster's node security group.
 */
export class ManagedNodeGroup extends Construct {
  readonly nodeGroup: EksNodeGroup;
  readonly launchTemplate: LaunchTemplate;

  constructor(scope: Construct, id: string, props: ManagedNodeGroupProps) {
    super(scope, id);
    this.launchTemplate = new LaunchTemplate(this, "launch-template", {
      name: props.name,
      description: `Nodes of ${props.clusterName}`,
      updateDefaultVersion: true,
      vpcSecurityGroupIds: props.securityGroupIds,
      metadataOptions: {
        httpEndpoint: "enabled",
        httpTokens: "required",
        httpPutResponseHopLimit: IMDS_HOP_LIMIT,
        instanceMetadataTags: "disabled",
      },
      blockDeviceMappings: [
        {
          deviceName: NODE_ROOT_DEVICE,
          ebs: {
            volumeSize: props.diskSizeGiB,
            volumeType: "gp3",
            encrypted: "true",
            kmsKeyId: props.volumeKeyArn,
            deleteOnTermination: "true",
          },
        },
      ],
      tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({
        resourceType,
        tags: { Name: props.name },
      })),
      tags: { Name: props.name },
    });

    this.nodeGroup = new EksNodeGroup(this, "node-group", {
      clusterName: props.clusterName,
      nodeGroupName: props.name,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: props.subnetIds,
      amiType: props.amiType ?? DEFAULT_NODE_AMI_TYPE,
      capacityType: props.capacityType,
      instanceTypes: props.instanceTypes,
      labels: props.labels ?? {},
      scalingConfig: { minSize: props.minSize, desiredSize: props.desiredSize, maxSize: props.maxSize },
      updateConfig: {
        maxUnavailablePercentage: props.maxUnavailablePercentage ?? DEFAULT_MAX_UNAVAILABLE_PERCENTAGE,
      },
      launchTemplate: { id: this.launchTemplate.id, version: Token.asString(this.launchTemplate.latestVersion) },
      tags: { Name: props.name, ...props.tags },
      dependsOn: props.dependsOn,
      lifecycle: {
        // The cluster autoscaler changes the desired size all day; setting the configured
        // starting size again would undo its work (and scale in under load) on every run.
        ignoreChanges: ["scaling_config[0].desired_size"],
      },
    });
  }
}

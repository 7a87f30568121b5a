import type { Protection } from "../../modules/shared/protection";
import { describe, expect, it } from "vitest";
import { ContainerRepository, lifecyclePolicy } from "../../modules/container-registry";
import { refTo, resourcesOf, synthInStack } from "../helpers";

const account = { id: "111122223333", partition: "aws" };

function synthRepository(protection?: Protection, replicas?: string[]): string {
  return synthInStack((stack) => {
    const repository = new ContainerRepository(stack, "images", {
      name: "genai-demo/production",
      account,
      maxImageCount: 100,
      untaggedExpiryDays: 7,
      protection,
    });
    if (replicas !== undefined) repository.replicateTo(replicas, account);
  });
}

describe("ContainerRepository", () => {
  const json = synthRepository();
  const [repository] = resourcesOf(json, "aws_ecr_repository");

  it("keeps tags immutable, scans every push and encrypts with its own rotating key", () => {
    expect(repository).toMatchObject({
      name: "genai-demo/production",
      image_tag_mutability: "IMMUTABLE",
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: refTo(json, "aws_kms_key", () => true, "arn") }],
    });
    expect(resourcesOf(json, "aws_kms_key")[0]).toMatchObject({ enable_key_rotation: true });
  });

  it("protects the repository and its images by default", () => {
    expect(repository).toMatchObject({ force_delete: false, lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(json, "aws_kms_key")[0]).toMatchObject({ lifecycle: { prevent_destroy: true } });
  });

  it("lets a development repository go with its images", () => {
    const [unprotected] = resourcesOf(synthRepository("destroy"), "aws_ecr_repository");
    expect(unprotected).toMatchObject({ force_delete: true, lifecycle: { prevent_destroy: false } });
  });

  it("expires untagged images first, then everything beyond the newest images", () => {
    const [policy] = resourcesOf(json, "aws_ecr_lifecycle_policy");
    expect(policy!.repository).toBe(refTo(json, "aws_ecr_repository", () => true, "name"));
    expect(JSON.parse(policy!.policy as string)).toEqual(lifecyclePolicy(100, 7));
    expect(lifecyclePolicy(100, 7).rules).toEqual([
      expect.objectContaining({
        rulePriority: 1,
        selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
      }),
      expect.objectContaining({
        rulePriority: 2,
        selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 100 },
      }),
    ]);
  });

  it("replicates only when asked, into the same account's other regions, for this repository only", () => {
    expect(resourcesOf(json, "aws_ecr_replication_configuration")).toEqual([]);
    const replicated = synthRepository("retain", ["ap-northeast-1", "ap-southeast-1"]);
    const [replication] = resourcesOf(replicated, "aws_ecr_replication_configuration");
    expect(replication!.replication_configuration).toEqual({
      rule: [
        {
          destination: [
            { region: "ap-northeast-1", registry_id: "111122223333" },
            { region: "ap-southeast-1", registry_id: "111122223333" },
          ],
          repository_filter: [
            { filter: refTo(replicated, "aws_ecr_repository", () => true, "name"), filter_type: "PREFIX_MATCH" },
          ],
        },
      ],
    });
  });
});

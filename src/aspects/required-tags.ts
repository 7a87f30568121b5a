import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { type IAspect, TerraformResource, TerraformStack, Token } from "cdktf";
import type { IConstruct } from "constructs";
import { REQUIRED_TAG_KEYS } from "../tags";

/**
 * Fails synthesis when an AWS provider lacks the required `default_tags`, or a taggable AWS
 * resource would be created without them. Register it on every stack: cdktf 0.21 ignores
 * aspects added to the App.
 */
export class RequiredTagsAspect implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof AwsProvider) {
      const missing = missingKeys(defaultTagsOf(node));
      if (missing.length > 0) {
        throw new Error(`${node.node.path}: AWS provider default_tags lack ${missing.join(", ")}`);
      }
      return;
    }
    if (!(node instanceof TerraformResource) || !isTaggableAws(node)) return;

    const provider = (node.provider ?? defaultAwsProvider(node)) as AwsProvider | undefined;
    const tags = { ...defaultTagsOf(provider), ...resourceTagsOf(node) };
    const missing = missingKeys(tags);
    if (missing.length > 0) {
      throw new Error(
        `${node.node.path} (${node.terraformResourceType}): taggable AWS resource without ` +
          `${missing.join(", ")}; give its provider default_tags or the resource tags`,
      );
    }
  }
}

function isTaggableAws(resource: TerraformResource): boolean {
  return resource.terraformResourceType.startsWith("aws_") && "tagsInput" in resource;
}

const defaultProviders = new WeakMap<TerraformStack, AwsProvider | undefined>();

function defaultAwsProvider(resource: TerraformResource): AwsProvider | undefined {
  const stack = TerraformStack.of(resource);
  if (!defaultProviders.has(stack)) {
    const provider = stack.node
      .findAll()
      .find((candidate): candidate is AwsProvider => candidate instanceof AwsProvider && candidate.alias === undefined);
    defaultProviders.set(stack, provider);
  }
  return defaultProviders.get(stack);
}

function defaultTagsOf(provider: AwsProvider | undefined): Record<string, string> {
  const blocks = provider?.defaultTags;
  if (!Array.isArray(blocks)) return {};
  return Object.assign({}, ...blocks.map((block) => block.tags ?? {})) as Record<string, string>;
}

function resourceTagsOf(resource: TerraformResource): Record<string, string> {
  const tags = (resource as unknown as { tagsInput?: Record<string, string> }).tagsInput;
  return tags !== undefined && !Token.isUnresolved(tags) ? tags : {};
}

function missingKeys(tags: Record<string, string>): string[] {
  return REQUIRED_TAG_KEYS.filter((key) => typeof tags[key] !== "string" || tags[key].trim() === "");
}

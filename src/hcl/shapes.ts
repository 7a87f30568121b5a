/**
 * Which keys of a Terraform JSON body are nested blocks, per provider, resource and data source
 * type. In JSON a block and an object-typed attribute look alike; HCL writes them differently,
 * and a provider rejects the wrong one. The shapes come from the real providers' schemas
 * (`terraform providers schema -json`, see scripts/hcl-shapes.ts).
 */

export interface BlockShape {
  /** Nested blocks by name (anything else in a body is an attribute). */
  readonly blocks?: Record<string, BlockShape>;
}

export interface ProviderShapes {
  readonly providers: Record<string, BlockShape>;
  readonly resources: Record<string, BlockShape>;
  readonly data: Record<string, BlockShape>;
}

interface SchemaBlock {
  readonly block_types?: Record<string, { readonly block: SchemaBlock }>;
}
interface ProviderSchema {
  readonly provider?: { readonly block: SchemaBlock };
  readonly resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas?: Record<string, { readonly block: SchemaBlock }>;
}
/** The output of `terraform providers schema -json`. */
export interface ProvidersSchemaJson {
  readonly provider_schemas: Record<string, ProviderSchema>;
}

function shapeOf(block: SchemaBlock): BlockShape {
  const entries = Object.entries(block.block_types ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return {};
  return { blocks: Object.fromEntries(entries.map(([name, nested]) => [name, shapeOf(nested.block)])) };
}

/**
 * The block shapes of the given resource and data source types (those the stacks use), from a
 * providers schema document; providers are keyed by their short name (`aws`).
 */
export function extractShapes(
  schema: ProvidersSchemaJson,
  used: { readonly resources: readonly string[]; readonly data: readonly string[] },
): ProviderShapes {
  const providers: Record<string, BlockShape> = {};
  const resources: Record<string, BlockShape> = {};
  const data: Record<string, BlockShape> = {};
  for (const [address, provider] of Object.entries(schema.provider_schemas)) {
    providers[address.split("/").pop()!] = shapeOf(provider.provider?.block ?? {});
    for (const type of used.resources) {
      const found = provider.resource_schemas?.[type];
      if (found !== undefined) resources[type] = shapeOf(found.block);
    }
    for (const type of used.data) {
      const found = provider.data_source_schemas?.[type];
      if (found !== undefined) data[type] = shapeOf(found.block);
    }
  }
  const sorted = (record: Record<string, BlockShape>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return { providers: sorted(providers), resources: sorted(resources), data: sorted(data) };
}

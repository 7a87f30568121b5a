/**
 * Which keys of a Terraform JSON body are nested blocks, per provider, resource and data source
 * type. In JSON a block and an object-typed attribute look alike; HCL writes them differently,
 * and a provider rejects the wrong one. The shapes come from the real providers' schemas
 * (`terraform providers schema -json`, see tools/hcl/regenerate-shapes.ts).
 */

export interface BlockShape {
  /** Nested blocks by name (anything else in a body is an attribute). */
  readonly blocks?: Record<string, BlockShape>;
}

export interface ProviderShapes {
  readonly providers: Record<string, BlockShape>;
  readonly resources: Record<string, BlockShape>;
  readonly data: Record<string, BlockShape>;
  /** Ephemeral resource types (Terraform >= 1.10). */
  readonly ephemeral: Record<string, BlockShape>;
}

interface SchemaBlock {
  readonly block_types?: Record<string, { readonly block: SchemaBlock }>;
}
interface ProviderSchema {
  readonly provider?: { readonly block: SchemaBlock };
  readonly resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas?: Record<string, { readonly block: SchemaBlock }>;
  readonly ephemeral_resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
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

/** The types of each kind of block the stacks use. */
export interface UsedTypes {
  readonly resources: readonly string[];
  readonly data: readonly string[];
  readonly ephemeral: readonly string[];
}

/**
 * The block shapes of the given resource, data source and ephemeral resource types (those the
 * stacks use), from a providers schema document; providers are keyed by their short name (`aws`).
 */
export function extractShapes(schema: ProvidersSchemaJson, used: UsedTypes): ProviderShapes {
  const providers: Record<string, BlockShape> = {};
  const found = { resources: {}, data: {}, ephemeral: {} } as Record<keyof UsedTypes, Record<string, BlockShape>>;
  const schemasOf = {
    resources: "resource_schemas",
    data: "data_source_schemas",
    ephemeral: "ephemeral_resource_schemas",
  } as const;
  for (const [address, provider] of Object.entries(schema.provider_schemas)) {
    providers[address.split("/").pop()!] = shapeOf(provider.provider?.block ?? {});
    for (const kind of Object.keys(schemasOf) as (keyof UsedTypes)[]) {
      for (const type of used[kind]) {
        const schemaOfType = provider[schemasOf[kind]]?.[type];
        if (schemaOfType !== undefined) found[kind][type] = shapeOf(schemaOfType.block);
      }
    }
  }
  const sorted = (record: Record<string, BlockShape>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return {
    providers: sorted(providers),
    resources: sorted(found.resources),
    data: sorted(found.data),
    ephemeral: sorted(found.ephemeral),
  };
}

import ipaddr from "ipaddr.js";

/** The three subnet tiers every regional VPC is carved into. */
export const SUBNET_TIERS = ["private", "public", "database"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/**
 * Each tier reserves this many per-AZ slots whatever the configured AZ count, so adding an AZ
 * later appends subnets instead of renumbering (and replacing) the existing ones.
 */
export const SUBNET_SLOTS_PER_TIER = 4;

const IPV4_BITS = 32;

/** Prefix length of each tier's per-AZ subnet, e.g. `{ private: 19, public: 22, database: 22 }`. */
export type SubnetPrefixLengths = Record<SubnetTier, number>;

/** Subnet CIDRs per tier, index `i` belonging to the `i`-th availability zone. */
export type SubnetPlan = Record<SubnetTier, string[]>;

/** Why a subnet plan cannot be laid out in a VPC CIDR. */
export class SubnetPlanError extends Error {}

/** Parses `a.b.c.d/n` into its network address (as an unsigned integer) and prefix length. */
export function parseIpv4Cidr(cidr: string): { network: number; prefixLength: number } {
  const [address, prefixLength] = ipaddr.IPv4.parseCIDR(cidr);
  const network = ipaddr.IPv4.networkAddressFromCIDR(cidr);
  if (network.toString() !== address.toString()) {
    throw new SubnetPlanError(`${cidr} has host bits set; the network address is ${network}/${prefixLength}`);
  }
  return { network: toUint32(network.toByteArray()), prefixLength };
}

/** Whether two IPv4 CIDR blocks share any address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [addressA, prefixA] = ipaddr.IPv4.parseCIDR(a);
  const [addressB, prefixB] = ipaddr.IPv4.parseCIDR(b);
  return addressA.match(addressB, prefixB) || addressB.match(addressA, prefixA);
}

/** Number of addresses the plan needs, including the unused slots it reserves. */
export function subnetPlanSize(prefixLengths: SubnetPrefixLengths): number {
  return SUBNET_TIERS.reduce((total, tier) => total + SUBNET_SLOTS_PER_TIER * blockSize(prefixLengths[tier]), 0);
}

/**
 * Lays out `azCount` subnets per tier inside `vpcCidr`. Tiers are placed largest first, each
 * reserving {@link SUBNET_SLOTS_PER_TIER} naturally aligned slots, so the result depends only on
 * the VPC CIDR and the prefix lengths, never on the AZ count.
 *
 * @throws SubnetPlanError when the plan does not fit or a prefix is shorter than the VPC's.
 */
export function planSubnets(vpcCidr: string, azCount: number, prefixLengths: SubnetPrefixLengths): SubnetPlan {
  if (azCount < 1 || azCount > SUBNET_SLOTS_PER_TIER) {
    throw new SubnetPlanError(`the subnet plan supports 1 to ${SUBNET_SLOTS_PER_TIER} AZs, not ${azCount}`);
  }
  const vpc = parseIpv4Cidr(vpcCidr);
  for (const tier of SUBNET_TIERS) {
    if (prefixLengths[tier] <= vpc.prefixLength) {
      throw new SubnetPlanError(
        `${tier} subnets (/${prefixLengths[tier]}) must be smaller than the VPC (/${vpc.prefixLength})`,
      );
    }
  }
  const needed = subnetPlanSize(prefixLengths);
  const available = blockSize(vpc.prefixLength);
  if (needed > available) {
    throw new SubnetPlanError(
      `${vpcCidr} has ${available} addresses but the subnet plan reserves ${needed} ` +
        `(${SUBNET_SLOTS_PER_TIER} slots per tier of /${prefixLengths.private} private, ` +
        `/${prefixLengths.public} public, /${prefixLengths.database} database)`,
    );
  }

  // Largest blocks first keeps every later block naturally aligned without padding.
  const tiersBySize = [...SUBNET_TIERS].sort((a, b) => prefixLengths[a] - prefixLengths[b]);
  const plan = { private: [], public: [], database: [] } as SubnetPlan;
  let cursor = vpc.network;
  for (const tier of tiersBySize) {
    const size = blockSize(prefixLengths[tier]);
    for (let slot = 0; slot < SUBNET_SLOTS_PER_TIER; slot++) {
      if (slot < azCount) plan[tier].push(`${fromUint32(cursor)}/${prefixLengths[tier]}`);
      cursor += size;
    }
  }
  return plan;
}

function blockSize(prefixLength: number): number {
  return 2 ** (IPV4_BITS - prefixLength);
}

function toUint32(octets: number[]): number {
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

function fromUint32(value: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  return octets.join(".");
}

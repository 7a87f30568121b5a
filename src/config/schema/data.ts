import { z } from "zod";
import { logRetentionDays, type IssueReporter } from "./common";
import { DAILY_WINDOW, WEEKLY_WINDOW, dailyIntervals, lengthOf, overlaps, weeklyInterval } from "./windows";

/**
 * How a secondary region holds the primary's data:
 * - `global-database`: an Aurora global database (storage-level replication, RPO about 1 s);
 *   only where every configured region offers it (src/config/region-capabilities.ts);
 * - `dms-cdc`: AWS DMS full load plus change data capture from the primary's writer into a
 *   standalone cluster in each secondary, over inter-region VPC peering between the database
 *   subnets (RPO: the replication lag, seconds; alarmed at 1 s and 5 s);
 * - `snapshot-copy`: no live replica; AWS Backup copies each recovery point to the other
 *   regions' vaults (RPO = the backup frequency plus the copy).
 */
export const DATABASE_REPLICATION = ["global-database", "dms-cdc", "snapshot-copy"] as const;
export type DatabaseReplication = (typeof DATABASE_REPLICATION)[number];
/** The cache: an ElastiCache global datastore, or an independent replication group per region. */
export const CACHE_REPLICATION = ["global-datastore", "per-region"] as const;
export type CacheReplication = (typeof CACHE_REPLICATION)[number];

/** Aurora PostgreSQL majors that support global databases and are in standard support. */
export const AURORA_POSTGRES_MAJORS = { min: 13, max: 17 } as const;
/** RDS and ElastiCache backup retention bounds (days). */
export const BACKUP_RETENTION_DAYS = { min: 1, max: 35 } as const;
/** Aurora: up to 15 readers per cluster. */
export const MAX_AURORA_READERS = 15;
/** ElastiCache: one primary and up to five replicas per shard. */
export const CACHE_NODES = { min: 1, max: 6 } as const;
/** RDS refuses windows shorter than 30 minutes; ElastiCache, shorter than 60. */
export const MIN_WINDOW_MINUTES = { database: 30, cache: 60 } as const;
/** Performance Insights keeps 7 days free, or whole months (31 days) up to two years. */
export const PERFORMANCE_INSIGHTS_RETENTION_DAYS = [7, ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)), 731];

/** `major.minor`, as Aurora PostgreSQL versions are written (16.6). */
const AURORA_POSTGRES_VERSION = /^(\d+)\.(\d+)$/;
/** Memory-optimized classes: the only ones Aurora global databases run on. */
export const GLOBAL_DATABASE_CLASS = /^db\.(r[5-8][a-z]*|x2[a-z]*)\.[a-z0-9]+$/;
/**
 * Node types ElastiCache global datastores run on: "M5, M6g, M7g, M8g, R5, R6g, R6gd, R7g, R8g,
 * C7gn, and C8gn", "in size large and above" (Prerequisites and limitations of global
 * datastores, https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html,
 * read 2026-12-01).
 */
export const GLOBAL_DATASTORE_NODE =
  /^cache\.(m5|m6g|m7g|m8g|r5|r6g|r6gd|r7g|r8g|c7gn|c8gn)\.(large|[0-9]*xlarge|metal)$/;
const POSTGRES_IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
/** Names RDS reserves for itself or PostgreSQL refuses as the master user. */
const RESERVED_MASTER_USERNAMES = ["postgres", "rdsadmin", "rds_superuser", "rdsrepladmin", "admin"];
const CACHE_VERSION = /^(\d+)\.(\d+)$/;
/** The oldest engine versions accepted: Redis OSS 7 (SPEC) and Valkey's first ElastiCache release. */
export const MIN_CACHE_VERSION = { redis: [7, 0], valkey: [7, 2] } as const;

const dailyWindow = (minimum: number) =>
  z
    .string()
    .regex(DAILY_WINDOW, { error: "must be a daily UTC window hh24:mi-hh24:mi such as 16:00-17:00", abort: true })
    .refine((window) => lengthOf(dailyIntervals(window)![0]!) >= minimum, `must last at least ${minimum} minutes`);
const weeklyWindow = (minimum: number) =>
  z
    .string()
    .regex(WEEKLY_WINDOW, {
      error: "must be a weekly UTC window ddd:hh24:mi-ddd:hh24:mi such as sun:18:00-sun:19:00",
      abort: true,
    })
    .refine((window) => lengthOf(weeklyInterval(window)!) >= minimum, `must last at least ${minimum} minutes`);

/** A backup (or snapshot) window must not overlap the maintenance window on any day. */
function checkWindows(backup: string, maintenance: string, backupField: string, issue: IssueReporter): void {
  const daily = dailyIntervals(backup);
  const weekly = weeklyInterval(maintenance);
  if (daily !== null && weekly !== null && daily.some((day) => overlaps(day, weekly))) {
    issue([backupField], `must not overlap maintenanceWindow (${maintenance})`);
  }
}

/**
 * DMS replication instance storage (GB): "AllocatedStorage ... Default: 50 GB", between 5 and
 * 6144 (CreateReplicationInstance, https://docs.aws.amazon.com/dms/latest/APIReference/API_CreateReplicationInstance.html).
 */
export const DMS_STORAGE_GB = { min: 5, max: 6144 } as const;

/** The DMS replication of `dms-cdc`: one replication instance and task per secondary. */
export const changeDataCaptureSchema = z.strictObject({
  /** DMS replication instance class, e.g. dms.r6i.large. */
  instanceClass: z.string().regex(/^dms\.[a-z0-9]+\.[a-z0-9]+$/, "must be a DMS instance class such as dms.r6i.large"),
  /** Storage for changes cached while the target lags, and task logs. */
  allocatedStorageGb: z.number().int().min(DMS_STORAGE_GB.min).max(DMS_STORAGE_GB.max),
  /** DMS engine version `3.major.minor`, e.g. 3.5.4 (`npm run preflight` checks the region offers it). */
  engineVersion: z.string().regex(/^3\.\d+\.\d+$/, "must be a DMS engine version such as 3.5.4"),
  /** A standby replication instance in another AZ. */
  multiAz: z.boolean(),
  /**
   * Whether the task runs: false for a new environment until the app's schema exists in the
   * target, and after a promotion (so no later deploy restarts the copy over the promoted data).
   */
  running: z.boolean(),
  /** PostgreSQL schemas replicated (every table of each). */
  schemas: z
    .array(
      z
        .string()
        .regex(POSTGRES_IDENTIFIER, "must be a PostgreSQL identifier: a lower-case letter, then letters, digits or _"),
    )
    .min(1, "must name at least one schema"),
});

/** The Aurora PostgreSQL database of the primary, and how secondaries hold its data. */
export const databaseSchema = z
  .strictObject({
    /** Aurora PostgreSQL `major.minor`, the same in every region of the global database. */
    engineVersion: z
      .string()
      .regex(AURORA_POSTGRES_VERSION, {
        error: "must be an Aurora PostgreSQL version major.minor such as 16.6 (not a MySQL or other engine version)",
        abort: true,
      })
      .refine((version) => {
        const major = Number(AURORA_POSTGRES_VERSION.exec(version)![1]);
        return major >= AURORA_POSTGRES_MAJORS.min && major <= AURORA_POSTGRES_MAJORS.max;
      }, `must be Aurora PostgreSQL ${AURORA_POSTGRES_MAJORS.min}.x to ${AURORA_POSTGRES_MAJORS.max}.x (global database support)`),
    /** Instance class of every instance, e.g. db.r6g.large. */
    instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, {
      error: "must be an RDS instance class such as db.r6g.large",
      abort: true,
    }),
    /**
     * How the secondaries hold the primary's data (see {@link DATABASE_REPLICATION}).
     * @default the best every configured region offers: `global-database`, else `dms-cdc`, else
     * `snapshot-copy`
     */
    replication: z
      .enum(DATABASE_REPLICATION, { error: () => `must be one of ${DATABASE_REPLICATION.join(", ")}` })
      .optional(),
    /**
     * The DMS replication instance and task; required when replication resolves to `dms-cdc`
     * and a secondary region exists.
     * @default none
     */
    changeDataCapture: changeDataCaptureSchema.optional(),
    /** Readers beside the writer in the primary region. */
    primaryReaders: z.number().int().min(1).max(MAX_AURORA_READERS),
    /** Instances of each secondary cluster (all readers until a failover). */
    secondaryInstances: z
      .number()
      .int()
      .min(1)
      .max(MAX_AURORA_READERS + 1),
    databaseName: z
      .string()
      .regex(POSTGRES_IDENTIFIER, "must be a PostgreSQL identifier: a lower-case letter, then letters, digits or _"),
    masterUsername: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,15}$/, {
        error: "must be 1-16 lower-case letters, digits or _, starting with a letter",
        abort: true,
      })
      .refine(
        (name) => !RESERVED_MASTER_USERNAMES.includes(name),
        `must not be one of ${RESERVED_MASTER_USERNAMES.join(", ")} (reserved)`,
      ),
    /** Bump to set a new master password (write-only: Terraform sends it only when this changes). */
    masterPasswordVersion: z.number().int().min(1),
    backupRetentionDays: z.number().int().min(BACKUP_RETENTION_DAYS.min).max(BACKUP_RETENTION_DAYS.max),
    backupWindow: dailyWindow(MIN_WINDOW_MINUTES.database),
    maintenanceWindow: weeklyWindow(MIN_WINDOW_MINUTES.database),
    performanceInsightsRetentionDays: z
      .number()
      .refine(
        (days) => PERFORMANCE_INSIGHTS_RETENTION_DAYS.includes(days),
        "must be 7, a multiple of 31 up to 713, or 731 (Performance Insights retention periods)",
      ),
    /** Statements slower than this are logged (`log_min_duration_statement`). */
    slowStatementMilliseconds: z.number().int().min(0).max(3_600_000),
    /** Days the exported PostgreSQL logs are kept. */
    logRetentionDays,
  })
  .superRefine((database, ctx) =>
    checkWindows(database.backupWindow, database.maintenanceWindow, "backupWindow", (path, message) =>
      ctx.addIssue({ code: "custom", path, message }),
    ),
  );

/** The ElastiCache (Valkey or Redis OSS) cache of every region. */
export const cacheSchema = z
  .strictObject({
    engine: z.enum(["valkey", "redis"], { error: () => 'must be "valkey" or "redis"' }),
    /** `major.minor`, e.g. 8.0 for Valkey or 7.1 for Redis OSS. */
    engineVersion: z.string().regex(CACHE_VERSION, "must be an engine version major.minor such as 7.1"),
    nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, {
      error: "must be an ElastiCache node type such as cache.r7g.large",
      abort: true,
    }),
    /**
     * A global datastore across the regions, or a replication group per region.
     * @default `global-datastore` where every configured region offers it, else `per-region`
     */
    replication: z
      .enum(CACHE_REPLICATION, { error: () => `must be one of ${CACHE_REPLICATION.join(", ")}` })
      .optional(),
    /** Nodes per region: one primary and its replicas. */
    nodes: z.number().int().min(CACHE_NODES.min).max(CACHE_NODES.max),
    multiAz: z.boolean(),
    snapshotRetentionDays: z.number().int().min(BACKUP_RETENTION_DAYS.min).max(BACKUP_RETENTION_DAYS.max),
    snapshotWindow: dailyWindow(MIN_WINDOW_MINUTES.cache),
    maintenanceWindow: weeklyWindow(MIN_WINDOW_MINUTES.cache),
    /** Days the slow log is kept in CloudWatch Logs. */
    slowLogRetentionDays: logRetentionDays,
  })
  .superRefine((cache, ctx) => {
    const issue: IssueReporter = (path, message) => ctx.addIssue({ code: "custom", path, message });
    const version = CACHE_VERSION.exec(cache.engineVersion);
    const [minMajor, minMinor] = MIN_CACHE_VERSION[cache.engine] ?? [0, 0];
    if (
      version !== null &&
      (Number(version[1]) < minMajor || (Number(version[1]) === minMajor && Number(version[2]) < minMinor))
    ) {
      issue(["engineVersion"], `${cache.engine} must be ${minMajor}.${minMinor} or newer`);
    }
    if (cache.multiAz && cache.nodes < 2) {
      issue(["nodes"], "Multi-AZ needs at least 2 nodes (a primary and a replica in another AZ)");
    }
    checkWindows(cache.snapshotWindow, cache.maintenanceWindow, "snapshotWindow", issue);
  });

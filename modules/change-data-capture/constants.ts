/** DMS's engine name for Aurora PostgreSQL endpoints. */
export const DMS_ENGINE = "aurora-postgresql";

/**
 * Lag alarms on the task's change data capture: the seeds' database RPO is under a second, so a
 * warning past 1 s and a page past 5 s (the RPO is then at risk).
 */
export const CDC_LAG_ALARMS = {
  seconds: { warning: 1, critical: 5 },
  periodSeconds: 60,
  periods: 5,
  datapoints: 3,
} as const;

/** Run by DMS on each target connection: replica mode skips foreign keys and triggers. */
export const TARGET_SESSION_SETUP = "SET session_replication_role = 'replica'";

/**
 * Heartbeats keep the replication slot's restart point moving while the source is idle, so an
 * idle database does not hold WAL back (and the lag metric keeps reporting).
 */
export const HEARTBEAT_FREQUENCY_MINUTES = 1;

/**
 * The task's settings (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.html):
 * limited LOB mode with 32 KB LOBs, target tables truncated (not dropped) before the full load so
 * the target's schema (created by the app's migrations) stays, validation of every row, and task
 * logs in CloudWatch Logs under `dms-tasks-<instance>`. The provider ignores keys left out, so only
 * what we decide is written.
 */
export const TASK_SETTINGS = {
  TargetMetadata: { SupportLobs: true, FullLobMode: false, LimitedSizeLobMode: true, LobMaxSize: 32 },
  FullLoadSettings: { TargetTablePrepMode: "TRUNCATE_BEFORE_LOAD" },
  ValidationSettings: { EnableValidation: true },
  Logging: { EnableLogging: true },
} as const;

/**
 * The roles DMS looks up by fixed name in every account that uses it, with the AWS-managed policy
 * each carries ("Creating the IAM roles to use with AWS DMS",
 * https://docs.aws.amazon.com/dms/latest/userguide/security-iam.html#CHAP_Security.APIRole).
 */
/** How `global` marks the DMS roles it creates, so the preflight tells them from foreign ones. */
export const DMS_SERVICE_ROLE_DESCRIPTION = "Created by genai-demo: AWS DMS looks this role up by name";

export const DMS_SERVICE_ROLES = [
  ["dms-vpc-role", "AmazonDMSVPCManagementRole"],
  ["dms-cloudwatch-logs-role", "AmazonDMSCloudWatchLogsRole"],
] as const;

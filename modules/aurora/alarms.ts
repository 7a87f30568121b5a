import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { AURORA_ALARMS } from "./constants";
import { type RunbookSection, withRunbook } from "../shared/runbook";

const NAMESPACE = "AWS/RDS";
const ONE_MINUTE = 60;

export interface AuroraAlarmsProps {
  readonly clusterIdentifier: string;
  readonly instanceIdentifiers: string[];
  /** Whether this cluster receives replication (a secondary): only then is lag measured. */
  readonly replicated: boolean;
  /** Regional SNS topics by severity. */
  readonly topics: { readonly warning: string; readonly critical: string };
}

/** CPU and memory of every instance; replication lag of a secondary, warning and critical. */
export class AuroraAlarms extends Construct {
  constructor(scope: Construct, id: string, props: AuroraAlarmsProps) {
    super(scope, id);
    const { periods, datapoints } = AURORA_ALARMS;
    const alarm = (
      alarmId: string,
      severity: "warning" | "critical",
      settings: {
        name: string;
        description: string;
        runbook: RunbookSection;
        metricName: string;
        dimensions: Record<string, string>;
        operator: "GreaterThanThreshold" | "LessThanThreshold";
        threshold: number;
      },
    ) =>
      new CloudwatchMetricAlarm(this, alarmId, {
        alarmName: settings.name,
        alarmDescription: withRunbook(settings.description, settings.runbook),
        namespace: NAMESPACE,
        metricName: settings.metricName,
        dimensions: settings.dimensions,
        statistic: "Average",
        period: ONE_MINUTE,
        evaluationPeriods: periods,
        datapointsToAlarm: datapoints,
        comparisonOperator: settings.operator,
        threshold: settings.threshold,
        treatMissingData: "missing",
        alarmActions: [props.topics[severity]],
        okActions: [props.topics[severity]],
      });

    for (const instance of props.instanceIdentifiers) {
      alarm(`${instance}-cpu`, "warning", {
        name: `${instance}-cpu`,
        description: `CPU of ${instance} above ${AURORA_ALARMS.cpuPercent} %.`,
        runbook: "databaseLoad",
        metricName: "CPUUtilization",
        dimensions: { DBInstanceIdentifier: instance },
        operator: "GreaterThanThreshold",
        threshold: AURORA_ALARMS.cpuPercent,
      });
      alarm(`${instance}-memory`, "warning", {
        name: `${instance}-freeable-memory`,
        description: `Freeable memory of ${instance} below ${AURORA_ALARMS.freeableMemoryBytes / 2 ** 20} MiB.`,
        runbook: "databaseLoad",
        metricName: "FreeableMemory",
        dimensions: { DBInstanceIdentifier: instance },
        operator: "LessThanThreshold",
        threshold: AURORA_ALARMS.freeableMemoryBytes,
      });
    }
    if (!props.replicated) return;
    const { replicationLagMs } = AURORA_ALARMS;
    for (const severity of ["warning", "critical"] as const) {
      alarm(`replication-lag-${severity}`, severity, {
        name: `${props.clusterIdentifier}-replication-lag-${severity}`,
        description:
          severity === "critical"
            ? `Global database replication lag above ${replicationLagMs.critical / 1000} s: the RPO is at risk.`
            : `Global database replication lag above ${replicationLagMs.warning / 1000} s.`,
        runbook: "databaseLag",
        metricName: "AuroraGlobalDBReplicationLag",
        dimensions: { DBClusterIdentifier: props.clusterIdentifier },
        operator: "GreaterThanThreshold",
        threshold: replicationLagMs[severity],
      });
    }
  }
}

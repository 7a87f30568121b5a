import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { CACHE_ALARMS } from "./constants";
import { withRunbook } from "../shared/runbook";

const NAMESPACE = "AWS/ElastiCache";
const ONE_MINUTE = 60;

export interface CacheAlarmsProps {
  readonly replicationGroupId: string;
  /** Member cluster ids (`<group>-001` …), the dimension of the node metrics. */
  readonly memberIds: string[];
  /** A secondary of the global datastore: its replication lag is measured. */
  readonly replicated: boolean;
  readonly warningTopicArn: string;
}

/** Engine CPU and memory of every node, and the secondary's lag behind the primary region. */
export class CacheAlarms extends Construct {
  constructor(scope: Construct, id: string, props: CacheAlarmsProps) {
    super(scope, id);
    const notify = { alarmActions: [props.warningTopicArn], okActions: [props.warningTopicArn] };
    const common = {
      namespace: NAMESPACE,
      statistic: "Average",
      period: ONE_MINUTE,
      evaluationPeriods: CACHE_ALARMS.periods,
      datapointsToAlarm: CACHE_ALARMS.datapoints,
      comparisonOperator: "GreaterThanThreshold",
      treatMissingData: "missing",
      ...notify,
    };
    for (const member of props.memberIds) {
      new CloudwatchMetricAlarm(this, `${member}-cpu`, {
        ...common,
        alarmName: `${member}-engine-cpu`,
        alarmDescription: withRunbook(`Engine CPU of ${member} above ${CACHE_ALARMS.cpuPercent} %.`, "cacheLoad"),
        metricName: "EngineCPUUtilization",
        dimensions: { CacheClusterId: member },
        threshold: CACHE_ALARMS.cpuPercent,
      });
      new CloudwatchMetricAlarm(this, `${member}-memory`, {
        ...common,
        alarmName: `${member}-memory`,
        alarmDescription: withRunbook(
          `Memory of ${member} above ${CACHE_ALARMS.memoryPercent} % (evictions follow).`,
          "cacheLoad",
        ),
        metricName: "DatabaseMemoryUsagePercentage",
        dimensions: { CacheClusterId: member },
        threshold: CACHE_ALARMS.memoryPercent,
      });
    }
    if (!props.replicated) return;
    // ElastiCache publishes its metrics per CacheClusterId (src/monitoring/metric-catalogue.ts);
    // only the member that is this region's primary reports the lag, so the others' missing data
    // means nothing.
    for (const member of props.memberIds) {
      new CloudwatchMetricAlarm(this, `${member}-replication-lag`, {
        ...common,
        treatMissingData: "notBreaching",
        alarmName: `${member}-global-replication-lag`,
        alarmDescription: withRunbook(
          `This region trails the primary region's cache by more than ${CACHE_ALARMS.replicationLagSeconds} s.`,
          "cacheLag",
        ),
        metricName: "GlobalDatastoreReplicationLag",
        dimensions: { CacheClusterId: member },
        threshold: CACHE_ALARMS.replicationLagSeconds,
      });
    }
  }
}

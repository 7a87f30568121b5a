"""
Lists what the emulator still holds after the emulated destroy, through the AWS APIs (moto's
own data dump also lists what was deleted): leftovers.py ENDPOINT STATE_BUCKET REGION...
Prints one line per leftover; exits 0 either way.
"""

import sys

import boto3
from botocore.config import Config

endpoint, state_bucket, regions = sys.argv[1], sys.argv[2], sys.argv[3:]
session = boto3.Session(aws_access_key_id="emulated", aws_secret_access_key="emulated")


def client(service, region):
    config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
    return session.client(service, region_name=region, endpoint_url=endpoint, config=config)


found = []
for region in regions:
    ec2 = client("ec2", region)
    default_vpcs = {vpc["VpcId"] for vpc in ec2.describe_vpcs()["Vpcs"] if vpc.get("IsDefault")}
    found += [f"{region} vpc {v['VpcId']}" for v in ec2.describe_vpcs()["Vpcs"] if v["VpcId"] not in default_vpcs]
    found += [f"{region} nat {n['NatGatewayId']}" for n in ec2.describe_nat_gateways()["NatGateways"] if n["State"] != "deleted"]
    found += [f"{region} eip {a['AllocationId']}" for a in ec2.describe_addresses()["Addresses"]]
    found += [f"{region} launch template {t['LaunchTemplateName']}" for t in ec2.describe_launch_templates()["LaunchTemplates"]]
    found += [f"{region} kms key {k['KeyId']}" for k in client("kms", region).list_keys()["Keys"]
              if client("kms", region).describe_key(KeyId=k["KeyId"])["KeyMetadata"]["KeyState"] not in ("PendingDeletion",)]
    found += [f"{region} log group {g['logGroupName']}" for g in client("logs", region).describe_log_groups()["logGroups"]]
    found += [f"{region} topic {t['TopicArn']}" for t in client("sns", region).list_topics()["Topics"]]
    found += [f"{region} certificate {c['CertificateArn']}" for c in client("acm", region).list_certificates()["CertificateSummaryList"]]
    found += [f"{region} load balancer {lb['LoadBalancerName']}" for lb in client("elbv2", region).describe_load_balancers()["LoadBalancers"]]
    found += [f"{region} target group {tg['TargetGroupName']}" for tg in client("elbv2", region).describe_target_groups()["TargetGroups"]]
    found += [f"{region} ecr {r['repositoryName']}" for r in client("ecr", region).describe_repositories()["repositories"]]
    found += [f"{region} secret {s['Name']}" for s in client("secretsmanager", region).list_secrets()["SecretList"] if "DeletedDate" not in s]
    found += [f"{region} parameter {p['Name']}" for p in client("ssm", region).describe_parameters()["Parameters"]]
    found += [f"{region} web acl {a['Name']}" for scope in ("REGIONAL",) for a in client("wafv2", region).list_web_acls(Scope=scope)["WebACLs"]]
    found += [f"{region} eks {name}" for name in client("eks", region).list_clusters()["clusters"]]
    found += [f"{region} rds {c['DBClusterIdentifier']}" for c in client("rds", region).describe_db_clusters()["DBClusters"]]
    alarms = client("cloudwatch", region).describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"])
    found += [f"{region} alarm {a['AlarmName']}" for a in alarms["MetricAlarms"] + alarms["CompositeAlarms"]]
    found += [f"{region} cache {g['ReplicationGroupId']}" for g in client("elasticache", region).describe_replication_groups()["ReplicationGroups"]]
    found += [f"{region} dms {i['ReplicationInstanceIdentifier']}" for i in client("dms", region).describe_replication_instances()["ReplicationInstances"]]
    found += [f"{region} canary {c['Name']}" for c in client("synthetics", region).describe_canaries()["Canaries"]]
    found += [f"{region} dashboard {d['DashboardName']}" for d in client("cloudwatch", region).list_dashboards()["DashboardEntries"]]
    found += [f"{region} prometheus workspace {w.get('alias')}" for w in client("amp", region).list_workspaces()["workspaces"]]

global_region = "us-east-1"
found += [f"iam role {r['RoleName']}" for r in client("iam", global_region).list_roles()["Roles"]]
found += [f"zone {z['Name']}" for z in client("route53", global_region).list_hosted_zones()["HostedZones"]]
found += [f"health check {h['Id']}" for h in client("route53", global_region).list_health_checks()["HealthChecks"]]
account = client("sts", global_region).get_caller_identity()["Account"]
found += [f"budget {b['BudgetName']}" for b in client("budgets", global_region).describe_budgets(AccountId=account).get("Budgets", [])]
found += [f"anomaly monitor {m['MonitorName']}" for m in client("ce", global_region).get_anomaly_monitors()["AnomalyMonitors"]]
found += [f"edge web acl {a['Name']}" for a in client("wafv2", global_region).list_web_acls(Scope="CLOUDFRONT")["WebACLs"]]
found += [f"distribution {d['Id']}" for d in client("cloudfront", global_region).list_distributions()["DistributionList"].get("Items", [])]
found += [f"log delivery source {s['name']}" for s in client("logs", global_region).describe_delivery_sources()["deliverySources"]]
found += [f"bucket {b['Name']}" for b in client("s3", global_region).list_buckets()["Buckets"] if b["Name"] != state_bucket]

for line in found:
    print(line)

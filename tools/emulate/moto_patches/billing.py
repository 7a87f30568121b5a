"""AWS Budgets and Cost Anomaly Detection. See __init__.py for what a fix here must say."""


def add_budget_subscribers_and_tags():
    """
    moto 5.2.5 keeps a budget's notifications with their subscribers but implements neither
    DescribeSubscribersForNotification, CreateSubscriber and DeleteSubscriber nor the budget tag
    operations (ListTagsForResource, TagResource, UntagResource): the provider's read of an
    aws_budgets_budget fails on the first of them (a 500), so no budget can be created. AWS
    answers them from the same notifications, and tags budgets by
    arn:aws:budgets::<account>:budget/<name> (CreateBudget's ResourceTags included).
    """
    import json

    from moto.budgets import responses

    tags = {}
    original_create = responses.BudgetsResponse.create_budget

    def arn(self, account_id, budget_name):
        return f"arn:{self.partition}:budgets::{account_id}:budget/{budget_name}"

    def create_budget(self):
        answer = original_create(self)
        budget = self._get_param("Budget")
        given = self._get_param("ResourceTags") or []
        tags[arn(self, self._get_param("AccountId"), budget["BudgetName"])] = {t["Key"]: t["Value"] for t in given}
        return answer

    def notification_of(self):
        budget = self.backend.budgets[self._get_param("AccountId")][self._get_param("BudgetName")]
        wanted = self._get_param("Notification")
        return next(n for n in budget.notifications if n.details == wanted)

    def describe_subscribers_for_notification(self):
        return json.dumps({"Subscribers": notification_of(self).subscribers})

    def create_subscriber(self):
        notification_of(self).subscribers.append(self._get_param("Subscriber"))
        return json.dumps({})

    def delete_subscriber(self):
        notification = notification_of(self)
        notification.subscribers = [s for s in notification.subscribers if s != self._get_param("Subscriber")]
        return json.dumps({})

    def list_tags_for_resource(self):
        held = tags.get(self._get_param("ResourceARN"), {})
        return json.dumps({"ResourceTags": [{"Key": k, "Value": v} for k, v in held.items()]})

    def tag_resource(self):
        held = tags.setdefault(self._get_param("ResourceARN"), {})
        held.update({t["Key"]: t["Value"] for t in self._get_param("ResourceTags")})
        return json.dumps({})

    def untag_resource(self):
        held = tags.setdefault(self._get_param("ResourceARN"), {})
        for key in self._get_param("ResourceTagKeys"):
            held.pop(key, None)
        return json.dumps({})

    for handler in (
        create_budget,
        describe_subscribers_for_notification,
        create_subscriber,
        delete_subscriber,
        list_tags_for_resource,
        tag_resource,
        untag_resource,
    ):
        setattr(responses.BudgetsResponse, handler.__name__, handler)


def add_cost_anomaly_monitors_and_subscriptions():
    """
    moto 5.2.5 implements no Cost Anomaly Detection (Create/Get/Update/DeleteAnomalyMonitor,
    Create/Get/Update/DeleteAnomalySubscription): they answer 404, so aws_ce_anomaly_monitor and
    aws_ce_anomaly_subscription cannot be created. Plain create, read, update and delete; tags go
    to moto's Cost Explorer tagger, which ListTagsForResource already reads. Members the SDK sends
    as null are not stored, as AWS does not return them.
    """
    import json
    import uuid

    from moto.ce import responses
    from moto.core.exceptions import JsonRESTError

    monitors, subscriptions = {}, {}

    def UnknownMonitorException(arn):
        return JsonRESTError("UnknownMonitorException", f"No anomaly monitor {arn}")

    def UnknownSubscriptionException(arn):
        return JsonRESTError("UnknownSubscriptionException", f"No anomaly subscription {arn}")

    def without_nulls(value):
        # AWS keeps what was set; the SDK sends unset members of an Expression as null.
        if isinstance(value, dict):
            return {key: without_nulls(item) for key, item in value.items() if item is not None}
        if isinstance(value, list):
            return [without_nulls(item) for item in value]
        return value

    def params(self):
        return without_nulls(json.loads(self.body or "{}"))

    def tag(self, resource_arn, given):
        if given:
            self.ce_backend.tag_resource(resource_arn, given)

    def create_anomaly_monitor(self):
        monitor = dict(params(self)["AnomalyMonitor"])
        monitor["MonitorArn"] = f"arn:{self.partition}:ce::{self.current_account}:anomalymonitor/{uuid.uuid4()}"
        monitor["CreationDate"] = monitor["LastUpdatedDate"] = "2026-12-02"
        monitors[monitor["MonitorArn"]] = monitor
        tag(self, monitor["MonitorArn"], params(self).get("ResourceTags"))
        return json.dumps({"MonitorArn": monitor["MonitorArn"]})

    def get_anomaly_monitors(self):
        wanted = params(self).get("MonitorArnList") or list(monitors)
        missing = [arn for arn in wanted if arn not in monitors]
        if missing:
            raise UnknownMonitorException(missing[0])
        return json.dumps({"AnomalyMonitors": [monitors[arn] for arn in wanted]})

    def update_anomaly_monitor(self):
        arn = params(self)["MonitorArn"]
        if arn not in monitors:
            raise UnknownMonitorException(arn)
        if params(self).get("MonitorName"):
            monitors[arn]["MonitorName"] = params(self)["MonitorName"]
        return json.dumps({"MonitorArn": arn})

    def delete_anomaly_monitor(self):
        arn = params(self)["MonitorArn"]
        if monitors.pop(arn, None) is None:
            raise UnknownMonitorException(arn)
        return json.dumps({})

    def create_anomaly_subscription(self):
        subscription = dict(params(self)["AnomalySubscription"])
        subscription["SubscriptionArn"] = (
            f"arn:{self.partition}:ce::{self.current_account}:anomalysubscription/{uuid.uuid4()}"
        )
        subscription.setdefault("AccountId", self.current_account)
        subscriptions[subscription["SubscriptionArn"]] = subscription
        tag(self, subscription["SubscriptionArn"], params(self).get("ResourceTags"))
        return json.dumps({"SubscriptionArn": subscription["SubscriptionArn"]})

    def get_anomaly_subscriptions(self):
        wanted = params(self).get("SubscriptionArnList") or list(subscriptions)
        missing = [arn for arn in wanted if arn not in subscriptions]
        if missing:
            raise UnknownSubscriptionException(missing[0])
        return json.dumps({"AnomalySubscriptions": [subscriptions[arn] for arn in wanted]})

    def update_anomaly_subscription(self):
        request = params(self)
        arn = request["SubscriptionArn"]
        if arn not in subscriptions:
            raise UnknownSubscriptionException(arn)
        for key in ("Frequency", "MonitorArnList", "Subscribers", "SubscriptionName", "ThresholdExpression"):
            if key in request:
                subscriptions[arn][key] = request[key]
        return json.dumps({"SubscriptionArn": arn})

    def delete_anomaly_subscription(self):
        arn = params(self)["SubscriptionArn"]
        if subscriptions.pop(arn, None) is None:
            raise UnknownSubscriptionException(arn)
        return json.dumps({})

    for handler in (
        create_anomaly_monitor,
        get_anomaly_monitors,
        update_anomaly_monitor,
        delete_anomaly_monitor,
        create_anomaly_subscription,
        get_anomaly_subscriptions,
        update_anomaly_subscription,
        delete_anomaly_subscription,
    ):
        setattr(responses.CostExplorerResponse, handler.__name__, handler)

"""Amazon Managed Service for Prometheus workspaces. See __init__.py for what a fix here must say."""


def add_amp_workspace_key_and_configuration():
    """
    moto 5.2.5 creates, describes and deletes workspaces, but:
    - drops CreateWorkspace's kmsKeyArn and never answers it in DescribeWorkspace, so the provider
      reads kms_key_arn as empty and plans to replace a workspace encrypted with a customer key
      (AWS: a workspace keeps the key it was created with and describes it);
    - implements neither DescribeWorkspaceConfiguration nor UpdateWorkspaceConfiguration
      (GET/PATCH /workspaces/{id}/configuration: 404), so aws_prometheus_workspace_configuration
      cannot be created or read. AWS: a new workspace keeps samples 150 days; an update answers
      202 with status UPDATING and the workspace's configuration becomes ACTIVE with the values set.
    """
    import json

    from moto.amp import models, responses, urls

    original_init = models.Workspace.__init__
    original_to_dict = models.Workspace.to_dict

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.kms_key_arn = None
        self.configuration = {"retentionPeriodInDays": 150, "limitsPerLabelSet": []}

    def to_dict(self):
        answer = original_to_dict(self)
        if self.kms_key_arn is not None:
            answer["kmsKeyArn"] = self.kms_key_arn
        return answer

    models.Workspace.__init__ = init
    models.Workspace.to_dict = to_dict

    def create_workspace(self):
        params = json.loads(self.body or "{}")
        workspace = self.amp_backend.create_workspace(alias=params.get("alias"), tags=params.get("tags"))
        workspace.kms_key_arn = params.get("kmsKeyArn")
        return json.dumps(workspace.to_dict())

    def workspace_in_path(self):
        return self.amp_backend.describe_workspace(workspace_id=self.path.split("?")[0].split("/")[-2])

    def describe_workspace_configuration(self):
        workspace = workspace_in_path(self)
        return json.dumps({"workspaceConfiguration": {**workspace.configuration, "status": {"statusCode": "ACTIVE"}}})

    def update_workspace_configuration(self):
        workspace = workspace_in_path(self)
        params = json.loads(self.body or "{}")
        for key in ("retentionPeriodInDays", "limitsPerLabelSet"):
            if key in params:
                workspace.configuration[key] = params[key]
        return 202, {}, json.dumps({"status": {"statusCode": "UPDATING"}})

    for handler in (create_workspace, describe_workspace_configuration, update_workspace_configuration):
        setattr(responses.PrometheusServiceResponse, handler.__name__, handler)
    urls.url_paths["{0}/workspaces/(?P<workspace_id>[^/]+)/configuration$"] = responses.PrometheusServiceResponse.dispatch

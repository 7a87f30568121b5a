"""CloudWatch Synthetics canaries. See __init__.py for what a fix here must say."""


def add_synthetics_canary_lifecycle():
    """
    moto 5.2.5 creates, gets and lists canaries, but:
    - implements neither StartCanary, StopCanary, UpdateCanary, DeleteCanary nor TagResource and
      UntagResource (404), so the provider cannot start (start_canary), change or destroy one;
    - answers GetCanary of an unknown name with a 500 (KeyError), where AWS answers
      ResourceNotFoundException (404), which the provider's delete waiter waits for;
    - writes the timeline as ISO 8601 strings; Synthetics speaks restJson1, whose timestamps are
      epoch seconds ("expected Timestamp to be a JSON Number, got string");
    - echoes the uploaded ZipFile as the canary's Code, where AWS answers CanaryCodeOutput
      (Handler, SourceLocationArn), and RunConfig's environment variables, which AWS never returns;
    - looks tags up by canary name where the API takes the canary's ARN
      (arn:<partition>:synthetics:<region>:<account>:canary:<name>).
    AWS: a new canary is READY; StartCanary makes it RUNNING, StopCanary STOPPED; DeleteCanary of a
    RUNNING canary is a ConflictException.
    """
    import json
    import urllib.parse

    from moto.core.exceptions import JsonRESTError
    from moto.synthetics import models, responses, urls

    class ResourceNotFoundException(JsonRESTError):
        __module__ = "moto.synthetics.exceptions"
        code = 404

        def __init__(self, message):
            super().__init__("ResourceNotFoundException", message)

    class ConflictException(JsonRESTError):
        __module__ = "moto.synthetics.exceptions"
        code = 409

        def __init__(self, message):
            super().__init__("ConflictException", message)

    def epoch(value):
        return None if value is None else value.timestamp()

    def to_dict(self):
        run_config = {k: v for k, v in (self.run_config or {}).items() if k != "EnvironmentVariables"}
        return {
            "Id": self.id,
            "Name": self.name,
            "Code": {
                "Handler": (self.code or {}).get("Handler"),
                "SourceLocationArn": f"arn:aws:lambda:::layer:cwsyn-{self.name}-{self.id}:1",
            },
            "ArtifactS3Location": self.artifact_s3_location,
            "ExecutionRoleArn": self.execution_role_arn,
            "Schedule": {"DurationInSeconds": 0, **(self.schedule or {})},
            "RunConfig": {"MemoryInMB": 1000, "ActiveTracing": False, **run_config},
            "SuccessRetentionPeriodInDays": self.success_retention_period_in_days,
            "FailureRetentionPeriodInDays": self.failure_retention_period_in_days,
            "RuntimeVersion": self.runtime_version,
            "VpcConfig": self.vpc_config,
            "ProvisionedResourceCleanup": self.provisioned_resource_cleanup,
            "Tags": self.tags,
            "ArtifactConfig": self.artifact_config,
            "EngineArn": f"arn:aws:lambda:::function:cwsyn-{self.name}-{self.id}",
            "Status": {"State": self.state},
            "Timeline": {key: epoch(value) for key, value in self.timeline.items()},
        }

    models.Canary.to_dict = to_dict

    def canary_named(self, name):
        canary = self.synthetics_backend.canaries.get(name)
        if canary is None:
            raise ResourceNotFoundException(f"Canary {name} not found")
        return canary

    def name_in_path(self, suffix=""):
        path = self.path.split("?")[0]
        return urllib.parse.unquote(path[len("/canary/") : len(path) - len(suffix)])

    def arn_name(self):
        arn = urllib.parse.unquote(self.path.split("?")[0][len("/tags/") :])
        return arn.rsplit(":", 1)[-1]

    def get_canary(self):
        return json.dumps({"Canary": canary_named(self, name_in_path(self)).to_dict()})

    def start_canary(self):
        canary = canary_named(self, name_in_path(self, "/start"))
        canary.state = "RUNNING"
        canary.timeline["LastStarted"] = models.utcnow()
        return json.dumps({})

    def stop_canary(self):
        canary = canary_named(self, name_in_path(self, "/stop"))
        canary.state = "STOPPED"
        canary.timeline["LastStopped"] = models.utcnow()
        return json.dumps({})

    def update_canary(self):
        canary = canary_named(self, name_in_path(self))
        params = json.loads(self.body or "{}")
        fields = {
            "Code": "code",
            "ExecutionRoleArn": "execution_role_arn",
            "RuntimeVersion": "runtime_version",
            "Schedule": "schedule",
            "RunConfig": "run_config",
            "SuccessRetentionPeriodInDays": "success_retention_period_in_days",
            "FailureRetentionPeriodInDays": "failure_retention_period_in_days",
            "VpcConfig": "vpc_config",
            "ArtifactS3Location": "artifact_s3_location",
            "ArtifactConfig": "artifact_config",
            "ProvisionedResourceCleanup": "provisioned_resource_cleanup",
        }
        for key, attribute in fields.items():
            if key in params:
                setattr(canary, attribute, params[key])
        return json.dumps({})

    def delete_canary(self):
        name = name_in_path(self)
        if canary_named(self, name).state == "RUNNING":
            raise ConflictException(f"Canary {name} is running; stop it first")
        del self.synthetics_backend.canaries[name]
        return json.dumps({})

    def list_tags_for_resource(self):
        canary = self.synthetics_backend.canaries.get(arn_name(self))
        return json.dumps({"Tags": canary.tags if canary else {}})

    def tag_resource(self):
        canary = canary_named(self, arn_name(self))
        canary.tags = {**(canary.tags or {}), **json.loads(self.body or "{}").get("Tags", {})}
        return json.dumps({})

    def untag_resource(self):
        canary = canary_named(self, arn_name(self))
        keys = urllib.parse.parse_qs(urllib.parse.urlparse(self.uri).query).get("tagKeys", [])
        canary.tags = {k: v for k, v in (canary.tags or {}).items() if k not in keys}
        return json.dumps({})

    for handler in (
        get_canary,
        start_canary,
        stop_canary,
        update_canary,
        delete_canary,
        list_tags_for_resource,
        tag_resource,
        untag_resource,
    ):
        setattr(responses.SyntheticsResponse, handler.__name__, handler)

    dispatch = responses.SyntheticsResponse.dispatch
    urls.url_paths.update(
        {
            "{0}/canary/(?P<name>[^/]+)/start$": dispatch,
            "{0}/canary/(?P<name>[^/]+)/stop$": dispatch,
        }
    )

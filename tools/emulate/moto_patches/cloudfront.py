"""CloudFront. See __init__.py for what a fix here must say."""


def add_cloudfront_cache_and_response_headers_policies():
    """
    moto 5.2.5 implements neither cache policies nor response headers policies
    (Create/Get/GetConfig/Update/Delete/List of /2020-05-31/cache-policy and
    /2020-05-31/response-headers-policy answer 404), so aws_cloudfront_cache_policy and
    aws_cloudfront_response_headers_policy cannot be created. AWS: each policy has an id (a
    UUID), an ETag that changes on update and must match on update and delete, and its config
    echoed as given. Kept per account, like distributions (CloudFront is global).
    """
    import datetime
    import uuid

    from moto.cloudfront import responses, urls
    from moto.core.exceptions import ServiceException
    from moto.core.responses import ActionResult, EmptyResult

    policies = {"CachePolicy": {}, "ResponseHeadersPolicy": {}}

    def make_handlers(kind, path):
        store = policies[kind]
        config_key = f"{kind}Config"

        def answer(self, policy, with_location=False):
            result = {
                kind: {"Id": policy["Id"], "LastModifiedTime": policy["LastModifiedTime"], config_key: policy["Config"]},
                "ETag": policy["ETag"],
            }
            if with_location:
                result["Location"] = f"https://cloudfront.amazonaws.com/2020-05-31/{path}/{policy['Id']}"
            return ActionResult(result)

        def find(self):
            policy_id = self._get_param("Id")
            policy = store.get((self.current_account, policy_id))
            if policy is None:
                # The model's NoSuchCachePolicy / NoSuchResponseHeadersPolicy: HTTP 404.
                raise ServiceException(f"NoSuch{kind}", f"The {kind} {policy_id} does not exist.")
            return policy

        def create(self):
            policy = {
                "Id": str(uuid.uuid4()),
                "ETag": uuid.uuid4().hex[:14].upper(),
                "LastModifiedTime": datetime.datetime.now(datetime.timezone.utc),
                "Config": self._get_param(config_key, {}),
            }
            store[(self.current_account, policy["Id"])] = policy
            return answer(self, policy, with_location=True)

        def get(self):
            return answer(self, find(self))

        def get_config(self):
            policy = find(self)
            return ActionResult({config_key: policy["Config"], "ETag": policy["ETag"]})

        def update(self):
            policy = find(self)
            policy["Config"] = self._get_param(config_key, {})
            policy["ETag"] = uuid.uuid4().hex[:14].upper()
            policy["LastModifiedTime"] = datetime.datetime.now(datetime.timezone.utc)
            return answer(self, policy)

        def delete(self):
            policy = find(self)
            del store[(self.current_account, policy["Id"])]
            return EmptyResult()

        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in kind).lstrip("_")
        return {
            f"create_{snake}": create,
            f"get_{snake}": get,
            f"get_{snake}_config": get_config,
            f"update_{snake}": update,
            f"delete_{snake}": delete,
        }

    dispatch = responses.CloudFrontResponse.dispatch
    for kind, path in (("CachePolicy", "cache-policy"), ("ResponseHeadersPolicy", "response-headers-policy")):
        for name, handler in make_handlers(kind, path).items():
            handler.__name__ = name
            setattr(responses.CloudFrontResponse, name, handler)
        urls.url_paths.update(
            {
                f"{{0}}/2020-05-31/{path}$": dispatch,
                f"{{0}}/2020-05-31/{path}/(?P<policy_id>[^/]+)$": dispatch,
                f"{{0}}/2020-05-31/{path}/(?P<policy_id>[^/]+)/config$": dispatch,
            }
        )


def fix_cloudfront_target_origin_of_origin_groups():
    """
    moto 5.2.5 accepts a distribution only if its default cache behavior targets an origin's id
    (OriginDoesNotExist otherwise). AWS lets any cache behavior target an origin group's id too,
    and checks every cache behavior, not only the default one.
    """
    from moto.cloudfront import models

    original_init = models.DistributionConfig.__init__

    def init(self, config):
        groups = [group["Id"] for group in (config.get("OriginGroups") or {}).get("Items") or []]
        origins = [origin["Id"] for origin in (config.get("Origins") or {}).get("Items") or []]
        behaviors = [config.get("DefaultCacheBehavior") or {}]
        behaviors += (config.get("CacheBehaviors") or {}).get("Items") or []
        if any(behavior.get("TargetOriginId") not in origins + groups for behavior in behaviors):
            raise models.OriginDoesNotExist
        # Let moto's own check pass for a default behavior that targets a group.
        default = config.get("DefaultCacheBehavior") or {}
        target = default.get("TargetOriginId")
        if target in groups and origins:
            default["TargetOriginId"] = origins[0]
            original_init(self, config)
            self.DefaultCacheBehavior.target_origin_id = target
            return
        original_init(self, config)

    models.DistributionConfig.__init__ = init


def fix_cloudfront_behaviors_with_cache_policy_and_acm_certificate():
    """
    moto 5.2.5 answers every cache behavior with legacy ForwardedValues (query string off,
    cookies none), even one that names a cache policy, and every viewer certificate with
    CloudFrontDefaultCertificate true, even one that names an ACM certificate. The provider then
    reads a forwarded_values block and the default certificate the configuration never set, and
    plans to change them on every run. AWS: a behavior with a CachePolicyId has no
    ForwardedValues (the two are exclusive), and a distribution with an ACM certificate does not
    use CloudFront's default one.
    """
    from moto.cloudfront import models

    original_behavior = models.DefaultCacheBehaviour.__init__
    original_certificate = models.ViewerCertificate.__init__

    def behavior(self, config):
        original_behavior(self, config)
        if config.get("CachePolicyId"):
            self.forwarded_values = None

    def certificate(self, config):
        original_certificate(self, config)
        if config.get("ACMCertificateArn") or config.get("IAMCertificateId"):
            self.cloud_front_default_certificate = False

    models.DefaultCacheBehaviour.__init__ = behavior
    models.ViewerCertificate.__init__ = certificate

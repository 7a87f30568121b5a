"""Read-only calls of npm run preflight, answered from a seeded per-account catalogue. See __init__.py for what a fix here must say."""


PREFLIGHT_CATALOGUES = {}


def _preflight_region(account_id, region):
    """The seeded catalogue of one region of an account: None when the account has none."""
    catalogue = PREFLIGHT_CATALOGUES.get(account_id)
    if catalogue is None:
        return None
    return (catalogue.get("regions") or {}).get(region) or {}


def add_preflight_catalogue():
    """
    Test support, not a fix: POST /moto-api/preflight/catalogue with
    {"accountId": "<12 digits>", "catalogue": {"regions": {"<region>": {...}}}} seeds what that
    account's regions offer (see tools/preflight/fixtures/catalogue.ts for the shape) and answers
    with an access key of that account: moto maps a request to an account by its access key, so a
    client using the key sees that account's catalogue.
    """
    import json

    from moto.iam.models import iam_backends
    from moto.moto_api._internal import urls

    user_name = "preflight"

    def preflight_catalogue(request, full_url, headers):
        if request.method != "POST":
            return 405, {}, json.dumps({"Error": "POST a catalogue"})
        body = json.loads(request.get_data(as_text=True) or "{}")
        account_id = body["accountId"]
        PREFLIGHT_CATALOGUES[account_id] = body["catalogue"]
        iam = iam_backends[account_id]["aws"]
        if user_name not in iam.users:
            iam.create_user(region_name="us-east-1", user_name=user_name)
        # Seeding the same account again keeps its key (IAM allows a user two).
        keys = iam.list_access_keys(user_name) or [iam.create_access_key(user_name)]
        key = keys[0]
        return 200, {}, json.dumps({"accessKeyId": key.access_key_id, "secretAccessKey": key.secret_access_key})

    urls.url_paths["{0}/moto-api/preflight/catalogue"] = preflight_catalogue


def add_account_get_region_opt_status():
    """
    moto 5.2.5: the Account API has no GetRegionOptStatus (404). AWS answers ENABLED_BY_DEFAULT
    for regions launched before 2019, and ENABLED, ENABLING, DISABLING or DISABLED for opt-in
    ones. Here: the catalogue's optInStatus, DISABLED for a region the catalogue does not list,
    and ENABLED_BY_DEFAULT for every region of an account without a catalogue.
    """
    from moto.account import responses, urls
    from moto.core.responses import ActionResult

    def get_region_opt_status(self):
        region_name = self._get_param("RegionName")
        seeded = _preflight_region(self.current_account, region_name)
        if seeded is None:
            status = "ENABLED_BY_DEFAULT"
        else:
            status = seeded.get("optInStatus", "DISABLED")
        return ActionResult({"RegionName": region_name, "RegionOptStatus": status})

    responses.AccountResponse.get_region_opt_status = get_region_opt_status
    urls.url_paths["{0}/getRegionOptStatus$"] = urls.AccountResponse.dispatch


def answer_ec2_instance_type_offerings_from_catalogue():
    """
    moto 5.2.5: DescribeInstanceTypeOfferings answers from one static table per region, the same
    for every account, with no ap-east-2 (Taipei) at all. AWS's offerings differ by account (AZ
    names map to different zones) and region. With a catalogue, its instanceTypeOfferings
    ({"<az>": ["<type>", ...]}) are the offerings, filtered as moto filters its own.
    """
    from moto.ec2.models import instance_types

    original = instance_types.InstanceTypeOfferingBackend.describe_instance_type_offerings

    def describe_instance_type_offerings(self, location_type=None, filters=None):
        seeded = _preflight_region(self.account_id, self.region_name)
        if seeded is None:
            return original(self, location_type, filters)
        location_type = location_type or "region"
        offerings = []
        for zone, types in (seeded.get("instanceTypeOfferings") or {}).items():
            location = self.region_name if location_type == "region" else zone
            offerings += [{"InstanceType": t, "LocationType": location_type, "Location": location} for t in types]
        unique = list({(o["InstanceType"], o["Location"]): o for o in offerings}.values())
        return [o for o in unique if self.matches_filters(o, filters or {}, location_type)]

    instance_types.InstanceTypeOfferingBackend.describe_instance_type_offerings = describe_instance_type_offerings


def add_rds_engine_versions_and_orderable_options_from_catalogue():
    """
    moto 5.2.5: DescribeDBEngineVersions is not implemented, and DescribeOrderableDBInstanceOptions
    answers from one static file for every account and region, ignoring DBInstanceClass. With a
    catalogue, its dbEngineVersions and orderableDbInstanceOptions (AWS's shapes) answer both,
    filtered by Engine, EngineVersion and DBInstanceClass as AWS filters them; without one,
    DescribeDBEngineVersions lists nothing and the orderable options stay moto's.
    """
    from moto.core.responses import ActionResult
    from moto.rds import responses

    original = responses.RDSResponse.describe_orderable_db_instance_options

    def matching(items, params, keys):
        return [item for item in items if all(not params.get(k) or item.get(k) == params.get(k) for k in keys)]

    def describe_db_engine_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        versions = matching(seeded.get("dbEngineVersions") or [], self.params, ["Engine", "EngineVersion"])
        return ActionResult({"DBEngineVersions": versions})

    def describe_orderable_db_instance_options(self):
        seeded = _preflight_region(self.current_account, self.region)
        if seeded is None:
            return original(self)
        options = matching(
            seeded.get("orderableDbInstanceOptions") or [], self.params, ["Engine", "EngineVersion", "DBInstanceClass"]
        )
        return ActionResult({"OrderableDBInstanceOptions": options})

    responses.RDSResponse.describe_db_engine_versions = describe_db_engine_versions
    responses.RDSResponse.describe_orderable_db_instance_options = describe_orderable_db_instance_options


def add_elasticache_engine_versions_and_reserved_offerings():
    """
    moto 5.2.5 implements neither DescribeCacheEngineVersions nor
    DescribeReservedCacheNodesOfferings. They answer from the catalogue's cacheEngineVersions and
    reservedCacheNodesOfferings (AWS's shapes), filtered by Engine and EngineVersion, and by
    CacheNodeType and ProductDescription, as AWS filters them; without one they list nothing.
    """
    from moto.core.responses import ActionResult
    from moto.elasticache import responses

    def matching(items, request, keys):
        wanted = {key: request._get_param(key) for key in keys}
        return [item for item in items if all(not value or item.get(key) == value for key, value in wanted.items())]

    def describe_cache_engine_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        versions = matching(seeded.get("cacheEngineVersions") or [], self, ["Engine", "EngineVersion"])
        return ActionResult({"CacheEngineVersions": versions})

    def describe_reserved_cache_nodes_offerings(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        offerings = matching(
            seeded.get("reservedCacheNodesOfferings") or [], self, ["CacheNodeType", "ProductDescription"]
        )
        return ActionResult({"ReservedCacheNodesOfferings": offerings})

    responses.ElastiCacheResponse.describe_cache_engine_versions = describe_cache_engine_versions
    responses.ElastiCacheResponse.describe_reserved_cache_nodes_offerings = describe_reserved_cache_nodes_offerings


def add_dms_orderable_replication_instances():
    """
    moto 5.2.5 does not implement DescribeOrderableReplicationInstances. It answers from the
    catalogue's orderableReplicationInstances (AWS's shape); AWS takes no filter for this call,
    so neither does this; without a catalogue it lists nothing.
    """
    import json

    from moto.dms import responses

    def describe_orderable_replication_instances(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        return json.dumps({"OrderableReplicationInstances": seeded.get("orderableReplicationInstances") or []})

    responses.DatabaseMigrationServiceResponse.describe_orderable_replication_instances = (
        describe_orderable_replication_instances
    )


def add_eks_addon_versions_and_cluster_versions():
    """
    moto 5.2.5 implements neither DescribeAddonVersions (GET /addons/supported-versions) nor
    DescribeClusterVersions (GET /cluster-versions); both answer 404. They answer from the
    catalogue's addons and clusterVersions (AWS's shapes): add-ons filtered by addonName, and
    their versions by a compatibility with kubernetesVersion, as AWS filters them; cluster
    versions by clusterVersions. Without a catalogue both list nothing.
    """
    from moto.core.responses import ActionResult
    from moto.eks import responses, urls

    def describe_addon_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        name, kubernetes = self._get_param("addonName"), self._get_param("kubernetesVersion")
        addons = []
        for addon in seeded.get("addons") or []:
            if name and addon.get("addonName") != name:
                continue
            versions = [
                version
                for version in addon.get("addonVersions") or []
                if not kubernetes
                or any(c.get("clusterVersion") == kubernetes for c in version.get("compatibilities") or [])
            ]
            if versions:
                addons.append({**addon, "addonVersions": versions})
        return ActionResult({"addons": addons})

    def describe_cluster_versions(self):
        seeded = _preflight_region(self.current_account, self.region) or {}
        wanted = self._get_param("clusterVersions") or []
        versions = [v for v in seeded.get("clusterVersions") or [] if not wanted or v.get("clusterVersion") in wanted]
        return ActionResult({"clusterVersions": versions})

    responses.EKSResponse.describe_addon_versions = describe_addon_versions
    responses.EKSResponse.describe_cluster_versions = describe_cluster_versions
    urls.url_paths.update(
        {
            "{0}/addons/supported-versions$": urls.response.dispatch,
            "{0}/cluster-versions$": urls.response.dispatch,
        }
    )

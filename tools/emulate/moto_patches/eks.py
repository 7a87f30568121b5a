"""EKS: cluster and node group drift, add-ons, Pod Identity, access entries. See __init__.py for what a fix here must say."""


def fix_eks_cluster_settings_not_echoed():
    """
    moto 5.2.5: CreateCluster drops accessConfig, upgradePolicy, deletionProtection and
    bootstrapSelfManagedAddons, and DescribeCluster returns none of them; the provider then plans
    to replace the cluster (bootstrap_cluster_creator_admin_permissions forces it) on every run.
    AWS echoes them (bootstrapClusterCreatorAdminPermissions only at creation, as here).
    """
    from moto.eks import responses

    original = responses.EKSResponse.create_cluster
    echoed = ["accessConfig", "upgradePolicy", "deletionProtection", "bootstrapSelfManagedAddons"]

    def create_cluster(self):
        result = original(self)
        cluster = self.eks_backend.describe_cluster(name=self._get_param("name"))
        for key in echoed:
            value = self._get_param(key)
            if value is not None:
                setattr(cluster, key, value)
        return result

    responses.EKSResponse.create_cluster = create_cluster


def fix_eks_nodegroup_remote_access_and_update_config():
    """
    moto 5.2.5: CreateNodegroup invents a remoteAccess block (key pair "eksKeypair") when none is
    asked for, and drops updateConfig; both make the provider replace the node group on every
    plan. AWS returns no remoteAccess for a group launched from a template, and the updateConfig
    it was given.
    """
    from moto.eks import responses

    original = responses.EKSResponse.create_nodegroup

    def create_nodegroup(self):
        result = original(self)
        nodegroup = self.eks_backend.describe_nodegroup(
            cluster_name=self._get_param("name"), nodegroup_name=self._get_param("nodegroupName")
        )
        if self._get_param("remoteAccess") is None:
            nodegroup.remote_access = None
        if self._get_param("updateConfig") is not None:
            nodegroup.update_config = self._get_param("updateConfig")
        return result

    responses.EKSResponse.create_nodegroup = create_nodegroup


def add_eks_addons_and_pod_identity_associations():
    """
    moto 5.2.5 implements neither EKS add-ons (CreateAddon, DescribeAddon, DeleteAddon,
    UpdateAddon) nor Pod Identity associations (Create/Describe/Delete/Update
    PodIdentityAssociation): they answer 404. Plain create, read, update and delete, kept per
    cluster; resources are ACTIVE at once, as moto's clusters are.
    """
    import uuid

    from moto.core.responses import ActionResult
    from moto.core.utils import utcnow
    from moto.eks import responses, urls
    from moto.eks.exceptions import ResourceNotFoundException

    addons, associations = {}, {}

    def cluster_arn(self, cluster):
        return self.eks_backend.describe_cluster(name=cluster).arn

    def new_association(self, cluster, namespace, service_account, role_arn, tags=None):
        association_id = "a-" + uuid.uuid4().hex[:17]
        association = {
            "clusterName": cluster,
            "namespace": namespace,
            "serviceAccount": service_account,
            "roleArn": role_arn,
            "associationArn": cluster_arn(self, cluster).replace(":cluster/", ":podidentityassociation/")
            + f"/{association_id}",
            "associationId": association_id,
            "tags": tags or {},
            "createdAt": utcnow(),
            "modifiedAt": utcnow(),
            "disableSessionTags": False,
        }
        associations[(self.region, cluster, association_id)] = association
        return association

    def create_addon(self):
        cluster, name = self._get_param("name"), self._get_param("addonName")
        arn = cluster_arn(self, cluster).replace(":cluster/", ":addon/") + f"/{name}/{uuid.uuid4()}"
        # An add-on's associations are ordinary Pod Identity associations, owned by the add-on;
        # managed add-ons run in kube-system.
        owned = [
            new_association(self, cluster, "kube-system", item["serviceAccount"], item["roleArn"])
            for item in (self._get_param("podIdentityAssociations") or [])
        ]
        addon = {
            "addonName": name,
            "clusterName": cluster,
            "status": "ACTIVE",
            "addonVersion": self._get_param("addonVersion"),
            "addonArn": arn,
            "createdAt": utcnow(),
            "modifiedAt": utcnow(),
            "serviceAccountRoleArn": self._get_param("serviceAccountRoleArn"),
            "tags": self._get_param("tags") or {},
            "configurationValues": self._get_param("configurationValues"),
            "podIdentityAssociations": [association["associationArn"] for association in owned],
        }
        addons[(self.region, cluster, name)] = addon
        return ActionResult({"addon": addon})

    def found_addon(self):
        key = (self.region, self._get_param("name"), self._get_param("addonName"))
        if key not in addons:
            raise ResourceNotFoundException(addonName=key[2], clusterName=key[1], message="No addon found")
        return key

    def describe_addon(self):
        return ActionResult({"addon": addons[found_addon(self)]})

    def update_addon(self):
        addon = addons[found_addon(self)]
        for key in ("addonVersion", "serviceAccountRoleArn", "configurationValues"):
            if self._get_param(key) is not None:
                addon[key] = self._get_param(key)
        addon["modifiedAt"] = utcnow()
        return ActionResult({"update": {"id": str(uuid.uuid4()), "status": "Successful", "type": "AddonUpdate"}})

    def delete_addon(self):
        addon = addons.pop(found_addon(self))
        for arn in addon["podIdentityAssociations"]:
            key = (self.region, addon["clusterName"], arn.rsplit("/", 1)[1])
            associations.pop(key, None)
        return ActionResult({"addon": addon})

    def create_pod_identity_association(self):
        association = new_association(
            self,
            self._get_param("name"),
            self._get_param("namespace"),
            self._get_param("serviceAccount"),
            self._get_param("roleArn"),
            self._get_param("tags"),
        )
        return ActionResult({"association": association})

    def found_association(self):
        key = (self.region, self._get_param("name"), self._get_param("associationId"))
        if key not in associations:
            raise ResourceNotFoundException(associationId=key[2], message="No association found")
        return key

    def describe_pod_identity_association(self):
        return ActionResult({"association": associations[found_association(self)]})

    def update_pod_identity_association(self):
        association = associations[found_association(self)]
        if self._get_param("roleArn") is not None:
            association["roleArn"] = self._get_param("roleArn")
        association["modifiedAt"] = utcnow()
        return ActionResult({"association": association})

    def delete_pod_identity_association(self):
        return ActionResult({"association": associations.pop(found_association(self))})

    for handler in (
        create_addon,
        describe_addon,
        update_addon,
        delete_addon,
        create_pod_identity_association,
        describe_pod_identity_association,
        update_pod_identity_association,
        delete_pod_identity_association,
    ):
        setattr(responses.EKSResponse, handler.__name__, handler)

    dispatch = urls.response.dispatch
    urls.url_paths.update(
        {
            "{0}/clusters/(?P<name>[^/]+)/addons$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)/update$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/pod-identity-associations/(?P<associationId>[^/]+)$": dispatch,
        }
    )


def add_eks_access_entries():
    """
    moto 5.2.5 implements no EKS access entries (Create/Describe/Update/DeleteAccessEntry) and no
    access policy associations (AssociateAccessPolicy, ListAssociatedAccessPolicies,
    DisassociateAccessPolicy): they answer 404, so aws_eks_access_entry and
    aws_eks_access_policy_association cannot be created. Plain create, read, update and delete,
    kept per cluster and principal. The principal and policy ARNs arrive URL-decoded in the path,
    slashes included, hence the `arn:` anchors in the routes.
    """
    from moto.core.responses import ActionResult
    from moto.core.utils import utcnow
    from moto.eks import responses, urls
    from moto.eks.exceptions import ResourceInUseException, ResourceNotFoundException

    entries, policies = {}, {}

    def key(self):
        return (self.region, self._get_param("name"), self._get_param("principalArn"))

    def found_entry(self):
        if key(self) not in entries:
            raise ResourceNotFoundException(
                clusterName=key(self)[1], message=f"The specified principalArn could not be found: {key(self)[2]}"
            )
        return key(self)

    def create_access_entry(self):
        cluster, principal = self._get_param("name"), self._get_param("principalArn")
        if key(self) in entries:
            raise ResourceInUseException(
                clusterName=cluster, message=f"The specified access entry resource is already in use: {principal}"
            )
        arn = self.eks_backend.describe_cluster(name=cluster).arn
        entry = {
            "clusterName": cluster,
            "principalArn": principal,
            "kubernetesGroups": self._get_param("kubernetesGroups") or [],
            "accessEntryArn": arn.replace(":cluster/", ":access-entry/") + "/" + principal.rsplit("/", 1)[-1],
            "createdAt": utcnow(),
            "modifiedAt": utcnow(),
            "tags": self._get_param("tags") or {},
            "username": self._get_param("username") or principal,
            "type": self._get_param("type") or "STANDARD",
        }
        entries[key(self)] = entry
        policies[key(self)] = {}
        return ActionResult({"accessEntry": entry})

    def describe_access_entry(self):
        return ActionResult({"accessEntry": entries[found_entry(self)]})

    def update_access_entry(self):
        entry = entries[found_entry(self)]
        for field in ("kubernetesGroups", "username"):
            if self._get_param(field) is not None:
                entry[field] = self._get_param(field)
        entry["modifiedAt"] = utcnow()
        return ActionResult({"accessEntry": entry})

    def delete_access_entry(self):
        found = found_entry(self)
        entries.pop(found)
        policies.pop(found, None)
        return ActionResult({})

    def associate_access_policy(self):
        found = found_entry(self)
        associated = {
            "policyArn": self._get_param("policyArn"),
            "accessScope": self._get_param("accessScope"),
            "associatedAt": utcnow(),
            "modifiedAt": utcnow(),
        }
        policies[found][associated["policyArn"]] = associated
        return ActionResult({"clusterName": found[1], "principalArn": found[2], "associatedAccessPolicy": associated})

    def list_associated_access_policies(self):
        found = found_entry(self)
        return ActionResult(
            {
                "clusterName": found[1],
                "principalArn": found[2],
                "associatedAccessPolicies": list(policies[found].values()),
            }
        )

    def disassociate_access_policy(self):
        found = found_entry(self)
        if policies[found].pop(self._get_param("policyArn"), None) is None:
            raise ResourceNotFoundException(clusterName=found[1], message="The access policy is not associated")
        return ActionResult({})

    for handler in (
        create_access_entry,
        describe_access_entry,
        update_access_entry,
        delete_access_entry,
        associate_access_policy,
        list_associated_access_policies,
        disassociate_access_policy,
    ):
        setattr(responses.EKSResponse, handler.__name__, handler)

    dispatch = urls.response.dispatch
    urls.url_paths.update(
        {
            "{0}/clusters/(?P<name>[^/]+)/access-entries$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/access-entries/(?P<principalArn>arn:.+?)/access-policies$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/access-entries/(?P<principalArn>arn:.+?)/access-policies/(?P<policyArn>arn:.+)$": dispatch,
            "{0}/clusters/(?P<name>[^/]+)/access-entries/(?P<principalArn>arn:.+)$": dispatch,
        }
    )

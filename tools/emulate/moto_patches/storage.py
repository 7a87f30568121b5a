"""S3 and S3 Control. See __init__.py for what a fix here must say."""


def fix_s3control_tags_of_encoded_arns():
    """
    moto 5.2.5: the provider reads and writes bucket tags through S3 Control
    (ListTagsForResource on /v20180820/tags/<url-encoded bucket ARN>). moto looks the ARN up
    still URL-encoded, finds no tags, and every bucket drifts on re-plan (and everything that
    reads the bucket's attributes with it). AWS decodes the path parameter.
    """
    from urllib.parse import unquote

    from moto.s3control import models

    for name in ("list_tags_for_resource", "tag_resource", "untag_resource"):
        original = getattr(models.S3ControlBackend, name)

        def decoded(self, resource_arn, *args, _original=original, **kwargs):
            return _original(self, unquote(resource_arn), *args, **kwargs)

        setattr(models.S3ControlBackend, name, decoded)


def fix_create_bucket_tags():
    """
    moto 5.2.5: CreateBucket ignores the Tags of CreateBucketConfiguration, which the provider now
    sends instead of a later PutBucketTagging; the bucket has no tags, and every plan wants to add
    them (and re-reads everything derived from the bucket). AWS tags the bucket at creation.
    """
    import xmltodict
    from moto.s3 import responses

    original = responses.S3Response._bucket_response_put

    def bucket_response_put(self, request, bucket_name, querystring):
        result = original(self, request, bucket_name, querystring)
        if not querystring and self.body:
            configuration = xmltodict.parse(self.body).get("CreateBucketConfiguration") or {}
            tags = (configuration.get("Tags") or {}).get("Tag") or []
            tags = tags if isinstance(tags, list) else [tags]
            if tags:
                self.backend.put_bucket_tagging(bucket_name, {tag["Key"]: tag["Value"] for tag in tags})
        return result

    responses.S3Response._bucket_response_put = bucket_response_put

"""CloudWatch: the protocol the provider speaks, and composite alarms. See __init__.py for what a fix here must say."""

import re


CLOUDWATCH_CBOR_PATH = re.compile(r"^/service/GraniteServiceVersion20100801/operation/(?P<operation>[A-Za-z]+)$")


def _with_timestamps_tagged(shape, value):
    """`value` (parsed from JSON) with every timestamp member of `shape` as CBOR tag 1."""
    import cbor2

    if value is None:
        return None
    if shape.type_name == "timestamp":
        return cbor2.CBORTag(1, value)
    if shape.type_name == "structure" and isinstance(value, dict):
        return {
            key: _with_timestamps_tagged(shape.members[key], item) if key in shape.members else item
            for key, item in value.items()
        }
    if shape.type_name == "list" and isinstance(value, list):
        return [_with_timestamps_tagged(shape.member, item) for item in value]
    return value


def add_cloudwatch_rpc_v2_cbor():
    """
    moto 5.2.5 serves CloudWatch in the query and JSON protocols, but the provider
    (aws-sdk-go-v2) speaks Smithy RPC v2 CBOR to it: POST
    /service/GraniteServiceVersion20100801/operation/<Operation>, a CBOR body and the header
    `smithy-protocol: rpc-v2-cbor`. moto answers 404, so no alarm or dashboard can be created.
    CloudWatch's JSON protocol (awsJson1_0) carries the same shapes, so the CBOR request is
    handed to moto as that JSON request, and moto's JSON answer goes back as CBOR with
    timestamps as tag 1 (epoch seconds), as the protocol requires.
    """
    import datetime
    import io
    import json

    import botocore.session
    import cbor2
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    from .transport import complete_answer

    model = botocore.session.get_session().get_service_model("cloudwatch")
    original = DomainDispatcherApplication.__call__

    def as_json(value):
        if isinstance(value, datetime.datetime):
            return value.timestamp()
        if isinstance(value, (bytes, bytearray)):
            import base64

            return base64.b64encode(value).decode()
        raise TypeError(f"no JSON form for {type(value).__name__}")

    def __call__(self, environ, start_response):
        match = CLOUDWATCH_CBOR_PATH.match(environ.get("PATH_INFO", ""))
        if match is None or environ.get("HTTP_SMITHY_PROTOCOL") != "rpc-v2-cbor":
            return original(self, environ, start_response)
        operation = match.group("operation")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        request = cbor2.loads(raw) if raw else {}
        body = json.dumps(request, default=as_json).encode()
        environ = {
            **environ,
            "PATH_INFO": "/",
            "CONTENT_TYPE": "application/x-amz-json-1.0",
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_X_AMZ_TARGET": f"GraniteServiceVersion20100801.{operation}",
            "wsgi.input": io.BytesIO(body),
        }
        status, headers, answer = complete_answer(original, self, environ)
        parsed = json.loads(answer) if answer.strip() else {}
        if status.startswith("2") and operation in model.operation_names:
            output = model.operation_model(operation).output_shape
            if output is not None:
                parsed = _with_timestamps_tagged(output, parsed)
        encoded = cbor2.dumps(parsed)
        kept = [(k, v) for k, v in headers if k.lower() not in ("content-type", "content-length")]
        start_response(
            status,
            kept
            + [
                ("Content-Type", "application/cbor"),
                ("Content-Length", str(len(encoded))),
                ("smithy-protocol", "rpc-v2-cbor"),
            ],
        )
        return [encoded]

    DomainDispatcherApplication.__call__ = __call__


def add_cloudwatch_put_composite_alarm():
    """
    moto 5.2.5 stores composite alarms (an alarm with an AlarmRule; DescribeAlarms returns them as
    CompositeAlarms) but routes no PutCompositeAlarm to that code, so the provider's
    aws_cloudwatch_composite_alarm cannot be created. PutMetricAlarm's handler already reads
    AlarmRule for this purpose.
    """
    from moto.cloudwatch import responses

    responses.CloudWatchResponse.put_composite_alarm = responses.CloudWatchResponse.put_metric_alarm

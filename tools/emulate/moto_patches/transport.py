"""Fixes to how moto's server answers, whatever the service. See __init__.py for what a fix here must say."""



def complete_answer(call, app, environ):
    """Runs a WSGI call to its end: (status, headers, body), the body read and the iterable closed."""
    captured = {}

    def capture(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, list(headers)

    iterable = call(app, environ, capture)
    try:
        body = b"".join(iterable)
    finally:
        if hasattr(iterable, "close"):
            iterable.close()
    return captured["status"], captured["headers"], body


def replay_answer_to_a_resent_call():
    """
    moto 5.2.5 (werkzeug's threaded server) under load, e.g. three environments on two cores: now
    and then the SDK does not see moto's answer to a call that moto carried out, and sends the same
    call again (same `amz-sdk-invocation-id` header, `amz-sdk-request: attempt=2`). A call that is
    not idempotent then fails where the first attempt succeeded: in CI on 2026-12-02,
    RevokeSecurityGroupEgress of a new group's default rule answered
    "InvalidPermission.NotFound" to the resend, and the apply failed. The answer a client would
    have seen is the first one, so a resend of a call moto has already answered (below 500) gets
    that answer again instead of running the call twice. Reads (GET, HEAD) and calls without the
    header are untouched.
    """
    import threading
    from collections import OrderedDict

    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    remembered = 4096
    answers = OrderedDict()
    lock = threading.Lock()
    original = DomainDispatcherApplication.__call__

    def __call__(self, environ, start_response):
        invocation = environ.get("HTTP_AMZ_SDK_INVOCATION_ID")
        # A resent read is harmless, and remembering reads would keep every state file read.
        if invocation is None or environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            return original(self, environ, start_response)
        with lock:
            answer = answers.get(invocation)
        if answer is not None:
            status, headers, body = answer
            print(f"replayed the answer ({status}) to a resent call {invocation}", flush=True)
            start_response(status, headers)
            return [body]
        status, headers, body = complete_answer(original, self, environ)
        start_response(status, headers)
        if int(status.split(" ", 1)[0]) < 500:
            with lock:
                answers[invocation] = (status, headers, body)
                while len(answers) > remembered:
                    answers.popitem(last=False)
        return [body]

    DomainDispatcherApplication.__call__ = __call__

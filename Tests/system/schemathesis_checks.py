"""A check for schemathesis (loaded through SCHEMATHESIS_HOOKS by test_schemathesis.py).

`valid_request_not_refused` takes the place of schemathesis' own positive_data_acceptance:
a request the OpenAPI document allows must never be refused for its form. Every syntactic
refusal of the server (400, 413, 422 `invalid_text`) means the document allows less or more
than the server; a 422 for a rule of the domain that no schema can state (an unknown pool in
a body, a PESEL's check digit, a ballot over its pool's limits, a minimum above its maximum)
is an answer, not a refusal of the form, as are 401, 403, 404 and 409.
"""
import schemathesis

# Refusals of the request's form: a valid request must never get one.
FORM_REFUSALS = {"malformed_json", "unknown_field", "invalid_text", "invalid_idempotency_key", "malformed_request", "body_too_large"}


@schemathesis.check
def valid_request_not_refused(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    code = None
    if response.headers.get("content-type", [""])[0].startswith("application/problem+json"):
        try:
            code = response.json().get("code")
        except ValueError:
            code = None
    if response.status_code in (400, 413) or code in FORM_REFUSALS:
        raise AssertionError(f"a request the document allows was refused for its form: {response.status_code} {code}: {response.text[:300]}")
    return None

#!/usr/bin/env python3
"""Holds answers the server gave to the OpenAPI document (server/data/openapi.json).

  check_responses.py OPENAPI.json < ANSWERS

ANSWERS has one JSON object a line: {"route": "GET /api/v1/reports/{tracking_id}",
"status": 200, "content_type": "application/json; charset=utf-8", "has_body": true,
"streamed": false, "body": "..."}; "body" is there for JSON answers only. For each answer the
document must list its status for its operation and its media type for that status; a JSON
body must match the schema of that media type, and a JSON body without a schema is refused,
so that every field the server sends is written down. Prints one line per problem
("GET /path 200 application/json /items/0/title: 5 is not of type 'string'") and exits 1
when there is any, 0 otherwise.

The schemas are read as OpenAPI 3.0 writes them and checked with jsonschema's draft 2020-12
validator after two changes in this checker's copy only:

- 3.0's `nullable: true` becomes a "null" in `type` (and in `enum`), which is what it means;
- every object is closed: `unevaluatedProperties: false` wherever the document does not say
  what other fields may hold. The document itself stays open, as 3.0 readers expect: a 3.0
  document cannot close an object that is built with allOf (each part's
  additionalProperties would refuse the other parts' fields), while 2020-12's
  unevaluatedProperties sees through allOf and $ref. Closing only at the places a schema is
  used, never at the root of a component or of an allOf part, keeps ReporterReport (allOf
  PublicReport and its own fields) whole.
"""
import copy
import json
import sys

from jsonschema import Draft202012Validator, RefResolver
from jsonschema.exceptions import best_match

MAX_PROBLEMS_PER_ANSWER = 5


def strict(schema, close=True):
    """The validation view of one schema; `close` when an object here must be closed."""
    if not isinstance(schema, dict):
        return schema
    s = dict(schema)
    if "properties" in s:
        s["properties"] = {k: strict(v) for k, v in s["properties"].items()}
    if isinstance(s.get("additionalProperties"), dict):
        s["additionalProperties"] = strict(s["additionalProperties"])
    if "items" in s:
        s["items"] = strict(s["items"])
    # The parts of a composition stay open: the composing schema closes the whole.
    for key in ("allOf", "anyOf", "oneOf"):
        if key in s:
            s[key] = [strict(part, close=False) for part in s[key]]
    if s.pop("nullable", False):
        if "type" in s:
            s["type"] = [s["type"], "null"]
            if "enum" in s:
                s["enum"] = list(s["enum"]) + [None]
        else:
            s = {"anyOf": [s, {"type": "null"}]}
    # Harmless on anything not an object, so no need to know what a $ref names.
    if close and "additionalProperties" not in s and "unevaluatedProperties" not in s:
        s["unevaluatedProperties"] = False
    return s


def validation_view(doc):
    view = copy.deepcopy(doc)
    schemas = view.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        schemas[name] = strict(schema, close=False)
    return view


def find_response(doc, route, status):
    method, _, path = route.partition(" ")
    operation = doc["paths"].get(path, {}).get(method.lower())
    if operation is None:
        return None, "no such operation"
    responses = operation["responses"]
    for code in (str(status), str(status)[0] + "XX", "default"):
        if code in responses:
            return responses[code], None
    return None, "status not documented"


def media_type(content_type):
    return content_type.split(";")[0].strip().lower()


def is_json(media):
    return media == "application/json" or media.endswith("+json")


def pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def describe(errors):
    """(JSON pointer of the bad value, why) for each error: for an unexpected field, the
    field's own pointer."""
    found, unexpected = [], []
    for error in errors:
        if error.validator == "unevaluatedProperties" and isinstance(error.instance, dict):
            path = list(error.absolute_path)
            unexpected += [pointer(path + [k]) for k in error.instance if repr(k) in error.message]
            continue
        if error.context:
            error = best_match(error.context)
        found.append((pointer(error.absolute_path), error.message))
    # A documented field whose value is wrong counts as unevaluated too: say only what is wrong
    # with it.
    for field in unexpected:
        if not any(p == field or p.startswith(field + "/") for p, _ in found):
            found.append((field, "field not in the document"))
    return found


class Checker:
    def __init__(self, doc):
        self.doc = doc
        self.view = validation_view(doc)
        self.resolver = RefResolver("", self.view)
        self.validators = {}

    def validator(self, route, status, media, schema):
        key = (route, status, media)
        if key not in self.validators:
            self.validators[key] = Draft202012Validator(strict(schema), resolver=self.resolver)
        return self.validators[key]

    def check(self, answer):
        route, status = answer["route"], answer["status"]
        media = media_type(answer.get("content_type", ""))
        where = f"{route} {status}"
        response, why = find_response(self.doc, route, status)
        if response is None:
            return [f"{where}: {why}"]
        content = response.get("content", {})
        if not answer["has_body"]:
            return []
        if media not in content:
            listed = ", ".join(content) or "no body"
            return [f"{where}: {media or 'a body without a content type'} is not documented "
                    f"(the document has {listed})"]
        if not is_json(media) or answer.get("streamed"):
            return []
        schema = content[media].get("schema")
        if schema is None:
            return [f"{where} {media}: the document has no schema for this JSON body"]
        try:
            body = json.loads(answer["body"])
        except ValueError as e:
            return [f"{where} {media}: not JSON ({e})"]
        errors = self.validator(route, status, media, schema).iter_errors(body)
        found = describe(errors)[:MAX_PROBLEMS_PER_ANSWER]
        return [f"{where} {media} {place}: {why}" for place, why in found]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        checker = Checker(json.load(f))
    problems = []
    for line in sys.stdin:
        if line.strip():
            for problem in checker.check(json.loads(line)):
                if problem not in problems:
                    problems.append(problem)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

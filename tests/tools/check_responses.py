#!/usr/bin/env python3
"""Holds answers the server gave to the OpenAPI document (server/data/openapi.json).

  check_responses.py OPENAPI.json < ANSWERS

ANSWERS has one JSON object a line: {"route": "GET /api/v1/reports/{tracking_id}",
"status": 200, "content_type": "application/json; charset=utf-8", "has_body": true,
"streamed": false, "body": "..."}; "body" is there for JSON answers and Open311's XML ones
only. For each answer the document must list its status for its operation and its media type
for that status; a JSON body must match the schema of that media type, and a JSON body without
a schema is refused, so that every field the server sends is written down. An XML body
(Open311) is read into the shape its JSON twin has, guided by that twin's schema (a list's
entries are the element's children, an object's fields its child elements, numbers and
booleans parsed from their text), and must match the same schema: the two formats say the
same things, and neither carries a field the document does not name. Prints one line per problem
("GET /path 200 application/json /items/0/title: 5 is not of type 'string'") and exits 1
when there is any, 0 otherwise.

The schemas are read as OpenAPI 3.0 writes them and checked with jsonschema's draft 2020-12
validator in this checker's own copy, changed in three ways:

- every $ref is replaced by the component it names, and the parts of an allOf are merged
  into one object (their properties and required fields together);
- 3.0's `nullable: true` becomes a "null" in `type` (and in `enum`), which is what it means;
- every object is closed: `additionalProperties: false` wherever the document does not say
  what other fields may hold, so a field the server starts sending fails the test until the
  document names it. The document itself stays open, as 3.0 readers expect, and has to: a
  3.0 document cannot close an object built with allOf (each part's additionalProperties
  would refuse the other parts' fields). Merging the parts here is what lets this copy close
  them; 2020-12's unevaluatedProperties would too, but costs jsonschema a millisecond an
  object where this costs microseconds, and the tests send thousands.
"""
import json
import sys
import xml.etree.ElementTree as ET

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

MAX_PROBLEMS_PER_ANSWER = 5


def merge_parts(parts):
    """One object schema with the properties and required fields of every part."""
    out = {"type": "object", "properties": {}}
    required = []
    for part in parts:
        for key, value in part.items():
            if key == "properties":
                for name, schema in value.items():
                    seen = out["properties"].get(name)
                    # A field two parts describe must satisfy both.
                    out["properties"][name] = (schema if seen is None or seen == schema
                                               else {"allOf": [seen, schema]})
            elif key == "required":
                required += [name for name in value if name not in required]
            elif key == "type" and value in ("object", ["object", "null"]):
                pass
            elif key not in ("additionalProperties", "description"):
                raise ValueError(f"an allOf part with {key}: the checker cannot merge it")
    if required:
        out["required"] = required
    return out


class View:
    """The validation copy of the document's schemas (see above)."""

    def __init__(self, doc):
        self.components = doc.get("components", {}).get("schemas", {})
        self.done = {}

    def component(self, ref, resolving):
        name = ref.rsplit("/", 1)[-1]
        if name in resolving:
            raise ValueError(f"{ref} refers to itself: the checker inlines components")
        if name not in self.done:
            self.done[name] = self.of(self.components[name], resolving | {name})
        return self.done[name]

    def of(self, schema, resolving=frozenset()):
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            # 3.0 ignores what stands beside a $ref.
            return self.component(schema["$ref"], resolving)
        s = dict(schema)
        if "properties" in s:
            s["properties"] = {k: self.of(v, resolving) for k, v in s["properties"].items()}
        if isinstance(s.get("additionalProperties"), dict):
            s["additionalProperties"] = self.of(s["additionalProperties"], resolving)
        if "items" in s:
            s["items"] = self.of(s["items"], resolving)
        for key in ("anyOf", "oneOf"):
            if key in s:
                s[key] = [self.of(part, resolving) for part in s[key]]
        if "allOf" in s:
            parts = [self.of(part, resolving) for part in s.pop("allOf")]
            merged = merge_parts(parts + [s])
            s = {k: v for k, v in s.items() if k in ("description", "nullable")}
            s.update(merged)
        if s.pop("nullable", False):
            if "type" in s:
                s["type"] = [s["type"], "null"]
                if "enum" in s:
                    s["enum"] = list(s["enum"]) + [None]
            else:
                s = {"anyOf": [s, {"type": "null"}]}
        is_object = s.get("type") in ("object", ["object", "null"]) or "properties" in s
        if is_object and "additionalProperties" not in s:
            s["additionalProperties"] = False
        return s


def scalar_type(schema):
    """The type a leaf's schema names, null aside, and whether null is allowed."""
    if "anyOf" in schema:
        parts = [p for p in schema["anyOf"] if p.get("type") != "null"]
        return (scalar_type(parts[0])[0] if parts else None), True
    types = schema.get("type")
    if isinstance(types, list):
        rest = [t for t in types if t != "null"]
        return (rest[0] if rest else None), "null" in types
    return types, False


def from_xml(element, schema):
    """The value an XML element stands for, in the shape `schema` (resolved) gives it."""
    kind, nullable = scalar_type(schema)
    if "anyOf" in schema:
        schema = next((p for p in schema["anyOf"] if p.get("type") != "null"), schema)
    if kind == "array" or "items" in schema:
        return [from_xml(child, schema.get("items", {})) for child in element]
    if kind == "object" or "properties" in schema or len(element):
        fields = schema.get("properties", {})
        return {child.tag: from_xml(child, fields.get(child.tag, {})) for child in element}
    text = element.text or ""
    if text == "" and nullable:
        return None
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text)
    except ValueError:
        return text  # the schema's type check says what is wrong
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


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
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            path = list(error.absolute_path)
            unexpected += [pointer(path + [k]) for k in error.instance if repr(k) in error.message]
            continue
        if error.context:
            error = best_match(error.context)
        found.append((pointer(error.absolute_path), error.message))
    return found + [(field, "field not in the document") for field in unexpected]


class Checker:
    def __init__(self, doc):
        self.doc = doc
        self.view = View(doc)
        self.validators = {}

    def validator(self, route, status, media, schema):
        key = (route, status, media)
        if key not in self.validators:
            self.validators[key] = Draft202012Validator(self.view.of(schema))
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
        if media in ("text/xml", "application/xml") and "body" in answer:
            return self.check_xml(answer, content, where, media)
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


    def check_xml(self, answer, content, where, media):
        twin = content.get("application/json", {}).get("schema")
        if twin is None:
            return [f"{where} {media}: no JSON schema to read the XML by"]
        try:
            root = ET.fromstring(answer["body"].encode("utf-8"))
        except ET.ParseError as e:
            return [f"{where} {media}: not well formed ({e})"]
        body = from_xml(root, self.view.of(twin))
        errors = self.validator(answer["route"], answer["status"], "application/json",
                                twin).iter_errors(body)
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

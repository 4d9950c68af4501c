#!/usr/bin/python3
"""Sends a message to the demo's aduan as an SMS gateway would: signed, timestamped, with a
fresh nonce. Usage: tools/demo_inbound.py [--channel sms] FROM "TEXT" (the demo's secret
and port are read from demo-data/notify.json)."""
import argparse
import hashlib
import hmac
import json
import os
import time
import urllib.request
import uuid

parser = argparse.ArgumentParser()
parser.add_argument("sender")
parser.add_argument("text")
parser.add_argument("--channel", default="sms", choices=["sms", "whatsapp", "email"])
parser.add_argument("--url", default="http://127.0.0.1:" + os.environ.get("PORT", "8080"))
parser.add_argument("--config", default="demo-data/notify.json")
args = parser.parse_args()

secret = json.load(open(args.config))["inbound_secret"]
body = json.dumps({"from": args.sender, "text": args.text}).encode()
stamp, nonce = str(int(time.time())), uuid.uuid4().hex
signature = "sha256=" + hmac.new(secret.encode(), f"{stamp}.{nonce}.".encode() + body,
                                 hashlib.sha256).hexdigest()
request = urllib.request.Request(
    f"{args.url}/api/v1/inbound/{args.channel}", data=body, method="POST",
    headers={"Content-Type": "application/json", "X-Aduan-Timestamp": stamp,
             "X-Aduan-Nonce": nonce, "X-Aduan-Signature": signature})
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    with opener.open(request) as response:
        print(response.status, response.read().decode())
except urllib.error.HTTPError as error:
    print(error.code, error.read().decode())

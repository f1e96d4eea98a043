#!/usr/bin/env python3
"""OSS V1 header signatures for bench/run.sh, computed right before each wrk run (OSS refuses a
Date more than 15 minutes off). The wrk scripts only replay the values printed here.

    StringToSign = VERB \\n Content-MD5 \\n Content-Type \\n Date \\n CanonicalizedResource
    Signature    = Base64(HMAC-SHA1(AccessKeySecret, UTF-8(StringToSign)))

    python3 oss_v1_sign.py --op put-encryption --format env   # export OSS_* for wrk
    python3 oss_v1_sign.py --op put-bucket --send 127.0.0.1:9000
    python3 oss_v1_sign.py --selftest                          # the spec's V1 vectors
"""
import argparse
import base64
import email.utils
import hashlib
import hmac
import http.client
import ipaddress
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RULE_BODY = os.path.join(HERE, "wrk", "put-encryption-body.xml")

# op: (verb, sub-resource or None, object key or None, body kind)
OPS = {
    "put-bucket": ("PUT", None, None, None),
    "put-encryption": ("PUT", "encryption", None, "rule"),
    "get-encryption": ("GET", "encryption", None, None),
    "put-object": ("PUT", None, "bench-object", "object"),
    "get-object": ("GET", None, "bench-object", None),
}


def sign(secret, sts):
    mac = hmac.new(secret.encode("utf-8"), sts.encode("utf-8"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode("ascii")


def build(op, bucket, ak, sk, date, body_file):
    verb, sub, key, kind = OPS[op]
    body, ctype, md5 = b"", "", ""
    if kind == "rule":
        with open(RULE_BODY, "rb") as f:
            body = f.read()
        ctype = "application/xml"
        md5 = base64.b64encode(hashlib.md5(body).digest()).decode("ascii")
    elif kind == "object":
        # No Content-MD5, as the Java SDK sends PutObject; the server still computes MD5 and CRC-64.
        with open(body_file, "rb") as f:
            body = f.read()
        ctype = "application/octet-stream"
    resource = "/%s/%s" % (bucket, key or "") + ("?" + sub if sub else "")
    path = "/%s%s" % (bucket, "/" + key if key else "") + ("?" + sub if sub else "")
    sts = "%s\n%s\n%s\n%s\n%s" % (verb, md5, ctype, date, resource)
    auth = "OSS %s:%s" % (ak, sign(sk, sts))
    return {"verb": verb, "path": path, "date": date, "content_type": ctype,
            "content_md5": md5, "authorization": auth, "body": body}


def send(req, hostport):
    host, _, port = hostport.rpartition(":")
    if not ipaddress.ip_address(host.strip("[]")).is_loopback:
        raise SystemExit("refusing %r: the benchmark only targets loopback" % host)
    conn = http.client.HTTPConnection(host.strip("[]"), int(port), timeout=10)
    headers = {"Date": req["date"], "Authorization": req["authorization"],
               "Content-Length": str(len(req["body"]))}
    if req["content_type"]:
        headers["Content-Type"] = req["content_type"]
    if req["content_md5"]:
        headers["Content-MD5"] = req["content_md5"]
    conn.request(req["verb"], req["path"], body=req["body"] or None, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    print("%s %s -> %d %s" % (req["verb"], req["path"], resp.status, data[:300].decode("utf-8", "replace")))
    return 0 if 200 <= resp.status < 300 or (resp.status == 409 and req["verb"] == "PUT") else 3


def selftest():
    # spec §10.5, V1-P1: the StringToSign layout with Expires in the date slot.
    got = sign("sk", "GET\n\n\n1699807420\n/bucket/key?versionId=versionId")
    ok = got == "dcLTea+Yh9ApirQ8o8dOPqtvJXQ="
    print("selftest: %s" % ("passed" if ok else "FAILED (got %s)" % got))
    return 0 if ok else 1


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--op", choices=sorted(OPS), default="put-encryption")
    p.add_argument("--bucket", default="bench-bucket")
    p.add_argument("--ak", default="bench-ak")
    p.add_argument("--sk", default="bench-sk")
    p.add_argument("--body-file", help="the object body for put-object")
    p.add_argument("--format", choices=["env"], default="env")
    p.add_argument("--send", metavar="HOST:PORT", help="send one signed request (loopback only)")
    p.add_argument("--selftest", action="store_true")
    a = p.parse_args()
    if a.selftest:
        return selftest()
    req = build(a.op, a.bucket, a.ak, a.sk, email.utils.formatdate(usegmt=True), a.body_file)
    if a.send:
        return send(req, a.send)
    env = {"OSS_SIGNED_VERB": req["verb"], "OSS_PATH": req["path"], "OSS_DATE": req["date"],
           "OSS_CONTENT_TYPE": req["content_type"], "OSS_CONTENT_MD5": req["content_md5"],
           "OSS_AUTHORIZATION": req["authorization"], "OSS_BODY_FILE": a.body_file or ""}
    for k, v in env.items():
        print("export %s=%s" % (k, shlex.quote(v)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A real S3 API for the tests: moto's standalone server, started once per test session on a
free local port and stopped at its end, and a fixture that points the site's storage at a fresh
bucket in it, as S3_* variables in production would (cus_site.settings)."""

import contextlib
import io
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import boto3
import pytest
from django.core.management import call_command

from cus_site import middleware
from cus_site import settings as site_settings

KEY_ID, SECRET = "testing-key", "testing-secret"
REGION = "eu-central-1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("moto's server stopped as it started")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return
        time.sleep(0.2)
    raise RuntimeError(f"moto's server did not answer at {url}")


@contextlib.contextmanager
def moto_server(**environment):
    """moto's S3 server on a free port, with these extra environment variables: its address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **environment},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of the S3 server (moto), running for the whole session."""
    with moto_server(AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET) as url:
        yield url


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
        region_name=REGION,
    )


def environment(endpoint, bucket):
    """The variables a production server would have for this bucket."""
    return {
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": endpoint,
        "S3_ACCESS_KEY_ID": KEY_ID,
        "S3_SECRET_ACCESS_KEY": SECRET,
        "S3_REGION": REGION,
        "MEDIA_PUBLIC_URL": f"{endpoint}/{bucket}",
    }


def new_bucket(endpoint):
    """A bucket of its own for a test, with the site's policy on it."""
    bucket = f"cus-{secrets.token_hex(6)}"
    client = s3_client(endpoint)
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    return bucket


@pytest.fixture
def object_storage(settings, s3_endpoint):
    """The site's uploads in a new bucket of the S3 server, for one test; the objects' names
    (`bucket.keys()`), contents (`bucket.read(name)`) and the variables (`bucket.env`)."""
    bucket = new_bucket(s3_endpoint)
    env = environment(s3_endpoint, bucket)
    config = site_settings.object_storage_from_env(env)
    changed = site_settings.object_storage_settings(
        config, settings.CONTENT_SECURITY_POLICY, settings.ADMIN_CONTENT_SECURITY_POLICY
    )
    settings.STORAGES = {**settings.STORAGES, "default": changed.pop("STORAGE_DEFAULT")}
    for name, value in changed.items():
        setattr(settings, name, value)
    middleware.admin_policy.cache_clear()
    # As deploy/README.md says to, once per bucket.
    call_command("storage_policy", "--apply", stdout=io.StringIO())
    yield Bucket(s3_client(s3_endpoint), bucket, env)
    middleware.admin_policy.cache_clear()


class Bucket:
    def __init__(self, client, name, env):
        self.client, self.name, self.env = client, name, env

    def keys(self, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.name, Prefix=prefix
        )
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    @property
    def public_url(self):
        return self.env["MEDIA_PUBLIC_URL"]

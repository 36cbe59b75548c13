"""Create-Thumbnail: a 128 px thumbnail of every image uploaded to a bucket, in "<bucket>-resized"."""

import os
import tempfile
import urllib.parse

import boto3
from PIL import Image

# Created once, when Lambda loads the module, and reused by every invocation that this
# execution environment serves: no new connection pool and credential lookup per event.
s3_client = boto3.client("s3")

THUMBNAIL_SIZE = (128, 128)


def resize_image(image_path, resized_path):
    """Shrink the image to fit in THUMBNAIL_SIZE, keep its format; return its content type."""
    with Image.open(image_path) as image:
        image_format = image.format  # read from the file's content, not from its name
        image.thumbnail(THUMBNAIL_SIZE)
        image.save(resized_path, format=image_format)
    return Image.MIME[image_format]


def handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        # Keys arrive URL-encoded, with spaces as "+": decode them before calling S3.
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        # A fresh directory per object: keys may contain "/", and /tmp outlives the
        # invocation when Lambda reuses the execution environment.
        with tempfile.TemporaryDirectory() as workdir:
            download_path = os.path.join(workdir, "original")
            upload_path = os.path.join(workdir, "resized")
            s3_client.download_file(bucket, key, download_path)
            content_type = resize_image(download_path, upload_path)
            s3_client.upload_file(
                upload_path,
                f"{bucket}-resized",
                f"thumbnail-{key}",
                ExtraArgs={"ContentType": content_type},
            )

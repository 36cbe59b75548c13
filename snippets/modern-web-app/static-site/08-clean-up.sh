# Delete the page, then the bucket (--force empties it first): the site is gone.
aws s3 rb "s3://$BUCKET_NAME" --force

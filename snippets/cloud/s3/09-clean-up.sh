aws s3api delete-objects --bucket "$BUCKET" --output text --query 'length(Deleted)' --delete \
  "$(aws s3api list-object-versions --bucket "$BUCKET" \
     --query '{Objects: Versions[].{Key: Key, VersionId: VersionId}, Quiet: `false`}')"
aws s3 rb "s3://$BUCKET"

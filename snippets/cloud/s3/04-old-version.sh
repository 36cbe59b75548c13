OLD_VERSION=$(aws s3api list-object-versions --bucket "$BUCKET" --prefix notes.txt \
  --query 'Versions[?IsLatest==`false`].VersionId' --output text)
aws s3api get-object --bucket "$BUCKET" --key notes.txt --version-id "$OLD_VERSION" \
  first-draft.txt > /dev/null
cat first-draft.txt

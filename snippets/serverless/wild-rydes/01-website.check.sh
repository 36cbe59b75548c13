[[ $(aws s3api get-bucket-website --bucket "$BUCKET" --query IndexDocument.Suffix --output text) == index.html ]]
aws s3 cp "s3://$BUCKET/index.html" - | cmp - index.html

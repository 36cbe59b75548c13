aws s3 cp HappyFace.jpg "s3://$BUCKET/HappyFace.jpg" --no-progress
aws s3api wait object-exists --bucket "$BUCKET-resized" --key thumbnail-HappyFace.jpg
aws s3 ls "s3://$BUCKET-resized/"

echo "first draft" > notes.txt
aws s3 cp notes.txt "s3://$BUCKET/notes.txt" --only-show-errors
echo "second draft, longer" > notes.txt
aws s3 cp notes.txt "s3://$BUCKET/notes.txt" --only-show-errors
aws s3api list-object-versions --bucket "$BUCKET" --prefix notes.txt \
  --query 'Versions[].[Key, IsLatest, Size]' --output text

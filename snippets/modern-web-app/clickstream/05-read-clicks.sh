# Wait for Firehose to write the buffered records (up to the 60-second interval)...
until [[ $(aws s3api list-objects-v2 --bucket "$CLICKS_BUCKET" --prefix clicks/ \
        --query 'length(Contents || `[]`)') -gt 0 ]]; do
    sleep 10
done
# ...then download what it wrote and print it, one record per line.
aws s3 cp "s3://$CLICKS_BUCKET/clicks/" delivered --recursive --quiet
find delivered -type f -exec cat {} + | sort

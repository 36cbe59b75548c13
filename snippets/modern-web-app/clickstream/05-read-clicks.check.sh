# Objects are named clicks/YYYY/MM/DD/HH/MysfitsClickStream-...
keys=$(aws s3api list-objects-v2 --bucket "$CLICKS_BUCKET" --prefix clicks/ \
    --query 'Contents[].Key' --output text | tr '\t' '\n')
[[ -n $keys ]]
if grep -Ev '^clicks/[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9]{2}/MysfitsClickStream-' <<< "$keys"; then exit 1; fi

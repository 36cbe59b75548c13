aws dynamodb create-table --cli-input-json file://dynamodb-table.json \
    --query 'TableDescription.TableArn' --output text
# Creation takes a few seconds: wait until the table is ACTIVE.
aws dynamodb wait table-exists --table-name MysfitsTable

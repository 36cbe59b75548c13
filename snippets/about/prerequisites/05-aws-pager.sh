export AWS_PAGER=""

#!/bin/sh
# moto runs `IMAGE HANDLER EVENT-JSON` with AWS_EXECUTION_ENV=AWS_Lambda_<runtime>.
# Lambda sets both region variables; moto only AWS_REGION, which boto3 does not read.
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-$AWS_REGION}"
case "$AWS_EXECUTION_ENV" in
  AWS_Lambda_python*) exec python3 /var/runtime/bootstrap.py "$@" ;;
  AWS_Lambda_nodejs*) exec node /var/runtime/bootstrap.js "$@" ;;
  *) echo "{\"errorMessage\": \"no runtime for $AWS_EXECUTION_ENV\"}"; exit 1 ;;
esac

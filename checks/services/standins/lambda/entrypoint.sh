#!/bin/sh
# moto runs `IMAGE HANDLER EVENT-JSON` with AWS_EXECUTION_ENV=AWS_Lambda_<runtime>.
case "$AWS_EXECUTION_ENV" in
  AWS_Lambda_python*) exec python3 /var/runtime/bootstrap.py "$@" ;;
  AWS_Lambda_nodejs*) exec node /var/runtime/bootstrap.js "$@" ;;
  *) echo "{\"errorMessage\": \"no runtime for $AWS_EXECUTION_ENV\"}"; exit 1 ;;
esac

# Fargate runs x86-64 (amd64) tasks unless told otherwise: build for that platform,
# even on an arm64 machine such as an Apple silicon Mac.
docker image build --platform linux/amd64 --tag mythicalmysfits/service .

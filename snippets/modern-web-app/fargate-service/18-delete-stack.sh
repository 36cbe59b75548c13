# Last, the network and the roles (this waits for the NAT gateways to go).
aws cloudformation delete-stack --stack-name MythicalMysfitsCoreStack
aws cloudformation wait stack-delete-complete --stack-name MythicalMysfitsCoreStack

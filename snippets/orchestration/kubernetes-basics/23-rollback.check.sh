# v1 is served again, and the rollback is recorded as a new revision (3) made from revision 1.
eventually 30 bash -c "curl --silent --max-time 5 'http://$NODE_IP:$NODE_PORT' | grep --fixed-strings '| v=1'"
[[ $(kubectl rollout history deployments/kubernetes-bootcamp) =~ $'\n'3[[:space:]] ]]

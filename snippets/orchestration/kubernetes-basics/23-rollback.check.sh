# v1 is served again, and the rollback is recorded as a new revision (3) made from revision 1.
for _ in $(seq 30); do
  answer=$(curl --silent --max-time 5 "http://$NODE_IP:$NODE_PORT" || true)
  [[ $answer == *"| v=1"* ]] && break
  sleep 1
done
[[ $answer == *"| v=1"* ]]
[[ $(kubectl rollout history deployments/kubernetes-bootcamp) =~ $'\n'3[[:space:]] ]]

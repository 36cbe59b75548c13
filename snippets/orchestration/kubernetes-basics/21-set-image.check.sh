# The Service serves v2 (old Pods leave its endpoints as they terminate, within seconds).
for _ in $(seq 30); do
  answer=$(curl --silent --max-time 5 "http://$NODE_IP:$NODE_PORT" || true)
  [[ $answer == *"| v=2"* ]] && break
  sleep 1
done
[[ $answer == *"| v=2"* ]]

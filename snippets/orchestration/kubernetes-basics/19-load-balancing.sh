for request in 1 2 3 4 5 6 7 8; do
  curl --silent --max-time 5 "http://$NODE_IP:$NODE_PORT"
done

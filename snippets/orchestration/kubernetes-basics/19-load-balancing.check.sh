# More than one Pod answers: 16 requests spread over 4 Pods all landing on one Pod would
# have a probability of 4 x (1/4)^16.
answered=$(for _ in $(seq 16); do curl --silent --max-time 5 "http://$NODE_IP:$NODE_PORT"; done \
  | sed -n 's/.*Running on: \([^ ]*\).*/\1/p' | sort -u | wc -l)
(( answered > 1 ))

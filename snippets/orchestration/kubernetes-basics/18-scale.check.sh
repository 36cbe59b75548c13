# The Service now sends traffic to all four Pods: its EndpointSlices list four ready
# addresses, and requests through the node port reach more than one Pod (kube-proxy
# follows the endpoints within a second or two).
four_ready_and_spread() {  # NODE_IP NODE_PORT
  local ready answered
  ready=$(kubectl get endpointslices --selector=kubernetes.io/service-name=kubernetes-bootcamp \
    --output=jsonpath='{range .items[*].endpoints[?(@.conditions.ready==true)]}{.addresses[0]}{"\n"}{end}' | sort -u | wc -l)
  answered=$(for _ in 1 2 3 4 5 6 7 8; do curl --silent --max-time 2 "http://$1:$2" || true; done \
    | sed -n 's/.*Running on: \([^ ]*\) .*/\1/p' | sort -u | wc -l)
  echo "$ready ready endpoints, $answered Pods answered"
  (( ready == 4 && answered > 1 ))
}
eventually 30 bash -c "$(declare -f four_ready_and_spread); four_ready_and_spread $NODE_IP $NODE_PORT"

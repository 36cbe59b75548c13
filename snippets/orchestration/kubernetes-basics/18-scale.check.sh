# The Service now sends traffic to all four Pods: its EndpointSlices list four ready
# addresses, and requests through the node port reach more than one Pod (kube-proxy
# follows the endpoints within a second or two).
for _ in $(seq 30); do
  ready=$(kubectl get endpointslices --selector=kubernetes.io/service-name=kubernetes-bootcamp \
    --output=jsonpath='{range .items[*].endpoints[?(@.conditions.ready==true)]}{.addresses[0]}{"\n"}{end}' | sort -u | wc -l)
  answered=$(for _ in 1 2 3 4 5 6 7 8; do curl --silent --max-time 2 "http://$NODE_IP:$NODE_PORT" || true; done \
    | sed -n 's/.*Running on: \([^ ]*\) .*/\1/p' | sort -u | wc -l)
  (( ready == 4 && answered > 1 )) && break
  sleep 1
done
(( ready == 4 && answered > 1 ))

# The Service now sends traffic to all four Pods: its EndpointSlices list four ready addresses
# (they follow the Pods within a few seconds).
for _ in $(seq 30); do
  ready=$(kubectl get endpointslices --selector=kubernetes.io/service-name=kubernetes-bootcamp \
    --output=jsonpath='{range .items[*].endpoints[?(@.conditions.ready==true)]}{.addresses[0]}{"\n"}{end}' | sort -u | wc -l)
  (( ready == 4 )) && break
  sleep 1
done
(( ready == 4 ))

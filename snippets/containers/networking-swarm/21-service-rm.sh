docker service rm myservice

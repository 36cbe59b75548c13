curl "http://$NLB_DNS/mysfits"

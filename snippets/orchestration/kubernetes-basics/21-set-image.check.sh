# The Service serves v2 (old Pods leave its endpoints as they terminate, within seconds).
eventually 30 bash -c "curl --silent --max-time 5 'http://$NODE_IP:$NODE_PORT' | grep --fixed-strings '| v=2'"

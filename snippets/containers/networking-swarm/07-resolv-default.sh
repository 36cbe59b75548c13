docker container exec web1 cat /etc/resolv.conf

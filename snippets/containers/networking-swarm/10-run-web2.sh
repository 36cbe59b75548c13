docker run --name web2 -d --network mynet nginx
docker container exec web2 cat /etc/resolv.conf

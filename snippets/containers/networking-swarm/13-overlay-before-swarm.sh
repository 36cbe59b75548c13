docker network create -d overlay overnet

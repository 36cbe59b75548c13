docker network create mynet

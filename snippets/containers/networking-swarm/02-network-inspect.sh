docker network inspect bridge

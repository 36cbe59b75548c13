! docker network inspect mynet > /dev/null 2>&1

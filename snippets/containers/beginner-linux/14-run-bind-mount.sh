docker container run --detach --publish 80:80 --name linux_tweet_app \
  --mount type=bind,source="$(pwd)",target=/usr/share/nginx/html \
  linux_tweet_app:1.0

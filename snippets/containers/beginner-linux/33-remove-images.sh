docker image rm linux_tweet_app:1.0 linux_tweet_app:2.0 linux_tweet_app:3.0 linux_tweet_app:3.1 \
  localhost:5043/linux_tweet_app:1.0
docker builder prune --force

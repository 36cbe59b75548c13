docker image tag linux_tweet_app:1.0 localhost:5043/linux_tweet_app:1.0

docker container stop linux_tweet_app
docker container rm linux_tweet_app

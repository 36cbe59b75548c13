docker container rm --force linux_tweet_app

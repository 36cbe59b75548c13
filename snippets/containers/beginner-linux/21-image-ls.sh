docker image ls linux_tweet_app

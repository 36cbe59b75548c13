docker image push linux_tweet_app:1.0

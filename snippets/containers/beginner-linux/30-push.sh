docker image push localhost:5043/linux_tweet_app:1.0

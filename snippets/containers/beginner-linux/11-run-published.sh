docker container run --detach --publish 80:80 --name linux_tweet_app linux_tweet_app:1.0

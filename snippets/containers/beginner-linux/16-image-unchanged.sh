docker container run --rm linux_tweet_app:1.0 cat /usr/share/nginx/html/index.html
